import http from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * `/api/health` while heavy requests run (docs/operations.md "Heavy work"): sends every heavy
 * request at once and, until they are all answered, starts a `/api/health` read on a fresh
 * connection every HEALTH_EVERY_MS, whether or not the ones before have been answered (open loop:
 * a stall of the server is met by every read that falls into it, not by one read that then
 * waits, so a 40 ms stall counts as several slow answers, not one), timing each. The first read
 * goes with the heavy requests. Used by test/heavy-work.e2e-spec.ts (a generous bound) and by
 * `npm run bench:heavy` (the figure in docs/benchmarks.md).
 */
export const HEALTH_EVERY_MS = 5;
/** Reads taken at least, however soon the heavy requests are answered. */
const MIN_SAMPLES = 20;
export interface HeavyRequest {
  path: string;
  token: string;
}

export interface HeavyLoadResult {
  health: { samples: number; p50: number; p99: number; max: number };
  heavy: { statuses: Record<number, number>; p50: number; max: number };
  seconds: number;
}

/** One GET on a connection of its own; resolves with the status and the milliseconds to the last byte. */
export function timedGet(base: string, path: string, token?: string): Promise<{ status: number; ms: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(`${base}${path}`, { agent: false, headers: token ? { authorization: `Bearer ${token}` } : {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** `everyMs`: how often a read starts (HEALTH_EVERY_MS for the bench's figure; a test may read less often). */
export async function healthUnderHeavyLoad(base: string, requests: HeavyRequest[], everyMs = HEALTH_EVERY_MS): Promise<HeavyLoadResult> {
  const started = performance.now();
  let done = false;
  const heavy = Promise.all(requests.map((r) => timedGet(base, r.path, r.token))).finally(() => (done = true));
  // Awaited below; a refused connection must not end the process before then as an unhandled rejection.
  heavy.catch(() => undefined);
  const reads: Promise<{ status: number; ms: number }>[] = [];
  const read = () => reads.push(timedGet(base, '/api/health'));
  read();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (done && reads.length >= MIN_SAMPLES) {
        clearInterval(timer);
        resolve();
      } else read();
    }, everyMs);
  });
  const health: number[] = [];
  for (const answer of await Promise.all(reads)) {
    if (answer.status !== 200) throw new Error(`/api/health answered ${answer.status}`);
    health.push(answer.ms);
  }
  const answers = await heavy;
  const statuses: Record<number, number> = {};
  for (const { status } of answers) statuses[status] = (statuses[status] ?? 0) + 1;
  const heavyMs = answers.map((a) => a.ms);
  return {
    health: { samples: health.length, p50: round(percentile(health, 50)), p99: round(percentile(health, 99)), max: round(Math.max(...health)) },
    heavy: { statuses, p50: round(percentile(heavyMs, 50)), max: round(Math.max(...heavyMs)) },
    seconds: round((performance.now() - started) / 1000),
  };
}
