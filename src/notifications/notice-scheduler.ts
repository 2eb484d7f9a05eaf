import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob } from 'cron';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { NotificationsService } from './notifications.service.js';

/**
 * Runs the rules on its own (docs/notifications.md "Running"): a cron job per time of NOTIFY_TIMES
 * in the calendar zone (the first of the day also sends the digests), and a round each minute for
 * the deliveries waiting to be retried. Every server runs them: the notices' keys and the
 * deliveries' claims make each happen once. NOTIFY_TIMES=off (the tests) registers nothing.
 */
@Injectable()
export class NoticeScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('Notifications');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: SchedulerRegistry,
    private readonly notifications: NotificationsService,
  ) {}

  onApplicationBootstrap(): void {
    const { times } = this.config.notifications;
    if (times.length === 0) return;
    const zone = this.config.timeZone;
    times.forEach((time, i) => {
      const [hour, minute] = time.split(':').map(Number);
      const job = CronJob.from({
        cronTime: `0 ${minute} ${hour} * * *`,
        timeZone: zone,
        onTick: () => this.guard(`run ${time}`, () => this.notifications.run({ manual: false, digests: i === 0 })),
        start: false,
      });
      this.registry.addCronJob(`notifications.run.${time}`, job as never);
      job.start();
    });
    const retries = CronJob.from({ cronTime: '30 * * * * *', timeZone: zone, onTick: () => this.guard('deliveries', () => this.notifications.deliverDue()), start: false });
    this.registry.addCronJob('notifications.deliveries', retries as never);
    retries.start();
  }

  private async guard(what: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.error(`notifications ${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
