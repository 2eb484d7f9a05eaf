/**
 * `npm run bench`: the cost of the app at 1k, 10k and 100k projects (12 months of reports
 * each) on SQLite and on PostgreSQL, each figure against a baseline measured in the same
 * run on the same database, so the ratios hold on a noisy machine. Prints one table and
 * writes docs/benchmarks.md. Options: --scales=1000,10000 --backends=sqlite,postgres; --reads (the list, detail
 * and a bare GET alone) with --dist=<build>[,<other build>] to compare builds in one run, and --url=<database> to read one
 * loaded before instead of loading a new one; --port=<first port>.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { firstTable, markedSection } from './doc-section.js';
import { projectRoot } from '../common/index.js';
import { figuresThroughSql } from '../reports/index.js';
import { loadPostgres, loadSqlite } from './synthetic.js';
import { load, pct, timed, type LoadResult } from './load-client.js';
import { readList, readLoads, Server } from './bench-server.js';

type Backend = 'sqlite' | 'postgres';
const args = Object.fromEntries(process.argv.slice(2).map((a) => [...a.replace(/^--/, '').split('='), 'yes'].slice(0, 2)) as [string, string][]);
/** SQLite also at a million projects: the board's cost must not grow with the city (docs/benchmarks.md). */
const SCALES: Record<Backend, number[]> = {
  sqlite: (args.scales ?? '1000,10000,100000,1000000').split(',').map(Number),
  postgres: (args.scales ?? '1000,10000,100000').split(',').map(Number),
};
const BACKENDS = (args.backends ?? 'sqlite,postgres').split(',') as Backend[];
const ROOT = projectRoot();
/** The server build(s) to run (`--dist=<folder>[,<folder>]`, each holding `src/main.js`); the reads alone (`--reads`) take turns between them. */
const DISTS = (args.dist ?? join(ROOT, 'dist')).split(',');

interface Row {
  backend: Backend;
  projects: number;
  reports: number;
  loadSeconds: number;
  dashboardColdP50: number;
  dashboardColdP99: number;
  dashboardWarmP50: number;
  floorP50: number;
  floorP99: number;
  filing: { clients: number; perSecond: number; errors: number }[];
  /** The bare route (the filing's INSERT alone, same stack) and with its audit entry, at 50 clients. */
  bare50: { perSecond: number; errors: number };
  recorded50: { perSecond: number; errors: number };
  directInsertsPerSecond: number;
  /** PostgreSQL: a second server on the same database. */
  twoServers?: { filing50: number; list50: { perSecond: number; p99: number }; errors: number; coldOnOtherMs: number; boardSeesOtherWrite: boolean };
  /** Steady reading (after the first wave and 1 s not counted); the first wave's slowest answer apart. */
  list50: { perSecond: number; p99: number; errors: number; firstWaveMax: number };
  detail50: { perSecond: number; p99: number; errors: number };
  peakRssMb: number;
  idleRssMb: number;
}

/**
 * The floor: one GROUP BY over the per-project figures the app maintains (src/reports/report-figures.ts),
 * per region and list: projects, plan, actual through December. A board can hardly cost less.
 */
const FLOOR_SQL = `
SELECT p.region_code, l.category, COUNT(*) AS projects, SUM(l.planned_investment_wan) AS plan,
       SUM(COALESCE(${figuresThroughSql('f', 12)}, 0)) AS actual
  FROM list_entry l
  JOIN project p ON p.id = l.project_id
  LEFT JOIN project_year_figure f ON f.project_id = l.project_id AND f.year = 2024
 WHERE l.year = 2024 AND l.removed_at IS NULL
 GROUP BY p.region_code, l.category`;

