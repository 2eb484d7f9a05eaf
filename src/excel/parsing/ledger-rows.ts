import { ApiError } from '../../common/index.js';
import type { ListCategory } from '../../plans/index.js';
import { APPROVAL_KEYS, type ApprovalKey } from '../../lifecycle/index.js';
import type { MilestoneView } from '../../project-records/index.js';
import type { RowError } from '../import-result.js';
import { MONEY_KEYS, recogniseLedgerColumn, type LedgerKey } from './columns.js';
import { parseMilestoneText } from './milestone-text.js';
import { UNIT_LABELS } from './money.js';
import type { ChainLookup, RegionLookup } from './reference-lookup.js';
import { RowReader } from './row-reader.js';
import type { RowEvidence } from './stage-evidence.js';
import { categoryNamed, parseCategory, stageNamed, type StageClaim } from './stage-text.js';
import type { Table, TableSpec } from './table.js';

export const LEDGER_TABLE: TableSpec<LedgerKey> = {
  recognise: recogniseLedgerColumn,
  anchors: ['name'],
  expected: '“项目名称”及其他台账列（项目编码、建设单位、县（市、区）、总投资…）',
};

/** The editable project fields a ledger row carries; a key is absent when the sheet has no such column. */
export interface LedgerFields {
  ownerEnterprise?: string | null;
  region?: string | null;
  chain?: string | null;
  totalInvestment?: number | null;
  content?: string | null;
  plannedStartDate?: string | null;
  plannedCompletionDate?: string | null;
  /** 形象进度: the progress column's text, else a 当前阶段 text that names no stage. */
  progress?: string | null;
}

/**
 * Who answers for the project, as names (docs/domain/responsibility.md "In the ledger"): a key is
 * absent when the sheet has no such column, null when its cell is blank (then nothing changes).
 */
export interface LedgerResponsibility {
  cityLeader?: string | null;
  countyLeader?: string | null;
  commissioner?: string | null;
  contact?: string | null;
  contactPhone?: string | null;
}

/** One ledger row as read; `undefined` everywhere means "the sheet has no such column". */
export interface LedgerRow {
  row: number;
  sheet: string;
  /** The sheet's table (its columns, for messages and for what the sheet says nothing about). */
  table: Table<LedgerKey>;
  errors: RowError[];
  /** 项目编码; absent when the sheet has no code column (then matched by name, or generated). */
  code?: string;
  name: string;
  seq?: string | null;
  fields: LedgerFields;
  /** Only the approvals the sheet has columns for. */
  approvals: Partial<Record<ApprovalKey, string | null>>;
  actualStartDate?: string | null;
  actualCompletionDate?: string | null;
  /** The year list the row puts the project on: from 项目类别, else its section (一、实施类项目), else the sheet's name. */
  category?: ListCategory | null;
  /** What 项目类别 / the section / the sheet name said, as stage evidence (储备 included). */
  categoryEvidence: RowEvidence['category'];
  plannedInvestment?: number | null;
  /** A cell naming a stage (当前阶段, or a 当前进展 holding only a stage word). */
  stageText: RowEvidence['stageText'];
  /** A 当前阶段 text that names no stage, not kept because the progress column has its own. */
  unusedStageText?: string;
  responsibility: LedgerResponsibility;
  /** 节点计划: the whole list of milestones; absent without the column, null for a blank cell (nothing changes). */
  milestones?: MilestoneView[] | null;
}

export interface LedgerLookups {
  regions: RegionLookup;
  chains: ChainLookup;
}

/** Money columns must say their unit: in the header (总投资（亿元）) or in the title (单位：万元). */
export function checkLedgerUnits(table: Table<string>): void {
  const unclear = table.columns.filter((column) => column.key !== null && MONEY_KEYS.includes(column.key) && (column.unit === null || column.unit === 'ambiguous'));
  if (unclear.length === 0) return;
  const details = unclear.map((column) => ({
    field: column.label,
    code: 'moneyUnitUnknown',
    message: `列“${column.label}”没有写明金额单位：请在表头注明 ${UNIT_LABELS.wan} 或 ${UNIT_LABELS.yi}，如“总投资（万元）”，或在标题下写“单位：万元”`,
  }));
  throw new ApiError(422, details.map((d) => d.message).join('；'), details);
}

