import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { type HistoryRow } from '../audit/index.js';
import { ApiError, type ErrorDetail, validationExceptionFactory } from '../common/index.js';
import { APPROVAL_KEYS, type ApprovalKey, EVENT_LABELS, type LifecycleEvent, type Stage, STAGE_LABELS } from '../lifecycle/index.js';
import { APPROVAL_COLUMNS, Project } from '../project-records/index.js';
import type { RowError, StageDecisionView } from './import-result.js';
import { LEDGER_FIELDS, type LedgerKey } from './parsing/columns.js';
import { type LedgerFields, type LedgerRow } from './parsing/ledger-rows.js';
import { CLAIM_RANK, keptDetail, type StageDecision } from './parsing/stage-evidence.js';
import { fold } from './parsing/cells.js';
import { CLAIM_WORDS, STAGE_WORDS } from './parsing/stage-text.js';
import type { Table } from './parsing/table.js';

/** The ledger import's rules for a row: which columns a field comes from, how a stage is reached, where a refusal lands. */

/** Entity column and ledger column of each project field a row may change. */
export const FIELD_COLUMNS: Record<keyof LedgerFields, [keyof Project, LedgerKey]> = {
  ownerEnterprise: ['ownerEnterprise', 'owner'],
  region: ['regionCode', 'region'],
  chain: ['chainCode', 'chain'],
  totalInvestment: ['totalInvestmentWan', 'total'],
  content: ['content', 'content'],
  plannedStartDate: ['plannedStartDate', 'plannedStart'],
  plannedCompletionDate: ['plannedCompletionDate', 'plannedCompletion'],
  progress: ['progress', 'progress'],
};

/** Where an API refusal's `field` lands in the sheet. */
export const FIELD_TO_COLUMN: Record<string, LedgerKey> = {
  code: 'code',
  name: 'name',
  ownerEnterprise: 'owner',
  region: 'region',
  chain: 'chain',
  totalInvestment: 'total',
  content: 'content',
  plannedStartDate: 'plannedStart',
  plannedCompletionDate: 'plannedCompletion',
  progress: 'progress',
  plannedInvestment: 'planned',
  monthlyPlan: 'planned',
  category: 'category',
  cityLeaderId: 'cityLeader',
  countyLeaderId: 'countyLeader',
  commissionerId: 'commissioner',
  'contact.name': 'contact',
  'contact.phone': 'contactPhone',
  ...Object.fromEntries(APPROVAL_KEYS.map((key) => [`approvals.${key}`, `approval.${key}` as LedgerKey])),
};

export const STAGE_RANK: Record<Stage, number> = {
  reserve: 0,
  preparation: 1,
  'implementation.active': 2,
  'implementation.halted': 2,
  completed: 3,
  withdrawn: -1,
};

export interface Context {
  year: number;
  actor: string;
  /** Today in the configured zone (the guards' today). */
  today: string;
  file: { name: string; sha256: string };
  /** Project ids the committed import changed (for the import's audit entry). */
  changed: number[];
  /** Each changed project's history row naming the file and the row (written with the import's record). */
  histories: HistoryRow[];
  decisions: StageDecisionView[];
}

/** The reason a ledger import's changes carry: the file they came from (a reason holds 1,000 characters). */
export const importReason = (file: string): string => `台账导入：${file}`.slice(0, 1000);

/** Thrown inside a row for a refusal the import itself makes (not a service's). */
export class RowRefused extends ApiError {
  constructor(key: LedgerKey | null, message: string) {
    super(422, message, [{ field: key ?? '', code: 'rowRefused', message }]);
  }
}

/**
 * The key a row names its project by: its 项目编码, or without a code column its name folded as
 * the import folds text (full-width forms, spaces) within its county:
 * docs/excel-import.md "Rows without codes".
 */
export function projectKey(row: LedgerRow): string | null {
  if (row.table.byKey.has('code')) return row.code ? `code:${row.code}` : null;
  return row.name ? `name:${row.fields.region ?? ''}:${fold(row.name)}` : null;
}

export function markDuplicates(rows: LedgerRow[]): void {
  const seen = new Map<string, LedgerRow>();
  for (const row of rows) {
    const key = projectKey(row);
    if (!key) continue;
    const first = seen.get(key);
    const byCode = row.table.byKey.has('code');
    if (first !== undefined) {
      const where = first.sheet === row.sheet ? `第 ${first.row} 行` : `工作表“${first.sheet}”第 ${first.row} 行`;
      row.errors.push({ row: row.row, sheet: row.sheet, column: row.table.byKey.get(byCode ? 'code' : 'name')!.label, message: `与${where}是同一项目（${byCode ? row.code : row.name}）` });
    } else seen.set(key, row);
  }
}

