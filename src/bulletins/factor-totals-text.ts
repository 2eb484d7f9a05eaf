import { formatYi, monthNumberOf } from '../common/index.js';
import type { FactorTotals, FactorTotalsRow } from '../requests/index.js';
import { POLLUTANT_LABELS, REQUEST_KIND_LABELS, UNIT_LABELS } from '../reference/labels.js';

/**
 * 要素保障年度累计 as every copy prints it — the bulletin (Word and workbook) and the month's
 * problem-list workbook (docs/domain/requests.md "Year to date"): a sentence in the documents'
 * own terms ("N个项目新增用地指标X亩", "授信…亿元，到位…亿元"), then a row per kind.
 */
export const FACTOR_TOTALS_HEADS = ['要素', '需求（项）', '服务项目（个）', '需求量', '已保障', '单位'];

function kindName(row: FactorTotalsRow): string {
  return row.pollutant ? `${REQUEST_KIND_LABELS[row.kind]}（${POLLUTANT_LABELS[row.pollutant]}）` : REQUEST_KIND_LABELS[row.kind];
}

function unitName(row: FactorTotalsRow): string {
  return row.unit ? UNIT_LABELS[row.unit as keyof typeof UNIT_LABELS] : '—';
}

export function factorTotalsText(totals: FactorTotals): { title: string; summary: string; rows: (string | number)[][] } {
  const months = `1—${monthNumberOf(totals.month)}月`;
  const served = totals.kinds
    .filter((row) => row.unit !== null && row.kind !== 'funding' && row.projects > 0)
    .map((row) => `${row.projects}个项目新增${kindName(row)}${row.granted}${unitName(row)}`);
  const { credit, disbursed } = totals.funding;
  const funding = `资金授信${formatYi(credit)}亿元，到位${formatYi(disbursed)}亿元`;
  return {
    title: `要素保障年度累计（${months}）`,
    summary: `${months}，${[...served, funding].join('；')}（截至 ${totals.refDate}）`,
    rows: totals.kinds.map((row) => [kindName(row), row.requests, row.projects, row.asked ?? '—', row.granted ?? '—', unitName(row)]),
  };
}
