import { createHash } from 'node:crypto';
import { ApiError } from '../common/index.js';
import type { RowError } from './import-result.js';
import type { ImportProgress } from './import-progress.js';
import { checkGivenHeaders, mappingFields, mappingView, withMapping, type ColumnMapping, type MappingView, type ValueCheck } from './mapping/column-mapping.js';
import { DATE_KEYS, MONEY_KEYS, type FieldWords } from './parsing/columns.js';
import { fromText } from './parsing/dates.js';
import { parseMilestoneText } from './parsing/milestone-text.js';
import { parseWan } from './parsing/money.js';
import type { ChainLookup, RegionLookup } from './parsing/reference-lookup.js';
import { locateTables, normaliseLabel, type SkippedRow, type Table, type TableSpec } from './parsing/table.js';
import { readWorkbook } from './parsing/workbook-reader.js';

export interface UploadedWorkbook {
  name: string;
  buffer: Buffer;
}

export interface Prepared<K extends string> {
  sha256: string;
  /** The sheets read, in workbook order. */
  tables: Table<K>[];
  skipped: SkippedRow[];
  mapping: MappingView;
  /** Sheets that look like the import's tables but whose headers only a mapping can read: one error each. */
  errors: RowError[];
}

export interface PrepareOptions {
  region: string | null;
  given: ColumnMapping;
  saved: ColumnMapping;
  fits: ValueCheck;
  progress?: ImportProgress;
}

/**
 * The part the ledger and the month-sheet imports share: read the workbook (in the worker),
 * find every sheet's table with the given and the kept column mappings over the rules, and
 * describe the mapping. A sheet whose header is unknown but whose columns look like the
 * import's (a proposal for the anchor column, 项目名称) is an error that asks for a mapping;
 * any other sheet without a table is reported as skipped.
 */
export async function prepareImport<K extends string>(
  upload: UploadedWorkbook,
  spec: TableSpec<K>,
  fields: Record<K, FieldWords>,
  options: PrepareOptions,
): Promise<Prepared<K>> {
  const sha256 = createHash('sha256').update(upload.buffer).digest('hex');
  options.progress?.('parsing', 0, 0);
  const sheets = await readWorkbook(upload.buffer, (done, total) => options.progress?.('parsing', done, total));
  const located = locateTables(sheets, withMapping(spec, options.given, options.saved));
  const all = [...located.tables, ...located.unrecognised].sort((a, b) => a.sheetIndex - b.sheetIndex);
  checkGivenHeaders(options.given, all);
  const columns = mappingView(all, fields, { given: options.given, saved: options.saved, rules: spec.recognise }, options.fits);

  const errors: RowError[] = [];
  const skipped = [...located.skipped];
  for (const table of located.unrecognised) {
    const anchored = table.columns.some((column) => {
      const proposal = columns.find((c) => normaliseLabel(c.header) === column.normalised)?.proposal;
      return proposal !== undefined && proposal !== null && (spec.anchors as string[]).includes(proposal.field);
    });
    if (anchored)
      errors.push({
        row: table.headerRow,
        sheet: table.sheet,
        column: null,
        message: `工作表“${table.sheet}”的表头无法识别（${spec.expected}）：请在“列对应”中确认各列的含义后重新检查`,
      });
    else skipped.push({ row: null, sheet: table.sheet, kind: 'sheet', reason: `表头无法识别（${spec.expected}），未读取` });
  }
  if (located.tables.length === 0 && errors.length === 0) {
    const message = `找不到表头：没有工作表包含${spec.expected}`;
    throw new ApiError(422, message, [{ field: 'file', code: 'headerNotFound', message }]);
  }
  return {
    sha256,
    tables: located.tables,
    skipped,
    mapping: { region: options.region, required: errors.length > 0, saved: false, columns, fields: mappingFields(fields) },
    errors,
  };
}

/**
 * Whether a column's values fit a field, for proposals: places and chains the lookups know,
 * money and dates that parse. Other fields: no check.
 */
export function fieldValueCheck(lookups: { regions?: RegionLookup; chains?: ChainLookup }): ValueCheck {
  return (field, text) => {
    if (field === 'region' && lookups.regions) return lookups.regions.resolve(text).ok;
    if (field === 'chain' && lookups.chains) return lookups.chains.resolve(text).ok;
    if (MONEY_KEYS.includes(field)) return parseWan(text, 'wan').ok;
    // Any year will do for 3月底: the question is only whether the text is a date.
    if (DATE_KEYS.includes(field)) return fromText(text, 2000).ok;
    if (field === 'milestones') return parseMilestoneText(text).ok;
    return undefined;
  };
}
