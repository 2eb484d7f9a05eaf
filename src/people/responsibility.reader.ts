import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { int, sql } from '../database/index.js';
import { ReferenceService } from '../reference/index.js';
import { CHAIN_RESPONSIBILITY_REVISIONS, isLatestRevisionSql, PROJECT_RESPONSIBILITY_REVISIONS } from '../rules/index.js';
import type { ChainResponsibility } from './chain-responsibility.entity.js';
import { chainViewOf, revisionOf } from './chain-responsibility.service.js';
import type { Person } from './person.entity.js';
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
    private readonly reference: ReferenceService,
  ) {}

  /** The names beside each project, as recorded by `asOf` (projects without any are absent). */
  async namesOf(projectIds: readonly number[], asOf: string): Promise<Map<number, ResponsibleNames>> {
    // Always one query (an id that cannot exist when there is none), so the board's query count stays fixed.
    const ids = projectIds.length ? [...new Set(projectIds)] : [-1];
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

  /**
   * Every chain's "5个1" for the year as recorded by `asOf`, in the order of `chains` given (each
   * with its lead unit, the 责任部门 when none is named), without history: one query whatever the data.
   */
  async chainsOf(year: number, asOf: string, chains?: readonly { code: string; leadUnit: string }[]): Promise<ChainResponsibilityView[]> {
    const [chainRows, rows] = await Promise.all([
      chains ?? this.reference.chainRows(this.dataSource.manager),
      sql(
        this.dataSource,
        `SELECT cr.*, p.id AS p_id, p.name AS p_name, p.title AS p_title, p.organisation AS p_organisation, p.phone AS p_phone
           FROM chain_responsibility cr
           LEFT JOIN person p ON p.id = cr.leader_id
          WHERE cr.year = :year AND cr.recorded_at <= :asOf
            AND ${isLatestRevisionSql('cr', { asOf: true, of: CHAIN_RESPONSIBILITY_REVISIONS })}`,
        { year, asOf },
      ),
    ]);
    return chainRows.map((chain) => {
      const row = rows.find((r) => r.chain_code === chain.code);
      const people = new Map<number, Person>();
      if (row?.p_id !== null && row?.p_id !== undefined)
        people.set(int(row.p_id), { id: int(row.p_id), name: row.p_name, title: row.p_title, organisation: row.p_organisation, phone: row.p_phone ?? null } as Person);
      const revisions = row ? [revisionOf(storedRow(row), chain.leadUnit, people)] : [];
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

  /** Every project's people (names) and contact now, for the ledger export: one query. */
  async currentNames(): Promise<Map<number, ResponsibleNames & { contactName: string | null; contactPhone: string | null }>> {
    const rows = await sql(
      this.dataSource,
      `SELECT pr.project_id, c.name AS city_leader, k.name AS county_leader, m.name AS commissioner, pr.contact_name, pr.contact_phone
         FROM project_responsibility pr
         LEFT JOIN person c ON c.id = pr.city_leader_id
         LEFT JOIN person k ON k.id = pr.county_leader_id
         LEFT JOIN person m ON m.id = pr.commissioner_id
        WHERE ${isLatestRevisionSql('pr', { of: PROJECT_RESPONSIBILITY_REVISIONS })}`,
    );
    const text = (value: unknown) => (value === null || value === undefined ? undefined : (value as string));
    return new Map(
      rows.map((row) => [
        int(row.project_id),
        {
          cityLeader: text(row.city_leader),
          countyLeader: text(row.county_leader),
          commissioner: text(row.commissioner),
          contactName: text(row.contact_name) ?? null,
          contactPhone: text(row.contact_phone) ?? null,
        },
      ]),
    );
  }
}

/** A raw chain_responsibility row as the entity the views are made from. */
function storedRow(row: Record<string, unknown>): ChainResponsibility {
  return {
    id: int(row.id),
    chainCode: row.chain_code as string,
    year: int(row.year),
    revision: int(row.revision),
    leaderId: row.leader_id === null || row.leader_id === undefined ? null : int(row.leader_id),
    department: (row.department as string | null) ?? null,
    planTitle: (row.plan_title as string | null) ?? null,
    planDate: (row.plan_date as string | null) ?? null,
    planText: (row.plan_text as string | null) ?? null,
    measures: row.measures as string,
    anchorEnterprises: row.anchor_enterprises as string,
    actor: row.actor as string,
    recordedAt: row.recorded_at as string,
  };
}