/**
 * Without a 项目编码 column a new project's code comes from one sequence per county and year,
 * read from the database: LC{year}-{county code}-{number} (LC2024-371522-001), or LC{year}-{number}
 * for a row without a county. Every county's ledger numbers its rows from 1; the 序号 is not used.
 */
export function codePrefix(row: LedgerRow, context: Context): string {
  const county = row.fields.region;
  return county ? `LC${context.year}-${county}-` : `LC${context.year}-`;
}

/** The same name as a person reads it: folded as the import folds text. */
export function sameName(stored: string, name: string): boolean {
  return fold(stored) === fold(name);
}

/** The project fields (and approvals) whose ledger value differs from the stored one. */
export function fieldEdits(project: Project, row: LedgerRow, approvals: LedgerRow['approvals']): Record<string, unknown> {
  const edits: Record<string, unknown> = {};
  if (row.name !== project.name) edits.name = row.name;
  for (const [field, [column]] of Object.entries(FIELD_COLUMNS) as [keyof LedgerFields, [keyof Project, LedgerKey]][]) {
    const value = row.fields[field];
    if (value !== undefined && !same(project[column], value)) edits[field] = value;
  }
  const approvalEdits: Partial<Record<ApprovalKey, string | null>> = {};
  for (const key of APPROVAL_KEYS) {
    const value = approvals[key];
    if (value !== undefined && project[APPROVAL_COLUMNS[key]] !== value) approvalEdits[key] = value;
  }
  if (Object.keys(approvalEdits).length) edits.approvals = approvalEdits;
  return edits;
}

/** Equal as a person reads them: texts compare with line endings normalised (a cell stores \n). */
export function same(stored: unknown, value: unknown): boolean {
  if (typeof stored === 'string' && typeof value === 'string') return stored.replace(/\r\n?/g, '\n') === value;
  return stored === value;
}

/**
 * The lifecycle events that take the project from its stage to the one the row's evidence
 * gives (parsing/stage-evidence.ts), each to be applied through the engine so its guards hold.
 * An existing project is never moved back by derived evidence (dates, list, sheet): it keeps
 * its stage (`kept`); a cell that names a lower stage is refused. Moves that need a reason or
 * a date the ledger does not carry (停工, 复工, 退出, 退回储备) are refused with a message
 * pointing to the API.
 */
export function stageEvents(row: LedgerRow, existing: Project | null, decision: StageDecision): { events: LifecycleEvent[]; kept: boolean } {
  const current: Stage = existing?.stage ?? 'reserve';
  const claim = decision.claim;
  const stageKey = stageKeyOf(row.table, decision);
  const shown = (stage: Stage) => `${STAGE_WORDS[stage]}（${STAGE_LABELS[stage]}）`;

  if (current === 'withdrawn') {
    if (claim === 'withdrawn' || !decision.stated) return { events: [], kept: claim !== 'withdrawn' };
    throw new RowRefused(stageKey, `项目已调出项目库（退出），台账写的是“${CLAIM_WORDS[claim]}”：已退出的项目不能通过导入恢复`);
  }
  if (claim === 'withdrawn')
    throw new RowRefused(stageKey, '调出项目库需要原因：请在系统中办理“调出项目库”（项目事件 WITHDRAW）');
  if (claim === 'halted' && current !== 'implementation.halted')
    throw new RowRefused(stageKey, `项目在系统中为“${shown(current)}”，停工需要原因和日期：请在系统中办理“停工”（HALT）`);
  if (claim === 'active' && current === 'implementation.halted')
    throw new RowRefused(stageKey, '项目在系统中为停工，复工需要日期：请在系统中办理“复工”（RESUME）');

  const from = STAGE_RANK[current];
  const to = CLAIM_RANK[claim];
  if (to < from) {
    if (!decision.stated) return { events: checkDates(row, existing, []), kept: true };
    throw new RowRefused(stageKey, `台账写的阶段“${CLAIM_WORDS[claim]}”早于系统中的“${shown(current)}”：阶段不能通过导入回退（退回储备需在系统中填写原因）`);
  }
  const events: LifecycleEvent[] = [];
  if (from < 1 && to >= 1) events.push({ type: 'PROMOTE' });
  // decideStage has made sure a start (and a completion) date is there when the claim needs one.
  if (from < 2 && to >= 2) events.push({ type: 'START', date: row.actualStartDate! });
  if (from < 3 && to >= 3) events.push({ type: 'COMPLETE', date: row.actualCompletionDate! });
  return { events: checkDates(row, existing, events), kept: false };
}

