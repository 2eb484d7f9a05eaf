import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LeanClient, load, nextCursor, statusWhileStarting, wave, type LoadResult } from './load-client.js';

/** The bench servers' first admin (a throwaway database). */
const PASSWORD = 'bench-admin-password';

/** One app server of a build (`dist` holds `src/main.js`) on a loaded database, and the bench's loads on it. */
export class Server {
  process!: ChildProcess;
  token = '';
  /** The loads' client (load-client.ts): node:http, kept-alive connections, bodies not parsed. */
  lean!: LeanClient;
  constructor(
    readonly url: string,
    readonly port: number,
    readonly dist: string,
  ) {}
  base = () => `http://127.0.0.1:${this.port}`;
  /** The folder of the server's log (its output goes to a file: one line per request, read only if it fails to start). */
  private logDir = '';
  async start() {
    this.logDir = mkdtempSync(join(tmpdir(), 'tracker-bench-server-'));
    const logFile = join(this.logDir, 'server.log');
    const output = openSync(logFile, 'w');
    this.process = spawn(process.execPath, [join(this.dist, 'src/main.js')], {
      env: { ...process.env, DATABASE_URL: this.url, PORT: String(this.port), SEED: 'none', ADMIN_PASSWORD: PASSWORD, LOGIN_ATTEMPTS: '1000', BENCH_ROUTES: '1' },
      stdio: ['ignore', output, output],
    });
    closeSync(output);
    // At a million projects the first start builds the board's kept figures: minutes, not seconds.
    // A server that stops before it answers (its port taken, its database refused) fails the bench
    // with the end of its log.
    for (let i = 0; i < 36_000; i++) {
      const { exitCode, signalCode } = this.process;
      if (exitCode !== null || signalCode !== null) {
        const log = readFileSync(logFile, 'utf8').slice(-4000);
        rmSync(this.logDir, { recursive: true, force: true });
        throw new Error(`the server for port ${this.port} stopped (${exitCode ?? signalCode}) before answering; its log ends:\n${log}`);
      }
      if ((await statusWhileStarting(`${this.base()}/api/regions`)) === 401) break;
      await sleep(100);
    }
    const res = await fetch(`${this.base()}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
    this.token = ((await res.json()) as { accessToken: string }).accessToken;
    this.lean = new LeanClient('127.0.0.1', this.port, { 'content-type': 'application/json', authorization: `Bearer ${this.token}` });
  }
  /** A request of a load, through the lean client. */
  send(path: string, init: { method?: string; body?: string } = {}) {
    return this.lean.send(path, init);
  }
  request(path: string, init: RequestInit = {}) {
    return fetch(`${this.base()}${path}`, { ...init, headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}`, ...(init.headers ?? {}) } });
  }
  /** The server process's CPU time so far (user + system, ms), from /proc. */
  cpuMs() {
    const fields = readFileSync(`/proc/${this.process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  }
  /** A load with the server's CPU time per request it answered (ms). */
  async withCpu<T extends { requests: number }>(run: () => Promise<T>): Promise<T & { cpuMs: number }> {
    const before = this.cpuMs();
    const result = await run();
    return { ...result, cpuMs: Math.round(((this.cpuMs() - before) / Math.max(1, result.requests)) * 100) / 100 };
  }
  rssMb(field: 'VmHWM' | 'VmRSS') {
    const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
    return Math.round(Number(/\d+/.exec(status.split('\n').find((l) => l.startsWith(field)) ?? '0')![0]) / 1024);
  }
  async stop() {
    this.lean?.close();
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.process.kill('SIGTERM');
    await exited;
    rmSync(this.logDir, { recursive: true, force: true });
  }
}

/**
 * Reads at 50 clients. Each client opens the list at its own page, then reads on page after page by
 * key (`next`), as the workbench does; then one project after another; then a bare signed-in GET
 * (`/api/regions`: the sign-in check, guards, one small statement, JSON), the fixed cost under both.
 */
export async function readLoads(server: Server, n: number, withBare = true) {
  // 1 s of the bare GET first, not counted: HTTP connections, the database pool and compiled code ready, as on a running server (the list's own caches stay cold).
  await load(50, 1, () => server.send('/api/regions'));
  const list50 = await readList([server], n, (run) => server.withCpu(run));
  const detail50 = await load(50, 4, (w, i) => server.send(`/api/projects/${1 + ((w * 7919 + i * 31) % n)}`));
  const bare50 = withBare ? await server.withCpu(() => load(50, 4, () => server.send('/api/regions'))) : null;
  return { list50, detail50, bare50 };
}

/**
 * The list from 50 clients, client w on server w mod the number of servers: the first wave, cold and
 * alone (every client opens a numbered page at the same moment; the first builds the page index the
 * others wait for; its slowest answer is `firstWaveMax`); then reading on page after page by key, 1 s
 * not counted, then 4 s counted, through `count` (a server's CPU beside it, or as it is).
 */
export async function readList<T extends LoadResult>(servers: Server[], n: number, count: (run: () => Promise<LoadResult>) => Promise<T>) {
  const cursors: (string | null)[] = [];
  const list = (w: number) =>
    servers[w % servers.length].send(`/api/projects?pageSize=50&${cursors[w] ? `after=${cursors[w]}` : `page=${1 + ((w * 97) % Math.max(1, Math.floor(n / 50)))}`}`);
  const keep = (w: number, body: Buffer) => (cursors[w] = nextCursor(body));
  const firstWave = await wave(50, list, keep);
  await load(50, 1, list, keep);
  const steady = await count(() => load(50, 4, list, keep));
  return { ...steady, errors: steady.errors + firstWave.errors, firstWaveMax: firstWave.max };
}
