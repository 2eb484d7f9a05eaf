import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { readSetting, WriteQueue, writeSetting } from '../database/index.js';
import { unprocessable } from '../common/index.js';

/** The city-wide acceptance time limit, in working days (docs/domain/requests.md "Overdue"). */
export const ACCEPT_WORKING_DAYS_KEY = 'requests.acceptWorkingDays';
export const MAX_ACCEPT_WORKING_DAYS = 30;

export interface RequestSettings {
  /** A request must be accepted (or returned) within this many working days of being raised. */
  acceptWorkingDays: number;
}

/** The limit in force (the migration stores 5; an administrator changes it). */
export async function acceptWorkingDays(manager: EntityManager): Promise<number> {
  const stored = await readSetting(manager, ACCEPT_WORKING_DAYS_KEY);
  const value = Number(stored);
  if (stored === null || !Number.isInteger(value) || value < 0) throw new Error(`setting ${ACCEPT_WORKING_DAYS_KEY} is missing or not a whole number: run the migrations`);
  return value;
}

/**
 * The requests' city-wide settings. A change applies to requests raised afterwards: each
 * request keeps the acceptance deadline computed when it was raised.
 */
@Injectable()
export class RequestSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly changes: ChangeRecorder,
  ) {}

  async get(): Promise<RequestSettings> {
    return { acceptWorkingDays: await acceptWorkingDays(this.dataSource.manager) };
  }

  put(input: RequestSettings, actor: string): Promise<RequestSettings> {
    return this.writes.run(async (manager) => {
      const days = input.acceptWorkingDays;
      if (!Number.isInteger(days) || days < 0 || days > MAX_ACCEPT_WORKING_DAYS)
        throw unprocessable('受理时限不符合要求', [
          { field: 'acceptWorkingDays', code: 'invalidWorkingDays', message: `受理时限须为 0–${MAX_ACCEPT_WORKING_DAYS} 的整数个工作日` },
        ]);
      const before = await acceptWorkingDays(manager);
      if (before === days) return { acceptWorkingDays: days };
      await writeSetting(manager, ACCEPT_WORKING_DAYS_KEY, String(days));
      await this.changes.record(manager, {
        actor,
        subject: auditSubject.setting(ACCEPT_WORKING_DAYS_KEY),
        action: 'update',
        before: { acceptWorkingDays: before },
        after: { acceptWorkingDays: days },
      });
      return { acceptWorkingDays: days };
    });
  }
}
