import { ApiError } from '../../common/api-error.js';
import type { ListCategory } from '../../lists/list-entry.entity.js';
import { APPROVAL_KEYS, type ApprovalKey } from '../../lifecycle/stages.js';
import type { RowError } from '../import-result.js';
import { MONEY_KEYS, recogniseLedgerColumn, type LedgerKey } from './columns.js';
import { UNIT_LABELS } from './money.js';
import type { ChainLookup, RegionLookup } from './reference-lookup.js';
import { RowReader } from './row-reader.js';
import { categoryOfSection, parseCategory, parseStage, type StageClaim } from './stage-text.js';
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
}

/** One ledger row as read; `undefined` everywhere means "the sheet has no such column". */
export interface LedgerRow {
  row: number;
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
  /** From the 项目类别 column, else from the section the row sits in (一、实施类项目). */
  category?: ListCategory | null;
  plannedInvestment?: number | null;
  stage?: StageClaim | null;
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

export function readLedgerRows(table: Table<LedgerKey>, lookups: LedgerLookups): LedgerRow[] {
  return table.rows.map((data) => {
    const r = new RowReader(table, data);
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

    let category = r.mapped('category', parseCategory);
    if (!category) category = categoryOfSection(data.section) ?? (category === null ? null : undefined);

    const row: LedgerRow = {
      row: data.row,
      errors: r.errors,
      name: name ?? '',
      // 序号 is only read to generate a code when there is no code column (it is often a =ROW() formula).
      seq: r.has('code') ? undefined : r.text('seq'),
      fields,
      approvals,
      actualStartDate: r.date('actualStart'),
      actualCompletionDate: r.date('actualCompletion'),
      category,
      plannedInvestment: r.money('planned'),
      stage: r.mapped('stage', parseStage),
    };
    if (code) row.code = code;
    return row;
  });
}

/** The year in a title such as 聊城市2024年制造业重点项目台账. */
export function yearOfTitle(title: string): number | undefined {
  const match = /(20\d{2})\s*年/.exec(title) ?? /(20\d{2})/.exec(title);
  return match ? Number(match[1]) : undefined;
}
