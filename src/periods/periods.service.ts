import { Injectable } from '@nestjs/common';
import { Clock } from '../common/index.js';
import { PlansService } from '../plans/index.js';
import { defaultPeriod, type DefaultPeriod } from './default-period.js';

/** The period pages open on, from today in the configured calendar zone and the years that have a plan. */
@Injectable()
export class PeriodsService {
  constructor(
    private readonly plans: PlansService,
    private readonly clock: Clock,
  ) {}

  async defaultPeriod(): Promise<DefaultPeriod> {
    return defaultPeriod(this.clock.today(), (await this.plans.years()).map((plan) => plan.year));
  }
}
