/**
 * The codes of the rules that the pages show words for (蓝黄红, why a project is on the red list, the
 * kinds of notice), and the words of the rules that the pages show as choices: the milestones a
 * project usually has (节点, docs/domain/milestones.md). Plain data: the pages load it through
 * `/shared/labels.js` (src/web/labels.ts gathers every module's labels), so it imports nothing but
 * the plain notices module's types, and the pages' type check reads no server code through it.
 */
export type { NoticeKind, NoticeRecipient } from './notices.js';

/** 蓝黄红: a region's, a chain's or a project's colour by 序时进度 (rules/progress.ts). */
export const RATINGS = ['blue', 'yellow', 'red'] as const;
export type Rating = (typeof RATINGS)[number];

/** Why a project is on the red list (rules/red-list.ts). */
export const RED_LIST_KINDS = ['lagging', 'overdueStart', 'halted', 'conditionalOverdue', 'milestone'] as const;
export type RedListKind = (typeof RED_LIST_KINDS)[number];

/** The milestones a project usually has, in their usual order; a project may name its own. */
export const MILESTONE_NAMES = ['开工', '主体完工', '设备安装', '试生产', '竣工投产'] as const;
