import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { TargetsModule } from '../board/targets.module.js';
import { ChainFilingsService } from './chain-filings.service.js';
import { ChainPageService } from '../board/chain-page.service.js';
import { ChainsController } from './chains.controller.js';
import { LeadEngine } from './lead.engine.js';
import { LeadFundsService } from './lead-funds.service.js';
import { LeadsController } from './leads.controller.js';
import { LeadsService } from './leads.service.js';

/**
 * 招商引资 (docs/domain/attraction.md): leads from negotiation to a project, their 到位资金, and
 * each chain's page with the indicators and 差异化指标 its team files. The board's 招商 block is
 * computed with the dashboard (attraction-board.ts), which this module reads back for chain pages.
 */
@Module({
  imports: [ProjectsModule, PlansModule, TargetsModule],
  controllers: [LeadsController, ChainsController],
  providers: [LeadsService, LeadEngine, LeadFundsService, ChainFilingsService, ChainPageService],
  exports: [LeadsService, LeadEngine, LeadFundsService, ChainFilingsService],
})
export class AttractionModule {}
