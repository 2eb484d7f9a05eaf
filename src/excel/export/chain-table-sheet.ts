import type ExcelJS from 'exceljs';
import { INDICATOR_KEYS, type IndicatorKey, NOTE_STATUS_LABELS } from '../../attraction/index.js';
import { formatYi } from '../../common/index.js';
import type { Dashboard } from '../../board/index.js';
import { ATTRACTION_HEADS, attractionCells, percent } from '../../bulletins/index.js';
import { addBand, addHeader, addRow, type Value } from './sheet-style.js';

/** The sheet's name and title: what a reader (or a test) finds the table by. */
export const CHAIN_TABLE_SHEET = '产业链附表';

/** Short column heads of the other 通用指标 (the appendix's words, abbreviated to fit). */
const INDICATOR_HEADS: Record<IndicatorKey, string> = {
  revenueGrowthPct: '营收增幅%',
  valueAddedGrowthPct: '增加值增幅%',
  newAboveScale: '新增规上企业',
  newQuality: '新增优质企业',
  newHighTech: '新增高新技术企业',
  newInnovationPlatforms: '新增创新平台企业',
  loanGrowthPct: '贷款余额增幅%',
};

const HEADS = [
  '序号', '产业链', '项目（入库/目标）', '完成投资（亿元）', '投资目标（亿元）', '投资完成序时',
  ...ATTRACTION_HEADS, ...INDICATOR_KEYS.map((key) => `${INDICATOR_HEADS[key]}（完成/目标）`),
  '指标所属季度', '差异化指标', '状态', '进展说明',
];

const figure = (actual: number | null, target: number | null): string => `${actual ?? '—'}/${target ?? '—'}`;

/**
 * The appendix's whole row per chain (docs/domain/attraction.md "The chain page"), from the
 * published board: projects and 完成投资, 签约 and 到位 with 序时, the attraction counts, the
 * other 通用指标 as last filed (year to date) beside their targets, and the 差异化指标 with its
 * status and note. Bulletins published before the board had these figures get no such sheet.
 */
export function addChainTableSheet(workbook: ExcelJS.Workbook, board: Dashboard, title: string): void {
  if (!board.attraction) return;
  const sheet = workbook.addWorksheet(CHAIN_TABLE_SHEET, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = HEADS.map((head, index) => ({ width: index === 1 ? 14 : index >= HEADS.length - 3 ? (index === HEADS.length - 2 ? 8 : 36) : Math.max(9, head.length + 2) }));
  addBand(sheet, `${title}：${CHAIN_TABLE_SHEET}（${board.year}年1–${board.month}月）`, HEADS.length, { size: 14, bold: true });
  addHeader(sheet, HEADS);
  for (const chain of board.chains) {
    const a = board.attraction.chains.find((row) => row.code === chain.code);
    if (!a) continue;
    const filed = a.indicators;
    const values: Value[] = [
      chain.no,
      `${chain.name}${chain.flagship ? '★' : ''}`,
      `${chain.listedProjects}/${chain.targetProjects}`,
      formatYi(chain.actual),
      formatYi(chain.targetInvestment),
      percent(chain.ratio),
      ...attractionCells(a),
      ...INDICATOR_KEYS.map((key) => figure(filed ? filed[key] : null, a.indicatorTargets[key])),
      filed ? `第${filed.quarter}季度` : '未填报',
      a.differentiated.text ?? '',
      a.differentiated.note ? NOTE_STATUS_LABELS[a.differentiated.note.status] : '未填报',
      a.differentiated.note?.note ?? '',
    ];
    const row = addRow(sheet, values);
    row.alignment = { vertical: 'top', wrapText: true };
  }
}