/** `--reads`: the reads alone on the loaded database, each build of `--dist` in turn, twice (before and after from one run). */
async function reads(url: string, n: number, port: number): Promise<void> {
  const rows = [
    '| build | round | list 50c req/s, p99 ms (first wave: slowest, ms) | detail 50c req/s, p99 ms | bare GET 50c req/s, p99 ms | list ÷ bare | server CPU ms per list / bare request | load client CPU ms per list / bare request | errors |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const round of [1, 2])
    for (const dist of DISTS) {
      const server = new Server(url, port, dist);
      await server.start();
      const { list50, detail50, bare50: bare } = await readLoads(server, n);
      const bare50 = bare!;
      await server.stop();
      rows.push(`| ${dist} | ${round} | ${list50.perSecond}, ${list50.p99} (${list50.firstWaveMax}) | ${detail50.perSecond}, ${detail50.p99} | ${bare50.perSecond}, ${bare50.p99} | ${(list50.perSecond / bare50.perSecond).toFixed(2)} | ${list50.cpuMs} / ${bare50.cpuMs} | ${list50.clientCpuMs} / ${bare50.clientCpuMs} | ${list50.errors + detail50.errors + bare50.errors} |`);
      console.log(rows.at(-1));
    }
  console.log(`\n${rows.join('\n')}`);
}

async function measure(backend: Backend, n: number, port: number): Promise<Row | null> {
  // `--reads --url=<database>`: a database this bench loaded before (n projects), read as it is.
  if (args.reads && args.url) return reads(args.url, n, port).then(() => null);
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
  let server = new Server(url, port, DISTS[0]);
  await server.start();
  await server.stop();
  const loadStart = performance.now();
  if (backend === 'sqlite') await loadSqlite(url.slice('sqlite:'.length), n);
  else await loadPostgres(url, n);
  const loadSeconds = Math.round((performance.now() - loadStart) / 100) / 10;
  if (args.reads) {
    await reads(url, n, port);
    if (dropPg) await dropPg();
    rmSync(dir, { recursive: true, force: true });
    return null;
  }

  // The floor: one GROUP BY over the maintained figures, straight through the driver, same database.
  const floor: number[] = [];
  const runs = n >= 100_000 ? 9 : 21;
  if (backend === 'sqlite') {
    const db = new Database(url.slice('sqlite:'.length), { readonly: true });
    const statement = db.prepare(FLOOR_SQL);
    statement.all();
    for (let i = 0; i < runs; i++) floor.push(await timed(async () => statement.all()));
    db.close();
  } else {
    const client = new pg.Client({ connectionString: url, options: '-c jit=off' }); // as the app connects
    await client.connect();
    await client.query(FLOOR_SQL);
    for (let i = 0; i < runs; i++) floor.push(await timed(() => client.query(FLOOR_SQL)));
    await client.end();
  }

  server = new Server(url, port, DISTS[0]);
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
  const file = () => {
    const k = next++;
    const id = 1 + (k % n);
    const month = 1 + (Math.floor(k / n) % 10);
    return server.send(`/api/projects/${id - (id % 10 === 0 ? 1 : 0)}/reports/2025-${String(month).padStart(2, '0')}`, { method: 'PUT', body: JSON.stringify({ amount: 100 + (k % 50) }) });
  };
  const filing: Row['filing'] = [];
  for (const clients of [1, 10]) {
    const result = await load(clients, 4, file);
    filing.push({ clients, perSecond: result.perSecond, errors: result.errors });
  }
  // The same stack around the filing's INSERT alone, and with its audit entry: where a filing's time goes.
  let bareNext = 0;
  const bareRoute = (mode: 'insert' | 'recorded', seconds: number) =>
    load(50, seconds, () => {
      const k = bareNext++;
      return server.send(`/api/bench/reports/${1 + (k % n)}/2026-${String(1 + (k % 12)).padStart(2, '0')}`, { method: 'PUT', body: JSON.stringify({ amount: 100, mode }) });
    });
  // Filing and the bare route at 50 clients take turns, 2 s each, three times: a slow spell of the
  // machine falls on both, not on one (their ratio is the figure: docs/benchmarks.md "Filing and bare in turns, the list's first wave apart (2026-12-06, night)").
  const TURN_SECONDS = 2;
  const turns = { filing: [] as LoadResult[], bare: [] as LoadResult[] };
  for (let turn = 0; turn < 3; turn++) {
    turns.filing.push(await load(50, TURN_SECONDS, file));
    turns.bare.push(await bareRoute('insert', TURN_SECONDS));
  }
  const together = (results: LoadResult[]) => ({
    perSecond: Math.round(results.reduce((sum, r) => sum + r.requests, 0) / (TURN_SECONDS * results.length)),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
  });
  filing.push({ clients: 50, ...together(turns.filing) });
  const bare = together(turns.bare);
  const recorded = await bareRoute('recorded', 4);
  const { list50, detail50 } = await readLoads(server, n, false);
  const peakRssMb = server.rssMb('VmHWM');

  // PostgreSQL: a second server on the same database, as behind a load balancer.
  let twoServers: Row['twoServers'];
  if (backend === 'postgres') {
    const other = new Server(url, port + 1000, DISTS[0]);
    await other.start();
    let k2 = 0;
    const both = await load(50, 4, (worker) => {
      const k = k2++;
      const target = worker % 2 ? other : server;
      return target.send(`/api/projects/${1 + (k % n) - ((1 + (k % n)) % 10 === 0 ? 1 : 0)}/reports/2025-${String(11 + (k % 2)).padStart(2, '0')}`, { method: 'PUT', body: JSON.stringify({ amount: 100 + (k % 50) }) });
    });
    // A board cached on the other server, a write through the first, the other's next board: cold, and it must show the write.
    await (await other.request('/api/dashboard/2024?month=12')).arrayBuffer();
    const before = ((await (await other.request('/api/dashboard/2024?month=12')).json()) as { investment: { actual: number } }).investment.actual;
    await server.request(`/api/projects/1/reports/2024-12`, { method: 'PUT', body: JSON.stringify({ amount: 7777, reason: 'bench' }) });
    let after = 0;
    const coldOnOtherMs = await timed(async () => {
      after = ((await (await other.request('/api/dashboard/2024?month=12')).json()) as { investment: { actual: number } }).investment.actual;
    });
    // The list from 50 clients split over both servers.
    const reading = await readList([server, other], n, (run) => run());
    twoServers = { filing50: both.perSecond, list50: { perSecond: reading.perSecond, p99: reading.p99 }, errors: both.errors + reading.errors, coldOnOtherMs: Math.round(coldOnOtherMs * 10) / 10, boardSeesOtherWrite: after !== before };
    await other.stop();
  }
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
    floorP50: round(pct(floor, 50)),
    floorP99: round(pct(floor, 99)),
    filing,
    bare50: { perSecond: bare.perSecond, errors: bare.errors },
    recorded50: { perSecond: recorded.perSecond, errors: recorded.errors },
    twoServers,
    directInsertsPerSecond,
    list50,
    detail50,
    peakRssMb,
    idleRssMb,
  };
}

