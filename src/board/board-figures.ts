import { Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Changed, readSetting, sql, sqlScript, WriteQueue, writeSetting } from '../database/index.js';
import { addToGroupsSql, deleteSql, insertMembersSql, insertRedSql } from './board-figures.sql.js';

/** Bumped whenever what the kept tables hold changes: a server starting on older figures builds them again. */
export const BOARD_FIGURES_FORMAT = 'v2';
const SETTING = 'board.figures';
const CHUNK = 500;

/**
 * The current board's figures kept in the write transaction (docs/board.md "Kept figures"): the
 * board reads a few hundred group rows and its red list by index instead of every listed project.
 * A follower of the write queue (database/changes.ts): whatever a transaction changed about a
 * project (its record, stage, reports, list places, approvals) or a year's plan is brought up to
 * date before the transaction commits, from the data itself, so the kept figures cannot drift
 * from it (test/figures-replay.e2e-spec.ts compares them with a rebuild after random histories).
 */
@Injectable()
export class BoardFigures implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
  ) {}

  onModuleInit(): void {
    this.writes.follow(async (_manager, changed) => this.follow(changed));
  }

  /** At start: built from the data when the tables are new, older, or were marked stale by a tool that wrote the data directly. */
  async onApplicationBootstrap(): Promise<void> {
    const stamp = await readSetting(this.dataSource.manager, SETTING);
    if (stamp !== BOARD_FIGURES_FORMAT) await this.writes.run((manager) => this.ensureBuilt(manager));
  }

  async ensureBuilt(manager: EntityManager): Promise<void> {
    // On PostgreSQL, servers starting together build once: the others wait here, then see it built.
    const lock = this.dataSource.options.type === 'postgres' ? ' FOR UPDATE' : '';
    const [row] = await sql<{ value: string }>(manager, `SELECT value FROM app_setting WHERE key = :key${lock}`, { key: SETTING });
    if (row?.value !== BOARD_FIGURES_FORMAT) await this.rebuild(manager);
  }

  /** Everything built again from the data, in the caller's write transaction. */
  async rebuild(manager: EntityManager): Promise<void> {
    await sqlScript(manager, [
      'DELETE FROM board_red',
      'DELETE FROM board_group',
      'DELETE FROM board_member',
      insertMembersSql('all'),
      addToGroupsSql('all', 1, false),
      insertRedSql('all'),
      // The planner's statistics for the new rows (both databases allow it inside the transaction).
      ...['board_member', 'board_group', 'board_red'].map((table) => `ANALYZE ${table}`),
    ]);
    await writeSetting(manager, SETTING, BOARD_FIGURES_FORMAT);
  }

  /**
   * Follows a write: the changed projects' rows built again, their old figures taken out of their
   * groups and the new added; a year whose plan changed (its thresholds), the red list's candidates
   * of that year again. The statements run in the write's transaction, as one script with the
   * write queue's own.
   */
  private follow(changed: Changed): string[] {
    const statements: string[] = [];
    const ids = [...changed.projectIds];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const which = { ids: ids.slice(i, i + CHUNK) };
      statements.push(addToGroupsSql(which, -1, true), deleteSql('board_member', which), deleteSql('board_red', which), insertMembersSql(which), addToGroupsSql(which, 1, true), insertRedSql(which));
    }
    if (changed.years.size) {
      const which = { years: [...changed.years] };
      statements.push(deleteSql('board_red', which), insertRedSql(which));
    }
    return statements;
  }
}
