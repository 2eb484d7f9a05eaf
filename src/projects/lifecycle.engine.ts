import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ALL, type Scope } from '../access/index.js';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { Clock } from '../common/index.js';
import { WriteQueue } from '../database/index.js';
import { type LifecycleEvent, lifecycleWorkflow, type PersistedLifecycle, persistedOf, type Stage, stageOf } from '../lifecycle/index.js';
import { Project, ProjectRecordsService } from '../project-records/index.js';
import { TransitionEngine, type TransitionSubject } from '../workflow/index.js';
import { LifecycleFacts } from './lifecycle-facts.js';

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
 * The one place a project changes stage: the lifecycle machine (src/lifecycle) applied by the
 * transition engine (src/workflow/transition-engine.ts) to the project's persisted snapshot with
 * fresh facts, saving snapshot, stage, dates and the transition (history and audit) together.
 */
@Injectable()
export class LifecycleEngine {
  constructor(
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
    private readonly engine: TransitionEngine,
    private readonly records: ProjectRecordsService,
    private readonly facts: LifecycleFacts,
  ) {}

  apply(projectId: number, event: LifecycleEvent, options: ApplyOptions): Promise<void> {
    return this.writes.run((manager) => this.applyIn(manager, projectId, event, options));
  }

  async applyIn(manager: EntityManager, projectId: number, event: LifecycleEvent, options: ApplyOptions): Promise<void> {
    await this.engine.applyIn(manager, this.subject(projectId, event, options), event, options.expectedVersion);
  }

  private subject(projectId: number, event: LifecycleEvent, options: ApplyOptions): TransitionSubject<Project, Stage, LifecycleEvent, Parameters<typeof lifecycleWorkflow.failures>[0], { changes: Partial<Project>; now: string; effectiveDate: string }> {
    return {
      workflow: lifecycleWorkflow,
      entity: Project,
      load: (manager) => this.records.findVisible(manager, projectId, options.scope ?? ALL),
      stateOf: (project) => {
        const stage = stageOf((JSON.parse(project.lifecycleSnapshot) as PersistedLifecycle).value);
        if (stage !== project.stage) throw new Error(`project ${projectId}: stage column ${project.stage} disagrees with its lifecycle snapshot`);
        return stage;
      },
      context: async (manager, project) => ({ project: await this.facts.of(manager, project), today: this.clock.today() }),
      changes: async (_manager, project, _event, toStage) => {
        const now = options.recordedAt ?? this.clock.nowIso();
        // Events without a date of their own take effect on the calendar day they are recorded (TZ_CALENDAR).
        const effectiveDate = effectiveDateOf(event) ?? this.clock.dateOf(now);
        const changes: Partial<Project> = {};
        if (event.type === 'PROMOTE' && event.plannedStartDate && !project.plannedStartDate) changes.plannedStartDate = event.plannedStartDate;
        if (event.type === 'START') changes.actualStartDate = event.date;
        if (event.type === 'COMPLETE') changes.actualCompletionDate = event.date;
        return {
          columns: { ...changes, stage: toStage, lifecycleSnapshot: JSON.stringify(persistedOf(toStage)), updatedAt: now },
          done: { changes, now, effectiveDate },
        };
      },
      record: async (manager, project, _event, toStage, { changes, now, effectiveDate }) => {
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
      },
    };
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