function table(rows: Row[]): string {
  const lines = [
    '| backend | projects | board cold p50 / p99 (ms) | floor p50 / p99 (ms) | cold ÷ floor | warm p50 (ms) | filing req/s at 1 / 10 / 50 clients | bare INSERT route / with audit, req/s at 50 | filing ÷ bare (50) | direct inserts/s | two servers: filing req/s at 50, list 50c req/s and p99 ms, cold board on the other (ms), sees the other\'s write | list 50c req/s, p99 ms (first wave: slowest, ms) | detail 50c req/s, p99 ms | errors | server RSS idle / peak (MB) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const errors = r.filing.reduce((s, f) => s + f.errors, 0) + r.bare50.errors + r.recorded50.errors + r.list50.errors + r.detail50.errors + (r.twoServers?.errors ?? 0);
    const two = r.twoServers ? `${r.twoServers.filing50}, ${r.twoServers.list50.perSecond} and ${r.twoServers.list50.p99}, ${r.twoServers.coldOnOtherMs}, ${r.twoServers.boardSeesOtherWrite ? 'yes' : '**no**'}` : '—';
    lines.push(
      `| ${r.backend} | ${r.projects.toLocaleString('en')} | ${r.dashboardColdP50} / ${r.dashboardColdP99} | ${r.floorP50} / ${r.floorP99} | ${(r.dashboardColdP50 / r.floorP50).toFixed(2)}× | ${r.dashboardWarmP50} | ${r.filing.map((f) => f.perSecond).join(' / ')} | ${r.bare50.perSecond} / ${r.recorded50.perSecond} | ${(r.filing[2].perSecond / r.bare50.perSecond).toFixed(2)} | ${r.directInsertsPerSecond} | ${two} | ${r.list50.perSecond}, ${r.list50.p99} (${r.list50.firstWaveMax}) | ${r.detail50.perSecond}, ${r.detail50.p99} | ${errors} | ${r.idleRssMb} / ${r.peakRssMb} |`,
    );
  }
  return lines.join('\n');
}

