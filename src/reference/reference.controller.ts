import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVERY_ROLE, Roles } from '../access/principal.js';
import { ReferenceService, type ChainView, type RegionView } from './reference.service.js';

@ApiTags('reference')
// Names of codes: every role reads them, a department included.
@Roles(...EVERY_ROLE)
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
}
