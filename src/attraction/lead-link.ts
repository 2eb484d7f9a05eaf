import type { EntityManager } from 'typeorm';
import { int, sql } from '../database/index.js';
import type { LeadStatus } from './lead-states.js';

/** A project's lead, as the project's read shows it (docs/domain/attraction.md "落地"). */
export interface ProjectLeadLink {
  id: number;
  name: string;
  investor: string;
  status: LeadStatus;
}

/**
 * The lead a project came from (linked both ways: the lead carries the project's id), as
 * recorded by `asOf` when given (the LAND that linked them recorded by then). Null: none.
 */
export async function leadOfProject(db: EntityManager, projectId: number, asOf?: string): Promise<ProjectLeadLink | null> {
  const [row] = await sql(
    db,
    `SELECT l.id, l.name, l.investor, l.status FROM lead l
      WHERE l.project_id = :projectId
        ${asOf ? `AND EXISTS (SELECT 1 FROM lead_transition t WHERE t.lead_id = l.id AND t.event = 'LAND' AND t.project_id = :projectId AND t.recorded_at <= :asOf)` : ''}`,
    { projectId, asOf },
  );
  return row ? { id: int(row.id), name: row.name as string, investor: row.investor as string, status: row.status as LeadStatus } : null;
}
