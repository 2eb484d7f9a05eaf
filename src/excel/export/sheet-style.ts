import type ExcelJS from 'exceljs';
import { neutralise } from '../parsing/cells.js';
import { RATING_COLOURS } from '../../bulletins/index.js';
import type { Rating } from '../../board/index.js';

/** Shared look of the exported workbooks: a title band, bold headers with a fill, thin borders. */
export type Value = string | number | Date | null;

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const THIN = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
export const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/** 蓝黄红 cell fills, in the colours every copy of the bulletin uses. */
const fill = (rating: Rating): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${RATING_COLOURS[rating]}` } });
export const RATING_FILLS: Record<Rating, ExcelJS.Fill> = { blue: fill('blue'), yellow: fill('yellow'), red: fill('red') };

/** Every text cell is neutralised (= + - @ get a leading '), whatever it holds. */
export function cellValue(value: Value): ExcelJS.CellValue {
  return typeof value === 'string' ? neutralise(value) : value;
}

/** Adds a row of values, neutralised, with borders. */
export function addRow(sheet: ExcelJS.Worksheet, values: Value[]): ExcelJS.Row {
  const row = sheet.addRow(values.map(cellValue));
  values.forEach((_, index) => (row.getCell(index + 1).border = BORDER));
  return row;
}

export function addHeader(sheet: ExcelJS.Worksheet, labels: string[]): ExcelJS.Row {
  const row = addRow(sheet, labels);
  row.font = { bold: true };
  labels.forEach((_, index) => {
    const cell = row.getCell(index + 1);
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  return row;
}

/** A band across `width` columns: the title, a subtitle, a section heading. */
export function addBand(sheet: ExcelJS.Worksheet, text: string, width: number, style: { size?: number; bold?: boolean } = {}): ExcelJS.Row {
  const row = sheet.addRow([cellValue(text)]);
  if (width > 1) sheet.mergeCells(row.number, 1, row.number, width);
  row.getCell(1).font = { bold: style.bold ?? false, size: style.size ?? 11 };
  row.getCell(1).alignment = { vertical: 'middle', horizontal: style.size && style.size > 12 ? 'center' : 'left' };
  if (style.size) row.height = style.size * 1.8;
  return row;
}
