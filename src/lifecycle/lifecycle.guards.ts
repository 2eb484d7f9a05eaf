import { yearOf } from '../common/index.js';
import { type GuardFailure, hasText, needDateNotAfterToday, needReason } from '../workflow/index.js';
import { APPROVAL_KEYS, APPROVAL_LABELS, type ApprovalKey, type EventType, type Stage } from './stages.js';

export { hasText, needDateNotAfterToday, needReason, type GuardFailure };

/**
 * The lifecycle's rules, as pure synchronous functions over the project's facts,
 * today's date and the event payload. Each returns every reason the event is
 * refused (an empty list means it may proceed), so a refusal names them all.
 */
/** The facts a project's own record holds: its row and its approvals' statuses. */
export interface RecordFacts {
  regionCode: string | null;
  chainCode: string | null;
  ownerEnterprise: string | null;
  totalInvestmentWan: number | null;
  plannedStartDate: string | null;
  actualStartDate: string | null;
  approvals: Record<ApprovalKey, string | null>;
  /** Approvals not obtained but accepted conditionally (容缺受理), with their commitment dates. */
  conditional: Partial<Record<ApprovalKey, string>>;
}

/** Every fact the guards read: the record's, and those other modules keep (plans, reports, history). */
export interface ProjectFacts extends RecordFacts {
  /** The years whose plan restricts starting on 容缺受理 (every other year allows it, docs/domain/requests.md "容缺受理"). */
  conditionalRestrictedYears: number[];
  /** Months with at least one investment report. */
  reportedMonths: number;
  /** Effective date of the latest HALT, if halted. */
  haltedSince: string | null;
}

export interface LifecycleContext {
  project: ProjectFacts;
  /** Today's calendar date, YYYY-MM-DD (Asia/Shanghai). */
  today: string;
}

export type LifecycleEvent =
  | { type: 'PROMOTE'; plannedStartDate?: string }
  | { type: 'DEFER'; reason?: string }
  | { type: 'START'; date?: string }
  | { type: 'HALT'; reason?: string; date?: string }
  | { type: 'RESUME'; date?: string }
  | { type: 'COMPLETE'; date?: string }
  | { type: 'WITHDRAW'; reason?: string };

type Rule<E extends LifecycleEvent> = (context: LifecycleContext, event: E) => GuardFailure[];

/** 储备 → 准备: county, chain, owner enterprise, total investment and planned start date known. */
export const promoteRule = ({ project }: { project: RecordFacts }, event: Extract<LifecycleEvent, { type: 'PROMOTE' }>): GuardFailure[] => {
  const failures: GuardFailure[] = [];
  if (!project.regionCode) failures.push({ field: 'region', code: 'regionRequired', message: '缺少所属县（市、区）' });
  if (!project.chainCode) failures.push({ field: 'chain', code: 'chainRequired', message: '缺少所属产业链' });
  if (!hasText(project.ownerEnterprise))
    failures.push({ field: 'ownerEnterprise', code: 'ownerEnterpriseRequired', message: '缺少建设单位' });
  if (!project.totalInvestmentWan || project.totalInvestmentWan <= 0)
    failures.push({ field: 'totalInvestment', code: 'totalInvestmentRequired', message: '缺少总投资（万元）' });
  if (!project.plannedStartDate && !hasText(event.plannedStartDate))
    failures.push({ field: 'plannedStartDate', code: 'plannedStartDateRequired', message: '缺少计划开工时间' });
  return failures;
};

export const deferRule: Rule<Extract<LifecycleEvent, { type: 'DEFER' }>> = (_context, event) =>
  needReason(event, '退回储备');

/**
 * 准备 → 实施: started on a date not after today, with every approval (前期手续) obtained — or
 * accepted conditionally (容缺受理, 2024 plan §三(六)) with a commitment date not yet passed,
 * unless the plan of the start's year restricts 容缺受理 (docs/domain/requests.md "容缺受理").
 */
