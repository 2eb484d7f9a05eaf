import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module.js';
import { ReferenceModule } from '../reference/reference.module.js';
import { DashboardService } from './dashboard.service.js';
import { RatingsService } from './ratings.service.js';
import { TargetsController } from './targets.controller.js';

@Module({
  imports: [ReferenceModule, PlansModule],
  controllers: [TargetsController],
  providers: [DashboardService, RatingsService],
  exports: [DashboardService],
})
export class TargetsModule {}
