import { Injectable } from '@nestjs/common';
import { DataSource, LessThanOrEqual, type EntityManager } from 'typeorm';
import { ApiError, Clock, type ErrorDetail, notFound } from '../common/index.js';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { WriteQueue } from '../database/index.js';
import { PlansService } from '../plans/index.js';
import { ProjectRecordsService } from '../project-records/index.js';
import { Chain, ReferenceService } from '../reference/index.js';
import { fileRevision } from '../revisions/index.js';
import { fiveOnesMissing } from '../rules/index.js';
import { refuseOtherScope, type Scope } from '../access/index.js';
import { ChainResponsibility } from './chain-responsibility.entity.js';
import type { PutChainResponsibilityDto } from './dto/responsibility.dto.js';
import { PeopleService, personRef } from './people.service.js';
import type { ChainResponsibilityRevision, ChainResponsibilityView } from './people.types.js';
import type { Person } from './person.entity.js';

const text = (value: string | null | undefined): string | null => (value === null || value === undefined ? null : value.trim() || null);
const list = (values: readonly string[]): string[] => [...new Set(values.map((value) => value.trim()).filter(Boolean))];
const parsed = (json: string): string[] => JSON.parse(json) as string[];

/** One stored revision in the API's words; the department not named is the chain's lead unit. */
export function revisionOf(row: ChainResponsibility | null, leadUnit: string, people: Map<number, Person>): ChainResponsibilityRevision {
  const leader = row?.leaderId ? people.get(row.leaderId) : undefined;
  return {
    revision: row?.revision ?? 0,
    leaderId: row?.leaderId ?? null,
    leader: leader ? personRef(leader) : null,
    department: row?.department ?? leadUnit,
    plan: { title: row?.planTitle ?? null, date: row?.planDate ?? null, text: row?.planText ?? null },
    measures: row ? parsed(row.measures) : [],
    anchorEnterprises: row ? parsed(row.anchorEnterprises) : [],
    actor: row?.actor ?? null,
    recordedAt: row?.recordedAt ?? null,
  };
}

/** The latest revision with what it lacks (rules/responsibility.ts). */
export function chainViewOf(chain: string, year: number, revisions: ChainResponsibilityRevision[], leadUnit: string, people: Map<number, Person>): ChainResponsibilityView {
  const latest = revisions.at(-1) ?? revisionOf(null, leadUnit, people);
  const missing = fiveOnesMissing({ leaderId: latest.leaderId, department: latest.department, planTitle: latest.plan.title, measures: latest.measures, anchorEnterprises: latest.anchorEnterprises });
  return { chain, year, ...latest, missing, complete: missing.length === 0, history: revisions };
}

/**
 * A chain's "5个1" per year (docs/domain/responsibility.md "A chain's 5个1"), kept as revisions
 * through the revision log. The city office sets all of it; a chain team its own chain's
 * 责任部门, 工作方案, 支持措施 and 链主 (403 for the 链长 or another chain); the year needs a plan.
 */
