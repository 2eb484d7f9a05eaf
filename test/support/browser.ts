import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
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

/**
 * A new page in its own context (zh-CN, Asia/Shanghai) that notes every script error and every
 * 5xx answer in `problems`; the context is pushed on `contexts` for the spec to close.
 */
export async function watchedPage(
  browser: Browser,
  viewport: { width: number; height: number },
  { contexts, problems }: { contexts: BrowserContext[]; problems: string[] },
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 500) problems.push(`HTTP ${response.status()} ${response.url()}`);
  });
  return page;
}

/**
 * Signs in on the workbench's sign-in page (where any workbench page sends a visitor without a
 * session) and waits for the page it sends to. The sign-in page is itself `ready` once its form is
 * wired, so the wait is for leaving it first, then for the next page (a department's list page
 * sends it on to its inbox) to be ready: waiting for `ready` alone resolves on the sign-in page,
 * before it navigates, and what a spec read next could still be the HTML's placeholder.
 */
export async function workbenchSignIn(page: Page, url: string, [username, password]: readonly [string, string]): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('[data-testid="login-form"]');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((at) => !at.pathname.endsWith('/login.html'));
  await page.waitForSelector('body[data-state="ready"]');
}
