import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { Clock } from '../common/index.js';
import { WriteQueue } from '../database/index.js';
import { type Project, ProjectRecordsService } from '../project-records/index.js';
import type { LandProjectDto } from './dto/lead.dto.js';
import type { LeadContext, LeadEvent, LinkedProjectFacts } from './lead.guards.js';
import { Lead } from './lead.entity.js';
import { leadWorkflow } from './lead.workflow.js';
import type { LeadStatus } from './lead-states.js';
import { LeadTransition } from './lead-transition.entity.js';
import { leadInScope } from './lead-records.js';
import { TransitionEngine } from '../workflow/index.js';
import { ALL, inScope, type Scope } from '../access/index.js';

export interface LeadApplyOptions {
  actor: string;
  /** The version the caller read (If-Match); stale → 412. */
  expectedVersion?: number;
  /** Record at this instant instead of now: for the demo seed replaying 2024 only. */
  recordedAt?: string;
  /** The caller's scope: a lead outside it answers 404. */
  scope?: Scope;
}

/**
 * The one place a lead changes status (docs/domain/attraction.md "Leads"), shaped like the
 * project lifecycle's engine: in one queued transaction it restores the machine at the lead's
 * status with fresh facts, refuses an event the status does not take (409) or whose guards fail
 * (422, every reason), applies it — a LAND creates or links the project — and saves the lead
 * (UPDATE guarded by the version read), the transition row and the audit entry.
 */
@Injectable()
export class LeadEngine {
  constructor(
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
    private readonly records: ProjectRecordsService,
    private readonly engine: TransitionEngine,
  ) {}

  apply(leadId: number, event: LeadEvent, options: LeadApplyOptions): Promise<void> {
    return this.writes.run((manager) => this.applyIn(manager, leadId, event, options));
  }

  async applyIn(manager: EntityManager, leadId: number, event: LeadEvent, options: LeadApplyOptions): Promise<void> {
    const scope = options.scope ?? ALL;
    const now = options.recordedAt ?? this.clock.nowIso();
    const today = options.recordedAt ? this.clock.dateOf(options.recordedAt) : this.clock.today();
    type Done = { changes: Partial<Lead>; effectiveDate: string; project: Project | null };
    await this.engine.applyIn<Lead, LeadStatus, LeadEvent, LeadContext, Done>(
      manager,
      {
        workflow: leadWorkflow,
        entity: Lead,
        load: (m) => leadInScope(m, leadId, scope),
        stateOf: (lead) => lead.status,
        context: async (m, lead) => ({
          lead: { id: lead.id, chainCode: lead.chainCode, signedDate: lead.signedDate, linkedProject: await this.linkedProject(m, event, scope) },
          today,
        }),
        changes: async (m, lead, _event, toStatus) => {
          const changes: Partial<Lead> = {};
          let effectiveDate: string;
          let project: Project | null = null;
          switch (event.type) {
            case 'SIGN':
              effectiveDate = event.date!;
              Object.assign(changes, { signedAmountWan: event.amount!, signedDate: event.date!, agreementNo: event.agreementNo?.trim() || null });
              break;
            case 'LAND':
              effectiveDate = event.date ?? today;
              project = await this.landOn(m, lead, event, effectiveDate, options.actor, scope, now);
              Object.assign(changes, { landedDate: effectiveDate, projectId: project.id });
              break;
            case 'TERMINATE':
              // A termination has no date of its own: it takes effect on the day it is recorded (the city's zone).
              effectiveDate = this.clock.dateOf(now);
              changes.terminatedDate = effectiveDate;
              break;
          }
          return { columns: { ...changes, status: toStatus, updatedAt: now }, done: { changes, effectiveDate, project } };
        },
        record: async (m, lead, _event, toStatus, { changes, effectiveDate, project }) => {
          const { type, ...payload } = event;
          const data = type === 'LAND' ? { date: effectiveDate, projectId: project!.id, created: 'project' in payload && payload.project !== undefined } : payload;
          const reason = type === 'TERMINATE' ? (event.reason ?? null) : null;
          await m.insert(LeadTransition, {
            leadId: lead.id,
            event: type,
            fromStatus: lead.status,
            toStatus,
            effectiveDate,
            amountWan: type === 'SIGN' ? event.amount! : null,
            projectId: project?.id ?? null,
            data: JSON.stringify(data),
            reason: reason?.trim() || null,
            actor: options.actor,
            recordedAt: now,
          });
          await this.changes.record(m, {
            actor: options.actor,
            subject: auditSubject.lead(lead.id),
            action: 'transition',
            before: { status: lead.status },
            after: { event: type, ...data, ...changes, status: toStatus, effectiveDate },
            reason: reason ?? (project ? `招商项目“${lead.name}”落地` : null),
            at: now,
            // 落地: the project's own history names the lead it came from.
            history: project
              ? {
                  projectId: project.id,
                  kind: 'lead',
                  event: 'LAND',
                  fromStage: project.stage,
                  toStage: project.stage,
                  effectiveDate,
                  data: { lead: { id: lead.id, name: lead.name, investor: lead.investor, origin: lead.origin, signedAmount: lead.signedAmountWan, signedDate: lead.signedDate, agreementNo: lead.agreementNo } },
                }
              : undefined,
          });
        },
      },
      event,
      options.expectedVersion,
    );
  }

  /** The project a LAND names by id, as the caller may see it, with the lead it is linked to already. */
  private async linkedProject(manager: EntityManager, event: LeadEvent, scope: Scope): Promise<LinkedProjectFacts | null> {
    if (event.type !== 'LAND' || event.projectId === undefined || event.projectId === null) return null;
    const project = await this.records.find(manager, event.projectId);
    if (!project || !inScope(project, scope)) return null;
    const linked = await manager.findOneBy(Lead, { projectId: project.id });
    return { chainCode: project.chainCode, stage: project.stage, leadId: linked?.id ?? null };
  }

  /**
   * 落地: the project the lead becomes. A new one is created in 储备 through the project service
   * (its checks, history and audit): the lead's place and chain, its name unless given, origin
   * 招商引进 and 谋划 date the landing date. An existing one is linked as it is.
   */
  private async landOn(
    manager: EntityManager,
    lead: Lead,
    event: Extract<LeadEvent, { type: 'LAND' }>,
    landedOn: string,
    actor: string,
    scope: Scope,
    at: string,
  ): Promise<Project> {
    if (event.projectId !== undefined && event.projectId !== null) return (await this.records.find(manager, event.projectId))!;
    const given = event.project as LandProjectDto;
    return this.records.createIn(
      manager,
      { ...given, name: given.name ?? lead.name, region: lead.regionCode, chain: lead.chainCode, origin: 'attracted', plannedAt: landedOn },
      actor,
      scope,
      at,
    );
  }
}
