import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProjectRecordsModule } from '../project-records/index.js';
import { ReferenceModule } from '../reference/index.js';
import { FactorRequest } from './factor-request.entity.js';
import { RequestEngine } from './request.engine.js';
import { RequestSettingsService } from './request-settings.service.js';
import { RequestTransition } from './request-transition.entity.js';
import { RequestsController } from './requests.controller.js';
import { RequestsService } from './requests.service.js';

export const REQUESTS_ENTITIES = [FactorRequest, RequestTransition];

/** 要素保障 (docs/domain/requests.md): requests raised for projects, routed to departments, through their machine; the month's lists. */
@Module({
  imports: [TypeOrmModule.forFeature(REQUESTS_ENTITIES), ProjectRecordsModule, ReferenceModule],
  controllers: [RequestsController],
  providers: [RequestsService, RequestEngine, RequestSettingsService],
  exports: [RequestsService, RequestEngine, RequestSettingsService],
})
export class RequestsModule {}
