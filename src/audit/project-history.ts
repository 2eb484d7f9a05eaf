import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ProjectHistory } from './project-history.entity.js';

/** A project's history as the API shows it, oldest first. */
export interface HistoryView {
  id: number;
  kind: string;
  event: string | null;
  fromStage: string | null;
  toStage: string | null;
  effectiveDate: string | null;
  reason: string | null;
  data: unknown;
  actor: string;
  recordedAt: string;
}

/**
 * Reads of the project history the change recorder writes (change-recorder.ts): every row of a
 * project, as recorded by an instant, and the latest of one event (the last HALT, the WITHDRAW).
 */
@Injectable()
export class ProjectHistoryReader {
  constructor(private readonly dataSource: DataSource) {}

  /** Every row of a project, oldest first; with `asOf`, those recorded by then. */
  async rows(projectId: number, asOf?: string, manager: EntityManager = this.dataSource.manager): Promise<ProjectHistory[]> {
    const rows = await manager.find(ProjectHistory, { where: { projectId }, order: { id: 'ASC' } });
    return asOf ? rows.filter((row) => row.recordedAt <= asOf) : rows;
  }

  async views(projectId: number, asOf?: string): Promise<HistoryView[]> {
    return (await this.rows(projectId, asOf)).map((row) => ({
      id: row.id,
      kind: row.kind,
      event: row.event,
      fromStage: row.fromStage,
      toStage: row.toStage,
      effectiveDate: row.effectiveDate,
      reason: row.reason,
      data: JSON.parse(row.data) as unknown,
      actor: row.actor,
      recordedAt: row.recordedAt,
    }));
  }

  /** The latest row of a lifecycle event (HALT, WITHDRAW …) of a project, or null. */
  lastEvent(manager: EntityManager, projectId: number, event: string): Promise<ProjectHistory | null> {
    return manager.findOne(ProjectHistory, { where: { projectId, event }, order: { id: 'DESC' } });
  }
}
