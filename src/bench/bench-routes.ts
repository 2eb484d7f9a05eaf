import { Body, Controller, Module, Param, Put, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { IsDefined, IsIn, IsOptional } from 'class-validator';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { actorOf, Clock, IdParam, IsWan, MonthParam } from '../common/index.js';
import { WriteQueue } from '../database/index.js';
import { ReportRevision } from '../reports/index.js';

class BenchInsertDto {
  @IsDefined()
  @IsWan()
  amount: number;

  /** `insert`: the single INSERT a filing makes, nothing else; `recorded`: that INSERT and its audit entry. */
  @IsOptional()
  @IsIn(['insert', 'recorded'])
  mode?: 'insert' | 'recorded';
}

/**
 * Comparison routes for `npm run bench` only (mounted when BENCH_ROUTES=1, never otherwise): the
 * same stack as a report filing — sign-in check, validation, the write queue's transaction — around
 * only the filing's own INSERT of a revision (and, in `recorded` mode, its audit entry), so the
 * bench can say how much of a filing's time is the filing's own work.
 */
@ApiExcludeController()
@Controller('bench')
export class BenchRoutesController {
  constructor(
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
  ) {}

  @Put('reports/:id/:month')
  async insert(@Param('id', IdParam) id: number, @Param('month', MonthParam) month: string, @Body() dto: BenchInsertDto, @Req() request: Request): Promise<{ ok: true }> {
    const actor = actorOf(request);
    await this.writes.run(async (manager) => {
      const at = this.clock.nowIso();
      const revision = manager.create(ReportRevision, { projectId: id, month, revision: 1000 + Math.floor(Math.random() * 1e9), amountWan: dto.amount, progress: null, problems: null, actor, recordedAt: at, correction: false, reason: null });
      await manager.insert(ReportRevision, revision);
      if (dto.mode === 'recorded') await this.changes.record(manager, { actor, subject: auditSubject.report(id), action: 'file', after: { month, amount: dto.amount }, at });
    });
    return { ok: true };
  }
}

@Module({ controllers: [BenchRoutesController] })
export class BenchRoutesModule {}
