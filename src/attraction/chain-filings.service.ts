import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { Clock, monthKey, monthOf, notFound, unprocessable } from '../common/index.js';
import { WriteQueue } from '../database/index.js';
import { PlansService } from '../plans/index.js';
import { ReferenceService } from '../reference/index.js';
import { filingOf, noteOf } from './attraction-board.js';
import type { ChainNoteView, IndicatorFiling } from './attraction.types.js';
import { ChainIndicator } from './chain-indicator.entity.js';
import { ChainNote } from './chain-note.entity.js';
import type { FileIndicatorsDto, PutChainNoteDto } from './dto/chain-filing.dto.js';
import { INDICATOR_KEYS, RATE_INDICATORS, type IndicatorKey } from './lead-states.js';
import type { Scope } from '../access/index.js';
import { fileRevision } from '../revisions/index.js';
import { refuseOtherScope } from '../access/index.js';

/** Columns of each indicator (rates stored in permille). */
const COLUMNS: Record<IndicatorKey, keyof ChainIndicator> = {
  revenueGrowthPct: 'revenueGrowthPermille',
  valueAddedGrowthPct: 'valueAddedGrowthPermille',
  newAboveScale: 'newAboveScale',
  newQuality: 'newQuality',
  newHighTech: 'newHighTech',
  newInnovationPlatforms: 'newInnovationPlatforms',
  loanGrowthPct: 'loanGrowthPermille',
};

/** The entity row as the columns ATTRACTION_SQL reads, for the one row-to-view function. */
function rowOf(entity: ChainIndicator | ChainNote): Record<string, unknown> {
  const row: Record<string, unknown> = { revision: entity.revision, actor: entity.actor, recorded_at: entity.recordedAt, note: entity.note };
  if (entity instanceof ChainNote) return { ...row, status: entity.status };
  return {
    ...row,
    quarter: entity.quarter,
    revenue_growth_permille: entity.revenueGrowthPermille,
    value_added_growth_permille: entity.valueAddedGrowthPermille,
    new_above_scale: entity.newAboveScale,
    new_quality: entity.newQuality,
    new_high_tech: entity.newHighTech,
    new_innovation_platforms: entity.newInnovationPlatforms,
    loan_growth_permille: entity.loanGrowthPermille,
  };
}

/**
 * What a chain team files (docs/domain/attraction.md "The chain page"): the other 通用指标 each
 * quarter, year to date, and its 差异化指标's status and note. Both are kept as revisions (the
 * latest counts). A chain team files for its own chain only (403 for another's), the city office
 * for any; the year needs a plan.
 */
@Injectable()
export class ChainFilingsService {
  constructor(
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
    private readonly plans: PlansService,
    private readonly reference: ReferenceService,
  ) {}

  fileIndicators(code: string, year: number, quarter: number, dto: FileIndicatorsDto, actor: string, scope: Scope, at?: string): Promise<IndicatorFiling & { created: boolean }> {
    return this.writes.run((manager) => this.fileIndicatorsIn(manager, code, year, quarter, dto, actor, scope, at));
  }

  async fileIndicatorsIn(manager: EntityManager, code: string, year: number, quarter: number, dto: FileIndicatorsDto, actor: string, scope: Scope, at?: string): Promise<IndicatorFiling & { created: boolean }> {
    await this.writable(manager, code, year, scope);
    const now = at ?? this.clock.nowIso();
    const currentMonth = monthOf(this.clock.dateOf(now));
    if (monthKey(year, quarter * 3 - 2) > currentMonth)
      throw unprocessable(`${year}年第${quarter}季度尚未开始，不能填报`, [{ field: 'quarter', code: 'quarterInFuture', message: `${year}年第${quarter}季度尚未开始（当前 ${currentMonth}）` }]);
    const values = Object.fromEntries(
      INDICATOR_KEYS.map((key) => {
        const value = dto[key];
        const stored = value === undefined || value === null ? null : RATE_INDICATORS.includes(key) ? Math.round(value * 10) : value;
        return [COLUMNS[key], stored];
      }),
    ) as Partial<ChainIndicator>;
    if (Object.values(values).every((value) => value === null))
      throw unprocessable('请至少填写一项指标', [{ field: 'indicators', code: 'nothingFiled', message: '请至少填写一项指标' }]);
    const note = dto.note?.trim() || null;
    const filed = await fileRevision(manager, {
      entity: ChainIndicator,
      key: { chainCode: code, year, quarter },
      same: (latest) => note === latest.note && Object.entries(values).every(([column, value]) => latest[column as keyof ChainIndicator] === value),
      build: (revision) => manager.create(ChainIndicator, { chainCode: code, year, quarter, revision, ...values, note, actor, recordedAt: now }),
    });
    if (!filed.added) return { ...filingOf(rowOf(filed.row), year), created: false };
    const { row: filing, previous: latest } = filed;
    const view = filingOf(rowOf(filing), year);
    await this.changes.record(manager, {
      actor,
      subject: auditSubject.indicator(code, year),
      action: 'file',
      before: latest ? filingOf(rowOf(latest), year) : null,
      after: view,
      at: now,
    });
    return { ...view, created: latest === null };
  }

  putNote(code: string, year: number, dto: PutChainNoteDto, actor: string, scope: Scope, at?: string): Promise<ChainNoteView & { created: boolean }> {
    return this.writes.run((manager) => this.putNoteIn(manager, code, year, dto, actor, scope, at));
  }

  async putNoteIn(manager: EntityManager, code: string, year: number, dto: PutChainNoteDto, actor: string, scope: Scope, at?: string): Promise<ChainNoteView & { created: boolean }> {
    await this.writable(manager, code, year, scope);
    const note = dto.note?.trim() || null;
    const now = at ?? this.clock.nowIso();
    const filed = await fileRevision(manager, {
      entity: ChainNote,
      key: { chainCode: code, year },
      same: (latest) => latest.status === dto.status && latest.note === note,
      build: (revision) => manager.create(ChainNote, { chainCode: code, year, revision, status: dto.status, note, actor, recordedAt: now }),
    });
    if (!filed.added) return { ...noteOf(rowOf(filed.row), year), created: false };
    const { row, previous: latest } = filed;
    await this.changes.record(manager, {
      actor,
      subject: auditSubject.chainNote(code, year),
      action: 'update',
      before: latest ? { status: latest.status, note: latest.note } : null,
      after: { year, revision: row.revision, status: row.status, note },
      at: now,
    });
    return { ...noteOf(rowOf(row), year), created: latest === null };
  }

  /** The chain exists (404), the caller may write it (403: a chain team, its own chain only), the year has a plan (404). */
  private async writable(manager: EntityManager, code: string, year: number, scope: Scope): Promise<void> {
    if (!(await this.reference.chainExists(manager, code))) throw notFound(`产业链 ${code} 不存在`);
    refuseOtherScope(scope, { chain: code }, { chain: { message: '只能填报本产业链的指标', detail: '产业链专班只能填报本产业链' } });
    await this.plans.yearTarget(year, manager);
  }
}
