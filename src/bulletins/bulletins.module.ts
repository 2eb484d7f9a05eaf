import { Module } from '@nestjs/common';
import { TargetsModule } from '../board/targets.module.js';
import { BulletinDocxController } from './bulletin-docx.controller.js';
import { BulletinsController } from './bulletins.controller.js';
import { BulletinsService } from './bulletins.service.js';

@Module({
  imports: [TargetsModule],
  controllers: [BulletinsController, BulletinDocxController],
  providers: [BulletinsService],
})
export class BulletinsModule {}
