import { Injectable } from '@nestjs/common';
import { DataSource, LessThanOrEqual, type EntityManager } from 'typeorm';
import { ApiError, Clock, type ErrorDetail } from '../common/index.js';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { WriteQueue } from '../database/index.js';
import { ProjectRecordsService } from '../project-records/index.js';
import { fileRevision } from '../revisions/index.js';
import type { Scope } from '../access/index.js';
import type { PutProjectResponsibilityDto } from './dto/responsibility.dto.js';
import { PeopleService, personRef } from './people.service.js';
import type { CommissionerKind, ProjectResponsibilityView } from './people.types.js';
import type { Person } from './person.entity.js';
import { ProjectResponsibility } from './project-responsibility.entity.js';

/** The fields a revision holds, as the service compares and stores them. */
interface Fields {
  cityLeaderId: number | null;
  countyLeaderId: number | null;
  commissionerId: number | null;
  commissionerKind: CommissionerKind | null;
  contactName: string | null;
  contactPhone: string | null;
}

const EMPTY: Fields = { cityLeaderId: null, countyLeaderId: null, commissionerId: null, commissionerKind: null, contactName: null, contactPhone: null };
const FIELDS = Object.keys(EMPTY) as (keyof Fields)[];
const text = (value: string | null | undefined): string | null => (value === null || value === undefined ? null : value.trim() || null);

export function projectResponsibilityOf(projectId: number, row: ProjectResponsibility | null, people: Map<number, Person>): ProjectResponsibilityView {
  const ref = (id: number | null | undefined) => {
    const person = id ? people.get(id) : undefined;
    return person ? personRef(person) : null;
  };
  return {
    projectId,
    cityLeaderId: row?.cityLeaderId ?? null,
    cityLeader: ref(row?.cityLeaderId),
    countyLeaderId: row?.countyLeaderId ?? null,
    countyLeader: ref(row?.countyLeaderId),
    commissionerId: row?.commissionerId ?? null,
    commissioner: ref(row?.commissionerId),
    commissionerKind: row?.commissionerKind ?? null,
    contact: row?.contactName ? { name: row.contactName, phone: row.contactPhone } : null,
    revision: row?.revision ?? 0,
    actor: row?.actor ?? null,
    recordedAt: row?.recordedAt ?? null,
  };
}

/**
 * Who answers for a project (docs/domain/responsibility.md "A project's 包联"), kept as revisions
 * through the revision log; every change also goes to the project's history and the audit log.
 * The city office sets every field; a county operator its own project's 县级包联领导, 专员 and
 * contact (403 when it tries to change the 市级包联领导; 404 for another county's project).
 */
