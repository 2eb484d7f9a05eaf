import { Injectable } from '@nestjs/common';
import type ExcelJS from 'exceljs';
import { Clock } from '../../common/index.js';
import { addBand, addHeader, addRow, type Value } from './sheet-style.js';
import { DataSource } from 'typeorm';
import { factorTotals, kindText, type ListCategory, type MonthCounts, MonthListsService, quantityWithUnit } from '../../requests/index.js';
import { FACTOR_TOTALS_HEADS, factorTotalsText } from '../../bulletins/index.js';
import { CARRY_LABELS, EVALUATION_LABELS, REQUEST_CATEGORY_LABELS, REQUEST_CHANNEL_LABELS, REQUEST_STATUS_LABELS } from '../../requests/labels.js';
import { REQUEST_KIND_LABELS, UNIT_LABELS } from '../../reference/labels.js';
import type { Scope } from '../../access/index.js';

/** Sheet names and headings, also what a reader (or a test) finds the tables by. */
export const LIST_SHEET_NAMES: Record<ListCategory, string> = {
  simple: `${REQUEST_CATEGORY_LABELS.simple}问题清单`,
  frequent: `${REQUEST_CATEGORY_LABELS.frequent}问题清单`,
  complex: `${REQUEST_CATEGORY_LABELS.complex}问题清单`,
  unsorted: '待研判',
};
export const SUMMARY_SHEET_NAME = '汇总';
export const TOTALS_SHEET_NAME = '年度累计';

export const COUNT_HEADERS = ['新增', '结转', '累计', '已受理', '已办结', '本月办结', '退回', '提交常务会', '待办', '逾期', '平均办结天数'];

export function countCells(counts: MonthCounts): Value[] {
  return [
    counts.raised,
    counts.carried,
    counts.cumulative,
    counts.accepted,
    counts.resolved,
    counts.closed,
    counts.returned,
    counts.escalated,
    counts.open,
    counts.overdue,
    counts.meanDaysToClose === null ? '—' : counts.meanDaysToClose.toFixed(1),
  ];
}

/**
 * The month's problem lists as a workbook for the 市政府常务会 (000 §四(五): "简单""高频""复杂"
 * 3 张问题清单，每月梳理分析): a summary sheet (counts by list, department, kind and county, with
 * 新增 / 结转 / 累计; granted vs asked), one sheet per list with every problem on it and its mark,
 * and the year to date (年度累计). Same figures as GET /api/requests/lists/:month and
 * GET /api/requests/totals/:month for the same caller.
 */
@Injectable()
export class RequestsExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lists: MonthListsService,
    private readonly clock: Clock,
  ) {}

  async workbook(month: string, scope: Scope): Promise<Buffer> {
    const lists = await this.lists.monthLists(month, scope);
    const totals = await factorTotals(this.dataSource, { month, asOf: lists.asOf, refDate: lists.refDate }, scope);
    const [year, m] = month.split('-').map(Number);
    const width = COUNT_HEADERS.length + 1;
    // exceljs is loaded on the first workbook, not at start (docs/development.md "Where the suite's time goes").
    const { default: Excel } = (await import('exceljs')) as { default: typeof ExcelJS };
    const workbook = new Excel.Workbook();
    const summary = workbook.addWorksheet(SUMMARY_SHEET_NAME);
    summary.columns = [26, ...COUNT_HEADERS.map(() => 10)].map((w) => ({ width: w }));
    addBand(summary, `${year}年${m}月企业问题清单（要素保障）`, width, { size: 16, bold: true });
    addBand(summary, `数据截至：${this.clock.wallClock(lists.asOf)}（${this.clock.zoneLabel}），清单按 ${lists.refDate} 的状态`, width);
    const table = (title: string, rows: [string, MonthCounts][]) => {
      summary.addRow([]);
      addBand(summary, title, width, { bold: true });
      addHeader(summary, ['', ...COUNT_HEADERS]);
      for (const [label, counts] of rows) addRow(summary, [label, ...countCells(counts)]);
    };
    table('按问题清单', [['合计', lists.totals], ...lists.lists.map((l): [string, MonthCounts] => [LIST_SHEET_NAMES[l.category], l.counts])]);
    table('按承办部门', lists.byDepartment.map((d): [string, MonthCounts] => [d.name, d.counts]));
    table('按需求类型', lists.byKind.map((k): [string, MonthCounts] => [REQUEST_KIND_LABELS[k.kind], k.counts]));
    table('按县（市、区）', lists.byRegion.map((r): [string, MonthCounts] => [r.name ?? '未指定', r.counts]));
    summary.addRow([]);
    addBand(summary, '保障与需求（清单上的问题）', width, { bold: true });
    addHeader(summary, ['要素', '需求数', '需求量', '已保障', '单位']);
    for (const g of lists.grantedVsAsked)
      addRow(summary, [kindText({ kind: g.kind, pollutant: g.pollutant, approval: null }), g.requests, g.asked, g.granted, UNIT_LABELS[g.unit as keyof typeof UNIT_LABELS]]);

    for (const list of lists.lists) {
      const sheet = workbook.addWorksheet(LIST_SHEET_NAMES[list.category]);
      sheet.columns = [6, 10, 28, 12, 16, 36, 16, 18, 14, 12, 12, 10, 16, 10, 12].map((w) => ({ width: w }));
      addBand(sheet, `${year}年${m}月${LIST_SHEET_NAMES[list.category]}`, 15, { size: 14, bold: true });
      addHeader(sheet, ['序号', '标记', '项目 / 企业', '县（市、区）', '要素', '需求说明', '需求量', '承办部门', '状态', '提出日期', '承诺办结', '逾期天数', '已保障', '评价', '渠道']);
      list.items.forEach((item, index) =>
        addRow(sheet, [
          index + 1,
          item.carry ? CARRY_LABELS[item.carry] : '',
          item.subject,
          item.regionName ?? '',
          kindText(item),
          item.description,
          quantityWithUnit(item.quantity, item.unit),
          item.departmentName,
          REQUEST_STATUS_LABELS[item.status],
          item.raisedOn,
          item.promisedDate ?? '',
          item.daysOverdue ?? '',
          quantityWithUnit(item.granted, item.unit),
          item.rating ? EVALUATION_LABELS[item.rating] : '',
          REQUEST_CHANNEL_LABELS[item.channel],
        ]),
      );
    }

    const text = factorTotalsText(totals);
    const sheet = workbook.addWorksheet(TOTALS_SHEET_NAME);
    sheet.columns = [24, 12, 14, 14, 14, 10].map((w) => ({ width: w }));
    addBand(sheet, `${year}年${text.title}`, FACTOR_TOTALS_HEADS.length, { size: 14, bold: true });
    addBand(sheet, text.summary, FACTOR_TOTALS_HEADS.length);
    addHeader(sheet, FACTOR_TOTALS_HEADS);
    for (const row of text.rows) addRow(sheet, row);
    addRow(sheet, ['资金授信（万元）', '', '', '', totals.funding.credit, '万元']);
    addRow(sheet, ['资金到位（万元）', '', '', '', totals.funding.disbursed, '万元']);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
}
