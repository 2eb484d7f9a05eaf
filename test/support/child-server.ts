import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { statusWhileStarting } from '../../src/bench/index.js';

/** The built server (`npm test` builds first) as a real child process, on loopback. */
export interface ChildServer {
  base: string;
  process: ChildProcess;
  /** Everything it has written to stdout so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with its exit code and signal once it has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends a signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * A loopback port nobody is listening on, from the kernel (listen on 0, read it, close). Every
 * spec that starts a server or a database asks here, so two workers never pick the same port.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The line the server logs once it listens (src/main.ts), naming its port. */
const LISTENING = /listening on http:\/\/localhost:(\d+)/;

/**
 * Starts `dist/src/main.js` with the given environment and waits until it says it listens and
 * /api/health answers; `umask` (e.g. `000`) starts it under that umask, through the shell;
 * `waitSeconds` (60) is how long it may take (migrating an empty database or loading the demo on a
 * busy machine takes a while); `port` restarts a server where clients already point. Otherwise
 * the server takes a free port itself (PORT=0) and names it in its log: a port probed free here and
 * handed over could be taken by another run's server meanwhile, and that server would answer.
 */
export async function startChildServer(env: Record<string, string>, options: { umask?: string; waitSeconds?: number; port?: number } = {}): Promise<ChildServer> {
  const port = options.port ?? 0;
  const [command, args] = options.umask
    ? ['/bin/sh', ['-c', `umask ${options.umask} && exec "$0" dist/src/main.js`, process.execPath]]
    : [process.execPath, ['dist/src/main.js']];
  const child = spawn(command, args, {
    env: { ...process.env, PORT: String(port), SEED: 'none', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let base = `http://127.0.0.1:${port}`;
  const server: ChildServer = {
    get base() {
      return base;
    },
    process: child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  for (let i = 0; i < (options.waitSeconds ?? 60) * 10; i++) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited with ${child.exitCode ?? child.signalCode}: ${err}`);
    const listening = LISTENING.exec(out);
    if (listening) {
      base = `http://127.0.0.1:${listening[1]}`;
      if ((await statusWhileStarting(`${base}/api/health`)) === 200) return server;
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`server did not answer on ${base} within ${options.waitSeconds ?? 60} s: ${err}`);
}

/** Sends a JSON request with the given bearer token. */
export function api(base: string, path: string, token: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${base}${path}`, { ...init, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });
}

/** Signs in over HTTP and returns the bearer token. */
export async function signIn(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}
