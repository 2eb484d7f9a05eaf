import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProjectRecordsModule } from '../project-records/index.js';
import { ReferenceModule } from '../reference/index.js';
import { ChainTarget } from './chain-target.entity.js';
import { ChainTargetsController } from './chain-targets.controller.js';
import { ChainTargetsService } from './chain-targets.service.js';
import { ListEntry } from './list-entry.entity.js';
import { ListsController } from './lists.controller.js';
import { ListsService } from './lists.service.js';
import { PlaceRule } from './place-rule.entity.js';
import { PlanAdjustment } from './plan-adjustment.entity.js';
import { PlansController } from './plans.controller.js';
import { PlansService } from './plans.service.js';
import { RolloverService } from './rollover.service.js';
import { YearTarget } from './year-target.entity.js';

export const PLANS_ENTITIES = [YearTarget, ChainTarget, PlaceRule, PlanAdjustment, ListEntry];

/** Year plans (年度计划): the city's targets, each chain's and place's, the year lists (年度清单), adjustments and the rollover. */
@Module({
  imports: [TypeOrmModule.forFeature(PLANS_ENTITIES), ReferenceModule, ProjectRecordsModule],
  controllers: [PlansController, ListsController, ChainTargetsController],
  providers: [PlansService, ListsService, ChainTargetsService, RolloverService],
  exports: [PlansService, ListsService, ChainTargetsService, RolloverService],
})
export class PlansModule {}
