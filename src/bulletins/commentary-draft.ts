import { formatYi } from '../common/index.js';
import type { Dashboard, RegionRow } from '../board/index.js';
import { REQUEST_KIND_LABELS } from '../reference/labels.js';
import { percent, rankChangeText, RATING_WORDS } from './bulletin-format.js';
import type { CommentaryDraft } from './commentary.types.js';

export type { CommentaryDraft, CommentaryText } from './commentary.types.js';

/**
 * The drafted words of a month's bulletin (docs/domain/bulletin-commentary.md "The draft"): the
 * 总体情况 paragraph, the 存在问题 items and the 表扬 items, each sentence built from the board's
 * figures and the rules behind them (蓝黄红 by 序时, rank and rank change, the red list's kinds, the
 * overdue 要素保障 requests), never free text. The city office edits the draft before publishing.
 */
/** Projects one item names at most; the rest are counted (…等 N 个). */
export const NAMED_PROJECTS_MAX = 20;

type RedItem = Dashboard['redList'][number];
type ChainRow = Dashboard['chains'][number];

/** The people who answer for a project or a chain, when the board names them (the people module). */
interface Named {
  responsible?: { cityLeader?: string; countyLeader?: string; commissioner?: string };
  leader?: string | null;
}

export function draftCommentary(board: Dashboard): CommentaryDraft {
  return { overview: overviewOf(board), problems: problemsOf(board), praise: praiseOf(board) };
}

/** 总体情况: the city's investment against 序时, starts, the regions by colour, the red list's size. */
function overviewOf(board: Dashboard): string {
  const i = board.investment;
  const counts = board.implementationCounts;
  const s = board.startRate;
  const parts = [
    `1—${board.month}月，全市${i.listed}个实施类项目完成投资${formatYi(i.actual)}亿元` +
      (i.planShare !== null && i.planShare !== undefined ? `，占年度计划的${percent(i.planShare)}` : '') +
      `，完成序时进度的${percent(i.ratio)}（${colour(i.rating)}）` +
      (counts ? `；已开工${counts.started}个，竣工投产${counts.completed}个` : '') +
      '。',
    `准备类项目${s.listed}个，已开工${s.started}个，开工率${percent(s.rate)}（目标${percent(s.target)}），${s.neededForTarget > 0 ? `距目标还需开工${s.neededForTarget}个` : '已达到目标'}。`,
  ];
  const ranked = board.regions.filter((r) => r.rank !== null);
  if (ranked.length) {
    const by = (c: 'blue' | 'yellow' | 'red') => ranked.filter((r) => r.rating === c).length;
    parts.push(`按完成序时进度，${ranked.length}个县（市、区）中蓝色${by('blue')}个、黄色${by('yellow')}个、红色${by('red')}个。`);
  }
  const projects = new Set(board.redList.map((item) => item.projectId)).size;
  parts.push(projects ? `需重点关注的项目${projects}个（见预警清单）。` : '本期无需重点关注的项目。');
  return parts.join('');
}

