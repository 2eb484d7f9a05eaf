import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server as BenchServer } from '../src/bench/index.js';
import { projectRoot } from '../src/common/index.js';

/** The folders bench servers keep their logs in (src/bench/bench-server.ts). */
const logFolders = () => readdirSync(tmpdir()).filter((name) => name.startsWith('tracker-bench-server-')).sort();

/**
 * `npm run bench`'s app server when it stops before it answers (docs/benchmarks.md "Every target in
 * every run that finished, a faster machine (2026-12-07)"). Here its port is taken by a listener that
 * accepts each connection and drops it: the case in which Node 20's fetch waits for ever, as one bench
 * run did. The start must fail within seconds, naming the server's own error from its log.
 */
describe('a bench server that stops before it answers', () => {
  it('fails the start with the end of its log (EADDRINUSE here), and leaves no log folder behind', async () => {
    const dropper = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => dropper.listen(0, resolve));
    const { port } = dropper.address() as AddressInfo;
    const dir = mkdtempSync(join(tmpdir(), 'tracker-bench-test-'));
    const before = logFolders();
    try {
      const server = new BenchServer(`sqlite:${join(dir, 'bench.sqlite')}`, port, join(projectRoot(), 'dist'));
      await expect(server.start()).rejects.toThrow(new RegExp(`the server for port ${port} stopped \\(1\\) before answering; its log ends:[\\s\\S]*EADDRINUSE`));
      expect(logFolders()).toEqual(before);
    } finally {
      dropper.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
