/**
 * Every word users read for a code: stages, events, approvals, lists, ratings, roles and the
 * project fields. The one source: the server's messages use it, and the pages import it as
 * the ES module `/shared/labels.js`, generated from this file when the app starts
 * (src/web/web.static.ts). Plain data only, and nothing imported but the lifecycle's own
 * labels and codes from plain modules: the browser type check (tsconfig.web.json) reads this
 * file as that module.
 */
import type { Evidence, JobPhase, MappingSource, SkipKind } from '../excel/import-codes.js';
import { APPROVAL_KEYS, APPROVAL_LABELS, EVENT_LABELS, STAGE_LABELS, type ApprovalKey, type EventType, type Stage } from '../lifecycle/stages.js';
import type { ApprovalStatus, EvaluationRating, Pollutant, RequestCategory, RequestEventType, RequestKind, RequestStatus } from '../reference/request-kinds.js';
import type { Rating, RedListKind } from '../board/dashboard.types.js';
import {
  INDICATOR_KEYS,
  INDICATOR_LABELS,
  LEAD_EVENT_LABELS,
  LEAD_ORIGIN_LABELS,
  LEAD_STATUS_LABELS,
  NOTE_STATUS_LABELS,
  RATE_INDICATORS,
  type LeadEventType,
} from '../attraction/lead-states.js';

export { APPROVAL_KEYS, APPROVAL_LABELS, EVENT_LABELS, STAGE_LABELS };
/** 招商 (docs/domain/attraction.md): a lead's statuses, events and investor origins; the 差异化指标 statuses; the quarterly 通用指标. */
export { INDICATOR_KEYS, INDICATOR_LABELS, LEAD_EVENT_LABELS, LEAD_ORIGIN_LABELS, LEAD_STATUS_LABELS, NOTE_STATUS_LABELS, RATE_INDICATORS };

/** The four steps of the stage timeline (储备 → 准备 → 实施 → 竣工); 实施 covers 在建 and 停工. */
export const STEP_LABELS = {
  reserve: STAGE_LABELS.reserve,
  preparation: STAGE_LABELS.preparation,
  implementation: '实施',
  completed: STAGE_LABELS.completed,
} as const;

/** The stage filter of project lists: every stage, and `implementation` for 在建 and 停工 together. */
export const STAGE_FILTER_LABELS: Record<Stage | 'implementation', string> = {
  reserve: STAGE_LABELS.reserve,
  preparation: STAGE_LABELS.preparation,
  implementation: '实施（全部）',
  'implementation.active': STAGE_LABELS['implementation.active'],
  'implementation.halted': STAGE_LABELS['implementation.halted'],
  completed: STAGE_LABELS.completed,
  withdrawn: STAGE_LABELS.withdrawn,
};

/** The two yearly lists (年度清单). */
export const LIST_LABELS: Record<'implementation' | 'preparation', string> = {
  implementation: '实施类',
  preparation: '准备类',
};

/** 蓝黄红: the colour of a region, a chain or a project by 序时进度. */
export const RATING_LABELS: Record<Rating, string> = { blue: '蓝', yellow: '黄', red: '红' };

/** Why a project is on the red list (红榜). */
export const RED_LIST_LABELS: Record<RedListKind, string> = {
  halted: '停工',
  overdueStart: '逾期未开工',
  lagging: '进度滞后',
  conditionalOverdue: '容缺逾期',
};

/** A county (县、市、区) or a development zone (园区). */
export const REGION_KIND_LABELS: Record<'county' | 'zone', string> = { county: '县（市、区）', zone: '园区' };

export const ROLE_LABELS: Record<'admin' | 'region' | 'chain' | 'auditor' | 'department', string> = {
  admin: '市链长办',
  region: '县区操作员',
  chain: '产业链专班',
  auditor: '审计督查（只读）',
  department: '要素保障部门',
};

/** 要素保障: what a project asks for (docs/domain/requests.md). */
export const REQUEST_KIND_LABELS: Record<RequestKind, string> = {
  land: '用地',
  energy: '能耗',
  environment: '环境容量',
  funding: '资金',
  approval: '审批',
  utilities: '水电气',
  other: '其他',
};

/** The unit of each counted kind (src/requests/request-kinds.ts KIND_UNITS). */
export const UNIT_LABELS: Record<'mu' | 'tce' | 'tpa' | 'wan', string> = {
  mu: '亩',
  tce: '吨标准煤',
  tpa: '吨/年',
  wan: '万元',
};

