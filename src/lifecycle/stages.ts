/**
 * The 三个一批 stages and events (储备 → 准备 → 实施 → 竣工), 2024 plan §一(二).
 * Stage names are the API's (docs/api.md); labels are what users read.
 */
export const STAGES = [
  'reserve',
  'preparation',
  'implementation.active',
  'implementation.halted',
  'completed',
  'withdrawn',
] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  reserve: '储备',
  preparation: '准备',
  'implementation.active': '实施（在建）',
  'implementation.halted': '实施（停工）',
  completed: '竣工',
  withdrawn: '退出',
};

export const EVENT_TYPES = ['PROMOTE', 'DEFER', 'START', 'HALT', 'RESUME', 'COMPLETE', 'WITHDRAW'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_LABELS: Record<EventType, string> = {
  PROMOTE: '转入准备',
  DEFER: '退回储备',
  START: '开工',
  HALT: '停工',
  RESUME: '复工',
  COMPLETE: '竣工投产',
  WITHDRAW: '调出项目库',
};

/** 前期手续: the six approvals required before start (docs/domain/lifecycle.md). */
export const APPROVAL_KEYS = ['filing', 'land', 'planning', 'environment', 'energy', 'construction'] as const;
export type ApprovalKey = (typeof APPROVAL_KEYS)[number];

export const APPROVAL_LABELS: Record<ApprovalKey, string> = {
  filing: '立项（备案/核准）',
  land: '用地',
  planning: '规划许可',
  environment: '环评',
  energy: '节能审查',
  construction: '施工许可',
};

/** An approval's status (未办 / 办理中 / 容缺受理 / 已办). */
export const APPROVAL_STATUSES = ['pending', 'in_progress', 'conditional', 'done'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/** Stages in which a project is under construction (实施: 在建 or 停工). */
export const IMPLEMENTATION_STAGES: readonly Stage[] = ['implementation.active', 'implementation.halted'];

export function isImplementation(stage: string): boolean {
  return (IMPLEMENTATION_STAGES as readonly string[]).includes(stage);
}

export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}
