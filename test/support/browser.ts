import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { existsSync } from 'node:fs';

/**
 * The browser the specs drive: Debian's `chromium-headless-shell`, the engine of Debian's `chromium`
 * (the same Blink and V8, the same version) without the desktop browser's windowing layer, which is
 * what Playwright itself runs for headless tests. It costs about half the CPU of the desktop build for
 * the same pages (docs/development.md "The browser specs in chromium's headless shell").
 * `.ci/run` and `npm test` install it from Debian when absent; never a Playwright browser download.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell';

/**
 * The desktop build an office opens (Debian's `chromium`), for the spec that checks the pages as a county's
 * browser shows them over plain HTTP on the server's address (test/intranet.browser-spec.ts).
 */
export const DESKTOP_CHROMIUM_PATH = process.env.DESKTOP_CHROMIUM_PATH ?? '/usr/bin/chromium';

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

export function chromiumAvailable(path = CHROMIUM_PATH): boolean {
  return existsSync(path);
}

/**
 * The host name an intranet would give the server: the browser maps it to 127.0.0.1 itself
 * (`intranetChromium`), so a page opened there is not on `localhost` and not a secure context,
 * as on a county's intranet (`http://10.x.x.x:3000/`).
 */
export const INTRANET_HOST = 'tracker.intranet';

/** Chromium (the headless shell, or with `desktop` the desktop build) with the suite's flags and any others. */
export async function launchChromium(extraArgs: string[] = [], { desktop = false } = {}): Promise<Browser> {
  const executablePath = desktop ? DESKTOP_CHROMIUM_PATH : CHROMIUM_PATH;
  if (!chromiumAvailable(executablePath)) {
    throw new Error(`chromium not found at ${executablePath} (apt-get install -y ${desktop ? 'chromium' : 'chromium-headless-shell'}, or set ${desktop ? 'DESKTOP_CHROMIUM_PATH' : 'CHROMIUM_PATH'})`);
  }
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...extraArgs], headless: true });
}

/** Chromium that resolves INTRANET_HOST to 127.0.0.1 without asking any name server. */
export async function intranetChromium({ desktop = false } = {}): Promise<Browser> {
  return launchChromium([`--host-resolver-rules=MAP ${INTRANET_HOST} 127.0.0.1`], { desktop });
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
  const answers: string[] = [];
  const noteAnswer = (response: Response) => {
    if (new URL(response.url()).pathname === '/api/auth/session') answers.push(`${response.request().method()} ${response.status()}`);
  };
  page.on('response', noteAnswer);
  try {
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((at) => !at.pathname.endsWith('/login.html'));
  } catch (error) {
    // what the page said and what the server answered, for a sign-in that did not leave the page
    const said = await page.getByTestId('login-error').textContent().catch(() => null);
    throw new Error(`${username} did not get past the sign-in page (at ${page.url()}): answers to /api/auth/session [${answers.join(', ')}], the page says "${said ?? ''}"; ${(error as Error).message}`, { cause: error });
  } finally {
    page.off('response', noteAnswer);
  }
  await page.waitForSelector('body[data-state="ready"]');
}