/** 环境容量 is asked per pollutant (污染物排放总量指标). */
export const POLLUTANT_LABELS: Record<Pollutant, string> = {
  cod: '化学需氧量（COD）',
  ammonia: '氨氮',
  so2: '二氧化硫',
  nox: '氮氧化物',
  vocs: '挥发性有机物（VOCs）',
  particulates: '颗粒物',
};

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  raised: '已提出',
  accepted: '已受理',
  resolved: '已办结（待评价）',
  closed: '已关闭',
  returned: '已退回',
  escalated: '已提交常务会',
};

export const REQUEST_EVENT_LABELS: Record<RequestEventType | 'RAISE', string> = {
  RAISE: '提出需求',
  ACCEPT: '受理研判',
  RESOLVE: '办结',
  RETURN: '退回',
  EVALUATE: '评价',
  ESCALATE: '提交市政府常务会',
};

/** The month's three problem lists. */
export const REQUEST_CATEGORY_LABELS: Record<RequestCategory, string> = {
  simple: '简单',
  frequent: '高频',
  complex: '复杂',
};

export const EVALUATION_LABELS: Record<EvaluationRating, string> = {
  satisfied: '满意',
  basically: '基本满意',
  dissatisfied: '不满意',
};

/** An approval's status (督办). */
export const APPROVAL_STATUS_LABELS: Record<ApprovalStatus, string> = {
  pending: '未办',
  in_progress: '办理中',
  conditional: '容缺受理',
  done: '已办',
};

/** The API's field names (request bodies, error details) as the forms and the ledger name them. */
export const FIELD_LABELS = {
  code: '项目编码',
  name: '项目名称',
  ownerEnterprise: '建设单位',
  region: '所属县（市、区）',
  chain: '所属产业链',
  totalInvestment: '总投资（万元）',
  content: '建设内容',
  plannedStartDate: '计划开工时间',
  actualStartDate: '实际开工时间',
  plannedCompletionDate: '计划竣工时间',
  actualCompletionDate: '实际竣工时间',
  date: '日期',
  reason: '原因',
  amount: '本月完成投资',
  progress: '形象进度',
  problems: '问题及要素需求',
  month: '月份',
  version: '版本',
  username: '用户名',
  password: '密码',
  currentPassword: '当前密码',
  newPassword: '新密码',
} as const;

/**
 * The change-password form of both pages: its fields, and the rule for a new password as a
 * person reads it (src/auth/password-policy.ts; labels.spec.ts checks the length agrees).
 */
export const PASSWORD_FORM_LABELS = {
  currentPassword: FIELD_LABELS.currentPassword,
  newPassword: FIELD_LABELS.newPassword,
  confirmPassword: '确认新密码',
  rule: '至少 12 个字符，不能是常见密码或用户名',
} as const;

/** The stored column of an approval (filing → approvalFiling), as a project's change history names it. */
const approvalColumn = (key: ApprovalKey): string => `approval${key.charAt(0).toUpperCase()}${key.slice(1)}`;

/**
 * A change history entry names the stored columns it changed (regionCode, totalInvestmentWan,
 * approvalFiling …): the same words as the fields they hold.
 */
export const HISTORY_FIELD_LABELS: Record<string, string> = {
  code: FIELD_LABELS.code,
  name: FIELD_LABELS.name,
  ownerEnterprise: FIELD_LABELS.ownerEnterprise,
  regionCode: FIELD_LABELS.region,
  chainCode: FIELD_LABELS.chain,
  totalInvestmentWan: FIELD_LABELS.totalInvestment,
  content: FIELD_LABELS.content,
  plannedStartDate: FIELD_LABELS.plannedStartDate,
  actualStartDate: FIELD_LABELS.actualStartDate,
  plannedCompletionDate: FIELD_LABELS.plannedCompletionDate,
  actualCompletionDate: FIELD_LABELS.actualCompletionDate,
  ...Object.fromEntries(APPROVAL_KEYS.map((key) => [approvalColumn(key), APPROVAL_LABELS[key]])),
  // An approval's status change (PUT …/approvals/:key) is recorded under `approvalStatus.<key>`.
  ...Object.fromEntries(APPROVAL_KEYS.map((key) => [`approvalStatus.${key}`, `${APPROVAL_LABELS[key]}（办理状态）`])),
};

/** What each stage event asks for, in the words of that event (开工 asks for 实际开工日期). */
export const EVENT_FIELD_LABELS = {
  PROMOTE: { plannedStartDate: FIELD_LABELS.plannedStartDate },
  DEFER: { reason: '退回原因' },
  START: { date: '实际开工日期' },
  HALT: { date: '停工日期', reason: '停工原因' },
  RESUME: { date: '复工日期' },
  COMPLETE: { date: '竣工投产日期' },
  WITHDRAW: { reason: '调出原因' },
} as const satisfies Record<EventType, Record<string, string>>;

/** A year plan's state (年度计划). */
export const PLAN_STATUS_LABELS: Record<'draft' | 'published', string> = { draft: '草案', published: '已发布' };