@Injectable()
export class ProjectResponsibilityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
    private readonly people: PeopleService,
    private readonly records: ProjectRecordsService,
  ) {}

  /** A project's responsibility for a caller who may see the project (404 otherwise), as recorded by `asOf` when given. */
  async get(projectId: number, scope: Scope, asOf?: string): Promise<ProjectResponsibilityView> {
    const manager = this.dataSource.manager;
    await this.records.findVisible(manager, projectId, scope);
    return this.of(manager, projectId, asOf);
  }

  /** The responsibility of a project the caller has already been allowed to see. */
  async of(manager: EntityManager, projectId: number, asOf?: string): Promise<ProjectResponsibilityView> {
    const row = await manager.findOne(ProjectResponsibility, {
      where: { projectId, ...(asOf ? { recordedAt: LessThanOrEqual(asOf) } : {}) },
      order: { revision: 'DESC' },
    });
    const people = await this.people.byIds(manager, [row?.cityLeaderId, row?.countyLeaderId, row?.commissionerId]);
    return projectResponsibilityOf(projectId, row, people);
  }

  put(projectId: number, dto: PutProjectResponsibilityDto, actor: string, scope: Scope): Promise<ProjectResponsibilityView & { created: boolean }> {
    return this.writes.run(async (manager) => {
      const result = await this.putIn(manager, projectId, dto, actor, scope);
      return { ...(await this.of(manager, projectId)), created: result.created };
    });
  }

  /** `put` inside the caller's write transaction (the ledger import applies a whole file in one). */
  async putIn(manager: EntityManager, projectId: number, dto: PutProjectResponsibilityDto, actor: string, scope: Scope, at?: string): Promise<{ created: boolean; changed: boolean }> {
    const project = await this.records.findVisible(manager, projectId, scope);
    const latest = await manager.findOne(ProjectResponsibility, { where: { projectId }, order: { revision: 'DESC' } });
    const current: Fields = latest ? Object.fromEntries(FIELDS.map((key) => [key, latest[key]])) as unknown as Fields : EMPTY;
    if (scope.region !== undefined && dto.cityLeaderId !== undefined && dto.cityLeaderId !== current.cityLeaderId)
      throw new ApiError(403, '市级包联领导由市链长办指定', [{ field: 'cityLeaderId', code: 'cityLeaderByCityOffice', message: '县（市、区）只能指定本县的包联领导、服务专员和项目联系人' }]);
    const commissionerId = dto.commissionerId === undefined ? current.commissionerId : dto.commissionerId;
    const next: Fields = {
      cityLeaderId: dto.cityLeaderId === undefined ? current.cityLeaderId : dto.cityLeaderId,
      countyLeaderId: dto.countyLeaderId === undefined ? current.countyLeaderId : dto.countyLeaderId,
      commissionerId,
      // A 专员 is 助企远航 unless said otherwise; without a 专员 there is no kind.
      commissionerKind: commissionerId === null ? null : dto.commissionerKind === undefined || dto.commissionerKind === null ? (current.commissionerKind ?? 'enterprise') : dto.commissionerKind,
      contactName: dto.contact === undefined ? current.contactName : text(dto.contact?.name),
      contactPhone: dto.contact === undefined ? current.contactPhone : text(dto.contact?.phone),
    };
    const failures: ErrorDetail[] = [
      ...(dto.cityLeaderId !== undefined ? await this.people.assignmentFailures(manager, next.cityLeaderId, 'cityLeaderId', { kind: 'city' }, '市级包联领导') : []),
      ...(dto.countyLeaderId !== undefined ? await this.people.assignmentFailures(manager, next.countyLeaderId, 'countyLeaderId', { kind: 'county', region: project.regionCode }, '县级包联领导') : []),
      ...(dto.commissionerId !== undefined ? await this.people.assignmentFailures(manager, next.commissionerId, 'commissionerId', { kind: 'cityOrCounty', region: project.regionCode }, '服务专员') : []),
    ];
    if (dto.contact && next.contactName === null) failures.push({ field: 'contact.name', code: 'contactNameRequired', message: '项目联系人需要姓名' });
    const now = at ?? this.clock.nowIso();
    const filed = await fileRevision(manager, {
      entity: ProjectResponsibility,
      key: { projectId },
      failures,
      same: (row) => FIELDS.every((key) => row[key] === next[key]),
      build: (revision) => manager.create(ProjectResponsibility, { projectId, revision, ...next, actor, recordedAt: now }),
    });
    if (!filed.added) return { created: false, changed: false };
    const people = await this.people.byIds(manager, [current.cityLeaderId, current.countyLeaderId, current.commissionerId, next.cityLeaderId, next.countyLeaderId, next.commissionerId]);
    const words = (fields: Fields) => ({
      cityLeader: fields.cityLeaderId ? (people.get(fields.cityLeaderId)?.name ?? null) : null,
      countyLeader: fields.countyLeaderId ? (people.get(fields.countyLeaderId)?.name ?? null) : null,
      commissioner: fields.commissionerId ? (people.get(fields.commissionerId)?.name ?? null) : null,
      commissionerKind: fields.commissionerKind,
      contact: fields.contactName ? [fields.contactName, fields.contactPhone].filter(Boolean).join(' ') : null,
    });
    const before = words(current);
    const after = words(next);
    const changed = Object.fromEntries(
      (Object.keys(after) as (keyof typeof after)[]).filter((key) => before[key] !== after[key]).map((key) => [key, { from: before[key], to: after[key] }]),
    );
    await this.changes.record(manager, {
      actor,
      subject: auditSubject.responsibility(projectId),
      action: 'update',
      before: latest ? { revision: latest.revision, ...before } : null,
      after: { revision: filed.row.revision, ...after },
      at: now,
      history: { projectId, kind: 'responsibility', fromStage: project.stage, toStage: project.stage, data: changed },
    });
    return { created: latest === null, changed: true };
  }
}
