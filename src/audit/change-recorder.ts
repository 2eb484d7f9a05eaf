import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/index.js';
import { markChanged, type Statement } from '../database/index.js';
import { ProjectHistory, type HistoryKind } from './project-history.entity.js';
import type { AuditEntry } from './audit-entry.entity.js';
import { type AuditSubject, changedBy } from './audit-subjects.js';
import { AuditService } from './audit.service.js';

/** A project's own history row, for changes to a project (its data, stage, list places). */
export interface HistoryRow {
  projectId: number;
  kind: HistoryKind;
  event?: string | null;
  fromStage?: string | null;
  toStage?: string | null;
  /** The date the change took effect in the world (start date, …), in the calendar zone. */
  effectiveDate?: string | null;
  /** Stored as JSON text. */
  data: unknown;
}

export interface Change {
  actor: string;
  /** Which thing changed (audit-subjects.ts). */
  subject: AuditSubject;
  /** create, update, transition, file, add, change, remove, override, publish, … */
  action: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  /** The instant the change itself records (its row's recorded_at); default now. */
  at?: string;
  /**
   * The project history row, when the change is to a project's own data; one per project
   * when one change touched several (an import file: one audit entry, a row per project).
   */
  history?: HistoryRow | HistoryRow[];
  /**
   * The change's own rows, when the caller leaves writing them to the recorder: sent in ONE
   * statement with the audit entry's INSERT (database/sql.ts `sqlTogether`: one round trip on
   * PostgreSQL), before the entry on SQLite. Independent INSERTs/UPDATEs only (a report revision
   * and its year figure, ReportsService).
   */
  writes?: Statement[];
}

/**
 * The one way a change is recorded: in the caller's write transaction (`manager` from
 * `WriteQueue.run`), the project's history row when the change has one, and always one
 * audit entry. A write path calls `record` once per change; nothing else writes history or
 * audit rows, so "every change is audited" does not rest on each author remembering
 * (test/audit-coverage.e2e-spec.ts checks it route by route).
 */
@Injectable()
export class ChangeRecorder {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Resolves to the audit entry written (its seq and hash are a checkpoint of the chain so far). */
  async record(manager: EntityManager, change: Change): Promise<AuditEntry> {
    const at = change.at ?? this.clock.nowIso();
    const reason = change.reason?.trim() || null;
    const histories = change.history === undefined ? [] : Array.isArray(change.history) ? change.history : [change.history];
    // What the change touched, for the figures that follow the data (database/changes.ts).
    const touched = changedBy(change.subject);
    markChanged(manager, { projectIds: [...touched.projectIds, ...histories.map((h) => h.projectId)], years: touched.years });
    for (const h of histories) {
      await manager.insert(ProjectHistory, {
        projectId: h.projectId,
        kind: h.kind,
        event: h.event ?? null,
        fromStage: h.fromStage ?? null,
        toStage: h.toStage ?? null,
        effectiveDate: h.effectiveDate ?? null,
        reason,
        data: JSON.stringify(h.data ?? null),
        actor: change.actor,
        recordedAt: at,
      });
    }
    return this.audit.append(manager, {
      actor: change.actor,
      ...change.subject,
      action: change.action,
      before: change.before,
      after: change.after,
      reason,
      at,
    }, change.writes);
  }
}
