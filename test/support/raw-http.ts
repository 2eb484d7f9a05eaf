import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestApp } from './test-app.js';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** Milliseconds from sending to the last byte of the answer. */
  ms: number;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** Sent as is (a Buffer keeps exact bytes, e.g. invalid UTF-8). */
  body?: string | Buffer;
  /**
   * The client address to send from: any 127.x.y.z works on Linux loopback, so a test can
   * act as several clients ("per address" limits) without leaving the machine.
   */
  from?: string;
}

/**
 * One request on a connection of its own (no pooling: a read is never queued behind a burst
 * on the client side), to a test app that listens on loopback (see `listen`).
 */
export function rawRequest(base: string, options: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const body = options.body === undefined ? undefined : Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body, 'utf8');
    const req = http.request(
      `${base}${options.path}`,
      {
        method: options.method ?? (body ? 'POST' : 'GET'),
        agent: false,
        localAddress: options.from,
        headers: { ...(body ? { 'content-length': String(body.length) } : {}), ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Starts the test app listening on 127.0.0.1 (all of 127/8 reaches it) and returns its base URL. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** How many times each status occurs: { 401: 10, 429: 40 }. */
export function countStatuses(responses: { status: number }[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { status } of responses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}
