import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ChangeRecorder } from '../audit/change-recorder.js';
import { auditSubject } from '../audit/audit-subjects.js';
import { ALL, inScope, type Scope } from '../access/principal.js';
import { conflict, notFound, unprocessable } from '../common/api-error.js';
import { Clock } from '../common/clock.js';
import { WriteQueue } from '../database/write-queue.js';
import { Project } from '../project-records/project.entity.js';
import { guardFailures, type LifecycleEvent } from '../lifecycle/lifecycle.guards.js';
import { loadFacts } from './lifecycle.facts.js';
import { acceptedEvents, next, persist, restore, stageOf, type PersistedLifecycle } from '../lifecycle/lifecycle.snapshot.js';
import { EVENT_LABELS, STAGE_LABELS } from '../lifecycle/stages.js';
import { checkReadVersion, updateVersioned } from '../database/versioned.js';

export interface ApplyOptions {
  actor: string;
  /** The version the caller read (If-Match); stale → 412. */
  expectedVersion?: number;
  /** Record the transition at this instant instead of now: for the demo seed replaying 2024 only. */
  recordedAt?: string;
  /** The caller's scope: a project outside it answers 404. */
  scope?: Scope;
}

/**
 * The one place a project changes stage. In one queued transaction it restores the
 * persisted snapshot with fresh facts, refuses an event the stage does not take (409)
 * or whose guards fail (422, every reason listed), applies it, and saves snapshot,
 * stage, dates and the transition row, the UPDATE guarded by the version it read.
 */
@Injectable()
export class LifecycleEngine {
  constructor(
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
  ) {}

  apply(projectId: number, event: LifecycleEvent, options: ApplyOptions): Promise<void> {
    return this.writes.run((manager) => this.applyIn(manager, projectId, event, options));
  }

  async applyIn(manager: EntityManager, projectId: number, event: LifecycleEvent, options: ApplyOptions): Promise<void> {
    const project = await manager.findOneBy(Project, { id: projectId });
    if (!project || !inScope(project, options.scope ?? ALL)) throw notFound(`项目 ${projectId} 不存在`);
    checkReadVersion(options.expectedVersion, project.version);

    const context = { project: await loadFacts(manager, project), today: this.clock.today() };
    const snapshot = restore(JSON.parse(project.lifecycleSnapshot) as PersistedLifecycle, context);
    if (stageOf(snapshot.value) !== project.stage)
      throw new Error(`project ${projectId}: stage column ${project.stage} disagrees with its lifecycle snapshot`);

    if (!acceptedEvents(snapshot).includes(event.type))
      throw conflict(`项目当前阶段为“${STAGE_LABELS[project.stage]}”，不能执行“${EVENT_LABELS[event.type]}”`, [
        { field: 'type', code: 'eventNotAllowed', message: `“${STAGE_LABELS[project.stage]}”阶段不能执行“${EVENT_LABELS[event.type]}”（${event.type}）` },
      ]);
    if (!snapshot.can(event)) {
      const failures = guardFailures(context, event);
      throw unprocessable(`不能${EVENT_LABELS[event.type]}：${failures.map((f) => f.message).join('；')}`, failures);
    }

    const after = next(snapshot, event);
    const toStage = stageOf(after.value);
    const now = options.recordedAt ?? this.clock.nowIso();
    // Events without a date of their own take effect on the calendar day they are recorded (TZ_CALENDAR).
    const effectiveDate = effectiveDateOf(event) ?? this.clock.dateOf(now);

    const changes: Partial<Project> = {};
    if (event.type === 'PROMOTE' && event.plannedStartDate && !project.plannedStartDate)
      changes.plannedStartDate = event.plannedStartDate;
    if (event.type === 'START') changes.actualStartDate = event.date;
    if (event.type === 'COMPLETE') changes.actualCompletionDate = event.date;

    await updateVersioned(manager, Project, project, { ...changes, stage: toStage, lifecycleSnapshot: JSON.stringify(persist(after)), updatedAt: now });

    const { type, ...payload } = event;
    await this.changes.record(manager, {
      actor: options.actor,
      subject: auditSubject.project(projectId),
      action: 'transition',
      before: { stage: project.stage },
      after: { event: type, ...payload, ...changes, stage: toStage, effectiveDate },
      reason: 'reason' in event ? event.reason : null,
      at: now,
      history: { projectId, kind: 'transition', event: type, fromStage: project.stage, toStage, effectiveDate, data: { ...payload, ...changes } },
    });
  }
}

function effectiveDateOf(event: LifecycleEvent): string | undefined {
  switch (event.type) {
    case 'START':
    case 'HALT':
    case 'RESUME':
    case 'COMPLETE':
      return event.date;
    case 'PROMOTE':
    case 'DEFER':
    case 'WITHDRAW':
      return undefined;
  }
}