@Injectable()
export class ChainResponsibilityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
    private readonly people: PeopleService,
    private readonly reference: ReferenceService,
    private readonly plans: PlansService,
    private readonly records: ProjectRecordsService,
  ) {}

  /** The chain's "5个1" for the year with its revisions, as recorded by `asOf` when given. */
  async get(code: string, year: number, asOf?: string, manager: EntityManager = this.dataSource.manager): Promise<ChainResponsibilityView> {
    const chain = await this.chain(manager, code);
    const rows = await manager.find(ChainResponsibility, {
      where: { chainCode: code, year, ...(asOf ? { recordedAt: LessThanOrEqual(asOf) } : {}) },
      order: { revision: 'ASC' },
    });
    const people = await this.people.byIds(manager, rows.map((row) => row.leaderId));
    return chainViewOf(code, year, rows.map((row) => revisionOf(row, chain.leadUnit, people)), chain.leadUnit, people);
  }

  put(code: string, year: number, dto: PutChainResponsibilityDto, actor: string, scope: Scope): Promise<ChainResponsibilityView & { created: boolean }> {
    return this.writes.run(async (manager) => {
      const created = await this.putIn(manager, code, year, dto, actor, scope);
      return { ...(await this.get(code, year, undefined, manager)), created };
    });
  }

  /** `put` in the caller's write transaction; `at`: record at this instant (the demo seed only). Whether it was the first revision. */
  async putIn(manager: EntityManager, code: string, year: number, dto: PutChainResponsibilityDto, actor: string, scope: Scope, at?: string): Promise<boolean> {
    const chain = await this.chain(manager, code);
    refuseOtherScope(scope, { chain: code }, { chain: { message: '只能维护本产业链的“5个1”', detail: '产业链专班只能维护本产业链' } });
    await this.plans.yearTarget(year, manager);
    const latest = await manager.findOne(ChainResponsibility, { where: { chainCode: code, year }, order: { revision: 'DESC' } });
    const current = { leaderId: latest?.leaderId ?? null, department: latest?.department ?? null, planTitle: latest?.planTitle ?? null, planDate: latest?.planDate ?? null, planText: latest?.planText ?? null, measures: latest ? parsed(latest.measures) : [], anchorEnterprises: latest ? parsed(latest.anchorEnterprises) : [] };
    if (scope.chain !== undefined && dto.leaderId !== undefined && dto.leaderId !== current.leaderId)
      throw new ApiError(403, '链长由市链长办指定', [{ field: 'leaderId', code: 'leaderByCityOffice', message: '产业链专班不能更改链长' }]);
    const department = dto.department === undefined ? current.department : text(dto.department);
    const next = {
      leaderId: dto.leaderId === undefined ? current.leaderId : dto.leaderId,
      // Naming the lead unit itself is the same as naming none: the appendix's unit stands.
      department: department === chain.leadUnit ? null : department,
      planTitle: dto.plan === undefined ? current.planTitle : text(dto.plan?.title),
      planDate: dto.plan === undefined ? current.planDate : (dto.plan?.date ?? null),
      planText: dto.plan === undefined ? current.planText : text(dto.plan?.text),
      measures: dto.measures === undefined ? current.measures : list(dto.measures),
      anchorEnterprises: dto.anchorEnterprises === undefined ? current.anchorEnterprises : list(dto.anchorEnterprises),
    };
    const failures: ErrorDetail[] = [
      ...(dto.leaderId !== undefined ? await this.people.assignmentFailures(manager, next.leaderId, 'leaderId', { kind: 'city' }, '链长') : []),
      ...(await this.enterpriseFailures(manager, dto.anchorEnterprises === undefined ? [] : next.anchorEnterprises, 'anchorEnterprises', '链主企业')),
    ];
    if (next.planTitle === null && (next.planDate !== null || next.planText !== null))
      failures.push({ field: 'plan.title', code: 'planTitleRequired', message: '工作方案需要名称' });
    const now = at ?? this.clock.nowIso();
    const filed = await fileRevision(manager, {
      entity: ChainResponsibility,
      key: { chainCode: code, year },
      failures,
      same: (row) =>
        row.leaderId === next.leaderId && row.department === next.department && row.planTitle === next.planTitle && row.planDate === next.planDate &&
        row.planText === next.planText && row.measures === JSON.stringify(next.measures) && row.anchorEnterprises === JSON.stringify(next.anchorEnterprises),
      build: (revision) =>
        manager.create(ChainResponsibility, { chainCode: code, year, revision, ...next, measures: JSON.stringify(next.measures), anchorEnterprises: JSON.stringify(next.anchorEnterprises), actor, recordedAt: now }),
    });
    if (filed.added) {
      const people = await this.people.byIds(manager, [filed.row.leaderId, filed.previous?.leaderId]);
      const summary = (row: ChainResponsibility) => {
        const r = revisionOf(row, chain.leadUnit, people);
        return { year, revision: r.revision, leader: r.leader?.name ?? null, department: r.department, plan: r.plan.title, measures: r.measures.length, anchorEnterprises: r.anchorEnterprises };
      };
      await this.changes.record(manager, {
        actor,
        subject: auditSubject.chainResponsibility(code, year),
        action: 'update',
        before: filed.previous ? summary(filed.previous) : null,
        after: summary(filed.row),
        at: now,
      });
    }
    return filed.added && filed.previous === null;
  }

  /** Enterprise names the project library does not know (422 unknownEnterprise, naming each). */
  async enterpriseFailures(manager: EntityManager, names: readonly string[], field: string, label: string): Promise<ErrorDetail[]> {
    const known = await this.records.knownEnterprises(manager, names);
    return names
      .filter((name) => !known.has(name.trim()))
      .map((name) => ({ field, code: 'unknownEnterprise', message: `${label}“${name}”不是项目库中任何项目的建设单位` }));
  }

  private async chain(manager: EntityManager, code: string): Promise<Chain> {
    const chain = (await this.reference.chainRows(manager)).find((row) => row.code === code);
    if (!chain) throw notFound(`产业链 ${code} 不存在`);
    return chain;
  }
}
