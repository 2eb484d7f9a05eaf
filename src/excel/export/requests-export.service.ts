import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { Clock } from '../../common/index.js';
import { addBand, addHeader, addRow, type Value } from './sheet-style.js';
import { type ListCategory, type MonthCounts, RequestsService, type RequestView } from '../../requests/index.js';
import { APPROVAL_LABELS } from '../../lifecycle/index.js';
import { EVALUATION_LABELS, REQUEST_CATEGORY_LABELS, REQUEST_STATUS_LABELS } from '../../requests/labels.js';
import { POLLUTANT_LABELS, REQUEST_KIND_LABELS, UNIT_LABELS } from '../../reference/labels.js';
import type { Scope } from '../../access/index.js';

/** Sheet names and headings, also what a reader (or a test) finds the tables by. */
export const LIST_SHEET_NAMES: Record<ListCategory, string> = {
  simple: `${REQUEST_CATEGORY_LABELS.simple}问题清单`,
  frequent: `${REQUEST_CATEGORY_LABELS.frequent}问题清单`,
  complex: `${REQUEST_CATEGORY_LABELS.complex}问题清单`,
  unsorted: '待研判',
};
export const SUMMARY_SHEET_NAME = '汇总';

export const COUNT_HEADERS = ['提出', '已受理', '已办结', '已关闭', '退回', '提交常务会', '待办', '逾期', '平均办结天数'];

export function countCells(counts: MonthCounts): Value[] {
  return [
    counts.raised,
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

/** "5551.00 亩" from a view's decimal string and unit code. */
export function quantityWithUnit(quantity: string | null, unit: string | null): string {
  return quantity === null || unit === null ? '' : `${quantity} ${UNIT_LABELS[unit as keyof typeof UNIT_LABELS] ?? unit}`;
}

/** What the need is, in words: 用地, 环境容量（氨氮）, 审批（环评）. */
export function kindText(view: Pick<RequestView, 'kind' | 'pollutant' | 'approval'>): string {
  const detail = view.pollutant ? POLLUTANT_LABELS[view.pollutant] : view.approval ? APPROVAL_LABELS[view.approval] : null;
  return detail ? `${REQUEST_KIND_LABELS[view.kind]}（${detail}）` : REQUEST_KIND_LABELS[view.kind];
}

/**
 * The month's problem lists as a workbook for the 市政府常务会 (000 §四(五): "简单""高频""复杂"
 * 3 张问题清单，每月梳理分析): a summary sheet (counts by list, department, kind and county;
 * granted vs asked), then one sheet per list with every request. Same figures as
 * GET /api/requests/lists/:month for the same caller.
 */
@Injectable()
export class RequestsExportService {
  constructor(
    private readonly requests: RequestsService,
    private readonly clock: Clock,
  ) {}

  async workbook(month: string, scope: Scope): Promise<Buffer> {
    const lists = await this.requests.monthLists(month, scope);
    const [year, m] = month.split('-').map(Number);
    const workbook = new ExcelJS.Workbook();
    const summary = workbook.addWorksheet(SUMMARY_SHEET_NAME);
    summary.columns = [26, 10, 10, 10, 10, 10, 12, 10, 10, 14].map((width) => ({ width }));
    addBand(summary, `${year}年${m}月企业问题清单（要素保障）`, 10, { size: 16, bold: true });
    addBand(summary, `数据截至：${this.clock.wallClock(lists.asOf)}（${this.clock.zoneLabel}），逾期按 ${lists.refDate} 计`, 10);
    const table = (title: string, rows: [string, MonthCounts][]) => {
      summary.addRow([]);
      addBand(summary, title, 10, { bold: true });
      addHeader(summary, ['', ...COUNT_HEADERS]);
      for (const [label, counts] of rows) addRow(summary, [label, ...countCells(counts)]);
    };
    table('按问题清单', [['合计', lists.totals], ...lists.lists.map((l): [string, MonthCounts] => [LIST_SHEET_NAMES[l.category], l.counts])]);
    table('按承办部门', lists.byDepartment.map((d): [string, MonthCounts] => [d.name, d.counts]));
    table('按需求类型', lists.byKind.map((k): [string, MonthCounts] => [REQUEST_KIND_LABELS[k.kind], k.counts]));
    table('按县（市、区）', lists.byRegion.map((r): [string, MonthCounts] => [r.name ?? '未指定', r.counts]));
    summary.addRow([]);
    addBand(summary, '保障与需求', 10, { bold: true });
    addHeader(summary, ['要素', '需求数', '需求量', '已保障', '单位']);
    for (const g of lists.grantedVsAsked)
      addRow(summary, [kindText({ kind: g.kind, pollutant: g.pollutant, approval: null }), g.requests, g.asked, g.granted, UNIT_LABELS[g.unit as keyof typeof UNIT_LABELS]]);

    for (const list of lists.lists) {
      const sheet = workbook.addWorksheet(LIST_SHEET_NAMES[list.category]);
      sheet.columns = [6, 28, 12, 16, 36, 16, 18, 14, 12, 12, 10, 16, 10].map((width) => ({ width }));
      addBand(sheet, `${year}年${m}月${LIST_SHEET_NAMES[list.category]}`, 13, { size: 14, bold: true });
      addHeader(sheet, ['序号', '项目', '县（市、区）', '要素', '需求说明', '需求量', '承办部门', '状态', '提出日期', '承诺办结', '逾期天数', '已保障', '评价']);
      list.items.forEach((item, index) =>
        addRow(sheet, [
          index + 1,
          item.projectName,
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
        ]),
      );
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
}
