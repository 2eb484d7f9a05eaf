import { ApiProperty } from '@nestjs/swagger';
import { badRequest, hasControlCharacters } from '../../common/index.js';
import { MAPPING_SOURCES, type MappingSource } from '../import-codes.js';
import { cellText, isBlank } from '../parsing/cells.js';
import type { FieldWords } from '../parsing/columns.js';
import type { HeaderColumn, Table, TableSpec } from '../parsing/table.js';
import { normaliseLabel } from '../parsing/table.js';

/**
 * Column mappings (列对应): how the headers of a file are read. A header the import's rules
 * know is read by them (parsing/columns.ts); the user may say otherwise, or name what an
 * unknown header means, with a mapping `{ "表头": "field" | null }` (null: do not read it).
 * A mapping confirmed by a committed import is kept for the region the file comes from
 * (import-mapping.service.ts) and applied to that region's next files; one given with the
 * request wins over the kept one, which wins over the rules (docs/excel-import.md "Column mappings").
 */
export type ImportKind = 'ledger' | 'reports';

/** Normalised header → field, or null for "not read". */
export type ColumnMapping = Map<string, string | null>;

export class FieldProposal {
  @ApiProperty() field: string;
  @ApiProperty({ description: '0–1: how closely the header (and the column\'s values) fit the field' }) confidence: number;
}

export class MappingColumn {
  @ApiProperty({ description: 'the header as written (two header rows joined)' }) header: string;
  @ApiProperty({ type: [String] }) sheets: string[];
  @ApiProperty({ nullable: true, type: String, description: 'the field the column is read as; null: not read' }) field: string | null;
  @ApiProperty({ enum: MAPPING_SOURCES }) source: MappingSource;
  @ApiProperty({ type: FieldProposal, nullable: true, description: 'for a header nothing maps: the field it most resembles' })
  proposal: FieldProposal | null;
}

export class MappingField {
  @ApiProperty() field: string;
  @ApiProperty() label: string;
}

export class MappingView {
  @ApiProperty({ nullable: true, type: String, description: 'the region whose kept mapping applies and would be kept (null: the city office)' })
  region: string | null;
  @ApiProperty({ description: 'true: some sheet could only be read with a mapping (its header is unknown): confirm one and check again' })
  required: boolean;
  @ApiProperty({ description: 'true: this commit kept the given mapping for the region' }) saved: boolean;
  @ApiProperty({ type: [MappingColumn] }) columns: MappingColumn[];
  @ApiProperty({ type: [MappingField], description: 'the fields a header may be mapped to' }) fields: MappingField[];
}

const MAX_ENTRIES = 100;
const MAX_HEADER = 100;

/**
 * The `mapping` parameter (query or multipart field): JSON `{ "表头": "field" | null }`. A
 * malformed value, a header that is not text, or a field the import does not know is a 400.
 */
