/**
 * The steps a 要素保障 request or problem goes through (docs/domain/requests.md): its statuses, the
 * events it takes, the month's three lists it is sorted into, the county's evaluation, the channels
 * a problem comes in by and how the enterprise is told. Plain data, no imports:
 * src/requests/labels.ts names each code.
 */
export const REQUEST_STATUSES = ['raised', 'accepted', 'resolved', 'answered', 'closed', 'returned', 'escalated', 'decided'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** The events a request takes after it is raised (RAISE is its creation). */
export const REQUEST_EVENT_TYPES = ['ACCEPT', 'RESOLVE', 'FEEDBACK', 'RETURN', 'EVALUATE', 'ESCALATE', 'DECIDE'] as const;
export type RequestEventType = (typeof REQUEST_EVENT_TYPES)[number];

/** The month's three problem lists (“简单”“高频”“复杂”), chosen when a department accepts. */
export const REQUEST_CATEGORIES = ['simple', 'frequent', 'complex'] as const;
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];

/** The enterprise's evaluation (满意 / 基本满意 / 不满意). */
export const EVALUATION_RATINGS = ['satisfied', 'basically', 'dissatisfied'] as const;
export type EvaluationRating = (typeof EVALUATION_RATINGS)[number];

/**
 * Where a problem came in (000 §四(五) names 企业热线, 企业诉求通, 助企远航 专员 and the 链长's 巡链):
 * the hotline, the 企业诉求通 platform, a 专员's visit, a 巡链 patrol, the monthly dispatch (月调度),
 * anything else (the project page, a letter…).
 */
export const REQUEST_CHANNELS = ['hotline', 'appeal', 'commissioner', 'patrol', 'monthly', 'other'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

/** How the enterprise was told what was done (反馈). */
export const FEEDBACK_METHODS = ['phone', 'visit', 'letter', 'meeting', 'online', 'other'] as const;
export type FeedbackMethod = (typeof FEEDBACK_METHODS)[number];

/** Where a month's list item stands in the month (新增 / 结转 / 本月办结). */
export const CARRY_MARKS = ['new', 'carried', 'closed'] as const;
export type CarryMark = (typeof CARRY_MARKS)[number];

/** A 共性问题 group (docs/domain/requests.md "共性问题"): proposed by the detection, confirmed or dismissed by the city office, solved once. */
export const GROUP_STATUSES = ['proposed', 'confirmed', 'resolved', 'dismissed'] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];
export const GROUP_EVENT_TYPES = ['CONFIRM', 'RESOLVE', 'DISMISS'] as const;
export type GroupEventType = (typeof GROUP_EVENT_TYPES)[number];
