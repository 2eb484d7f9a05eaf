import { Clock, formatYi } from '../../common/index.js';
import { Injectable } from '@nestjs/common';
import type ExcelJS from 'exceljs';
import { BULLETIN_TITLE, BulletinsService, FACTOR_TOTALS_HEADS, factorGuaranteeText, factorTotalsText, overrideNote, percent, provenanceLine, type PublishedBulletin, rankChangeText, ratingWord, RED_LIST_KINDS, regionsByRank, responsibleText } from '../../bulletins/index.js';
import type { Rated } from '../../board/index.js';
import type { FactorTotals } from '../../requests/index.js';
import { addBand, addHeader, addRow, RATING_FILLS, type Value } from './sheet-style.js';
import { addChainTableSheet } from './chain-table-sheet.js';
import { addWordsSheet } from './bulletin-words-sheet.js';

/** Section headings, also what a reader (or a test) finds the tables by. */
export const BULLETIN_SECTIONS = {
  headline: '一、主要指标',
  regions: '二、县（市、区）序时进度排名',
  chains: '三、产业链完成情况',
  redList: '四、预警清单（红色预警项目）',
  factorGuarantee: '五、要素保障',
  warnings: '六、提示',
} as const;

const WIDTH = 9;

/**
 * 月通报 as a workbook, built from the PUBLISHED bulletin only (its stored JSON, byte for byte
 * what was published), so every figure equals the bulletin's. 亿元 with two decimals are
 * formatted from integer 万元 by integer arithmetic (formatYi); 万元 stay integers.
 */
@Injectable()
export class BulletinExportService {
  constructor(
    private readonly bulletins: BulletinsService,
    private readonly clock: Clock,
  ) {}

