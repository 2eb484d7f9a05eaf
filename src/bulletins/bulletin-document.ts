import { AlignmentType, BorderStyle, Document, Packer, Paragraph, ShadingType, Tab, Table, TableCell, TableRow, TabStopPosition, TabStopType, TextRun, VerticalAlign, WidthType } from 'docx';
import { formatYi, formatYiShort } from '../common/index.js';
import type { AttractionBlock, Dashboard, Rated } from '../board/index.js';
import {
  ATTRACTION_HEADS,
  attractionCells,
  attractionSummary,
  BULLETIN_TITLE,
  factorGuaranteeText,
  ISSUING_OFFICE,
  overrideNote,
  percent,
  provenanceLine,
  rankChangeText,
  RATING_COLOURS,
  RATING_WORDS,
  ratingWord,
  RED_LIST_KINDS,
  regionsByRank,
  responsibleText,
  type PublishedBulletin,
} from './bulletin-format.js';
import { type Block, type Cell, documentSections, layTable, TABLE_SIZE } from './bulletin-layout.js';
import { chineseNumeral, closingSections, correctionNote, overviewSection } from './bulletin-words.js';
import { FACTOR_TOTALS_HEADS, factorTotalsText } from './factor-totals-text.js';
import type { FactorTotals } from '../requests/index.js';

/** How the document names times: the calendar zone's wall clock, as the other copies do. */
export interface DocumentCalendar {
  /** `2024-07-05` for a stored instant. */
  dateOf(instant: string): string;
  /** `2024-07-05 09:30`. */
  wallClock(instant: string): string;
  zoneLabel: string;
}

/** Half-points: 三号 16pt for the body, 二号 22pt for the title (tables: 五号, bulletin-layout.ts). */
const BODY_SIZE = 32;
const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体' };
const RED = 'C00000';
const HEADER_FILL = 'DDEBF7';

/**
 * 月通报 as a Word document in the layout offices circulate a 通报 in: the masthead in red, the
 * issue line (issuing office and date) over a red rule, the title, numbered sections — 总体情况,
 * then the figures with a sentence and a table each (亿元 to two decimals, from integer 万元 by
 * formatYi), then 表扬, 存在问题 and 下步工作 — the 落款, and the provenance line with the audit
 * checkpoint; page numbers "— 1 —", wide tables in landscape (bulletin-layout.ts). Built from the PUBLISHED bulletin only (its stored
 * JSON), like the .xlsx, so its figures are the bulletin's (docs/operations.md "The bulletin as a
 * Word document").
 */
export async function bulletinDocument(bulletin: PublishedBulletin, calendar: DocumentCalendar): Promise<Buffer> {
  const board = bulletin.dashboard;
  const words = bulletin.commentary;
  const issued = chineseDate(calendar.dateOf(bulletin.publishedAt));
  const sections: [string, Block[]][] = [
    ['投资完成情况', investment(board)],
    ['准备类项目开工', startRate(board)],
    ['大项目和重点项目', bigAndKey(board)],
    ['县（市、区）排名', regions(board)],
    ['产业链', chains(board)],
    ['预警清单', redList(board)],
  ];
  // Bulletins published before 招商 was tracked have no such block.
  if (board.attraction) sections.splice(sections.findIndex(([title]) => title === '产业链') + 1, 0, ['招商引资', attraction(board.attraction)]);
  const factors = factorGuaranteeText(board);
  if (factors) sections.push(['要素保障', factorGuarantee(factors)]);
  // Bulletins published before the year-to-date 要素 were kept have none.
  const totals = (board.factorTotals as FactorTotals | undefined) && factorTotalsText(board.factorTotals);
  if (totals) sections.push([totals.title, [body(`${totals.summary}。`), laidTable(FACTOR_TOTALS_HEADS, totals.rows)]]);
  // The words (bulletins published before they were kept have none): 总体情况 first, 表扬, 存在问题, 下步工作 last.
  if (words) {
    const text = (section: { title: string; paragraphs: string[] }): [string, Block[]] => [section.title, section.paragraphs.map(body)];
    sections.unshift(text(overviewSection(words)));
    sections.push(...closingSections(words).map(text));
  }

  const head: Block[] = [
    para([run(BULLETIN_TITLE, { size: 52, bold: true, color: RED, font: TITLE_FONT })], { align: AlignmentType.CENTER, after: 120 }),
    para([run(`${bulletin.year}年第${bulletin.month}期`)], { align: AlignmentType.CENTER, after: 120 }),
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: TabStopPosition.MAX }],
      border: { bottom: { color: RED, space: 4, style: BorderStyle.SINGLE, size: 18 } },
      spacing: { after: 360 },
      children: [run(ISSUING_OFFICE), new TextRun({ children: [new Tab(), issued], font: FONT, size: BODY_SIZE })],
    }),
    para([run(`${bulletin.year}年1—${board.month}月全市制造业重点项目推进情况`, { size: 44, bold: true, font: TITLE_FONT })], { align: AlignmentType.CENTER, after: 360 }),
    body(`现将${bulletin.year}年1—${board.month}月全市制造业重点项目推进情况通报如下（数据截至${calendar.wallClock(board.asOf)}，${calendar.zoneLabel}；金额单位：亿元）。`),
  ];
  const parts: Block[][] = [head];
  sections.forEach(([title, content], index) => {
    parts.push([para([run(`${chineseNumeral(index + 1)}、${title}`, { font: HEADING_FONT })], { before: 240, after: 120 }), ...content]);
  });
  const end: Block[] = [];
  if (board.warnings.length) {
    end.push(para([run('附：提示', { font: HEADING_FONT })], { before: 240, after: 120 }));
    for (const warning of board.warnings) end.push(body(warning.message));
  }
  const corrected = words ? correctionNote(words, (instant) => chineseDate(calendar.dateOf(instant))) : null;
  if (corrected) end.push(body(corrected));
  end.push(
    para([run(ISSUING_OFFICE)], { align: AlignmentType.RIGHT, before: 480 }),
    para([run(issued)], { align: AlignmentType.RIGHT, after: 480 }),
    para([run(`发布：${calendar.wallClock(bulletin.publishedAt)}（${calendar.zoneLabel}），发布人：${bulletin.publishedBy}`, { size: 18 })]),
    para([run(provenanceLine(bulletin), { size: 18 })]),
  );
  parts.push(end);

  const document = new Document({
    creator: ISSUING_OFFICE,
    title: `${BULLETIN_TITLE} ${bulletin.year}年${bulletin.month}月`,
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections: documentSections(parts),
  });
  return Buffer.from(await Packer.toBuffer(document));
}

