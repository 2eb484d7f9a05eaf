import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * The bench's load client: timed calls and concurrent loops of requests. It runs on the same cores as
 * the server and PostgreSQL, so it is kept lean (docs/benchmarks.md "A lean load client"): node:http
 * with one keep-alive connection per client loop, the body kept as the bytes that arrived, and only
 * the list's `next` read from it.
 */

export const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

export async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/**
 * The status a starting server answers `url` with, or null while it does not answer. Each ask has a
 * time limit of its own: Node 20's fetch never settles on a connection the server accepts and drops,
 * which a server stopping as it starts to listen can do (one bench run hung so: docs/benchmarks.md
 * "Every target in every run that finished, a faster machine (2026-12-07)").
 */
export async function statusWhileStarting(url: string): Promise<number | null> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(5000) })).status;
  } catch {
    return null;
  }
}

/** An answer as the load reads it: the status and the body's bytes, nothing parsed. */
export interface Answer {
  status: number;
  body: Buffer;
}

/** Requests to one server over kept-alive connections (one per concurrent request), with the same headers each time. */
export class LeanClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256 });

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly headers: Record<string, string>,
  ) {}

  send(path: string, init: { method?: string; body?: string } = {}): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const headers = init.body === undefined ? this.headers : { ...this.headers, 'content-length': String(Buffer.byteLength(init.body)) };
      const req = request({ host: this.host, port: this.port, path, method: init.method ?? 'GET', headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(init.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

const NEXT = Buffer.from('"next":');

/**
 * The list's `next` cursor from a page's bytes, without parsing the page: `next` is the page's last
 * member (src/common/page.ts), so the last `"next":` is the member itself (a `"next":` inside a text
 * would be escaped, `\"next\":`; then, and for anything unexpected, the whole page is parsed).
 */
export function nextCursor(body: Buffer): string | null {
  const at = body.lastIndexOf(NEXT);
  if (at > 0 && body[at - 1] !== 0x5c) {
    const rest = body.toString('latin1', at + NEXT.length, Math.min(body.length, at + NEXT.length + 300));
    if (rest.startsWith('null')) return null;
    const end = rest.indexOf('"', 1);
    if (rest.startsWith('"') && end > 0 && !rest.slice(1, end).includes('\\')) return rest.slice(1, end);
  }
  return (JSON.parse(body.toString('utf8')) as { next?: string | null }).next ?? null;
}

/** The CPU time of this process so far (user + system, ms): the load client's own cost. */
const ownCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** What a load measured (`load`). */
export type LoadResult = Awaited<ReturnType<typeof load>>;

/**
 * `clients` loops each sending requests for `seconds`: completions per second, p99 latency, errors,
 * and the load client's own CPU per request (ms). `read` sees each body that is not an error (the list's next cursor).
 */
export async function load(clients: number, seconds: number, send: (worker: number, i: number) => Promise<Answer>, read?: (worker: number, body: Buffer) => void) {
  const latencies: number[] = [];
  let errors = 0;
  const cpuBefore = ownCpuMs();
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, worker) => {
      for (let i = 0; performance.now() < end; i++) {
        const start = performance.now();
        try {
          const answer = await send(worker, i);
          if (answer.status >= 400) errors++;
          else read?.(worker, answer.body);
        } catch {
          errors++;
        }
        latencies.push(performance.now() - start);
      }
    }),
  );
  const clientCpuMs = Math.round(((ownCpuMs() - cpuBefore) / Math.max(1, latencies.length)) * 100) / 100;
  return { perSecond: Math.round(latencies.length / seconds), p99: Math.round(pct(latencies, 99) * 10) / 10, errors, requests: latencies.length, clientCpuMs };
}

/**
 * One request from each of `clients` at the same moment (a cold burst, as when a page is opened by
 * everyone at once): the slowest answer (ms), p99 and errors.
 */
export async function wave(clients: number, send: (worker: number, i: number) => Promise<Answer>, read?: (worker: number, body: Buffer) => void) {
  let errors = 0;
  const latencies = await Promise.all(
    Array.from({ length: clients }, async (_, worker) => {
      const start = performance.now();
      try {
        const answer = await send(worker, 0);
        if (answer.status >= 400) errors++;
        else read?.(worker, answer.body);
      } catch {
        errors++;
      }
      return performance.now() - start;
    }),
  );
  return { max: Math.round(Math.max(...latencies) * 10) / 10, p99: Math.round(pct(latencies, 99) * 10) / 10, errors };
}
