import Database from 'better-sqlite3';
import pg from 'pg';

/**
 * Synthetic province-scale data, written straight into the tables (the app's migrations
 * have made them): N projects spread over the 11 regions and 12 chains, ~77% on the 2024
 * implementation list and ~23% on the preparation list, 90% started in 2023 with a report
 * for every month of 2024 (one revision each, and the per-project figures the app keeps with
 * them), 10% of list entries with a monthly plan.
 * Deterministic: the same N gives the same data.
 */
export const REGION_CODES = ['371502', '371503', '371521', '371522', '371524', '371525', '371526', '371581', '371571', '371572', '371573'];
export const CHAIN_CODES = ['ferrous', 'equipment', 'nonferrous', 'auto-parts', 'new-energy', 'new-it', 'light-textile', 'building-materials', 'health', 'green-chemical', 'bearings', 'agri-food'];
const APPROVAL = '2023-02-01';
const CREATED = '2023-01-01T00:00:00.000Z';
const RECORDED = '2025-01-05T00:00:00.000Z';

export interface SyntheticProject {
  id: number;
  started: boolean;
  category: 'implementation' | 'preparation';
  planned: number;
  plan: number[] | null;
}

export function project(id: number): SyntheticProject {
  const started = id % 10 !== 0;
  const category = id % 13 < 10 ? 'implementation' : 'preparation';
  const planned = 1200 + ((id * 7919) % 5000);
  let plan: number[] | null = null;
  if (id % 10 === 3) {
    const base = Math.floor(planned / 12);
    plan = Array.from({ length: 12 }, (_, m) => (m === 11 ? planned - base * 11 : base));
  }
  return { id, started, category, planned, plan };
}

const total = (id: number) => (id % 997 === 0 ? 600_000 : 20_000 + ((id * 104_729) % 200_000));
const amount = (id: number, month: number) => 50 + ((id * 31 + month * 17) % 500);
const snapshot = (started: boolean) => JSON.stringify(started ? { value: { implementation: 'active' }, status: 'active' } : { value: 'preparation', status: 'active' });

function projectRow(id: number): unknown[] {
  const p = project(id);
  return [
    id, `B${id}`, `基准项目${id}`, `基准企业${id % 500}`, REGION_CODES[id % 11], CHAIN_CODES[id % 12], total(id), null,
    p.started ? '2023-03-01' : '2024-06-01', p.started ? '2023-03-01' : null, '2026-12-31', null,
    APPROVAL, APPROVAL, APPROVAL, APPROVAL, APPROVAL, APPROVAL,
    p.started ? 'implementation.active' : 'preparation', snapshot(p.started), p.started ? 3 : 2, CREATED, CREATED,
  ];
}
const PROJECT_COLUMNS = 'id, code, name, owner_enterprise, region_code, chain_code, total_investment_wan, content, planned_start_date, actual_start_date, planned_completion_date, actual_completion_date, approval_filing, approval_land, approval_planning, approval_environment, approval_energy, approval_construction, stage, lifecycle_snapshot, version, created_at, updated_at';
const HISTORY_COLUMNS = 'project_id, kind, event, from_stage, to_stage, effective_date, reason, data, actor, recorded_at';
const LIST_COLUMNS = 'year, project_id, category, planned_investment_wan, plan_m01, plan_m02, plan_m03, plan_m04, plan_m05, plan_m06, plan_m07, plan_m08, plan_m09, plan_m10, plan_m11, plan_m12, added_at, added_by, removed_at, removed_by, reason';
const REPORT_COLUMNS = 'project_id, month, revision, amount_wan, progress, problems, actor, recorded_at, correction, reason';
const FIGURE_COLUMNS = `project_id, year, ${Array.from({ length: 12 }, (_, m) => `m${String(m + 1).padStart(2, '0')}`).join(', ')}`;

