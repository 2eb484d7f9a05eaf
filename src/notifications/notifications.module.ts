import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BoardModule } from '../board/index.js';
import { BulletinsModule } from '../bulletins/index.js';
import { PeopleModule } from '../people/index.js';
import { ProjectRecordsModule } from '../project-records/index.js';
import { ReferenceModule } from '../reference/index.js';
import { ReportsModule } from '../reports/index.js';
import { RequestsModule } from '../requests/index.js';
import { ChannelsService } from './channels.service.js';
import { DeliveryWorker } from './delivery-worker.js';
import { NoticeCandidates } from './notice-candidates.js';
import { NoticeScheduler } from './notice-scheduler.js';
import { NoticeSettingsService } from './notice-settings.js';
import { NOTIFICATION_ENTITIES } from './notice.entities.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';

/** Notices from the rules, to the inbox and the units' channels, once (docs/notifications.md). */
@Module({
  imports: [
    TypeOrmModule.forFeature(NOTIFICATION_ENTITIES),
    ScheduleModule.forRoot(),
    ReportsModule,
    RequestsModule,
    ProjectRecordsModule,
    BoardModule,
    BulletinsModule,
    PeopleModule,
    ReferenceModule,
  ],
  controllers: [NotificationsController],
  providers: [NotificationsService, NoticeCandidates, ChannelsService, NoticeSettingsService, DeliveryWorker, NoticeScheduler],
  exports: [NotificationsService, ChannelsService],
})
export class NotificationsModule {}
