/**
 * The steps a 要素保障 request goes through (docs/domain/requests.md): its statuses, the events
 * it takes, the month's three lists it is sorted into, and the county's evaluation. Plain
 * data, no imports: src/requests/labels.ts names each code.
 */

export const REQUEST_STATUSES = ['raised', 'accepted', 'resolved', 'closed', 'returned', 'escalated'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** The events a request takes after it is raised (RAISE is its creation). */
export const REQUEST_EVENT_TYPES = ['ACCEPT', 'RESOLVE', 'RETURN', 'EVALUATE', 'ESCALATE'] as const;
export type RequestEventType = (typeof REQUEST_EVENT_TYPES)[number];

/** The month's three problem lists (“简单”“高频”“复杂”), chosen when a department accepts. */
export const REQUEST_CATEGORIES = ['simple', 'frequent', 'complex'] as const;
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];

/** The county's evaluation (满意 / 基本满意 / 不满意). */
export const EVALUATION_RATINGS = ['satisfied', 'basically', 'dissatisfied'] as const;
export type EvaluationRating = (typeof EVALUATION_RATINGS)[number];
