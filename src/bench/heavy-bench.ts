/**
 * `npm run bench:heavy`: `/api/health` while 20 heavy requests run (docs/operations.md "Heavy
 * work"), on the built server with the demo data: 20 boards replayed as of 20 past instants (ten
 * wall-screen tokens, two each), then 10 audit-log exports and 10 Word bulletins. Writes the section
 * "Heavy work" of docs/benchmarks.md. `--dist=<folder>` runs another build (its `src/main.js`), e.g.
 * one made from an earlier commit, to measure before and after on the same machine; `--label=` names
 * the row; `--print` only prints.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { projectRoot } from '../common/index.js';
import { markedSection } from './doc-section.js';
import { healthUnderHeavyLoad, timedGet, type HeavyLoadResult } from './heavy-load.js';
import { statusWhileStarting } from './load-client.js';

const args = Object.fromEntries(process.argv.slice(2).map((a) => { const [key, value] = a.replace(/^--/, '').split('='); return [key, value ?? 'true']; }) as [string, string][]);
const ROOT = projectRoot();
const MAIN = join(args.dist ?? join(ROOT, 'dist'), 'src/main.js');
const LABEL = args.label ?? 'this build (worker pool)';
const PASSWORD = 'bench-heavy-admin-password';
const PORT = 43900 + (process.pid % 50);
const BASE = `http://127.0.0.1:${PORT}`;

async function api(path: string, token: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${BASE}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function signIn(username: string, password: string): Promise<string> {
  const res = await fetch(`${BASE}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

const dir = mkdtempSync(join(tmpdir(), 'tracker-bench-heavy-'));
const server = spawn(process.execPath, [MAIN], {
  env: { ...process.env, PORT: String(PORT), DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`, SEED: 'demo', ADMIN_PASSWORD: PASSWORD, TOKEN_KEY_FILE: join(dir, 'token.key') },
  stdio: 'ignore',
});
let results: { replays: HeavyLoadResult; exports: HeavyLoadResult };
try {
  for (let i = 0; ; i++) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    if (i > 600) throw new Error('server did not start');
    if ((await statusWhileStarting(`${BASE}/api/health`)) === 200) break;
    await sleep(100);
  }
  const admin = await signIn('admin', PASSWORD);
  await api('/api/bulletins/2024/9', admin, {});
  const displays: string[] = [];
  for (let i = 0; i < 10; i++) displays.push((await api('/api/display-tokens', admin, { name: `bench-${i}` })).json.token as string);
  const auditors: string[] = [];
  for (let i = 0; i < 5; i++) {
    await api('/api/users', admin, { username: `bench-auditor-${i}`, password: `bench-auditor-password-${i}`, role: 'auditor' });
    auditors.push(await signIn(`bench-auditor-${i}`, `bench-auditor-password-${i}`));
  }
  for (const token of [...displays, ...auditors]) await timedGet(BASE, '/api/auth/me', token);
  await timedGet(BASE, '/api/dashboard/2024?month=9&asOf=2024-10-01T00:00:00Z', admin);
  const replays = await healthUnderHeavyLoad(
    BASE,
    Array.from({ length: 20 }, (_, i) => ({ path: `/api/dashboard/2024?month=${(i % 9) + 1}&asOf=${new Date(Date.UTC(2024, 9, 2, i, 7)).toISOString()}`, token: displays[i % 10] })),
  );
  const exports = await healthUnderHeavyLoad(BASE, [
    ...Array.from({ length: 10 }, (_, i) => ({ path: `/api/audit/exports/history.${i % 2 ? 'csv' : 'xlsx'}`, token: auditors[i % 5] })),
    ...Array.from({ length: 10 }, (_, i) => ({ path: '/api/exports/bulletins/2024/9.docx', token: displays[i] })),
  ]);
  results = { replays, exports };
} finally {
  server.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}

const row = (name: string, r: HeavyLoadResult) =>
  `| ${LABEL} | ${name} | ${r.health.p50} | ${r.health.p99} | ${r.health.max} | ${r.health.samples} | ${Object.entries(r.heavy.statuses).map(([s, n]) => `${n}× ${s}`).join(', ')} | ${r.heavy.p50} / ${r.heavy.max} | ${r.seconds} |`;
const lines = [row('20 replays (asOf)', results.replays), row('10 audit exports + 10 Word bulletins', results.exports)];
console.log(lines.join('\n'));

const FILE = join(ROOT, 'docs/benchmarks.md');
if (!args.print && existsSync(FILE)) {
  const page = markedSection(readFileSync(FILE, 'utf8'), 'heavy-work');
  const kept = (page.inner ?? '').split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| build') && !line.startsWith(`| ${LABEL} |`));
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
  const section = [
    '## Heavy work',
    '',
    `Generated by \`npm run bench:heavy\` on ${new Date().toISOString().slice(0, 10)} (${machine}), SQLite, the demo data, one worker thread (HEAVY_THREADS default on two cores).`,
    '`/api/health` is read on a new connection every 5 ms (open loop: a stall meets every read that falls into it), from when 20 heavy requests are sent at once',
    'until the last is answered (docs/operations.md "Heavy work"); target: p99 ≤ 50 ms. A phase lasts about half a second, so about a hundred reads: p99 is the second',
    'slowest, hence max beside it. Rows not marked "open-loop reads" read one request after another (closed loop: p99 was the slowest of 20–80).',
    'A row per build: `--dist` measures another build on the same machine.',
    '',
    '| build | heavy requests | health p50 (ms) | health p99 (ms) | health max (ms) | health samples | heavy answers | heavy p50 / max (ms) | seconds |',
    '|---|---|---|---|---|---|---|---|---|',
    ...kept,
    ...lines,
  ].join('\n');
  writeFileSync(FILE, page.replacedBy(section));
  console.log('written to docs/benchmarks.md');
}
