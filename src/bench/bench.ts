/**
 * `npm run bench`: the cost of the app at 1k, 10k and 100k projects (12 months of reports
 * each) on SQLite and on PostgreSQL, each figure against a baseline measured in the same
 * run on the same database, so the ratios hold on a noisy machine. Prints one table and
 * writes docs/benchmarks.md. Options: --scales=1000,10000 --backends=sqlite,postgres.
 */
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { projectRoot } from '../common/paths.js';
import { isLatestRevisionSql } from '../rules/latest-revision.js';
import { loadPostgres, loadSqlite } from './synthetic.js';

type Backend = 'sqlite' | 'postgres';
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')) as [string, string][]);
const SCALES = (args.scales ?? '1000,10000,100000').split(',').map(Number);
const BACKENDS = (args.backends ?? 'sqlite,postgres').split(',') as Backend[];
const PASSWORD = 'bench-admin-password';
const ROOT = projectRoot();

interface Row {
  backend: Backend;
  projects: number;
  reports: number;
  loadSeconds: number;
  dashboardColdP50: number;
  dashboardColdP99: number;
  dashboardWarmP50: number;
  baselineP50: number;
  baselineP99: number;
  filing: { clients: number; perSecond: number; errors: number }[];
  directInsertsPerSecond: number;
  list50: { perSecond: number; p99: number; errors: number };
  detail50: { perSecond: number; p99: number; errors: number };
  peakRssMb: number;
  idleRssMb: number;
}

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** One SQL statement computing the board's heaviest figures: per region and list, plan, latest-revision actual, starts, key-project actual. */
const BASELINE_SQL = `
WITH latest AS (
  SELECT r.project_id, SUM(r.amount_wan) AS actual FROM report_revision r
   WHERE r.month >= '2024-01' AND r.month <= '2024-12'
     AND ${isLatestRevisionSql('r')}
   GROUP BY r.project_id)
SELECT p.region_code, l.category, COUNT(*) AS projects, SUM(l.planned_investment_wan) AS plan,
       SUM(COALESCE(latest.actual, 0)) AS actual,
       SUM(CASE WHEN p.actual_start_date >= '2024-01-01' AND p.actual_start_date <= '2024-12-31' THEN 1 ELSE 0 END) AS started,
       SUM(CASE WHEN p.total_investment_wan >= 100000 THEN COALESCE(latest.actual, 0) ELSE 0 END) AS key_actual
  FROM list_entry l JOIN project p ON p.id = l.project_id LEFT JOIN latest ON latest.project_id = l.project_id
 WHERE l.year = 2024 AND l.removed_at IS NULL
 GROUP BY p.region_code, l.category`;

class Server {
  process!: ChildProcess;
  token = '';
  constructor(
    readonly url: string,
    readonly port: number,
  ) {}
  base = () => `http://127.0.0.1:${this.port}`;
  async start() {
    this.process = spawn(process.execPath, [join(ROOT, 'dist/src/main.js')], {
      env: { ...process.env, DATABASE_URL: this.url, PORT: String(this.port), SEED: 'none', ADMIN_PASSWORD: PASSWORD, LOGIN_ATTEMPTS: '1000' },
      stdio: 'ignore',
    });
    for (let i = 0; i < 600; i++) {
      try {
        if ((await fetch(`${this.base()}/api/regions`)).status === 401) break;
      } catch {
        // starting
      }
      await sleep(100);
    }
    const res = await fetch(`${this.base()}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
    this.token = ((await res.json()) as { accessToken: string }).accessToken;
  }
  request(path: string, init: RequestInit = {}) {
    return fetch(`${this.base()}${path}`, { ...init, headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}`, ...(init.headers ?? {}) } });
  }
  rssMb(field: 'VmHWM' | 'VmRSS') {
    const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
    return Math.round(Number(/\d+/.exec(status.split('\n').find((l) => l.startsWith(field)) ?? '0')![0]) / 1024);
  }
  async stop() {
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.process.kill('SIGTERM');
    await exited;
  }
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** `clients` loops each sending requests for `seconds`: completions per second, p99 latency, errors. */
async function load(clients: number, seconds: number, send: (worker: number, i: number) => Promise<Response>) {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, worker) => {
      for (let i = 0; performance.now() < end; i++) {
        const start = performance.now();
        try {
          const res = await send(worker, i);
          await res.arrayBuffer();
          if (res.status >= 400) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - start);
      }
    }),
  );
  return { perSecond: Math.round(latencies.length / seconds), p99: Math.round(pct(latencies, 99) * 10) / 10, errors };
}