const results: Row[] = [];
let port = Number(args.port ?? 43100);
for (const backend of BACKENDS)
  for (const n of SCALES[backend]) {
    process.stderr.write(`bench: ${backend} ${n} projects…\n`);
    const row = await measure(backend, n, port++);
    if (row) results.push(row);
    if (row) console.log(table(results.slice(-1)).split('\n').slice(-1)[0]);
  }
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
const output = table(results);
console.log(`\n${machine}\n${output}`);
if (!args.scales && !args.backends && !args.reads) {
  // Only the generated section is rewritten (the hand-written sections and the heavy-work section are
  // kept), and the table it replaces stays beside the new one as the run before.
  const FILE = join(ROOT, 'docs/benchmarks.md');
  const page = markedSection(readFileSync(FILE, 'utf8'), 'bench');
  const previousDate = /Generated by `npm run bench` on (\d{4}-\d{2}-\d{2})/.exec(page.inner ?? '')?.[1];
  const previousTable = firstTable(page.inner ?? '');
  writeFileSync(
    FILE,
    page.replacedBy(
      `Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine}.\n` +
        `PostgreSQL ${process.env.PG_VERSION ?? '15'} (Debian, local, fsync off in the throwaway cluster); SQLite via better-sqlite3 (WAL, synchronous=NORMAL).\n\n` +
        `Data: N projects over 11 regions and 12 chains, 77% on the 2024 implementation list and 23% on the preparation list, 90% started with a report for each month of 2024 (12 × 0.9N report rows). See \`src/bench/synthetic.ts\`.\n\n` +
        `${output}\n\n` +
        (previousDate && previousTable ? `The run before (${previousDate}), for comparison:\n\n${previousTable}\n\n` : '') +
        `- **board cold**: \`GET /api/dashboard/2024?month=12\` over HTTP right after a write (so the board cache is empty), including sign-in check, JSON and HTTP. **floor**: one GROUP BY over the per-project figures the app maintains (per region and list: projects, plan, actual), run through the driver on the same database in the same run. **warm**: the same request with nothing written since (served from the board cache).\n` +
        `- **filing**: \`PUT /api/projects/:id/reports/:month\` with a new month each time, for 4 s at 1 and at 10 clients; at 50 clients it takes turns with the bare route, 2 s each, three times (the figures are the turns together). **bare INSERT route**: \`PUT /api/bench/reports/:id/:month\` (mounted only with BENCH_ROUTES=1): the same sign-in check, validation and queued write transaction around only the filing's INSERT of a revision; **with audit**: that INSERT and its audit entry. **direct inserts**: single-row INSERTs through the driver (one statement per row, autocommit).\n` +
        `- **two servers** (PostgreSQL): a second app server on the same database; filing from 50 clients split over both, then the list the same way (as above: first wave, 1 s not counted, 4 s counted); then a board cached on the second, a write through the first, and the second's next board (cold, timed; it must show the write).\n` +
        `- **list / detail**: after 1 s of a bare signed-in GET (not counted: connections, pool and compiled code ready), the list's **first wave**: 50 clients each open a numbered page \`GET /api/projects?pageSize=50&page=…\` at the same moment on the cold list (its slowest answer in brackets); then each reads on by key (\`&after=<next>\`) page after page, 1 s not counted, then 4 s counted (req/s, p99); then \`GET /api/projects/:id\` from 50 clients for 4 s. Every load runs through the lean client of \`src/bench/load-client.ts\` (since 2026-12-06 evening; before, Node's fetch, which took 1–1.5 ms of the same cores per list request: docs/benchmarks.md "A lean load client").\n` +
        `- **RSS**: the server process's resident memory after start (idle) and its high-water mark (VmHWM) after all the runs at that scale.\n`,
    ),
  );
  console.log('\nwritten to docs/benchmarks.md (its generated section)');
}
