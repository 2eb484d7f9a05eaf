import type { AttractionBlock, AttractionChainRow } from '../attraction/index.js';
import { formatYi } from '../common/index.js';
import type { AttractionFigure } from '../rules/index.js';
import type { FactorGuaranteeBlock } from '../requests/index.js';
import type { Dashboard, Rated, Rating, RedListKind, RegionRow } from '../board/index.js';
import type { BulletinSummary } from './bulletin.types.js';
import type { PublishedCommentary } from './commentary.types.js';
import { RATING_LABELS, RED_LIST_LABELS } from '../board/labels.js';
import { REQUEST_KIND_LABELS } from '../reference/labels.js';

/**
 * What every copy of a published bulletin (月通报) shares, whatever its format (.xlsx, .docx):
 * its shape as the API returns it, its title and issuing office, and how its figures read.
 * 亿元 come from formatYi (common/money.ts); ratios read as percent() here.
 */

/** The published bulletin as the API returns it (BulletinsService.find). */
export interface PublishedBulletin extends BulletinSummary {
  dashboard: Dashboard;
  /** The words (总体情况, 存在问题, 下步工作, 表扬) as they count now; absent for a bulletin published before they were kept. */
  commentary?: PublishedCommentary;
}

export const BULLETIN_TITLE = '聊城市制造业重点项目月通报';

/** Who issues it: the city's chain-chief office (链长制办公室), which runs the bulletin. */
export const ISSUING_OFFICE = '聊城市产业链链长制工作办公室';

/** 蓝黄红 (docs/domain/figures.md "蓝黄红榜"): the word, and the cell colour (RGB hex) both copies use. */
export const RATING_WORDS: Record<Rating, string> = RATING_LABELS;
export const RATING_COLOURS: Record<Rating, string> = { blue: '9DC3E6', yellow: 'FFE699', red: 'FF9999' };

/** Why a project is on the red list, in the bulletin's words (序时进度滞后 where the board says 进度滞后). */
export const RED_LIST_KINDS: Record<RedListKind, string> = { ...RED_LIST_LABELS, lagging: '序时进度滞后' };

