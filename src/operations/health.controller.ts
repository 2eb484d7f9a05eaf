import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiError } from '../common/index.js';
import { HealthStatus, ReadyStatus } from './health.responses.js';
import { ReadinessService } from './readiness.service.js';
import { Public } from '../access/index.js';

/**
 * For a service manager or a load balancer: `health` says the process answers (restart it when
 * not), `ready` that it can serve (send it traffic when so). Neither needs a sign-in nor says
 * anything about the data (docs/operations.md "Health and readiness").
 */
@ApiTags('operations')
@Public()
@Controller()
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get('health')
  @ApiOperation({ summary: '存活检查：进程能应答即 200（不访问数据库）' })
  @ApiOkResponse({ type: HealthStatus })
  health(): HealthStatus {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: '就绪检查：数据库可访问且迁移已全部执行则 200，否则 503' })
  @ApiOkResponse({ type: ReadyStatus })
  async ready(): Promise<ReadyStatus> {
    const problems = await this.readiness.problems();
    if (problems.length) throw new ApiError(503, '服务未就绪', problems);
    return { status: 'ready' };
  }
}
