import type { RowError } from '../import-result.js';
import { cellText, formulaRefused, isBlank } from './cells.js';
import { parseDate } from './dates.js';
import { parseWan, type MoneyUnit, type Parsed } from './money.js';
import type { DataRow, Table } from './table.js';
import type { CellData } from './workbook-reader.js';

/**
 * Reads one data row's cells by column key, collecting every problem as a row error
 * (row number, header as written, message) instead of stopping at the first.
 * Each reader returns `undefined` when the sheet has no such column (leave the field alone),
 * `null` for a blank cell, else the value.
 */
export class RowReader<K extends string> {
  readonly errors: RowError[] = [];

  constructor(
    private readonly table: Table<K>,
    readonly data: DataRow,
    /** The year for dates written without one (3月底): the sheet's, else the one the import was asked for. */
    private readonly year?: number,
  ) {}

  get row(): number {
    return this.data.row;
  }

  has(key: K): boolean {
    return this.table.byKey.has(key);
  }

  label(key: K): string | null {
    return this.table.byKey.get(key)?.label ?? null;
  }

  fail(key: K | null, message: string): void {
    this.errors.push({ row: this.data.row, sheet: this.table.sheet, column: key === null ? null : this.label(key), message });
  }

  private cell(key: K): CellData | undefined | null {
    const column = this.table.byKey.get(key);
    if (!column) return undefined;
    const data = this.data.cells.get(column.col)?.[1];
    return isBlank(data) ? null : data!;
  }

  private read<T>(key: K, parse: (data: CellData) => Parsed<T>): T | null | undefined {
    const data = this.cell(key);
    if (data === undefined || data === null) return data;
    if (data.t === 'f') {
      this.fail(key, formulaRefused().message);
      return null;
    }
    const parsed = parse(data);
    if (parsed.ok) return parsed.value;
    this.fail(key, parsed.message);
    return null;
  }

  text(key: K): string | null | undefined {
    const value = this.read(key, cellText);
    return value === '' ? null : value;
  }

  /** Text then a lookup or mapping of it (region name → code, 实施类 → implementation). */
  mapped<T>(key: K, map: (text: string) => Parsed<T>): T | null | undefined {
    return this.read(key, (data) => {
      const text = cellText(data);
      return text.ok ? map(text.value) : text;
    });
  }

  money(key: K): number | null | undefined {
    const unit = this.table.byKey.get(key)?.unit as MoneyUnit;
    return this.read(key, (data) =>
      data.t === 's' || data.t === 'n' ? parseWan(data.v, unit) : { ok: false, message: '不是金额（应为数字）' },
    );
  }

  date(key: K): string | null | undefined {
    return this.read(key, (data) => parseDate(data, this.year));
  }
}