async function measure(backend: Backend, n: number, port: number): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-bench-'));
  let url: string;
  let dropPg: (() => Promise<void>) | null = null;
  if (backend === 'sqlite') url = `sqlite:${join(dir, 'bench.sqlite')}`;
  else {
    const server = process.env.TEST_DATABASE_URL;
    if (!server) throw new Error('PostgreSQL needs TEST_DATABASE_URL (npm run bench starts one with scripts/with-postgres.sh)');
    const name = `bench_${n}_${Date.now() % 100000}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(server);
    u.pathname = `/${name}`;
    url = u.toString();
    dropPg = async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  // Migrations and reference data come from the app itself; then the synthetic data.
  let server = new Server(url, port);
  await server.start();
  await server.stop();
  const loadStart = performance.now();
  if (backend === 'sqlite') await loadSqlite(url.slice('sqlite:'.length), n);
  else await loadPostgres(url, n);
  const loadSeconds = Math.round((performance.now() - loadStart) / 100) / 10;

  // Baseline: the hand-written statement, straight through the driver, same database.
  const baseline: number[] = [];
  const runs = n >= 100_000 ? 7 : 21;
  if (backend === 'sqlite') {
    const db = new Database(url.slice('sqlite:'.length), { readonly: true });
    const statement = db.prepare(BASELINE_SQL);
    statement.all();
    for (let i = 0; i < runs; i++) baseline.push(await timed(async () => statement.all()));
    db.close();
  } else {
    const client = new pg.Client({ connectionString: url, options: '-c jit=off' }); // as the app connects
    await client.connect();
    await client.query(BASELINE_SQL);
    for (let i = 0; i < runs; i++) baseline.push(await timed(() => client.query(BASELINE_SQL)));
    await client.end();
  }

  server = new Server(url, port);
  await server.start();
  const idleRssMb = server.rssMb('VmRSS');
  const firstProject = 1;
  // Dashboard, cold: a write (not timed) before each request empties the board cache.
  const cold: number[] = [];
  await server.request('/api/dashboard/2024?month=12');
  for (let i = 0; i < runs; i++) {
    await server.request(`/api/projects/${firstProject}/comments`, { method: 'POST', body: JSON.stringify({ text: `bench ${i}` }) });
    cold.push(await timed(async () => (await server.request('/api/dashboard/2024?month=12')).arrayBuffer()));
  }
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) warm.push(await timed(async () => (await server.request('/api/dashboard/2024?month=12')).arrayBuffer()));

  // Report filing over HTTP at 1, 10, 50 clients: each request a new (project, month) of 2025.
  let next = 0;
  const filing: Row['filing'] = [];
  for (const clients of [1, 10, 50]) {
    const result = await load(clients, 4, () => {
      const k = next++;
      const id = 1 + (k % n);
      const month = 1 + (Math.floor(k / n) % 10);
      return server.request(`/api/projects/${id - (id % 10 === 0 ? 1 : 0)}/reports/2025-${String(month).padStart(2, '0')}`, { method: 'PUT', body: JSON.stringify({ amount: 100 + (k % 50) }) });
    });
    filing.push({ clients, perSecond: result.perSecond, errors: result.errors });
  }
  // Reads at 50 clients.
  const list50 = await load(50, 4, (w, i) => server.request(`/api/projects?pageSize=50&page=${1 + ((w * 97 + i) % Math.max(1, Math.floor(n / 50)))}`));
  const detail50 = await load(50, 4, (w, i) => server.request(`/api/projects/${1 + ((w * 7919 + i * 31) % n)}`));
  const peakRssMb = server.rssMb('VmHWM');
  await server.stop();

  // Baseline for filing: the same kind of insert done directly, one statement per row.
  let directInsertsPerSecond: number;
  const inserts = 2000;
  if (backend === 'sqlite') {
    const db = new Database(url.slice('sqlite:'.length));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const insert = db.prepare("INSERT INTO report_revision (project_id, month, revision, amount_wan, progress, problems, actor, recorded_at, correction, reason) VALUES (?, '2024-12', ?, 100, NULL, NULL, 'bench', '2025-12-05T00:00:00.000Z', 0, NULL)");
    const ms = await timed(async () => {
      for (let i = 0; i < inserts; i++) insert.run(1 + (i % n), 100 + Math.floor(i / n));
    });
    directInsertsPerSecond = Math.round((inserts / ms) * 1000);
    db.close();
  } else {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const ms = await timed(async () => {
      for (let i = 0; i < inserts; i++)
        await client.query("INSERT INTO report_revision (project_id, month, revision, amount_wan, progress, problems, actor, recorded_at, correction, reason) VALUES ($1, '2024-12', $2, 100, NULL, NULL, 'bench', '2025-12-05T00:00:00.000Z', false, NULL)", [1 + (i % n), 100 + Math.floor(i / n)]);
    });
    directInsertsPerSecond = Math.round((inserts / ms) * 1000);
    await client.end();
  }
  if (dropPg) await dropPg();
  rmSync(dir, { recursive: true, force: true });
  const round = (v: number) => Math.round(v * 10) / 10;
  return {
    backend,
    projects: n,
    reports: Math.round(n * 0.9) * 12,
    loadSeconds,
    dashboardColdP50: round(pct(cold, 50)),
    dashboardColdP99: round(pct(cold, 99)),
    dashboardWarmP50: round(pct(warm, 50)),
    baselineP50: round(pct(baseline, 50)),
    baselineP99: round(pct(baseline, 99)),
    filing,
    directInsertsPerSecond,
    list50,
    detail50,
    peakRssMb,
    idleRssMb,
  };
}

function table(rows: Row[]): string {
  const lines = [
    '| backend | projects | dashboard cold p50 / p99 (ms) | baseline SQL p50 / p99 (ms) | cold ÷ baseline | warm p50 (ms) | filing req/s at 1 / 10 / 50 clients | direct inserts/s | filing ÷ direct (50) | list 50c req/s, p99 ms | detail 50c req/s, p99 ms | errors | server RSS idle / peak (MB) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const errors = r.filing.reduce((s, f) => s + f.errors, 0) + r.list50.errors + r.detail50.errors;
    lines.push(
      `| ${r.backend} | ${r.projects.toLocaleString('en')} | ${r.dashboardColdP50} / ${r.dashboardColdP99} | ${r.baselineP50} / ${r.baselineP99} | ${(r.dashboardColdP50 / r.baselineP50).toFixed(2)}× | ${r.dashboardWarmP50} | ${r.filing.map((f) => f.perSecond).join(' / ')} | ${r.directInsertsPerSecond} | ${(r.filing[2].perSecond / r.directInsertsPerSecond).toFixed(2)} | ${r.list50.perSecond}, ${r.list50.p99} | ${r.detail50.perSecond}, ${r.detail50.p99} | ${errors} | ${r.idleRssMb} / ${r.peakRssMb} |`,
    );
  }
  return lines.join('\n');
}

const results: Row[] = [];
let port = 43100;
for (const backend of BACKENDS)
  for (const n of SCALES) {
    process.stderr.write(`bench: ${backend} ${n} projects…\n`);
    results.push(await measure(backend, n, port++));
    console.log(table(results.slice(-1)).split('\n').slice(-1)[0]);
  }
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
const output = table(results);
console.log(`\n${machine}\n${output}`);
if (!args.scales && !args.backends) {
  writeFileSync(
    join(ROOT, 'docs/benchmarks.md'),
    `# Benchmarks\n\nGenerated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine}.\n` +
      `PostgreSQL ${process.env.PG_VERSION ?? '15'} (Debian, local, fsync off in the throwaway cluster); SQLite via better-sqlite3 (WAL, synchronous=NORMAL).\n\n` +
      `Data: N projects over 11 regions and 12 chains, 77% on the 2024 implementation list and 23% on the preparation list, 90% started with a report for each month of 2024 (12 × 0.9N report rows). See \`src/bench/synthetic.ts\`.\n\n` +
      `${output}\n\n` +
      `- **dashboard cold**: \`GET /api/dashboard/2024?month=12\` over HTTP right after a write (so the board cache is empty), including sign-in check, JSON and HTTP. **baseline**: one hand-written SQL statement computing the heaviest figures (per region and list: plan, latest-revision actual, starts, key-project actual), run through the driver on the same database in the same run. **warm**: the same request with nothing written since (served from the board cache).\n` +
      `- **filing**: \`PUT /api/projects/:id/reports/:month\` with a new month each time, for 4 s at each concurrency, against single-row INSERTs done directly through the driver (one statement per row, autocommit).\n` +
      `- **list / detail**: \`GET /api/projects?pageSize=50&page=…\` and \`GET /api/projects/:id\` from 50 concurrent clients for 4 s.\n` +
      `- **RSS**: the server process's resident memory after start (idle) and its high-water mark (VmHWM) after all the runs at that scale.\n`,
  );
  console.log('\nwritten to docs/benchmarks.md');
}
