import type ExcelJS from 'exceljs';
import { closingSections, correctionNote, overviewSection, type PublishedBulletin } from '../../bulletins/index.js';
import { cellValue } from './sheet-style.js';

/** The sheet's name: what a reader (or a test) finds the words by. */
export const WORDS_SHEET = '通报正文';

const WIDTH = 8;
/** Characters a line of the merged band holds (8 columns of 12), for the row height. */
const CHARS_PER_LINE = 48;

/**
 * The bulletin's words (总体情况, 表扬, 存在问题, 下步工作, and the 更正说明 once corrected) as a sheet of
 * their own beside the figures (docs/domain/bulletin-commentary.md "In the copies"): one paragraph
 * a row across the sheet, wrapped. A bulletin published before the words were kept has no such sheet.
 */
export function addWordsSheet(workbook: ExcelJS.Workbook, bulletin: PublishedBulletin, dateOf: (instant: string) => string): void {
  const words = bulletin.commentary;
  if (!words) return;
  const sheet = workbook.addWorksheet(WORDS_SHEET, { pageSetup: { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = Array.from({ length: WIDTH }, () => ({ width: 12 }));
  const band = (text: string, style: { bold?: boolean; size?: number } = {}) => {
    const row = sheet.addRow([cellValue(text)]);
    sheet.mergeCells(row.number, 1, row.number, WIDTH);
    const cell = row.getCell(1);
    cell.font = { bold: style.bold ?? false, size: style.size ?? 11 };
    cell.alignment = { vertical: 'top', horizontal: style.size ? 'center' : 'left', wrapText: true };
    row.height = Math.max(style.size ? style.size * 1.8 : 16, Math.ceil([...text].length / CHARS_PER_LINE) * 16);
  };
  band(`聊城市制造业重点项目月通报 ${bulletin.year}年${bulletin.month}月`, { bold: true, size: 14 });
  const sections = [overviewSection(words), ...closingSections(words)];
  sections.forEach((section, index) => {
    sheet.addRow([]);
    band(`${['一', '二', '三', '四'][index]}、${section.title}`, { bold: true });
    for (const paragraph of section.paragraphs) band(paragraph);
  });
  const note = correctionNote(words, dateOf);
  if (note) {
    sheet.addRow([]);
    band(note);
  }
}
