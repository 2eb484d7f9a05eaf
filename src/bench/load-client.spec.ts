import { describe, expect, it } from '@jest/globals';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LeanClient, load, nextCursor, wave } from './load-client.js';

/** Pages written out by hand, as the list answers them (`next` last). */
const page = (items: string, next: string) => Buffer.from(`{"items":[${items}],"total":3,"page":1,"pageSize":2,"next":${next}}`, 'utf8');

describe('nextCursor: the list page’s `next` without parsing the page', () => {
  it('reads the cursor, and null on the last page', () => {
    expect(nextCursor(page('{"code":"A1","name":"轴承"},{"code":"A2","name":"电缆"}', '"WyJBMiJd"'))).toBe('WyJBMiJd');
    expect(nextCursor(page('{"code":"A3","name":"x"}', 'null'))).toBeNull();
  });

  it('is not misled by a text that holds "next": (escaped in the page), nor by a page without next', () => {
    expect(nextCursor(page('{"code":"A1","name":"say \\"next\\":\\"evil\\""}', 'null'))).toBeNull();
    expect(nextCursor(Buffer.from('{"items":[{"name":"\\"next\\":\\"evil\\""}],"total":1}'))).toBeNull();
    expect(nextCursor(page('{"code":"A1","name":"\\"next\\":\\"evil\\""}', '"WyJBMSJd"'))).toBe('WyJBMSJd');
  });
});

describe('LeanClient and load: statuses, bodies and errors as the server sent them', () => {
  it('counts 4xx as errors, hands other bodies to read, sends the body and headers of a PUT', async () => {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push(`${req.method} ${req.url} ${req.headers.authorization} ${body}`);
        res.statusCode = req.url === '/bad' ? 409 : 200;
        res.end(req.url === '/bad' ? '{}' : '{"items":[],"next":"abc"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = new LeanClient('127.0.0.1', (server.address() as AddressInfo).port, { authorization: 'Bearer t' });
    try {
      expect(await client.send('/x', { method: 'PUT', body: '{"amount":7}' })).toEqual({ status: 200, body: Buffer.from('{"items":[],"next":"abc"}') });
      expect(seen).toEqual(['PUT /x Bearer t {"amount":7}']);
      const cursors: (string | null)[] = [];
      const result = await load(3, 0.2, (w) => client.send(w === 0 ? '/bad' : '/ok'), (w, body) => (cursors[w] = nextCursor(body)));
      expect(result.requests).toBeGreaterThan(3);
      expect(result.errors).toBe(seen.filter((line) => line.startsWith('GET /bad')).length);
      expect(result.errors).toBeGreaterThan(0);
      expect(cursors[0]).toBeUndefined();
      expect(cursors[1]).toBe('abc');
    } finally {
      client.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('wave: one request from each client at the same moment', () => {
  it('sends exactly one request per client, all before any is answered, and reports the slowest', async () => {
    let waiting: (() => void)[] = [];
    const arrived: string[] = [];
    const server = createServer((req, res) => {
      arrived.push(req.url!);
      // Answer nobody until all 5 have arrived: the wave is at once, not one after another.
      waiting.push(() => {
        res.statusCode = req.url === '/w/4' ? 500 : 200;
        res.end(`{"next":"c${req.url!.slice(3)}"}`);
      });
      if (waiting.length === 5) setTimeout(() => waiting.splice(0).forEach((answer) => answer()), 40);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = new LeanClient('127.0.0.1', (server.address() as AddressInfo).port, {});
    try {
      const cursors: (string | null)[] = [];
      const result = await wave(5, (w) => client.send(`/w/${w}`), (w, body) => (cursors[w] = nextCursor(body)));
      expect(arrived.sort()).toEqual(['/w/0', '/w/1', '/w/2', '/w/3', '/w/4']);
      expect(result.errors).toBe(1);
      expect(result.max).toBeGreaterThanOrEqual(40);
      expect(cursors.slice(0, 4)).toEqual(['c0', 'c1', 'c2', 'c3']);
      expect(cursors[4]).toBeUndefined();
    } finally {
      waiting = [];
      client.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