/** The column a refusal about the stage points to: the cell that stated it, else 当前阶段 or 当前进展, else the name. */
export function stageKeyOf(table: Table<LedgerKey>, decision?: StageDecision): LedgerKey {
  if (decision?.evidence === 'startDate' && table.byKey.has('actualStart')) return 'actualStart';
  if (decision?.evidence === 'completionDate' && table.byKey.has('actualCompletion')) return 'actualCompletion';
  return (['stage', 'progress', 'category'] as const).find((key) => table.byKey.has(key)) ?? 'name';
}

/** The result's entry for an applied row: its stage now, and the evidence that decided it. */
export function decisionView(row: LedgerRow, stage: Stage, decision: StageDecision, kept: boolean): StageDecisionView {
  const unused = row.unusedStageText ? `；当前阶段“${row.unusedStageText}”不是阶段名称，未采用（形象进度取自进展列）` : '';
  if (kept) return { row: row.row, sheet: row.sheet, stage, evidence: 'recorded', detail: keptDetail(stage, decision) + unused, warning: null };
  return { row: row.row, sheet: row.sheet, stage, evidence: decision.evidence, detail: decision.detail + unused, warning: decision.warning };
}

/** A start or completion date already recorded is a fact of the history: the ledger cannot move it. */
export function checkDates(row: LedgerRow, existing: Project | null, events: LifecycleEvent[]): LifecycleEvent[] {
  if (!existing) return events;
  if (row.actualStartDate && existing.actualStartDate && row.actualStartDate !== existing.actualStartDate)
    throw new RowRefused('actualStart', `实际开工时间与系统记录（${existing.actualStartDate}）不一致：开工日期不能通过导入修改`);
  if (row.actualCompletionDate && existing.actualCompletionDate && row.actualCompletionDate !== existing.actualCompletionDate)
    throw new RowRefused('actualCompletion', `竣工时间与系统记录（${existing.actualCompletionDate}）不一致：竣工日期不能通过导入修改`);
  return events;
}

/** A DTO as the API would receive it, validated by the same rules (class-validator, same messages). */
export async function validated<T extends object>(type: new () => T, plain: Record<string, unknown>): Promise<T> {
  const instance = plainToInstance(type, plain);
  const failures = await validate(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (failures.length) throw validationExceptionFactory(failures);
  return instance;
}

/** A lifecycle refusal, with the event named (开工未通过：缺少前期手续：用地). */
export function eventRefused(error: ApiError, event: LifecycleEvent): ApiError {
  const details: ErrorDetail[] = (error.details.length ? error.details : [{ code: 'refused', message: error.message }]).map((detail) => ({
    ...detail,
    field: detail.field === 'date' ? (event.type === 'COMPLETE' ? 'actualCompletionDate' : 'actualStartDate') : detail.field,
    message: `${EVENT_LABELS[event.type]}未通过：${detail.message}`,
  }));
  return new ApiError(error.getStatus(), error.message, details);
}

export function rowErrors(error: ApiError, row: LedgerRow): RowError[] {
  const details = error.details.length ? error.details : [{ field: undefined, code: 'refused', message: error.message }];
  return details.map((detail) => {
    const found = columnKeyOf(detail.field);
    // A refusal about the stage points at the cell that stated it (当前阶段 or 当前进展).
    const key = found === 'stage' ? stageKeyOf(row.table) : found;
    return { row: row.row, sheet: row.sheet, column: key ? (row.table.byKey.get(key)?.label ?? null) : null, message: detail.message };
  });
}

export function columnKeyOf(field: string | undefined): LedgerKey | null {
  if (!field) return null;
  if (field in FIELD_TO_COLUMN) return FIELD_TO_COLUMN[field];
  if (field === 'actualStartDate' || field === 'date') return 'actualStart';
  if (field === 'actualCompletionDate') return 'actualCompletion';
  // 竣工 needs a month report first: the refusal is about the completion.
  if (field === 'reports') return 'actualCompletion';
  if (field === 'type' || field === 'reason') return 'stage';
  if (Object.hasOwn(LEDGER_FIELDS, field)) return field as LedgerKey;
  return null;
}
