import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProjectRecordsModule } from '../project-records/index.js';
import { ReferenceModule } from '../reference/index.js';
import { FactorRequest } from './factor-request.entity.js';
import { MonthListsService } from './month-lists.service.js';
import { RequestAgendaService } from './request-agenda.service.js';
import { RequestDisbursement } from './request-disbursement.entity.js';
import { RequestDisbursementsService } from './request-disbursements.service.js';
import { RequestEngine } from './request.engine.js';
import { RequestGroup } from './request-group.entity.js';
import { RequestGroupsController } from './request-groups.controller.js';
import { RequestGroupsService } from './request-groups.service.js';
import { RequestSettingsService } from './request-settings.service.js';
import { RequestTransition } from './request-transition.entity.js';
import { RequestsController } from './requests.controller.js';
import { RequestsService } from './requests.service.js';

export const REQUESTS_ENTITIES = [FactorRequest, RequestTransition, RequestGroup, RequestDisbursement];

/**
 * 要素保障 and the problem loop (docs/domain/requests.md): requests and problems raised from every
 * channel, routed to departments, through their machine; 共性 groups; the month's lists; 到位;
 * the year to date; the 常务会 paper's content.
 */
@Module({
  imports: [TypeOrmModule.forFeature(REQUESTS_ENTITIES), ProjectRecordsModule, ReferenceModule],
  // The groups' controller first: `requests/groups` must not be read as `requests/:id`.
  controllers: [RequestGroupsController, RequestsController],
  providers: [RequestsService, RequestEngine, RequestSettingsService, RequestGroupsService, MonthListsService, RequestDisbursementsService, RequestAgendaService],
  exports: [RequestsService, RequestEngine, RequestSettingsService, RequestGroupsService, MonthListsService, RequestAgendaService],
})
export class RequestsModule {}
