import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { Clock, type ErrorDetail, notFound, unprocessable } from '../common/index.js';
import { WriteQueue } from '../database/index.js';
import { ReferenceService } from '../reference/index.js';
import type { CreatePersonDto, UpdatePersonDto } from './dto/person.dto.js';
import type { PersonRef, PersonView } from './people.types.js';
import { Person } from './person.entity.js';

/**
 * Where a person assigned to a post must serve (docs/domain/responsibility.md "Who may be
 * named"): a 链长 or 市级包联领导 is a city person; a 县级包联领导 one of the project's county; a
 * 专员 either.
 */
export type Level = { kind: 'city' } | { kind: 'county'; region: string | null } | { kind: 'cityOrCounty'; region: string | null };

export function personRef(person: Person): PersonRef {
  return { id: person.id, name: person.name, title: person.title, organisation: person.organisation, phone: person.phone };
}

function viewOf(person: Person, withPhone: boolean): PersonView {
  const view: PersonView = { id: person.id, name: person.name, title: person.title, organisation: person.organisation, region: person.regionCode, active: Boolean(person.active) };
  if (withPhone) view.phone = person.phone;
  return view;
}

const text = (value: string | null | undefined): string | null => (value === null || value === undefined ? null : value.trim() || null);

/**
 * The register of responsible people (docs/domain/responsibility.md "People"): kept by the city
 * office, read by everyone signed in (a department without the phone numbers). A person is never
 * deleted; one who leaves office is made inactive and can no longer be named to a post.
 */
@Injectable()
export class PeopleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
    private readonly reference: ReferenceService,
  ) {}

  async list(withPhones: boolean): Promise<PersonView[]> {
    const rows = await this.dataSource.getRepository(Person).find({ order: { id: 'ASC' } });
    return rows.map((row) => viewOf(row, withPhones));
  }

  create(dto: CreatePersonDto, actor: string): Promise<PersonView> {
    return this.writes.run((manager) => this.createIn(manager, dto, actor));
  }

  /** `create` in the caller's write transaction; `at`: record at this instant (the demo seed only). */
  async createIn(manager: EntityManager, dto: CreatePersonDto, actor: string, at?: string): Promise<PersonView> {
    const region = text(dto.region);
    const failures = await this.regionFailures(manager, region);
    if (failures.length) throw unprocessable('人员信息未通过校验', failures);
    const now = at ?? this.clock.nowIso();
    const person = manager.create(Person, {
      name: dto.name.trim(),
      title: dto.title.trim(),
      organisation: dto.organisation.trim(),
      phone: text(dto.phone),
      regionCode: region,
      active: true,
      createdAt: now,
      updatedAt: now,
    });
    await manager.insert(Person, person);
    const view = viewOf(person, true);
    await this.changes.record(manager, { actor, subject: auditSubject.person(person.id), action: 'create', after: view, at: now });
    return view;
  }

  update(id: number, dto: UpdatePersonDto, actor: string): Promise<PersonView> {
    return this.writes.run(async (manager) => {
      const person = await manager.findOneBy(Person, { id });
      if (!person) throw notFound(`人员 ${id} 不存在`);
      const next: Partial<Person> = {};
      if (dto.name !== undefined) next.name = dto.name.trim();
      if (dto.title !== undefined) next.title = dto.title.trim();
      if (dto.organisation !== undefined) next.organisation = dto.organisation.trim();
      if (dto.phone !== undefined) next.phone = text(dto.phone);
      if (dto.region !== undefined) next.regionCode = text(dto.region);
      if (dto.active !== undefined) next.active = dto.active;
      const failures = next.regionCode !== undefined ? await this.regionFailures(manager, next.regionCode) : [];
      if (failures.length) throw unprocessable('人员信息未通过校验', failures);
      const changed = (Object.keys(next) as (keyof Person)[]).filter((key) => (key === 'active' ? Boolean(person.active) !== next.active : person[key] !== next[key]));
      if (changed.length === 0) return viewOf(person, true);
      const now = this.clock.nowIso();
      await manager.update(Person, { id }, { ...next, updatedAt: now });
      const after = { ...person, ...next, updatedAt: now } as Person;
      await this.changes.record(manager, {
        actor,
        subject: auditSubject.person(id),
        action: 'update',
        before: Object.fromEntries(changed.map((key) => [key, key === 'active' ? Boolean(person.active) : person[key]])),
        after: Object.fromEntries(changed.map((key) => [key, after[key]])),
        at: now,
      });
      return viewOf(after, true);
    });
  }

  /** The people with these ids (missing ids are simply absent). */
  async byIds(manager: EntityManager, ids: readonly (number | null | undefined)[]): Promise<Map<number, Person>> {
    const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
    if (wanted.length === 0) return new Map();
    const rows = await manager.findBy(Person, { id: In(wanted) });
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** The people in office with exactly this name (the ledger import names people by name). */
  named(manager: EntityManager, name: string): Promise<Person[]> {
    return manager.find(Person, { where: { name: name.trim(), active: true }, take: 2 });
  }

  /** Whether a person with this id exists (a user account may point at one). */
  exists(manager: EntityManager, id: number): Promise<boolean> {
    return manager.existsBy(Person, { id });
  }

  /**
   * Why a person cannot be named to a post (none when `id` is null or undefined): unknown (422
   * unknownPerson), left office (personInactive), serving at another level (notCityLevel,
   * notThisCounty). `field` names the body field in each detail.
   */
  async assignmentFailures(manager: EntityManager, id: number | null | undefined, field: string, level: Level, label: string): Promise<ErrorDetail[]> {
    if (id === null || id === undefined) return [];
    const person = await manager.findOneBy(Person, { id });
    if (!person) return [{ field, code: 'unknownPerson', message: `${label}：人员 ${id} 不在人员名册中` }];
    const failures: ErrorDetail[] = [];
    if (!person.active) failures.push({ field, code: 'personInactive', message: `${label}：${person.name} 已离任，不能再指派` });
    if (level.kind === 'city' && person.regionCode !== null)
      failures.push({ field, code: 'notCityLevel', message: `${label}须为市级人员，${person.name} 属于县（市、区）` });
    if (level.kind === 'county' && person.regionCode !== level.region)
      failures.push({ field, code: 'notThisCounty', message: `${label}须为项目所在县（市、区）的人员，${person.name} 不是` });
    if (level.kind === 'cityOrCounty' && person.regionCode !== null && person.regionCode !== level.region)
      failures.push({ field, code: 'notThisCounty', message: `${label}须为市级或项目所在县（市、区）的人员，${person.name} 属于其他县（市、区）` });
    return failures;
  }

  private async regionFailures(manager: EntityManager, region: string | null): Promise<ErrorDetail[]> {
    if (region === null || (await this.reference.regionExists(manager, region))) return [];
    return [{ field: 'region', code: 'unknownRegion', message: `未知的县（市、区）代码：${region}` }];
  }
}
