import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { YearParam } from '../common/http-params.js';
import { ReferenceService, type ChainView, type RegionView } from './reference.service.js';
import type { YearTarget } from './year-target.entity.js';

@ApiTags('reference')
@Controller()
export class ReferenceController {
  constructor(private readonly reference: ReferenceService) {}

  @Get('regions')
  @ApiOperation({ summary: '县（市、区）与开发区，统计用区划代码' })
  regions(): Promise<RegionView[]> {
    return this.reference.regions();
  }

  @Get('chains')
  @ApiOperation({ summary: '12 条产业链及年度目标（附件通用指标）' })
  chains(): Promise<ChainView[]> {
    return this.reference.chains();
  }

  @Get('targets/:year')
  @ApiOperation({ summary: '全市年度目标（165亿、80%、50亿、10个、22个/75亿），金额为万元' })
  targets(@Param('year', YearParam) year: number): Promise<YearTarget> {
    return this.reference.yearTarget(year);
  }
}