function investment(board: Dashboard): Block[] {
  const { investment: i, implementationCounts: counts } = board;
  const extras = [i.planShare !== null && i.planShare !== undefined ? `占年度计划${percent(i.planShare)}` : '', counts ? `已开工${counts.started}个、竣工投产${counts.completed}个` : '']
    .filter(Boolean)
    .join('，');
  return [
    body(
      `1—${board.month}月，全市${i.listed}个实施类项目完成投资${formatYi(i.actual)}亿元，年度目标${formatYi(i.target)}亿元，序时进度${formatYi(i.expected)}亿元，完成序时进度的${percent(i.ratio)}，评${ratingWord(i)}${extras ? `；${extras}` : ''}。`,
    ),
    laidTable(['指标', '完成（亿元）', '年度目标（亿元）', '序时进度（亿元）', '完成序时进度', '评级'], [['实施类项目完成投资', formatYi(i.actual), formatYi(i.target), formatYi(i.expected), percent(i.ratio), rating(i)]], [0]),
  ];
}

function startRate(board: Dashboard): Block[] {
  const s = board.startRate;
  const gap = s.neededForTarget > 0 ? `距目标还需开工${s.neededForTarget}个` : '已达目标';
  return [
    body(`准备类项目${s.listed}个，已开工${s.started}个，开工率${percent(s.rate)}（目标${percent(s.target)}），${gap}。`),
    laidTable(['准备类项目（个）', '已开工（个）', '开工率', '目标开工率', '距目标还需开工（个）'], [[s.listed, s.started, percent(s.rate), percent(s.target), s.neededForTarget]]),
  ];
}

function bigAndKey(board: Dashboard): Block[] {
  const { bigProjects: big, keyProjects: key } = board;
  const bigLabel = `本年新谋划${formatYiShort(big.threshold)}亿元以上大项目`;
  const keyLabel = `${formatYiShort(key.threshold)}亿元以上重点项目`;
  const continuing = big.continuing?.length ? `；另有续建大项目${big.continuing.length}个（不计入）` : '';
  return [
    body(`${bigLabel}${big.count}个，目标${big.target}个，${big.ok ? '已达目标' : '未达目标'}${continuing}。`),
    body(`${keyLabel}${key.count}个（计划${key.targetCount}个），完成投资${formatYi(key.investment)}亿元，序时进度${formatYi(key.expected)}亿元，完成序时进度的${percent(key.ratio)}，评${ratingWord(key)}。`),
    laidTable(
      ['指标', '完成', '目标', '序时进度', '完成序时进度', '评级'],
      [
        [`${bigLabel}（个）`, big.count, big.target, '', '', big.ok ? '达标' : '未达标'],
        [`${keyLabel}完成投资（亿元）`, formatYi(key.investment), formatYi(key.target), formatYi(key.expected), percent(key.ratio), rating(key)],
      ],
      [0],
    ),
  ];
}

