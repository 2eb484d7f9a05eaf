import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

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

let ports = 0;

/**
 * Starts `dist/src/main.js` with the given environment and waits until /api/health answers;
 * `umask` (e.g. `000`) starts it under that umask, through the shell; `waitSeconds` (30) is how long
 * it may take (loading the demo takes longer).
 */
export async function startChildServer(env: Record<string, string>, options: { umask?: string; waitSeconds?: number } = {}): Promise<ChildServer> {
  const port = 43000 + ((process.pid * 7 + ++ports * 13) % 2000);
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
  const base = `http://127.0.0.1:${port}`;
  const server: ChildServer = {
    base,
    process: child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  for (let i = 0; i < (options.waitSeconds ?? 30) * 10; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${err}`);
    try {
      if ((await fetch(`${base}/api/health`)).status === 200) return server;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start: ${err}`);
}

/** Signs in over HTTP and returns the bearer token. */
export async function signIn(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}