function* rows(n: number) {
  for (let id = 1; id <= n; id++) {
    const p = project(id);
    const history: unknown[][] = [[id, 'transition', 'PROMOTE', 'reserve', 'preparation', '2023-01-02', null, '{}', 'bench', '2023-01-02T00:00:00.000Z']];
    if (p.started) history.push([id, 'transition', 'START', 'preparation', 'implementation.active', '2023-03-01', null, '{"date":"2023-03-01"}', 'bench', '2023-03-02T00:00:00.000Z']);
    const list = [2024, id, p.category, p.planned, ...(p.plan ?? Array(12).fill(null)), '2024-01-15T00:00:00.000Z', 'bench', null, null, null];
    const reports = p.started
      ? Array.from({ length: 12 }, (_, m) => [id, `2024-${String(m + 1).padStart(2, '0')}`, 1, amount(id, m + 1), '施工', null, 'bench', RECORDED, false, null])
      : [];
    // The figures the app keeps with every revision (src/reports/report-figures.ts), as it would have kept them.
    const figures = p.started ? [[id, 2024, ...Array.from({ length: 12 }, (_, m) => amount(id, m + 1))]] : [];
    yield { project: projectRow(id), history, list, reports, figures };
  }
}

/** Written straight into the tables, so the board's kept figures are built again at the server's next start (src/board/board-figures.ts). */
const MARK_BOARD_STALE = "UPDATE app_setting SET value = 'stale' WHERE key = 'board.figures'";

export async function loadSqlite(file: string, n: number): Promise<void> {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insert = (table: string, columns: string) =>
    db.prepare(`INSERT INTO ${table} (${columns}) VALUES (${columns.split(',').map(() => '?').join(', ')})`);
  const project = insert('project', PROJECT_COLUMNS);
  const history = insert('project_history', HISTORY_COLUMNS);
  const list = insert('list_entry', LIST_COLUMNS);
  const report = insert('report_revision', REPORT_COLUMNS);
  const figure = insert('project_year_figure', FIGURE_COLUMNS);
  const bool = (row: unknown[]) => row.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v));
  db.transaction(() => {
    for (const r of rows(n)) {
      project.run(r.project);
      for (const h of r.history) history.run(h);
      list.run(r.list);
      for (const rep of r.reports) report.run(bool(rep));
      for (const f of r.figures) figure.run(f);
    }
  })();
  db.exec(MARK_BOARD_STALE);
  db.pragma('optimize');
  db.exec('ANALYZE');
  db.close();
}

export async function loadPostgres(url: string, n: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    const batches: Record<string, unknown[][]> = { project: [], project_history: [], list_entry: [], report_revision: [], project_year_figure: [] };
    const columns: Record<string, string> = { project: PROJECT_COLUMNS, project_history: HISTORY_COLUMNS, list_entry: LIST_COLUMNS, report_revision: REPORT_COLUMNS, project_year_figure: FIGURE_COLUMNS };
    const flush = async (table: string) => {
      const batch = batches[table];
      if (!batch.length) return;
      const width = batch[0].length;
      const values = batch.map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`).join(', ');
      await client.query(`INSERT INTO ${table} (${columns[table]}) VALUES ${values}`, batch.flat());
      batches[table] = [];
    };
    // Parents are flushed before children every time, for the foreign keys.
    const order = ['project', 'project_history', 'list_entry', 'report_revision', 'project_year_figure'];
    const add = async (table: string, row: unknown[]) => {
      batches[table].push(row);
      if (batches[table].length * row.length > 60_000) for (const t of order) await flush(t);
    };
    for (const r of rows(n)) {
      await add('project', r.project);
      for (const h of r.history) await add('project_history', h);
      await add('list_entry', r.list);
      for (const rep of r.reports) await add('report_revision', rep);
      for (const f of r.figures) await add('project_year_figure', f);
    }
    for (const table of order) await flush(table);
    for (const table of ['project', 'project_history', 'list_entry', 'report_revision'])
      await client.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT MAX(id) FROM ${table}))`);
    await client.query(MARK_BOARD_STALE);
    await client.query('COMMIT');
    // As autovacuum leaves a table some time after a bulk load: statistics, and the visibility map
    // that lets an index-only scan (a count, a numbered page's skip) answer without reading each row.
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}
