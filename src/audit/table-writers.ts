import type ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';

/** A cell of an exported table: text, a number, or empty. */
export type Cell = string | number | null;

export type RowKind = 'stamp' | 'header' | 'data';

/** Where an export's rows go, one at a time (CSV or .xlsx, streamed to the response). */
export interface TableWriter {
  row(cells: Cell[], kind?: RowKind): Promise<void>;
  /** Finishes the file and ends the stream. */
  close(): Promise<void>;
}

/**
 * Text that a spreadsheet would read as a formula (= + - @, and tab or carriage return
 * which some programs strip before looking) gets a leading single quote, so an exported
 * cell can never run as a formula (CSV/formula injection, OWASP).
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvField(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const value = neutralise(cell);
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV line (RFC 4180: CRLF, quotes doubled), formulas neutralised. */
export function csvLine(cells: Cell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/** Waits for `drain`, or for the stream to close (the client went away). */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/** UTF-8 CSV with a byte-order mark, so that Excel shows Chinese correctly. */
export function csvWriter(out: Writable): TableWriter {
  let pending = '\uFEFF';
  const flush = async () => {
    if (pending === '' || out.destroyed) return;
    const ok = out.write(pending, 'utf8');
    pending = '';
    if (!ok) await drained(out);
  };
  return {
    async row(cells) {
      pending += csvLine(cells);
      if (pending.length >= 64 * 1024) await flush();
    },
    async close() {
      await flush();
      out.end();
    },
  };
}

/** An .xlsx workbook with one sheet, written row by row (exceljs streaming writer, loaded on the first workbook, not at start). */
export async function xlsxWriter(out: Writable, sheetName: string, columnWidths: number[]): Promise<TableWriter> {
  const { default: Excel } = (await import('exceljs')) as { default: typeof ExcelJS };
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columnWidths.map((width) => ({ width }));
  return {
    async row(cells, kind = 'data') {
      const row = sheet.addRow(cells.map((cell) => (typeof cell === 'string' ? neutralise(cell) : cell)));
      if (kind !== 'data') row.font = { bold: true };
      row.commit();
    },
    async close() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
