/**
 * Clickjacking: a page on another origin (here another loopback port) frames the workbench
 * and the war room; chromium must refuse to render them (CSP frame-ancestors 'none',
 * X-Frame-Options DENY), while an ordinary page from a third origin frames fine in the
 * same test page, which shows the test can tell the difference.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchChromium } from './support/browser.js';
import { listen } from './support/raw-http.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let browser: Browser;
let app: string;
const servers: http.Server[] = [];

/** Waits until `check` holds (a wait for the browser, not a timing assertion); throws after 10 s. */
async function until(what: string, check: () => boolean): Promise<void> {
  for (let waited = 0; !check(); waited += 50) {
    if (waited > 10_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A bare HTTP server on its own loopback port answering every request with `html`. */
async function serve(html: (origin: string) => string): Promise<string> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  t = await startTestApp();
  app = await listen(t);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  await t?.close();
});

describe('the pages cannot be framed by another origin', () => {
  it('the workbench and the war room are refused inside a frame; a frameable page is not', async () => {
    const frameable = await serve(() => '<!doctype html><title>frameable</title><p id="shown">visible in a frame</p>');
    const attacker = await serve(
      () => `<!doctype html><title>attacker</title>
        <iframe name="workbench" src="${app}/workbench/" width="600" height="400"></iframe>
        <iframe name="warroom" src="${app}/" width="600" height="400"></iframe>
        <iframe name="control" src="${frameable}/" width="600" height="400"></iframe>`,
    );
    expect(new URL(attacker).origin).not.toBe(new URL(app).origin);

    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const messages: string[] = [];
      page.on('console', (message) => messages.push(message.text()));
      const served: string[] = [];
      page.on('response', (response) => served.push(`${response.status()} ${response.url()}`));

      await page.goto(attacker);
      const control = page.frame({ name: 'control' })!;
      await control.waitForSelector('#shown');
      expect(await control.textContent('#shown')).toBe('visible in a frame');

      // The app did answer both pages (200): the browser refused to show them.
      await until('both pages answered', () => served.filter((line) => line === `200 ${app}/workbench/` || line === `200 ${app}/`).length === 2);
      for (const name of ['workbench', 'warroom']) {
        const frame = page.frame({ name })!;
        await until(`the ${name} frame to settle`, () => frame.url() !== 'about:blank' && frame.url() !== '');
        expect([name, frame.url()]).toEqual([name, expect.not.stringContaining(app)]);
        expect([name, await frame.evaluate(() => (globalThis as unknown as { document: { title: string } }).document.title).catch(() => '(no document)')]).not.toEqual([name, expect.stringMatching(/工作台|挂图作战|登录/)]);
      }
      await until('the refusals to be logged', () => messages.filter((line) => line.includes("frame-ancestors 'none'")).length >= 2);
      expect(messages.filter((line) => line.includes("frame-ancestors 'none'"))).toHaveLength(2);
    } finally {
      await context.close();
    }
  });
});
