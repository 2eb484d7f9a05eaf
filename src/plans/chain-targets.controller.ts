import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVERY_ROLE, Roles } from '../access/index.js';
import { ChainTargetsService, type ChainView } from './chain-targets.service.js';
import { ChainAnswer } from './plan.responses.js';

@ApiTags('reference')
// Names of codes and their targets: every role reads them, a department included.
@Roles(...EVERY_ROLE)
@Controller()
export class ChainTargetsController {
  constructor(private readonly chainTargets: ChainTargetsService) {}

  @Get('chains')
  @ApiOperation({ summary: '12 条产业链及年度目标（附件通用指标）' })
  @ApiOkResponse({ type: [ChainAnswer] })
  chains(): Promise<ChainView[]> {
    return this.chainTargets.chains();
  }
}