  async workbook(year: number, month: number): Promise<Buffer> {
    const bulletin = JSON.parse(await this.bulletins.find(year, month)) as PublishedBulletin;
    const board = bulletin.dashboard;
    // exceljs is loaded on the first workbook, not at start (docs/development.md "Where the suite's time goes").
    const { default: Excel } = (await import('exceljs')) as { default: typeof ExcelJS };
    const workbook = new Excel.Workbook();
    const sheet = workbook.addWorksheet('月通报', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    sheet.columns = [8, 22, 12, 14, 14, 14, 14, 10, 30].map((width) => ({ width }));

    addBand(sheet, BULLETIN_TITLE, WIDTH, { size: 18, bold: true });
    addBand(sheet, `${bulletin.year}年${bulletin.month}月`, WIDTH, { size: 14, bold: true });
    addBand(sheet, `数据截至：${this.clock.wallClock(board.asOf)}（${this.clock.zoneLabel}）\u3000发布：${this.clock.wallClock(bulletin.publishedAt)}\u3000发布人：${bulletin.publishedBy}\u3000单位：亿元`, WIDTH);
    if (bulletin.commentary) addBand(sheet, '通报正文（总体情况、表扬、存在问题、下步工作）见工作表“通报正文”。', WIDTH);

    sheet.addRow([]);
    addBand(sheet, BULLETIN_SECTIONS.headline, WIDTH, { bold: true });
    addHeader(sheet, ['指标', '', '完成', '目标', '序时进度', '完成序时进度', '评级', '', '说明']);
    this.mergeLabels(sheet, sheet.rowCount, sheet.rowCount);
    const { investment, startRate, bigProjects, keyProjects } = board;
    // How the city itself reports it: 占年度计划 beside 完成序时, and projects started and completed (bulletins
    // published before these figures existed lack them).
    const counts = board.implementationCounts;
    const investmentNote = [
      `${investment.listed} 个实施类项目，1–${board.month} 月`,
      investment.planShare !== undefined ? `占年度计划 ${percent(investment.planShare)}` : '',
      counts ? `已开工 ${counts.started} 个、竣工投产 ${counts.completed} 个` : '',
    ].filter(Boolean).join('；');
    this.ratedRow(sheet, ['实施类项目完成投资（亿元）', '', formatYi(investment.actual), formatYi(investment.target), formatYi(investment.expected), percent(investment.ratio)], investment, 7, investmentNote);
    addRow(sheet, [
      '准备类项目开工率',
      '',
      `${startRate.started}/${startRate.listed}`,
      percent(startRate.target),
      '',
      percent(startRate.rate),
      '',
      '',
      startRate.neededForTarget > 0 ? `距目标还需开工 ${startRate.neededForTarget} 个` : '已达目标',
    ]);
    const continuing = bigProjects.continuing ? `；另有续建大项目 ${bigProjects.continuing.length} 个（不计入）` : '';
    addRow(sheet, ['本年新谋划50亿元以上大项目（个）', '', bigProjects.count, bigProjects.target, '', '', '', '', `${bigProjects.ok ? '已达目标' : '未达目标'}${continuing}`]);
    this.ratedRow(sheet, ['10亿元以上重点项目完成投资（亿元）', '', formatYi(keyProjects.investment), formatYi(keyProjects.target), formatYi(keyProjects.expected), percent(keyProjects.ratio)], keyProjects, 7, `${keyProjects.count} 个市级重点项目（计划 ${keyProjects.targetCount} 个）`);
    this.mergeLabels(sheet, sheet.rowCount - 3, sheet.rowCount);

    sheet.addRow([]);
    addBand(sheet, BULLETIN_SECTIONS.regions, WIDTH, { bold: true });
    addHeader(sheet, ['排名', '县（市、区）', '实施类项目（个）', '年度计划（亿元）', '完成投资（亿元）', '序时进度（亿元）', '完成序时进度', '评级', '名次变化 / 说明']);
    for (const region of regionsByRank(board)) {
      const change = rankChangeText(region);
      this.ratedRow(
        sheet,
        [region.rank ?? '—', region.name, region.projects, formatYi(region.plan), formatYi(region.actual), formatYi(region.expected), percent(region.ratio)],
        region,
        8,
        [change, overrideNote(region)].filter(Boolean).join('；'),
      );
    }

    sheet.addRow([]);
    addBand(sheet, BULLETIN_SECTIONS.chains, WIDTH, { bold: true });
    addHeader(sheet, ['序号', '产业链', '目标项目（个）', '清单项目（个）', '目标投资（亿元）', '完成投资（亿元）', '完成序时进度', '评级', '说明']);
    for (const chain of board.chains) {
      this.ratedRow(
        sheet,
        [chain.no, `${chain.name}${chain.flagship ? '★' : ''}`, chain.targetProjects, chain.listedProjects, formatYi(chain.targetInvestment), formatYi(chain.actual), percent(chain.ratio)],
        chain,
        8,
        overrideNote(chain),
      );
    }

    sheet.addRow([]);
    addBand(sheet, BULLETIN_SECTIONS.redList, WIDTH, { bold: true });
    addHeader(sheet, ['序号', '项目编码', '项目名称', '', '', '县（市、区）', '包联领导 / 专员', '类型', '原因']);
    board.redList.forEach((item, index) => {
      const row = addRow(sheet, [index + 1, item.code, item.name, '', '', item.regionName ?? item.region ?? '', responsibleText(item.responsible), RED_LIST_KINDS[item.kind], item.reason]);
      sheet.mergeCells(row.number, 3, row.number, 5);
      row.getCell(8).fill = RATING_FILLS.red;
    });
    if (board.redList.length === 0) addRow(sheet, ['', '无', '', '', '', '', '', '', '']);
    if (board.redListTruncated) addBand(sheet, `红色预警项目超过 ${board.redList.length} 个，本表只列出前 ${board.redList.length} 个（按县（市、区）和项目编码排列）`, WIDTH);

    // Bulletins published before 要素保障 was tracked have no such block.
    const factors = factorGuaranteeText(board);
    if (factors) {
      sheet.addRow([]);
      addBand(sheet, BULLETIN_SECTIONS.factorGuarantee, WIDTH, { bold: true });
      addBand(sheet, factors.summary, WIDTH);
      addHeader(sheet, ['', '要素 / 承办部门', '待办（项）', '逾期（项）', '', '', '', '', '']);
      for (const [name, open, overdue] of factors.counts) addRow(sheet, ['', name, open, overdue, '', '', '', '', '']);
      if (factors.longest.length) {
        addHeader(sheet, ['序号', '逾期最久的需求（项目）', '', '要素', '承办部门', '应办日期', '逾期（天）', '', '包联领导 / 专员']);
        for (const [no, project, responsible, kind, department, due, days] of factors.longest) addRow(sheet, [no, project, '', kind, department, due, days, '', responsible]);
      }
    }

    // 要素保障年度累计, within section 五 (bulletins published before it was kept have none).
    const totals = (board.factorTotals as FactorTotals | undefined) && factorTotalsText(board.factorTotals);
    if (totals) {
      addBand(sheet, totals.title, WIDTH, { bold: true });
      addBand(sheet, totals.summary, WIDTH);
      addHeader(sheet, ['', ...FACTOR_TOTALS_HEADS, '', '']);
      for (const row of totals.rows) addRow(sheet, ['', ...row, '', '']);
    }

    if (board.warnings.length) {
      sheet.addRow([]);
      addBand(sheet, BULLETIN_SECTIONS.warnings, WIDTH, { bold: true });
      for (const warning of board.warnings) addBand(sheet, warning.message, WIDTH);
    }
    sheet.addRow([]);
    addBand(sheet, provenanceLine(bulletin), WIDTH);
    addChainTableSheet(workbook, board, BULLETIN_TITLE);
    addWordsSheet(workbook, bulletin, (instant) => this.clock.dateOf(instant));
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  /** A row whose colour cell (column `at`) shows 蓝/黄/红 with its fill; an override is named in the note. */
  private ratedRow(sheet: ExcelJS.Worksheet, values: Value[], rated: Rated, at: number, note: string) {
    const cells: Value[] = [...values];
    while (cells.length < at - 1) cells.push('');
    cells[at - 1] = ratingWord(rated);
    while (cells.length < WIDTH - 1) cells.push('');
    cells[WIDTH - 1] = note;
    const row = addRow(sheet, cells);
    if (rated.rating) row.getCell(at).fill = RATING_FILLS[rated.rating];
    row.getCell(at).alignment = { horizontal: 'center' };
    return row;
  }

  /** Headline labels span the first two columns. */
  private mergeLabels(sheet: ExcelJS.Worksheet, from: number, to: number) {
    for (let row = from; row <= to; row++) sheet.mergeCells(row, 1, row, 2);
  }
}
