import { chromium, type Browser, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';

/** Debian's chromium (installed by `.ci/run` when absent); never a Playwright browser download. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a headless, offline, reproducible run inside CI containers. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--font-render-hinting=none',
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/**
 * The host name an intranet would give the server: the browser maps it to 127.0.0.1 itself
 * (`intranetChromium`), so a page opened there is not on `localhost` and not a secure context,
 * as on a county's intranet (`http://10.x.x.x:3000/`).
 */
export const INTRANET_HOST = 'tracker.intranet';

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!chromiumAvailable()) throw new Error(`chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs], headless: true });
}

/** Chromium that resolves INTRANET_HOST to 127.0.0.1 without asking any name server. */
export async function intranetChromium(): Promise<Browser> {
  return launchChromium([`--host-resolver-rules=MAP ${INTRANET_HOST} 127.0.0.1`]);
}

/** A loopback base URL (`http://127.0.0.1:PORT`) as the intranet host name: `http://tracker.intranet:PORT`. */
export function intranetBase(base: string): string {
  const url = new URL(base);
  url.hostname = INTRANET_HOST;
  return url.origin;
}

/**
 * Where a page keeps its session's CSRF token (the shared API client, src/web/public/api.js):
 * sessionStorage, this tab only. The session itself is an HttpOnly cookie no script can read.
 */
export const CSRF_KEY = 'tracker.csrf';
export const SESSION_COOKIE = 'tracker_session';

/** The CSRF token a page holds for its cookie session (null when signed out, or in a tab that has not asked for it). */
export async function storedSession(page: Page): Promise<string | null> {
  return page.evaluate((key) => (globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }).sessionStorage.getItem(key), CSRF_KEY);
}

/** What the page's own scripts can see of where a session might be kept: document.cookie and every localStorage entry. */
export async function scriptVisibleStorage(page: Page): Promise<{ cookie: string; localStorage: Record<string, string> }> {
  return page.evaluate(() => {
    const g = globalThis as unknown as { document: { cookie: string }; localStorage: { length: number; key(i: number): string | null; getItem(k: string): string | null } };
    const entries: Record<string, string> = {};
    for (let i = 0; i < g.localStorage.length; i++) {
      const key = g.localStorage.key(i);
      if (key !== null) entries[key] = g.localStorage.getItem(key) ?? '';
    }
    return { cookie: g.document.cookie, localStorage: entries };
  });
}
