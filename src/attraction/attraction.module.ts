import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlansModule } from '../plans/index.js';
import { ProjectRecordsModule } from '../project-records/index.js';
import { ReferenceModule } from '../reference/index.js';
import { ChainFilingsService } from './chain-filings.service.js';
import { ChainIndicator } from './chain-indicator.entity.js';
import { ChainNote } from './chain-note.entity.js';
import { ChainsController } from './chains.controller.js';
import { LeadEngine } from './lead.engine.js';
import { LeadFund } from './lead-fund.entity.js';
import { LeadFundsService } from './lead-funds.service.js';
import { LeadTransition } from './lead-transition.entity.js';
import { Lead } from './lead.entity.js';
import { LeadsController } from './leads.controller.js';
import { LeadsService } from './leads.service.js';

export const ATTRACTION_ENTITIES = [Lead, LeadTransition, LeadFund, ChainIndicator, ChainNote];

/**
 * 招商引资 (docs/domain/attraction.md): leads from negotiation to a project, their 到位资金, and
 * the indicators and 差异化指标 each chain's team files. The board's 招商 block is computed with
 * the dashboard from this module's published queries (attraction-board.ts).
 */
@Module({
  imports: [TypeOrmModule.forFeature(ATTRACTION_ENTITIES), ProjectRecordsModule, PlansModule, ReferenceModule],
  controllers: [LeadsController, ChainsController],
  providers: [LeadsService, LeadEngine, LeadFundsService, ChainFilingsService],
  exports: [LeadsService, LeadEngine, LeadFundsService, ChainFilingsService],
})
export class AttractionModule {}
