import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRoot } from '../src/common/index.js';

/**
 * Every page the server gives out loads `/shared/forms-by-script.js` as a plain (blocking) script
 * in its <head>, before any other script, so that no form of it can be sent by the browser itself
 * before the page's own script handles it (docs/access.md "The pages' session";
 * test/intranet.browser-spec.ts presses Enter in forms before their scripts load).
 */
const ROOT = projectRoot();
const GUARD = '<script src="/shared/forms-by-script.js"></script>';

function pagesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Why a page's head does not load the guard first, or null when it does. */
export function guardProblem(html: string): string | null {
  const head = /<head>([\s\S]*?)<\/head>/.exec(html)?.[1];
  if (head === undefined) return 'no <head>';
  const scripts = head.match(/<script\b[^>]*>/g) ?? [];
  if (scripts.length === 0 || `${scripts[0]}</script>` !== GUARD) return `the first script of its <head> is ${scripts[0] ?? 'missing'}`;
  const before = html.slice(0, html.indexOf(GUARD));
  if (/<form\b/.test(before)) return 'a form comes before the guard';
  return null;
}

describe('the pages load the form guard first', () => {
  it('tells a page without it, with it later, or with it after another script', () => {
    expect(guardProblem(`<html><head>${GUARD}<script type="module" src="/x.js"></script></head><body><form></form></body></html>`)).toBeNull();
    expect(guardProblem('<html><head><script type="module" src="/x.js"></script></head></html>')).toContain('first script');
    expect(guardProblem(`<html><head><script src="/vendor/a.js"></script>${GUARD}</head></html>`)).toContain('/vendor/a.js');
    expect(guardProblem('<html><head></head><body></body></html>')).toContain('missing');
    expect(guardProblem(`<html><body>${GUARD}</body></html>`)).toBe('no <head>');
  });

  it('every page under src/ has it as the first script of its <head>', () => {
    const pages = pagesUnder(join(ROOT, 'src'));
    expect(pages.length).toBeGreaterThanOrEqual(18);
    const problems = pages.map((path) => [relative(ROOT, path), guardProblem(readFileSync(path, 'utf8'))]).filter(([, problem]) => problem !== null);
    expect(problems).toEqual([]);
  });
});
