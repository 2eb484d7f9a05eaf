import { performance } from 'node:perf_hooks';

/** The bench's load client: timed calls and concurrent loops of requests. */

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
 * `clients` loops each sending requests for `seconds`: completions per second, p99 latency, errors.
 * Each body is read once; `read` sees it (the list's next cursor), without a clone of the response.
 */
export async function load(clients: number, seconds: number, send: (worker: number, i: number) => Promise<Response>, read?: (worker: number, body: ArrayBuffer) => void) {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, worker) => {
      for (let i = 0; performance.now() < end; i++) {
        const start = performance.now();
        try {
          const res = await send(worker, i);
          const body = await res.arrayBuffer();
          if (res.status >= 400) errors++;
          else read?.(worker, body);
        } catch {
          errors++;
        }
        latencies.push(performance.now() - start);
      }
    }),
  );
  return { perSecond: Math.round(latencies.length / seconds), p99: Math.round(pct(latencies, 99) * 10) / 10, errors, requests: latencies.length };
}