/** A ratio with 4 decimals (0.9076) → 90.76%, by integer arithmetic after one rounding. */
export function percent(ratio: number | null): string {
  if (ratio === null) return '—';
  const hundredths = Math.round(ratio * 10000);
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}%`;
}

export function ratingWord(rated: Rated): string {
  return rated.rating ? RATING_WORDS[rated.rating] : '—';
}

/** A manual colour, named: 人工调整：计算为黄，调为蓝（reason）. */
export function overrideNote(rated: Rated): string {
  if (!rated.override || !rated.computedRating) return '';
  return `人工调整：计算为${RATING_WORDS[rated.computedRating]}，调为${RATING_WORDS[rated.override.rating]}（${rated.override.reason}）`;
}

/** 上升 2 位 / 下降 1 位 / 持平, or empty for January or an unranked region. */
export function rankChangeText(region: Pick<RegionRow, 'rankChange'>): string {
  if (region.rankChange === null) return '';
  if (region.rankChange > 0) return `上升 ${region.rankChange} 位`;
  if (region.rankChange < 0) return `下降 ${-region.rankChange} 位`;
  return '持平';
}

/** Regions in rank order, the unranked (no implementation-list projects) last. */
export function regionsByRank(board: Dashboard): RegionRow[] {
  return [...board.regions].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
}

/** The line every copy ends with: which bulletin it is, and the audit checkpoint it carries. */
export function provenanceLine(bulletin: PublishedBulletin): string {
  const checkpoint = bulletin.checkpoint
    ? `审计检查点：第 ${bulletin.checkpoint.seq} 条，哈希 ${bulletin.checkpoint.hash}（核对：GET /api/audit/verify?bulletin=${bulletin.year}-${String(bulletin.month).padStart(2, '0')}）`
    : '审计检查点：无';
  return `本件由已发布的 ${bulletin.year}年${bulletin.month}月通报生成。通报 SHA-256：${bulletin.hash}；${checkpoint}`;
}

/**
 * 要素保障 as every copy prints it (docs/domain/requests.md "On the board"): the summary line, then
 * open and overdue per kind and per department, then the longest overdue. A bulletin published
 * before requests were tracked has no block (null).
 */
export function factorGuaranteeText(board: Dashboard): {
  summary: string;
  counts: [string, number, number][];
  longest: [number, string, string, string, string, string, number][];
} | null {
  const factors: FactorGuaranteeBlock | undefined = board.factorGuarantee;
  if (!factors) return null;
  return {
    summary: `截至 ${factors.refDate}：待办需求 ${factors.open} 项，其中逾期 ${factors.overdue} 项；已办结待评价 ${factors.awaitingEvaluation} 项；提交市政府常务会 ${factors.escalated} 项`,
    counts: [...factors.byKind.map((k): [string, number, number] => [REQUEST_KIND_LABELS[k.kind], k.open, k.overdue]), ...factors.byDepartment.map((d): [string, number, number] => [d.name, d.open, d.overdue])],
    longest: factors.longestOverdue.map((item, index): [number, string, string, string, string, string, number] => [
      index + 1,
      item.projectName,
      responsibleText(item.responsible),
      REQUEST_KIND_LABELS[item.kind],
      item.departmentName,
      item.due,
      item.daysOverdue,
    ]),
  };
}

/**
 * Who answers for a project on a list of the bulletin (docs/domain/responsibility.md "On the
 * board"): 包联 甲；县包联 乙；专员 丙, or 未指定; empty in a bulletin published before they were kept.
 */
export function responsibleText(responsible: { cityLeader?: string; countyLeader?: string; commissioner?: string } | undefined): string {
  if (!responsible) return '';
  const parts = [
    responsible.cityLeader ? `包联 ${responsible.cityLeader}` : null,
    responsible.countyLeader ? `县包联 ${responsible.countyLeader}` : null,
    responsible.commissioner ? `专员 ${responsible.commissioner}` : null,
  ].filter((part): part is string => part !== null);
  return parts.length ? parts.join('；') : '未指定';
}

/** The 招商 columns of a chain's row, as every copy prints them. */
export const ATTRACTION_HEADS = ['签约（亿元）', '签约目标（亿元）', '签约完成序时', '到位（亿元）', '到位目标（亿元）', '到位完成序时', '过亿元签约（个）', '签约落地（个）'];

/** A count against the plan's count where it names one: 7/10, or 7. */
export function countAgainst({ count, target }: { count: number; target: number | null }): string {
  return target === null ? String(count) : `${count}/${target}`;
}

/** One chain's 招商 cells under ATTRACTION_HEADS (docs/domain/attraction.md "The board"). */
export function attractionCells(row: AttractionChainRow): string[] {
  return [
    formatYi(row.signed.actual), formatYi(row.signed.target), percent(row.signed.ratio),
    formatYi(row.funded.actual), formatYi(row.funded.target), percent(row.funded.ratio),
    countAgainst(row.signedOver100m), countAgainst(row.landed),
  ];
}

/** The city's 签约 and 到位 in one sentence: amount, target, 序时 and ratio with its colour, and the deals. */
export function attractionSummary(block: AttractionBlock): string {
  const figure = (label: string, f: AttractionFigure) =>
    `${label} ${formatYi(f.actual)} 亿元，年度目标 ${formatYi(f.target)} 亿元，序时 ${formatYi(f.expected)} 亿元，完成序时 ${percent(f.ratio)}（${f.rating ? RATING_WORDS[f.rating] : '—'}）`;
  return `${figure('全市产业链招商签约', block.signed)}；${figure('到位资金', block.funded)}；签约项目 ${block.signedCount} 个，落地 ${block.landedCount} 个。`;
}
