import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The docs the code cites exist. Code and comments point at a section of a doc as
 * `docs/<file>.md "<heading>"` (straight or curly quotes; the quoted name may start on the next
 * comment line); each such citation must name a file under docs/ that has a markdown heading,
 * of any level, whose text is exactly the quoted name. And every relative link in README.md and
 * docs/**.md must point at a file that exists (the part before `#`; web links and `#anchor`
 * links are not checked). The checker is shown failing on a planted broken citation and link.
 * What runs: docs/development.md "Tests".
 */
const ROOT = process.cwd();
const CODE_DIRS = ['src', 'seeds', 'test', 'scripts'];
const SKIP_DIRS = new Set(['node_modules', 'dist', '.git']);

export interface Citation {
  file: string;
  line: number;
  doc: string;
  section: string;
}

export interface Link {
  file: string;
  line: number;
  target: string;
}

/**
 * `docs/<file>.md "<heading>"`: a space after the path on the same line, or a line break and a comment
 * leader (`*`, `//`, `#`) before the quoted name; straight or curly double quotes.
 */
const CITATION = /(?<![\w-])(docs\/[\w./-]+?\.md)(?:[ \t]+|[ \t]*\r?\n[ \t]*(?:\*|\/\/|#)?[ \t]*)(?:"([^"\n]+)"|“([^”\n]+)”)/g;

/** Every citation in one file's text, with the line the path is on. */
export function findCitations(file: string, text: string): Citation[] {
  const found: Citation[] = [];
  for (const match of text.matchAll(CITATION)) {
    const line = text.slice(0, match.index).split('\n').length;
    found.push({ file, line, doc: match[1], section: (match[2] ?? match[3]).trim() });
  }
  return found;
}

/** The text of every ATX heading (`#` … `######`) outside fenced code blocks, trimmed, closing `#`s dropped. */
export function headingsOf(markdown: string): string[] {
  const headings: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split(/\r?\n/)) {
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMark) {
      if (fence === null) fence = fenceMark[1][0];
      else if (fenceMark[1][0] === fence) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const heading = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?[ \t]*$/.exec(line);
    if (heading) headings.push((heading[1] ?? '').replace(/(?:^|[ \t]+)#+$/, '').trim());
  }
  return headings;
}

/** The citations whose doc is missing (`headingsByDoc` has no entry) or has no heading of that name. */
export function brokenCitations(citations: Citation[], headingsByDoc: (doc: string) => string[] | undefined): Citation[] {
  return citations.filter((citation) => !(headingsByDoc(citation.doc) ?? []).includes(citation.section));
}

/** `file:line → docs/<file>.md "<heading>"`, one per broken citation. */
export function describeCitation(citation: Citation): string {
  return `${citation.file}:${citation.line} → ${citation.doc} "${citation.section}"`;
}

/**
 * Relative link targets in a markdown text: `[text](target)` and `![alt](target)`, outside fenced
 * code blocks and inline code; the file part only (before `#` or `?`); web, mail and pure `#anchor`
 * links left out.
 */
export function findLinks(file: string, markdown: string): Link[] {
  const links: Link[] = [];
  let fence: string | null = null;
  markdown.split(/\r?\n/).forEach((raw, index) => {
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
    if (fenceMark) {
      if (fence === null) fence = fenceMark[1][0];
      else if (fenceMark[1][0] === fence) fence = null;
      return;
    }
    if (fence !== null) return;
    const line = raw.replace(/`[^`]*`/g, '');
    for (const match of line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      const target = match[1];
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
      const path = target.split(/[#?]/)[0];
      if (path) links.push({ file, line: index + 1, target: path });
    }
  });
  return links;
}

/** The links whose target, resolved from the linking file's folder, does not exist. */
export function brokenLinks(links: Link[], exists: (path: string) => boolean): Link[] {
  return links.filter((link) => !exists(join(dirname(link.file), decodeURIComponent(link.target))));
}

function walk(dir: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) files.push(...walk(path, keep));
    } else if (entry.isFile() && keep(entry.name)) files.push(path);
  }
  return files;
}

const isText = (name: string) => !/\.(png|jpe?g|gif|ico|xlsx|docx|sqlite|woff2?|ttf|zip|gz)$/i.test(name);
const rel = (path: string) => relative(ROOT, path).split('\\').join('/');

function codeCitations(): Citation[] {
  return CODE_DIRS.flatMap((dir) => walk(join(ROOT, dir), isText)).flatMap((path) => findCitations(rel(path), readFileSync(path, 'utf8')));
}

const headingCache = new Map<string, string[] | undefined>();
function headingsOfDoc(doc: string): string[] | undefined {
  if (!headingCache.has(doc)) {
    const path = resolve(ROOT, doc);
    headingCache.set(doc, existsSync(path) && statSync(path).isFile() ? headingsOf(readFileSync(path, 'utf8')) : undefined);
  }
  return headingCache.get(doc);
}

function markdownFiles(): string[] {
  return [join(ROOT, 'README.md'), ...walk(join(ROOT, 'docs'), (name) => name.endsWith('.md'))].filter((path) => existsSync(path));
}

describe('doc anchors', () => {
  it('every docs/… "Section" cited in src/, seeds/, test/ and scripts/ is a heading of that doc', () => {
    const citations = codeCitations();
    expect(citations.length).toBeGreaterThan(0);
    const broken = brokenCitations(citations, headingsOfDoc).map(describeCitation);
    expect(broken.join('\n')).toBe('');
  });

  it('every relative link in README.md and docs/ points at a file that exists', () => {
    const links = markdownFiles().flatMap((path) => findLinks(rel(path), readFileSync(path, 'utf8')));
    expect(links.length).toBeGreaterThan(0);
    const broken = brokenLinks(links, (path) => existsSync(resolve(ROOT, path))).map((link) => `${link.file}:${link.line} → ${link.target}`);
    expect(broken.join('\n')).toBe('');
  });

  it('reports a planted broken citation with its file and line, and passes a good one', () => {
    // Built at run time, so that this file holds no citation of its own for the walk above.
    const doc = ['docs', 'api.md'].join('/');
    const text = [
      `// the error shape: ${doc} "Errors"`,
      `/** who may: ${doc}`,
      ` * "No such section"), and ${doc} “Curly”. */`,
    ].join('\n');
    const headings = headingsOf('# The HTTP API\n\n## Errors\n```sh\n# not a heading\n```\n### Curly ##\n');
    expect(headings).toEqual(['The HTTP API', 'Errors', 'Curly']);

    const citations = findCitations('planted.ts', text);
    expect(citations.map(describeCitation)).toEqual([
      `planted.ts:1 → ${doc} "Errors"`,
      `planted.ts:2 → ${doc} "No such section"`,
      `planted.ts:3 → ${doc} "Curly"`,
    ]);
    const broken = brokenCitations(citations, (cited) => (cited === doc ? headings : undefined));
    expect(broken.map(describeCitation)).toEqual([`planted.ts:2 → ${doc} "No such section"`]);
    expect(brokenCitations(findCitations('x.ts', `${['docs', 'gone.md'].join('/')} "Errors"`), () => undefined)).toHaveLength(1);
    // A heading with more words than the citation is not that section.
    expect(brokenCitations(citations.slice(0, 1), () => ['Errors and codes'])).toHaveLength(1);
  });

  it('reports a planted broken link and leaves web and anchor links alone', () => {
    const markdown = [
      '[ok](docs/api.md#errors) [gone](docs/gone.md) [web](https://example.org/x.md) [anchor](#top)',
      '`[code](not/a/link.md)`',
      '```',
      '[fenced](not/a/link.md)',
      '```',
      '![shot](../war-room.png)',
    ].join('\n');
    const links = findLinks('docs/README.md', markdown);
    expect(links.map((link) => `${link.line}:${link.target}`)).toEqual(['1:docs/api.md', '1:docs/gone.md', '6:../war-room.png']);
    const exists = (path: string) => ['docs/docs/api.md', 'war-room.png'].includes(path);
    expect(brokenLinks(links, exists).map((link) => link.target)).toEqual(['docs/gone.md']);
  });
});