export function readLedgerRows(table: Table<LedgerKey>, lookups: LedgerLookups, year: number | undefined): LedgerRow[] {
  const sheetCategory = table.byKey.has('category') ? null : categoryNamed(table.sheet);
  return table.rows.map((data) => {
    const r = new RowReader(table, data, table.year ?? year);
    const name = r.text('name');
    if (!name) r.fail('name', '缺少项目名称');
    const code = r.text('code');
    if (r.has('code') && !code) r.fail('code', '缺少项目编码');

    const fields: LedgerFields = {};
    const set = <F extends keyof LedgerFields>(field: F, value: LedgerFields[F] | undefined) => {
      if (value !== undefined) fields[field] = value;
    };
    set('ownerEnterprise', r.text('owner'));
    set('region', r.mapped('region', (text) => lookups.regions.resolve(text)));
    set('chain', r.mapped('chain', (text) => lookups.chains.resolve(text)));
    set('totalInvestment', r.money('total'));
    set('content', r.text('content'));
    set('plannedStartDate', r.date('plannedStart'));
    set('plannedCompletionDate', r.date('plannedCompletion'));

    const approvals: LedgerRow['approvals'] = {};
    for (const key of APPROVAL_KEYS) {
      const value = r.date(`approval.${key}`);
      if (value !== undefined) approvals[key] = value;
    }

    const categoryText = r.text('category');
    const sectionCategory = categoryNamed(data.section ?? '');
    let categoryEvidence: LedgerRow['categoryEvidence'] = null;
    if (categoryText) {
      const parsed = parseCategory(categoryText);
      if (parsed.ok) categoryEvidence = { claim: parsed.value, from: 'listCategory', text: categoryText };
      else r.fail('category', parsed.message);
    } else if (sectionCategory) categoryEvidence = { claim: sectionCategory, from: 'listCategory', text: data.section! };
    else if (sheetCategory) categoryEvidence = { claim: sheetCategory, from: 'sheetName', text: table.sheet };
    // A blank 项目类别 cell leaves the project's list places alone (null); no column and no section: undefined.
    const listed = categoryEvidence && categoryEvidence.claim !== 'reserve' ? categoryEvidence.claim : null;
    const category = listed ?? (categoryEvidence || categoryText === null ? null : undefined);

    // 当前阶段 names a stage, or is progress text; 当前进展/形象进度 is progress text, and may name a stage.
    const stageCell = r.text('stage');
    const progressCell = r.text('progress');
    let stageText: LedgerRow['stageText'] = null;
    let progress = progressCell;
    let unusedStageText: string | undefined;
    const stageClaim = stageCell ? stageNamed(stageCell) : null;
    if (stageCell && stageClaim) stageText = { claim: stageClaim, text: stageCell, key: 'stage' };
    else if (stageCell && !progressCell) progress = stageCell;
    else if (stageCell) unusedStageText = stageCell;
    const progressClaim = progressCell ? stageNamed(progressCell) : null;
    if (progressCell && progressClaim) {
      if (stageText && stageText.claim !== progressClaim && !sameStage(stageText.claim, progressClaim))
        r.fail('progress', `“${progressCell}”与当前阶段“${stageCell}”矛盾`);
      else stageText ??= { claim: progressClaim, text: progressCell, key: 'progress' };
    }

    const responsibility: LedgerResponsibility = {};
    for (const key of ['cityLeader', 'countyLeader', 'commissioner', 'contact', 'contactPhone'] as const) {
      const value = r.text(key);
      if (value !== undefined) responsibility[key] = value;
    }

    const row: LedgerRow = {
      row: data.row,
      sheet: table.sheet,
      table,
      errors: r.errors,
      name: name ?? '',
      // 序号 is only read to generate a code when there is no code column (it is often a =ROW() formula).
      seq: r.has('code') ? undefined : r.text('seq'),
      fields,
      approvals,
      actualStartDate: r.date('actualStart'),
      actualCompletionDate: r.date('actualCompletion'),
      category,
      categoryEvidence,
      plannedInvestment: r.money('planned'),
      stageText,
      responsibility,
    };
    if (progress !== undefined) fields.progress = progress;
    const milestones = r.mapped('milestones', parseMilestoneText);
    if (milestones !== undefined) row.milestones = milestones;
    if (unusedStageText !== undefined) row.unusedStageText = unusedStageText;
    if (code) row.code = code;
    return row;
  });
}

/** 已开工 and 在建 (or 停工) say the same stage in different detail. */
function sameStage(a: StageClaim, b: StageClaim): boolean {
  const started: StageClaim[] = ['started', 'active', 'halted'];
  return (a === 'started' && started.includes(b)) || (b === 'started' && started.includes(a));
}
