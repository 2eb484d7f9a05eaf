import { Module } from '@nestjs/common';
import { TargetsModule } from '../targets/targets.module.js';
import { BulletinsController } from './bulletins.controller.js';
import { BulletinsService } from './bulletins.service.js';

@Module({
  imports: [TargetsModule],
  controllers: [BulletinsController],
  providers: [BulletinsService],
})
export class BulletinsModule {}
