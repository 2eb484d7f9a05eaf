import { Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Changed, readSetting, sql, sqlIntegers, sqlScript, WriteQueue, writeSetting } from '../database/index.js';
import { addToGroupsSql, followFunctionSql, followProjectsSql, followYearsSql, insertMembersSql, insertRedSql } from './board-figures.sql.js';

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
  /** On PostgreSQL, the follower's statements as one function (board-figures.sql.ts `followFunctionSql`), once it is there. */
  private readonly followFunction = followFunctionSql();
  private functionReady = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
  ) {}

  async onModuleInit(): Promise<void> {
    this.writes.follow(async (_manager, changed) => this.follow(changed));
    if (this.postgres) await this.writes.run((manager) => this.ensureFunction(manager), { changesData: false });
    this.functionReady = this.postgres;
  }

  private get postgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /**
   * At start: built from the data when the tables are new, older, or were marked stale by a tool
   * that wrote the data directly.
   */
  async onApplicationBootstrap(): Promise<void> {
    const stamp = await readSetting(this.dataSource.manager, SETTING);
    if (stamp !== BOARD_FIGURES_FORMAT) await this.writes.run((manager) => this.ensureBuilt(manager));
  }

  /** On PostgreSQL, the follower's function, created unless this version of it is there. */
  private async ensureFunction(manager: EntityManager): Promise<void> {
    // Servers starting together on one database: one creates it, the others wait here and find it.
    await manager.query("SELECT pg_advisory_xact_lock(hashtext('board_follow'))");
    const [found] = await sql(manager, 'SELECT 1 AS found FROM pg_proc WHERE proname = :name', { name: this.followFunction.name });
    if (!found) await manager.query(this.followFunction.create);
  }

  async ensureBuilt(manager: EntityManager): Promise<void> {
    // On PostgreSQL, servers starting together build once: the others wait here, then see it built.
    const lock = this.postgres ? ' FOR UPDATE' : '';
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
   * write queue's own; on PostgreSQL as one call of the function that holds them.
   */
  private follow(changed: Changed): string[] {
    const ids = [...changed.projectIds];
    const years = [...changed.years];
    if (this.functionReady) {
      const array = (values: number[]) => `ARRAY[${values.length ? sqlIntegers(values) : ''}]::integer[]`;
      return [`SELECT ${this.followFunction.name}(${array(ids)}, ${array(years)})`];
    }
    const statements: string[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) statements.push(...followProjectsSql({ ids: ids.slice(i, i + CHUNK) }));
    if (years.length) statements.push(...followYearsSql({ years }));
    return statements;
  }
}
