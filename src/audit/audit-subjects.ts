/**
 * How each kind of change names its subject in the audit log, so that "the history of a
 * project" and "the history of a region" are plain indexed lookups on (entity, entity_id).
 * Entries about a project's own data (the project, its monthly reports, its list places,
 * comments) all carry the project id as entity_id; the month or year is in before/after.
 */
export interface AuditSubject {
  entity: string;
  entityId: string;
}

/** Entities whose entity_id is a project id. */
export const PROJECT_ENTITIES = ['project', 'report', 'list', 'comment', 'responsibility'] as const;

export const auditSubject = {
  /** create, update, transition (the event type and payload in `after`), approval, milestones (节点计划). */
  project: (projectId: number): AuditSubject => ({ entity: 'project', entityId: String(projectId) }),
  /** file (a report revision; `after` has month, revision, amount, …). */
  report: (projectId: number): AuditSubject => ({ entity: 'report', entityId: String(projectId) }),
  /** add, change, remove (a year-list place; `before`/`after` have year, category, plan). */
  list: (projectId: number): AuditSubject => ({ entity: 'list', entityId: String(projectId) }),
  comment: (projectId: number): AuditSubject => ({ entity: 'comment', entityId: String(projectId) }),
  /** override, revoke (a manual 蓝黄红 colour; year and month in `before`/`after`). */
  rating: (scope: 'region' | 'chain', key: string): AuditSubject => ({ entity: 'rating', entityId: `${scope}:${key}` }),
  /** thresholds (a year's rating thresholds). */
  target: (year: number): AuditSubject => ({ entity: 'target', entityId: String(year) }),
  /** publish; commentary (a revision of the bulletin's words: 总体情况, 存在问题, 下步工作, 表扬). */
  bulletin: (year: number, month: number): AuditSubject => ({ entity: 'bulletin', entityId: `${year}-${String(month).padStart(2, '0')}` }),
  /** import (one entry per committed import file, besides the entries of the rows it changed). */
  import: (kind: string, id: string): AuditSubject => ({ entity: 'import', entityId: `${kind}:${id}` }),
  /** create, update, role, password, login, logout, lock. */
  user: (username: string): AuditSubject => ({ entity: 'user', entityId: username }),
  /** create, revoke, use (a wall screen's display token; use at most once per token per hour). */
  display: (tokenId: number): AuditSubject => ({ entity: 'display', entityId: String(tokenId) }),
  /** raise, transition (a 要素保障 request; its project id and the event's payload in `after`). */
  request: (requestId: number): AuditSubject => ({ entity: 'request', entityId: String(requestId) }),
  /** transition (a 共性问题 group: CONFIRM, RESOLVE, DISMISS with the members in `after`); its proposal is in the raise that completed it. */
  requestGroup: (groupId: number): AuditSubject => ({ entity: 'requestGroup', entityId: String(groupId) }),
  /** create, update (a 要素保障组 department's name and the kinds it owns). */
  department: (code: string): AuditSubject => ({ entity: 'department', entityId: code }),
  /** update (a city-wide setting, such as the requests' acceptance time limit). */
  setting: (key: string): AuditSubject => ({ entity: 'setting', entityId: key }),
  /** create, transition (a 招商 lead: SIGN, LAND, TERMINATE with their payload in `after`). */
  lead: (leadId: number): AuditSubject => ({ entity: 'lead', entityId: String(leadId) }),
  /** file (a lead's 到位资金 revision; month, revision and amount in `after`). */
  fund: (leadId: number): AuditSubject => ({ entity: 'fund', entityId: String(leadId) }),
  /** file (a chain's quarterly indicators; year, quarter, revision in `after`). */
  indicator: (chain: string, year: number): AuditSubject => ({ entity: 'indicator', entityId: `${chain}:${year}` }),
  /** update (a chain's 差异化指标 status and note). */
  chainNote: (chain: string, year: number): AuditSubject => ({ entity: 'chainNote', entityId: `${chain}:${year}` }),
  /** create, update (a person of the register: 链长, 包联领导, 专员). */
  person: (personId: number): AuditSubject => ({ entity: 'person', entityId: String(personId) }),
  /** update (a chain's "5个1" of a year: 链长, 责任部门, 工作方案, 支持措施, 链主企业; revision in `after`). */
  chainResponsibility: (chain: string, year: number): AuditSubject => ({ entity: 'chainResponsibility', entityId: `${chain}:${year}` }),
  /** update (a project's 包联领导, 服务专员 and 联系人; revision in `after`). */
  responsibility: (projectId: number): AuditSubject => ({ entity: 'responsibility', entityId: String(projectId) }),
  /** create (a 链长 activity: 巡链, 问链, 诊链, 调度会, 融链固链对接). */
  activity: (activityId: number): AuditSubject => ({ entity: 'activity', entityId: String(activityId) }),
  /** create, remove (a unit's notification channel; never its URL, secret or password). */
  channel: (channelId: number): AuditSubject => ({ entity: 'channel', entityId: String(channelId) }),
  /** run (the notice rules run by hand; the notices made in `after`). */
  notices: (date: string): AuditSubject => ({ entity: 'notices', entityId: date }),
};

/**
 * The projects and years a change to `subject` changed, for the figures kept from them
 * (database/changes.ts): a project's own data (its record, reports, list places, comments) and
 * a year's plan (its thresholds). History rows name further projects.
 */
export function changedBy(subject: AuditSubject): { projectIds: number[]; years: number[] } {
  if ((PROJECT_ENTITIES as readonly string[]).includes(subject.entity)) return { projectIds: [Number(subject.entityId)], years: [] };
  if (subject.entity === 'target') return { projectIds: [], years: [Number(subject.entityId)] };
  return { projectIds: [], years: [] };
}

/** Chinese labels for entities and actions, for exports. */
export const ENTITY_LABELS: Record<string, string> = {
  project: '项目',
  report: '月报',
  list: '年度清单',
  comment: '评论',
  rating: '人工调色',
  target: '目标阈值',
  bulletin: '月通报',
  import: '导入',
  user: '用户',
  display: '大屏令牌',
  request: '要素保障需求',
  requestGroup: '共性问题',
  department: '要素保障部门',
  setting: '系统设置',
  lead: '招商项目',
  fund: '到位资金',
  indicator: '产业链指标',
  chainNote: '差异化指标',
  person: '责任人员',
  chainResponsibility: '链长制“5个1”',
  responsibility: '包联责任',
  activity: '链长活动',
  channel: '通知渠道',
  notices: '提醒',
};
