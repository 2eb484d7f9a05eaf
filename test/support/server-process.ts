import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/** The built app (`npm test` builds first) running in a child process on loopback. */
export interface ServerProcess {
  base: string;
  process: ChildProcess;
  /** Sends a JSON request with the given bearer token. */
  api(path: string, token: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

let nextPort = 42000 + (process.pid % 1500) * 4;

/** Starts `dist/src/main.js` with this environment and waits until it answers. */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = nextPort++;
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['dist/src/main.js'], { env: { ...process.env, PORT: String(port), ...env }, stdio: 'ignore' });
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/regions`)).status === 401) break;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  return {
    base,
    process: child,
    api: (path, token, init = {}) =>
      fetch(`${base}${path}`, { ...init, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...(init.headers ?? {}) } }),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Signs in at a server and returns the bearer token. */
export async function signIn(server: ServerProcess, username: string, password: string): Promise<string> {
  const res = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}
