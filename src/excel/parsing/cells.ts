/** A cell read as a value, or why it could not be. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
import type { CellData, GridCell } from './workbook-reader.js';

/**
 * Text that a spreadsheet would read as a formula (= + - @, or a leading tab or carriage
 * return) gets a leading single quote on export, so that no exported cell can run as a
 * formula (CSV/formula injection, OWASP). The import takes that quote off again, so an
 * exported ledger imports back unchanged.
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function unneutralise(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

export const cellData = (cell: GridCell | undefined): CellData | undefined => cell?.[1];

/** The content of a cell as text, for names, codes, labels and free text; formulas and errors refused. */
export function cellText(data: CellData): Parsed<string> {
  switch (data.t) {
    case 's':
      return { ok: true, value: unneutralise(data.v.replace(/\r\n?/g, '\n').trim()) };
    case 'n':
      return Number.isFinite(data.v) ? { ok: true, value: String(data.v) } : { ok: false, message: '数值无效' };
    case 'd':
      return { ok: true, value: data.v.slice(0, 10) };
    case 'b':
      return { ok: true, value: data.v ? '是' : '否' };
    case 'f':
      return formulaRefused();
    case 'e':
      return { ok: false, message: `单元格是错误值 ${data.v}` };
  }
}

export function formulaRefused(): { ok: false; message: string } {
  return { ok: false, message: '单元格是公式：导入只接受数值和文本，请复制后“选择性粘贴 → 数值”再导入' };
}

/**
 * Text as compared with words the import knows (stage words, units, place names, dates):
 * full-width letters, digits and punctuation as their ordinary forms (Unicode NFKC: ２０２４ → 2024,
 * （ → (), and no whitespace at all (ideographic spaces included). Never applied to stored text.
 */
export function fold(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/** Whether a cell holds nothing a person would see (empty text). */
export function isBlank(data: CellData | undefined): boolean {
  return data === undefined || (data.t === 's' && data.v.trim() === '');
}

/** A label as written in a header or title: text of any cell kind, trimmed, '' for formulas and errors. */
export function labelText(data: CellData | undefined): string {
  if (!data) return '';
  if (data.t === 's') return data.v.trim();
  if (data.t === 'n') return String(data.v);
  return '';
}