/** 存在问题: regions and chains behind 序时, then the red list's projects by kind, then overdue requests. */
function problemsOf(board: Dashboard): string[] {
  const { bluePct, yellowPct } = board.thresholds;
  const problems: string[] = [];
  const ranked = [...board.regions].filter((r) => r.rank !== null).sort((a, b) => a.rank! - b.rank!);
  const red = ranked.filter((r) => r.rating === 'red');
  if (red.length) problems.push(`完成序时进度低于${yellowPct}%的县（市、区）：${red.map(regionFigure).join('、')}。对以上县（市、区）予以通报。`);
  const yellow = ranked.filter((r) => r.rating === 'yellow');
  if (yellow.length) problems.push(`完成序时进度未达${bluePct}%的县（市、区）：${yellow.map(regionFigure).join('、')}，须加快推进。`);

  const chainsRed = board.chains.filter((c) => c.rating === 'red');
  if (chainsRed.length) problems.push(`完成序时进度低于${yellowPct}%的产业链：${chainsRed.map(chainFigure).join('、')}。对以上产业链予以通报。`);
  const chainsYellow = board.chains.filter((c) => c.rating === 'yellow');
  if (chainsYellow.length) problems.push(`完成序时进度未达${bluePct}%的产业链：${chainsYellow.map(chainFigure).join('、')}，须加快推进。`);

  const ofKind = (kind: RedItem['kind']) => board.redList.filter((item) => item.kind === kind);
  const listed = (label: string, items: RedItem[], reasonOf: (item: RedItem) => string, close: string) => {
    if (items.length) problems.push(`${label}${items.length}个：${named(items, reasonOf)}。${close}`);
  };
  listed('逾期未开工的准备类项目', ofKind('overdueStart'), (item) => item.reason, '对以上项目予以通报。');
  listed('容缺受理逾期未补齐手续的项目', ofKind('conditionalOverdue'), (item) => item.reason, '对以上项目予以通报。');
  listed('节点滞后的项目', ofKind('milestone'), (item) => item.reason.replace(/^节点滞后：/, ''), '对以上项目予以通报。');
  listed('停工的项目', ofKind('halted'), (item) => item.reason, '请属地加快协调复工。');

  const lagging = ofKind('lagging');
  if (lagging.length) {
    const byRegion = new Map<string, number>();
    for (const item of lagging) byRegion.set(item.regionName ?? '未定属地', (byRegion.get(item.regionName ?? '未定属地') ?? 0) + 1);
    problems.push(`投资完成低于自身序时进度${yellowPct}%的实施类项目${lagging.length}个，其中${[...byRegion].map(([region, n]) => `${region}${n}个`).join('、')}。`);
  }

  const factors = board.factorGuarantee;
  if (factors && factors.overdue > 0) {
    const longest = factors.longestOverdue.map(
      (r) => `“${r.projectName}”${REQUEST_KIND_LABELS[r.kind]}需求（${r.departmentName}，应于${r.due}办理，已逾期${r.daysOverdue}天${people(r as Named)}）`,
    );
    problems.push(`要素保障需求逾期未办结${factors.overdue}项${longest.length ? `，逾期最久的：${longest.join('、')}` : ''}。请承办部门加快办理。`);
  }
  return problems;
}

/** 表扬: regions and chains at or above the blue line. */
function praiseOf(board: Dashboard): string[] {
  const { bluePct } = board.thresholds;
  const praise: string[] = [];
  const blue = board.regions.filter((r) => r.rank !== null && r.rating === 'blue').sort((a, b) => a.rank! - b.rank!);
  if (blue.length) praise.push(`完成序时进度达到${bluePct}%以上的县（市、区）：${blue.map(regionFigure).join('、')}。对以上县（市、区）予以表扬。`);
  const chains = board.chains.filter((c) => c.rating === 'blue');
  if (chains.length) praise.push(`完成序时进度达到${bluePct}%以上的产业链：${chains.map(chainFigure).join('、')}。对以上产业链予以表扬。`);
  return praise;
}

/** 莘县（62.10%，第10名，下降 2 位）. */
function regionFigure(region: RegionRow): string {
  const change = rankChangeText(region);
  return `${region.name}（${percent(region.ratio)}，第${region.rank}名${change ? `，${change}` : ''}）`;
}

/** 新能源（45.00%，链长：…）. */
function chainFigure(chain: ChainRow): string {
  const leader = (chain as ChainRow & Named).leader;
  return `${chain.name}（${percent(chain.ratio)}${leader ? `，链长：${leader}` : ''}）`;
}

/** 东昌府区“…”（reason；包联领导：…）、…, at most NAMED_PROJECTS_MAX, then 等 N 个. */
function named(items: RedItem[], reasonOf: (item: RedItem) => string): string {
  const shown = items.slice(0, NAMED_PROJECTS_MAX).map((item) => `${item.regionName ?? ''}“${item.name}”（${reasonOf(item)}${people(item as RedItem & Named)}）`);
  return `${shown.join('、')}${items.length > shown.length ? `等${items.length}个` : ''}`;
}

/** ；市级包联领导：…；县级包联领导：…；服务专员：… (only those named). */
function people(item: Named): string {
  const r = item.responsible;
  if (!r) return '';
  return [r.cityLeader && `市级包联领导：${r.cityLeader}`, r.countyLeader && `县级包联领导：${r.countyLeader}`, r.commissioner && `服务专员：${r.commissioner}`]
    .filter(Boolean)
    .map((text) => `；${text}`)
    .join('');
}

function colour(rating: Dashboard['investment']['rating']): string {
  return rating ? `${RATING_WORDS[rating]}色` : '未评级';
}