function regions(board: Dashboard): Block[] {
  const ranked = regionsByRank(board);
  const rows = ranked.map((r) => [
    r.rank ?? '—',
    r.name,
    r.projects,
    formatYi(r.plan),
    formatYi(r.actual),
    formatYi(r.expected),
    percent(r.ratio),
    rating(r),
    [rankChangeText(r), overrideNote(r)].filter(Boolean).join('；'),
  ]);
  const named = (colour: 'blue' | 'yellow' | 'red') => ranked.filter((r) => r.rating === colour).map((r) => r.name);
  const line = (['blue', 'yellow', 'red'] as const).map((c) => `${RATING_WORDS[c]}：${named(c).join('、') || '无'}`).join('；');
  return [
    body(`按完成序时进度排名（蓝≥${board.thresholds.bluePct}%，黄≥${board.thresholds.yellowPct}%，红低于${board.thresholds.yellowPct}%）。${line}。`),
    laidTable(['排名', '县（市、区）', '实施类项目（个）', '年度计划（亿元）', '完成投资（亿元）', '序时进度（亿元）', '完成序时进度', '评级', '名次变化'], rows, [8]),
  ];
}

function chains(board: Dashboard): Block[] {
  return [
    laidTable(
      ['序号', '产业链', '目标项目（个）', '清单项目（个）', '目标投资（亿元）', '完成投资（亿元）', '完成序时进度', '评级', '说明'],
      board.chains.map((c) => [c.no, `${c.name}${c.flagship ? '★' : ''}`, c.targetProjects, c.listedProjects, formatYi(c.targetInvestment), formatYi(c.actual), percent(c.ratio), rating(c), overrideNote(c)]),
      [8],
    ),
  ];
}

/** 招商引资: the city's 签约 and 到位 against target with 序时, then each chain's row. */
function attraction(block: AttractionBlock): Block[] {
  return [
    body(attractionSummary(block)),
    laidTable(['序号', '产业链', ...ATTRACTION_HEADS], block.chains.map((row) => [row.no, `${row.name}${row.flagship ? '★' : ''}`, ...attractionCells(row)])),
  ];
}

function redList(board: Dashboard): Block[] {
  if (board.redList.length === 0) return [body('本期无红色预警项目。')];
  const out: Block[] = [
    body(`以下${board.redList.length}个项目需重点关注（${Object.values(RED_LIST_KINDS).join('、')}）。`),
    laidTable(
      ['序号', '项目编码', '项目名称', '县（市、区）', '包联领导 / 专员', '类型', '原因'],
      board.redList.map((item, index) => [index + 1, item.code, item.name, item.regionName ?? item.region ?? '', responsibleText(item.responsible), { text: RED_LIST_KINDS[item.kind], fill: RATING_COLOURS.red }, item.reason]),
      [2, 4, 6],
    ),
  ];
  if (board.redListTruncated) out.push(body(`红色预警项目超过${board.redList.length}个，本表只列出前${board.redList.length}个（按县（市、区）和项目编码排列）。`));
  return out;
}

/** 要素保障 (when the bulletin carries it): the summary, open and overdue by kind and department, the longest overdue. */
function factorGuarantee(factors: NonNullable<ReturnType<typeof factorGuaranteeText>>): Block[] {
  const out: Block[] = [body(`${factors.summary}。`), laidTable(['要素 / 承办部门', '待办（项）', '逾期（项）'], factors.counts)];
  if (factors.longest.length) out.push(body('逾期最久的需求：'), laidTable(['序号', '项目', '包联领导 / 专员', '要素', '承办部门', '应办日期', '逾期（天）'], factors.longest, [1, 2]));
  return out;
}

function rating(rated: Rated): Cell {
  return { text: ratingWord(rated), fill: rated.rating ? RATING_COLOURS[rated.rating] : undefined };
}

/** 2024-07-05 → 2024年7月5日. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function run(text: string, style: { size?: number; bold?: boolean; color?: string; font?: typeof FONT } = {}): TextRun {
  return new TextRun({ text, font: style.font ?? FONT, size: style.size ?? BODY_SIZE, bold: style.bold, color: style.color });
}

export function para(runs: TextRun[], options: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; before?: number; after?: number } = {}): Paragraph {
  return new Paragraph({ alignment: options.align, spacing: { before: options.before, after: options.after }, children: runs });
}

/** A body paragraph: first line indented two characters, as 公文 text is. */
export function body(text: string): Paragraph {
  return new Paragraph({ indent: { firstLine: 640 }, spacing: { after: 120, line: 440 }, children: [run(text)] });
}

/** A table laid out by its content (bulletin-layout.ts); `wrap`: the free-text columns. */
function laidTable(header: string[], rows: Cell[][], wrap: readonly number[] = []): Block {
  return layTable(header, rows, wrap);
}

/** A plain table across the page (the 常务会 paper, agenda-document.ts). */
export function table(header: string[], rows: Cell[][]): Table {
  const cell = (value: Cell, head = false) => {
    const content = typeof value === 'object' ? value : { text: String(value) };
    return new TableCell({
      verticalAlign: VerticalAlign.CENTER,
      shading: head ? { fill: HEADER_FILL, type: ShadingType.CLEAR, color: 'auto' } : content.fill ? { fill: content.fill, type: ShadingType.CLEAR, color: 'auto' } : undefined,
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: content.text, size: TABLE_SIZE, bold: head, font: FONT })] })],
    });
  };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((label) => cell(label, true)) }), ...rows.map((row) => new TableRow({ children: row.map((value) => cell(value)) }))],
  });
}