export function parseMapping(raw: unknown, fields: Record<string, FieldWords>): ColumnMapping {
  const mapping: ColumnMapping = new Map();
  if (raw === undefined || raw === '') return mapping;
  const refuse = (message: string) => badRequest(message, [{ field: 'mapping', code: 'invalidMapping', message }]);
  if (typeof raw !== 'string' || raw.length > 20_000) throw refuse('mapping 须为 JSON 文本，如 {"工程名称":"name"}');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw refuse('mapping 不是有效的 JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw refuse('mapping 须为对象：{ "表头": "字段" }');
  const entries = Object.entries(parsed as Record<string, unknown>);
  if (entries.length > MAX_ENTRIES) throw refuse(`mapping 最多 ${MAX_ENTRIES} 项`);
  const unknown: string[] = [];
  for (const [header, field] of entries) {
    const key = normaliseLabel(header);
    if (!key || header.length > MAX_HEADER || hasControlCharacters(header)) throw refuse(`mapping 中的表头“${header.slice(0, MAX_HEADER)}”无效`);
    if (field !== null && (typeof field !== 'string' || !Object.hasOwn(fields, field))) unknown.push(`${header} → ${String(field)}`);
    else mapping.set(key, field);
  }
  if (unknown.length)
    throw badRequest(
      `mapping 中有未知的字段：${unknown.join('，')}`,
      unknown.map((entry) => ({ field: 'mapping', code: 'unknownField', message: `未知的字段（${entry}）；可用：${Object.keys(fields).join('、')}` })),
    );
  return mapping;
}

/** The spec with the given and the kept mapping laid over its rules. */
export function withMapping<K extends string>(spec: TableSpec<K>, given: ColumnMapping, saved: ColumnMapping): TableSpec<K> {
  return {
    ...spec,
    recognise: (label) => {
      if (given.has(label)) return given.get(label) as K | null;
      if (saved.has(label)) return saved.get(label) as K | null;
      return spec.recognise(label);
    },
  };
}

/** A given header that is in none of the file's headers: a 400, so a mistyped mapping is not silently ignored. */
export function checkGivenHeaders(given: ColumnMapping, tables: Table<string>[]): void {
  const present = new Set(tables.flatMap((table) => table.columns.map((column) => column.normalised)));
  const missing = [...given.keys()].filter((header) => !present.has(header));
  if (missing.length) {
    const message = `mapping 中的表头不在文件中：${missing.join('、')}`;
    throw badRequest(message, [{ field: 'mapping', code: 'headerNotInFile', message }]);
  }
}

export interface ValueCheck {
  /** Whether a cell's text fits the field (a known place for region, a number for money …); undefined: no check. */
  (field: string, text: string): boolean | undefined;
}

/**
 * The mapping as the result shows it: every distinct header once, with the field it is read
 * as and why, and for a header nothing maps a proposal. A proposal is the field whose words
 * (parsing/columns.ts) the header resembles most, by the characters they share, among the
 * fields no other column of the sheet has; the column's first values then raise it (they
 * fit: place names under 所属板块) or halve it (they do not). Only proposals of 0.6 and above.
 */
export function mappingView(
  tables: Table<string>[],
  fields: Record<string, FieldWords>,
  sources: { given: ColumnMapping; saved: ColumnMapping; rules: (label: string) => string | null },
  fits: ValueCheck,
): MappingColumn[] {
  const byHeader = new Map<string, MappingColumn>();
  for (const table of tables) {
    const taken = new Set([...table.byKey.keys()]);
    for (const column of table.columns) {
      const seen = byHeader.get(column.normalised);
      if (seen) {
        if (!seen.sheets.includes(table.sheet)) seen.sheets.push(table.sheet);
        continue;
      }
      const source: MappingSource = sources.given.has(column.normalised)
        ? 'given'
        : sources.saved.has(column.normalised)
          ? 'saved'
          : sources.rules(column.normalised) !== null
            ? 'rules'
            : 'none';
      const proposal = column.key === null ? propose(column, table, taken, fields, fits) : null;
      byHeader.set(column.normalised, { header: column.label, sheets: [table.sheet], field: column.key, source, proposal });
    }
  }
  return [...byHeader.values()];
}

function propose(column: HeaderColumn<string>, table: Table<string>, taken: Set<string>, fields: Record<string, FieldWords>, fits: ValueCheck): FieldProposal | null {
  const header = bare(column.normalised);
  const values = table.rows
    .slice(0, 20)
    .map((row) => row.cells.get(column.col)?.[1])
    .filter((data) => !isBlank(data))
    .map((data) => cellText(data!))
    .flatMap((text) => (text.ok ? [text.value] : []));
  let best: FieldProposal | null = null;
  for (const [field, { label, words }] of Object.entries(fields)) {
    if (taken.has(field)) continue;
    let confidence = Math.max(...[label, ...words].map((word) => similarity(header, bare(normaliseLabel(word)))));
    const checks = values.map((value) => fits(field, value));
    if (checks.length && checks[0] !== undefined) {
      const share = checks.filter(Boolean).length / checks.length;
      // Places and chains are telling; numbers and dates fit many fields, so they only count against.
      if (share >= 0.8 && STRONG_VALUES.includes(field)) confidence = Math.max(confidence, 0.9);
      else if (share < 0.5) confidence /= 2;
    }
    if (!best || confidence > best.confidence) best = { field, confidence };
  }
  if (!best) return null;
  best.confidence = Math.round(best.confidence * 100) / 100;
  return best.confidence >= PROPOSE_FROM ? best : null;
}

/** Fields whose values alone identify a column. */
const STRONG_VALUES: readonly string[] = ['region', 'chain'];
/** The lowest confidence proposed (below it the header is left unmapped). */
const PROPOSE_FROM = 0.6;

/** The header without its unit or bracketed notes: 投资额(万元) → 投资额. */
const bare = (label: string) => label.replace(/\([^)]*\)/g, '').replace(/[()、/]/g, '') || label;

/** 2 × shared characters ÷ both lengths (Dice, on characters): 1 for the same text, 0 for nothing shared. */
export function similarity(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  if (!left.length || !right.length) return 0;
  const counts = new Map<string, number>();
  for (const ch of right) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let shared = 0;
  for (const ch of left) {
    const n = counts.get(ch) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(ch, n - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/** The fields for the editor, labelled. */
export function mappingFields(fields: Record<string, FieldWords>): MappingField[] {
  return Object.entries(fields).map(([field, { label }]) => ({ field, label }));
}

/** A mapping as JSON text (what is kept), keys sorted so equal mappings are equal texts. */
export function mappingJson(mapping: ColumnMapping): string {
  return JSON.stringify(Object.fromEntries([...mapping.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

export function mappingFromJson(text: string): ColumnMapping {
  return new Map(Object.entries(JSON.parse(text) as Record<string, string | null>));
}