export const startRule: Rule<Extract<LifecycleEvent, { type: 'START' }>> = ({ project, today }, event) => {
  const failures = needDateNotAfterToday(event.date, today, '开工');
  const year = yearOf(hasText(event.date) ? event.date! : today);
  const conditionalAllowed = !project.conditionalRestrictedYears.includes(year);
  for (const key of APPROVAL_KEYS) {
    if (project.approvals[key]) continue;
    const commitment = project.conditional[key];
    if (commitment && !conditionalAllowed)
      failures.push({
        field: `approvals.${key}`,
        code: 'conditionalNotAllowed',
        message: `${APPROVAL_LABELS[key]}为容缺受理，但 ${year} 年度计划“限制容缺受理开工”：本年须手续办结后开工`,
      });
    else if (commitment && commitment < today)
      failures.push({
        field: `approvals.${key}`,
        code: 'conditionalCommitmentPassed',
        message: `${APPROVAL_LABELS[key]}容缺受理的承诺日期 ${commitment} 已过，须办结后开工`,
      });
    else if (!commitment) failures.push(approvalMissing(key));
  }
  return failures;
};

const approvalMissing = (key: ApprovalKey): GuardFailure => ({ field: `approvals.${key}`, code: 'approvalMissing', message: `缺少前期手续：${APPROVAL_LABELS[key]}` });

/** Each approval neither obtained nor accepted conditionally (容缺受理): the approvals a start still lacks. */
export function missingApprovalFailures(project: RecordFacts): GuardFailure[] {
  return APPROVAL_KEYS.filter((key) => !project.approvals[key] && !project.conditional[key]).map(approvalMissing);
}

/**
 * What must stay true of a project in a stage after an edit: the facts that let it into the
 * stage cannot be taken away (a project in preparation keeps its county, chain, owner, total and
 * planned start; one that has started keeps its approvals, each obtained or accepted
 * conditionally — a commitment that passes later is a red-list matter, 容缺逾期, not a reason
 * to refuse every edit of the project).
 */
export function stageInvariantFailures(stage: Stage, project: RecordFacts): GuardFailure[] {
  const pastReserve = stage !== 'reserve' && stage !== 'withdrawn';
  const started = stage.startsWith('implementation') || stage === 'completed';
  const failures: GuardFailure[] = [];
  if (pastReserve) failures.push(...promoteRule({ project }, { type: 'PROMOTE' }));
  if (started) failures.push(...missingApprovalFailures(project));
  return failures;
}

export const haltRule: Rule<Extract<LifecycleEvent, { type: 'HALT' }>> = ({ project, today }, event) => {
  const failures = [...needReason(event, '停工'), ...needDateNotAfterToday(event.date, today, '停工')];
  if (failures.every((f) => f.field !== 'date') && project.actualStartDate && event.date! < project.actualStartDate)
    failures.push({ field: 'date', code: 'dateBeforeStart', message: `停工日期不能早于开工日期 ${project.actualStartDate}` });
  return failures;
};

export const resumeRule: Rule<Extract<LifecycleEvent, { type: 'RESUME' }>> = ({ project, today }, event) => {
  const failures = needDateNotAfterToday(event.date, today, '复工');
  if (failures.length === 0 && project.haltedSince && event.date! < project.haltedSince)
    failures.push({ field: 'date', code: 'dateBeforeHalt', message: `复工日期不能早于停工日期 ${project.haltedSince}` });
  return failures;
};

/** 实施 → 竣工: completion date between the start date and today, and at least one report filed. */
export const completeRule: Rule<Extract<LifecycleEvent, { type: 'COMPLETE' }>> = ({ project, today }, event) => {
  const failures = needDateNotAfterToday(event.date, today, '竣工');
  if (failures.length === 0 && project.actualStartDate && event.date! < project.actualStartDate)
    failures.push({ field: 'date', code: 'dateBeforeStart', message: `竣工日期不能早于开工日期 ${project.actualStartDate}` });
  if (project.reportedMonths < 1)
    failures.push({ field: 'reports', code: 'noInvestmentReport', message: '竣工前至少需要一期投资月报' });
  return failures;
};

export const withdrawRule: Rule<Extract<LifecycleEvent, { type: 'WITHDRAW' }>> = (_context, event) =>
  needReason(event, '调出项目库');

/** Every failed condition for an event, whatever stage the project is in. */
export function guardFailures(context: LifecycleContext, event: LifecycleEvent): GuardFailure[] {
  switch (event.type) {
    case 'PROMOTE':
      return promoteRule(context, event);
    case 'DEFER':
      return deferRule(context, event);
    case 'START':
      return startRule(context, event);
    case 'HALT':
      return haltRule(context, event);
    case 'RESUME':
      return resumeRule(context, event);
    case 'COMPLETE':
      return completeRule(context, event);
    case 'WITHDRAW':
      return withdrawRule(context, event);
  }
}

export type { EventType };
