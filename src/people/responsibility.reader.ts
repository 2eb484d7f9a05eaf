import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { int, sql } from '../database/index.js';
import { ReferenceService } from '../reference/index.js';
import { CHAIN_RESPONSIBILITY_REVISIONS, isLatestRevisionSql, PROJECT_RESPONSIBILITY_REVISIONS } from '../rules/index.js';
import { ChainResponsibility } from './chain-responsibility.entity.js';
import { chainViewOf, revisionOf } from './chain-responsibility.service.js';
import { PeopleService } from './people.service.js';
import type { ChainResponsibilityView, ResponsibleNames, ResponsibleRole } from './people.types.js';

/**
 * Each project's latest responsibility recorded by `:asOf` (one row per project that has one):
 * project_id, city_leader_id, county_leader_id, commissioner_id. Published for the board's
 * aggregates (its coverage figures), which join it to the year's listed projects in SQL.
 */
export const PROJECT_RESPONSIBILITY_SQL = projectResponsibilitySql();

function projectResponsibilitySql(condition?: string): string {
  return `
SELECT pr.project_id, pr.city_leader_id, pr.county_leader_id, pr.commissioner_id
  FROM project_responsibility pr
 WHERE pr.recorded_at <= :asOf${condition ? ` AND ${condition}` : ''}
   AND ${isLatestRevisionSql('pr', { asOf: true, of: PROJECT_RESPONSIBILITY_REVISIONS })}`;
}

/** A project a person answers for now, and in which posts. */
export interface PostOf {
  projectId: number;
  roles: ResponsibleRole[];
}

/**
 * Reads of who answers for what, for the read side (the board names people beside projects and
 * chains as recorded by its instant; a leader's home lists what a person answers for now).
 */
@Injectable()
export class ResponsibilityReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly reference: ReferenceService,
  ) {}

  /** The names beside each project, as recorded by `asOf` (projects without any are absent). */
  async namesOf(projectIds: readonly number[], asOf: string): Promise<Map<number, ResponsibleNames>> {
    const ids = [...new Set(projectIds)];
    if (ids.length === 0) return new Map();
    const rows = await sql(
      this.dataSource,
      `SELECT r.project_id, c.name AS city_leader, k.name AS county_leader, m.name AS commissioner
         FROM (${projectResponsibilitySql('pr.project_id IN (:...ids)')}) r
         LEFT JOIN person c ON c.id = r.city_leader_id
         LEFT JOIN person k ON k.id = r.county_leader_id
         LEFT JOIN person m ON m.id = r.commissioner_id`,
      { asOf, ids },
    );
    const names = new Map<number, ResponsibleNames>();
    for (const row of rows) {
      const entry: ResponsibleNames = {};
      if (row.city_leader) entry.cityLeader = row.city_leader as string;
      if (row.county_leader) entry.countyLeader = row.county_leader as string;
      if (row.commissioner) entry.commissioner = row.commissioner as string;
      if (Object.keys(entry).length) names.set(int(row.project_id), entry);
    }
    return names;
  }

  /** Every chain's "5个1" for the year as recorded by `asOf`, in the appendix's order (no history). */
  async chainsOf(year: number, asOf: string): Promise<ChainResponsibilityView[]> {
    const manager = this.dataSource.manager;
    const chains = await this.reference.chainRows(manager);
    const rows = await manager
      .getRepository(ChainResponsibility)
      .createQueryBuilder('cr')
      .where('cr.year = :year AND cr.recorded_at <= :asOf', { year, asOf })
      .andWhere(isLatestRevisionSql('cr', { asOf: true, of: CHAIN_RESPONSIBILITY_REVISIONS }))
      .getMany();
    const people = await this.people.byIds(manager, rows.map((row) => row.leaderId));
    return chains.map((chain) => {
      const row = rows.find((r) => r.chainCode === chain.code) ?? null;
      const revisions = row ? [revisionOf(row, chain.leadUnit, people)] : [];
      return { ...chainViewOf(chain.code, year, revisions, chain.leadUnit, people), history: [] };
    });
  }

  /** The chains a person leads (链长) in a year, now. */
  async chainsLedBy(personId: number, year: number): Promise<string[]> {
    const rows = await sql(
      this.dataSource,
      `SELECT cr.chain_code FROM chain_responsibility cr
        WHERE cr.year = :year AND cr.leader_id = :personId AND ${isLatestRevisionSql('cr', { of: CHAIN_RESPONSIBILITY_REVISIONS })}
        ORDER BY cr.chain_code`,
      { year, personId },
    );
    return rows.map((row) => row.chain_code as string);
  }

  /** The projects a person answers for now (市级/县级包联领导, 服务专员), with the posts. */
  async projectsOf(personId: number): Promise<PostOf[]> {
    const rows = await sql(
      this.dataSource,
      `SELECT pr.project_id, pr.city_leader_id, pr.county_leader_id, pr.commissioner_id FROM project_responsibility pr
        WHERE (pr.city_leader_id = :personId OR pr.county_leader_id = :personId OR pr.commissioner_id = :personId)
          AND ${isLatestRevisionSql('pr', { of: PROJECT_RESPONSIBILITY_REVISIONS })}
        ORDER BY pr.project_id`,
      { personId },
    );
    return rows.map((row) => {
      const roles: ResponsibleRole[] = [];
      if (row.city_leader_id !== null && int(row.city_leader_id) === personId) roles.push('cityLeader');
      if (row.county_leader_id !== null && int(row.county_leader_id) === personId) roles.push('countyLeader');
      if (row.commissioner_id !== null && int(row.commissioner_id) === personId) roles.push('commissioner');
      return { projectId: int(row.project_id), roles };
    });
  }

  /** Each project's people now (ids), for the projects given. */
  async peopleOf(projectIds: readonly number[]): Promise<Map<number, { cityLeaderId: number | null; countyLeaderId: number | null; commissionerId: number | null }>> {
    if (projectIds.length === 0) return new Map();
    const rows = await sql(
      this.dataSource,
      `SELECT pr.project_id, pr.city_leader_id, pr.county_leader_id, pr.commissioner_id FROM project_responsibility pr
        WHERE pr.project_id IN (:...ids) AND ${isLatestRevisionSql('pr', { of: PROJECT_RESPONSIBILITY_REVISIONS })}`,
      { ids: [...new Set(projectIds)] },
    );
    const id = (value: unknown) => (value === null || value === undefined ? null : int(value));
    return new Map(rows.map((row) => [int(row.project_id), { cityLeaderId: id(row.city_leader_id), countyLeaderId: id(row.county_leader_id), commissionerId: id(row.commissioner_id) }]));
  }
}
