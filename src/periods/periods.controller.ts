import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DefaultPeriod } from './default-period.js';
import { PeriodsService } from './periods.service.js';
import { DefaultPeriodAnswer } from './period.responses.js';
import { EVERY_ROLE, Roles } from '../access/index.js';

@ApiTags('periods')
@Controller('periods')
export class PeriodsController {
  constructor(private readonly periods: PeriodsService) {}

  @Get('default')
  @Roles(...EVERY_ROLE)
  @ApiOperation({
    summary: '页面默认期间：上月（1 月时为上年 12 月）；该年尚无年度计划时为最近有计划的年份（fallback=true，note 说明），并列出有计划的年份',
  })
  @ApiOkResponse({ type: DefaultPeriodAnswer })
  defaultPeriod(): Promise<DefaultPeriod> {
    return this.periods.defaultPeriod();
  }
}
