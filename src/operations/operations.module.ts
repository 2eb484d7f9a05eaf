import { Module } from '@nestjs/common';
import { BackupScheduler } from './backup-scheduler.service.js';
import { HealthController } from './health.controller.js';
import { ReadinessService } from './readiness.service.js';

/**
 * Running it for real: health and readiness for a service manager or balancer, scheduled
 * backups. Request logs (request-log.ts) and the graceful shutdown (shutdown.ts) are wired by
 * the app factory and main.ts.
 */
@Module({
  controllers: [HealthController],
  providers: [ReadinessService, BackupScheduler],
})
export class OperationsModule {}
