import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { type ErrorDetail, unprocessable } from '../common/index.js';
import { readSetting, WriteQueue, writeSetting } from '../database/index.js';
import { NOTICE_KINDS, NOTICE_RECIPIENTS, type NoticeKind, type NoticeRecipient } from '../rules/index.js';

export const NOTICE_SETTINGS_KEY = 'notifications.settings';

export interface RuleSetting {
  enabled: boolean;
  recipients: NoticeRecipient[];
  /** report-missing: the day of the next month a month's report is due (1–28). */
  dueDay?: number;
  /** report-missing: the reminder starts this many working days before the due day (0–10). */
  reminderWorkingDays?: number;
  /** commitment-due: told this many calendar days before a commitment's date (0–60). */
  withinDays?: number;
}

/** The rules' windows and recipients and the channels' quiet hours: data the city office changes (docs/notifications.md "Settings"). */
export interface NoticeSettings {
  rules: Record<NoticeKind, RuleSetting>;
  /** Channels send nothing from `from` to `to` (wall clock in the calendar zone, may run past midnight); null: never quiet. */
  quietHours: { from: string; to: string } | null;
}

const NUMBERS: Partial<Record<NoticeKind, Record<string, [number, number]>>> = {
  'report-missing': { dueDay: [1, 28], reminderWorkingDays: [0, 10] },
  'commitment-due': { withinDays: [0, 60] },
};
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Every failure of a whole settings document (422 lists them all); the document as stored when none. */
export function settingsFailures(input: unknown): ErrorDetail[] {
  const failures: ErrorDetail[] = [];
  const body = (input ?? {}) as Partial<NoticeSettings>;
  if (typeof body !== 'object' || typeof body.rules !== 'object' || body.rules === null) return [{ field: 'rules', code: 'required', message: '缺少各类提醒的设置' }];
  for (const kind of Object.keys(body.rules))
    if (!(NOTICE_KINDS as readonly string[]).includes(kind)) failures.push({ field: `rules.${kind}`, code: 'unknownKind', message: `未知的提醒类型：${kind}` });
  for (const kind of NOTICE_KINDS) {
    const rule = (body.rules as Record<string, RuleSetting | undefined>)[kind];
    const field = `rules.${kind}`;
    if (!rule || typeof rule !== 'object') {
      failures.push({ field, code: 'required', message: `缺少“${kind}”的设置` });
      continue;
    }
    if (typeof rule.enabled !== 'boolean') failures.push({ field: `${field}.enabled`, code: 'notBoolean', message: 'enabled 须为 true 或 false' });
    if (!Array.isArray(rule.recipients)) failures.push({ field: `${field}.recipients`, code: 'required', message: '须列出接收对象' });
    else
      for (const r of rule.recipients as unknown[])
        if (!(NOTICE_RECIPIENTS as readonly unknown[]).includes(r))
          failures.push({ field: `${field}.recipients`, code: 'unknownRecipient', message: `未知的接收对象：${String(r).slice(0, 40)}（可选 ${NOTICE_RECIPIENTS.join('、')}）` });
    const allowed = NUMBERS[kind] ?? {};
    for (const key of Object.keys(rule))
      if (!['enabled', 'recipients', ...Object.keys(allowed)].includes(key)) failures.push({ field: `${field}.${key}`, code: 'unknownField', message: `“${kind}”没有设置项 ${key}` });
    for (const [key, [min, max]] of Object.entries(allowed)) {
      const value = (rule as unknown as Record<string, unknown>)[key];
      if (!Number.isInteger(value) || (value as number) < min || (value as number) > max)
        failures.push({ field: `${field}.${key}`, code: 'outOfRange', message: `${key} 须为 ${min}–${max} 的整数` });
    }
  }
  const quiet = body.quietHours;
  if (quiet !== null && (typeof quiet !== 'object' || !TIME.test(String(quiet?.from)) || !TIME.test(String(quiet?.to))))
    failures.push({ field: 'quietHours', code: 'invalidTime', message: '免打扰时段须为 { from: "HH:MM", to: "HH:MM" } 或 null' });
  return failures;
}

export async function readNoticeSettings(manager: EntityManager): Promise<NoticeSettings> {
  const stored = await readSetting(manager, NOTICE_SETTINGS_KEY);
  if (stored === null) throw new Error(`setting ${NOTICE_SETTINGS_KEY} is missing: run the migrations`);
  return JSON.parse(stored) as NoticeSettings;
}

/** GET/PUT /api/notifications/settings (the city office). */
@Injectable()
export class NoticeSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly changes: ChangeRecorder,
  ) {}

  get(): Promise<NoticeSettings> {
    return readNoticeSettings(this.dataSource.manager);
  }

  put(input: unknown, actor: string): Promise<NoticeSettings> {
    const failures = settingsFailures(input);
    if (failures.length) throw unprocessable('提醒设置有误', failures);
    const body = input as NoticeSettings;
    const next: NoticeSettings = {
      rules: Object.fromEntries(NOTICE_KINDS.map((kind) => [kind, { ...body.rules[kind], recipients: [...new Set(body.rules[kind].recipients)] }])) as NoticeSettings['rules'],
      quietHours: body.quietHours === null ? null : { from: body.quietHours.from, to: body.quietHours.to },
    };
    return this.writes.run(async (manager) => {
      const before = await readNoticeSettings(manager);
      if (JSON.stringify(before) === JSON.stringify(next)) return next;
      await writeSetting(manager, NOTICE_SETTINGS_KEY, JSON.stringify(next));
      await this.changes.record(manager, { actor, subject: auditSubject.setting(NOTICE_SETTINGS_KEY), action: 'update', before, after: next });
      return next;
    });
  }
}