/** The city targets of a year plan, in the order the plan page shows them (money in 万元). */
export const PLAN_FIELD_LABELS = {
  implementationListSize: '实施类清单项目数（个）',
  implementationInvestmentWan: '实施类年度完成投资目标（万元）',
  preparationListSize: '准备类清单项目数（个）',
  startRateTargetPct: '准备类年底开工率目标（%）',
  bigProjectThresholdWan: '大项目门槛（万元）',
  bigProjectCityTarget: '全市新谋划大项目目标（个）',
  keyProjectThresholdWan: '重点项目门槛（万元）',
  keyProjectCount: '市级重点项目数（个）',
  keyProjectInvestmentWan: '重点项目年度完成投资目标（万元）',
  attractionSignedWan: '招商引资签约目标（万元）',
  attractionFundedWan: '招商引资到位资金目标（万元）',
  ratingBluePct: '蓝：完成序时 ≥（%）',
  ratingYellowPct: '黄：完成序时 ≥（%）',
  conditionalApprovalsAllowed: '允许容缺受理开工',
} as const;

/** A chain's columns of a year plan (the appendix's 通用指标). */
export const CHAIN_PLAN_LABELS = {
  projects: '项目（个）',
  investmentWan: '完成投资（万元）',
  signedWan: '签约（万元）',
  fundedWan: '到位（万元）',
  signedOver100mTarget: '签约过亿元（个）',
  landedTarget: '签约落地（个）',
  bigProjectRequired: '须引进大项目',
} as const;

/** A place's rules in a year plan. */
export const PLACE_RULE_LABELS = {
  bigProjectRequired: '须谋划大项目',
  overKeyMin: '10亿元以上 下限',
  overKeyMax: '10亿元以上 上限',
  overBigMin: '50亿元以上 下限',
  overBigMax: '50亿元以上 上限',
} as const;

/** What the rollover proposes for a project of this year's lists (滚动接续). */
export const ROLLOVER_KIND_LABELS: Record<'continuing' | 'notStarted' | 'moved', string> = {
  continuing: '续建',
  notStarted: '未开工',
  moved: '转入实施类',
};

/** Which evidence decided a ledger row's stage (an import's `decisions[].evidence`; docs/excel-import.md). */
export const EVIDENCE_LABELS: Record<Evidence, string> = {
  completionDate: '竣工时间',
  startDate: '实际开工时间',
  stageText: '阶段文字',
  listCategory: '项目类别',
  sheetName: '工作表名称',
  recorded: '系统已有阶段',
  none: '无阶段信息',
};

/** Why an imported row (or a whole sheet) was not read (`skipped[].kind`). */
export const SKIPPED_LABELS: Record<SkipKind, string> = { blank: '空行', total: '合计', section: '分组', note: '说明', sheet: '工作表' };

/** How an import read a column (`mapping.columns[].source`). */
export const MAPPING_SOURCE_LABELS: Record<MappingSource, string> = {
  rules: '按表头识别',
  saved: '该县（市、区）已保存',
  given: '本次指定',
  none: '未识别',
};

/** Where an import job stands (`GET /api/imports/jobs/:id` phase). */
export const IMPORT_PHASE_LABELS: Record<JobPhase, string> = {
  parsing: '正在读取文件',
  validating: '正在检查',
  applying: '正在导入',
  done: '完成',
  failed: '未完成',
};

/** The war room's one line for the warnings that name places or chains (one line per code, the names listed). */
export const WARNING_GROUP_LABELS: Record<string, string> = {
  regionWithoutBigProject: '本年尚无新谋划大项目的县（市、区）',
  chainWithoutBigProject: '本年尚无新引进大项目的产业链',
  flagshipChainWithoutBigProject: '本年尚无新引进大项目的标志性产业链',
};

/** A lead's fields as the forms name them (招商项目). */
export const LEAD_FIELD_LABELS = {
  name: '招商项目名称',
  investor: '投资方',
  origin: '投资方来源',
  chain: '产业链',
  region: '意向落地县（市、区）',
  intendedInvestment: '意向投资额（万元）',
  contact: '联系人',
  amount: '金额（万元）',
  month: '月份',
} as const;

/** What each lead event asks for, in the words of that event (签约 asks for 合同金额). */
export const LEAD_EVENT_FIELD_LABELS = {
  SIGN: { amount: '合同金额（万元）', date: '签约日期', agreementNo: '协议编号' },
  LAND: { date: '落地日期', code: '项目编码', ownerEnterprise: '建设单位', totalInvestment: '总投资（万元）', projectId: '关联已有项目编号' },
  TERMINATE: { reason: '终止原因' },
} as const satisfies Record<LeadEventType, Record<string, string>>;
