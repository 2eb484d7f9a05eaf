/**
 * A county's intranet serves the app over plain HTTP at an address or a host name that is not
 * `localhost` (issue 23): the browser then treats the pages as an ordinary, insecure origin.
 * With helmet's default `upgrade-insecure-requests` chromium asked for https://…/js/*.js and the
 * pages never left their loading state. Here chromium maps `tracker.intranet` to 127.0.0.1
 * itself and opens both pages there, signs in on each, and every request must stay on
 * http://tracker.intranet:PORT. It runs in the desktop build of chromium an office opens
 * (DESKTOP_CHROMIUM_PATH), where the other browser specs use the headless shell of the same engine.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { intranetBase, intranetChromium, INTRANET_HOST } from './support/browser.js';
import { listen } from './support/raw-http.js';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from './support/test-app.js';

let t: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  t = await startTestApp({ seed: 'demo', now: '2024-11-20T02:00:00.000Z' });
  base = intranetBase(await listen(t));
  browser = await intranetChromium({ desktop: true });
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** A page at 1366×768 that records every URL it asks for and every script error. */
async function openWatched(): Promise<{ page: Page; requested: string[]; errors: string[]; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const requested: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  return { page, requested, errors, close: () => context.close() };
}

/** Every URL asked for stayed on the intranet origin over plain HTTP (none went to https). */
function expectPlainHttpOnly(requested: string[]): void {
  expect(requested.length).toBeGreaterThan(5);
  expect(requested.filter((url) => !url.startsWith(`${base}/`) && !url.startsWith('data:'))).toEqual([]);
  expect(requested.filter((url) => url.startsWith('https:'))).toEqual([]);
}

/**
 * Opens `path` with its page script (`/workbench/js/<script>`) held back, fills the form's fields and
 * presses Enter in the last (with `button` given, the button is still disabled); then lets the script
 * load and waits for the page: nothing was sent (the address has no query, no request carried a
 * field's value), and no request carried the password.
 */
async function typeBeforeScript(
  w: { page: Page; requested: string[] },
  form: { path: string; script: string; form: string; fields: [testId: string, value: string][]; button?: string },
): Promise<void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await w.page.route(`**/workbench/js/${form.script}`, async (route) => {
    await held;
    await route.continue();
  });
  await w.page.goto(`${base}${form.path}`, { waitUntil: 'commit' });
  await w.page.waitForSelector(`[data-testid="${form.form}"]`);
  for (const [testId, value] of form.fields) await w.page.getByTestId(testId).fill(value);
  if (form.button) expect(await w.page.getByTestId(form.button).isDisabled()).toBe(true);
  await w.page.getByTestId(form.fields[form.fields.length - 1][0]).press('Enter');
  release();
  await w.page.waitForSelector('body[data-state="ready"]', { timeout: 15000 });
  expect(new URL(w.page.url()).search).toBe('');
  const values = form.fields.map(([, value]) => encodeURIComponent(value));
  expect(w.requested.filter((url) => values.some((value) => url.includes(value)))).toEqual([]);
  expect(w.requested.filter((url) => url.includes(encodeURIComponent(TEST_ADMIN_PASSWORD)) || url.includes('password='))).toEqual([]);
}

describe(`the pages over plain HTTP at http://${INTRANET_HOST}:PORT/`, () => {
  it('the workbench: the sign-in page loads, the operator signs in, the project list leaves its loading state', async () => {
    expect(new URL(base).hostname).toBe(INTRANET_HOST);
    const w = await openWatched();
    try {
      await w.page.goto(`${base}/workbench/`);
      await w.page.waitForURL(/\/workbench\/login\.html\?next=/, { timeout: 15000 });
      await w.page.waitForSelector('[data-testid="login-form"]');
      await w.page.getByLabel('用户名').fill('admin');
      await w.page.getByLabel('密码').fill(TEST_ADMIN_PASSWORD);
      await w.page.getByRole('button', { name: '登录' }).click();
      await w.page.waitForURL(`${base}/workbench/`);
      await w.page.waitForSelector('body[data-state="ready"]', { timeout: 15000 });
      await w.page.waitForSelector('[data-testid="project-list"][data-status="ready"]', { timeout: 15000 });
      expect(await w.page.getByTestId('project-row').count()).toBeGreaterThan(0);
      expect(w.errors).toEqual([]);
      expectPlainHttpOnly(w.requested);
    } finally {
      await w.close();
    }
  });

  // A slow intranet can show the form before its script has run (a busy test machine did: the click
  // went to the browser's own form submission, and the sign-in never happened).
  it('no form is sent before its script runs (sign-in, new user, a person): the password forms\' buttons wait, Enter does nothing, no field enters the address', async () => {
    const w = await openWatched();
    try {
      await typeBeforeScript(w, {
        path: '/workbench/login.html',
        script: 'login-page.js',
        form: 'login-form',
        fields: [['login-username', 'admin'], ['login-password', TEST_ADMIN_PASSWORD]],
        button: 'login-submit',
      });
      await w.page.getByLabel('密码').fill(TEST_ADMIN_PASSWORD);
      await w.page.getByRole('button', { name: '登录' }).click();
      await w.page.waitForURL((at) => !at.pathname.endsWith('/login.html'), { timeout: 15000 });
      await w.page.waitForSelector('[data-testid="project-list"][data-status="ready"]', { timeout: 15000 });
      expect(w.errors).toEqual([]);

      // Signed in, the users page shows its form (with an initial password) while its script still
      // loads what it needs: its button waits the same way.
      await typeBeforeScript(w, {
        path: '/workbench/users.html',
        script: 'users-page.js',
        form: 'user-form',
        fields: [['user-username', 'too-early'], ['user-password', TEST_ADMIN_PASSWORD]],
        button: 'user-create',
      });
      expect(await w.page.getByTestId('user-create').isEnabled()).toBe(true);

      // Any other form (here a person's name and telephone) is not sent by the browser either: every
      // page loads /shared/forms-by-script.js first, which cancels the browser's own sending.
      await typeBeforeScript(w, {
        path: '/workbench/people.html',
        script: 'people-page.js',
        form: 'person-form',
        fields: [['person-name', '过早提交'], ['person-phone', '13800001234']],
      });
      expect(w.errors).toEqual([]);
    } finally {
      await w.close();
    }
  });

  it('the war room: the sign-in form over the board, then the board with its figures', async () => {
    const w = await openWatched();
    try {
      await w.page.goto(`${base}/`);
      await w.page.waitForSelector('body[data-state="login"]', { timeout: 15000 });
      const form = w.page.getByTestId('login-form');
      await form.getByLabel('用户名').fill('admin');
      await form.getByLabel('密码').fill(TEST_ADMIN_PASSWORD);
      await form.getByRole('button', { name: '登录' }).click();
      await w.page.waitForSelector('body[data-state="ready"]', { timeout: 15000 });
      expect(((await w.page.getByTestId('investment-actual').textContent()) ?? '').trim()).toMatch(/^\d+\.\d\d$/);
      expect(w.errors.filter((line) => !/status of 401/.test(line))).toEqual([]);
      expectPlainHttpOnly(w.requested);
    } finally {
      await w.close();
    }
  });
});
