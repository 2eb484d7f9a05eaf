import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/index.js';
import { PeriodsController } from './periods.controller.js';
import { PeriodsService } from './periods.service.js';

/** `GET /api/periods/default`: the year and month both pages open on. */
@Module({
  imports: [PlansModule],
  controllers: [PeriodsController],
  providers: [PeriodsService],
  exports: [PeriodsService],
})
export class PeriodsModule {}
