import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_APPROVALS, projectBody, startedProject } from './factories/project.factory.js';
import { binary, pct, yi } from './support/bulletin-figures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The Word bulletin as a 公文 reader sees it on paper: rendered to PDF by LibreOffice (Debian's
 * libreoffice-writer-nogui, `soffice --headless --convert-to pdf`) and read back with the text
 * positions poppler gives (`pdftotext -bbox-layout`, `pdfinfo`). Every number, colour, code, place
 * and chain in a table must stand whole on one line of its cell; wide tables lie in landscape
 * pages; every page carries its number "— n —"; the words (总体情况 … 下步工作) are printed.
 */
interface Line {
  page: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  /** The line's words joined without spaces. */
  text: string;
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

function pdfLines(html: string): Line[] {
  const lines: Line[] = [];
  html.split('<page ').slice(1).forEach((page, index) => {
    for (const match of page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const words = [...match[5].matchAll(/<word[^>]*>([\s\S]*?)<\/word>/g)].map((w) => decode(w[1]));
      lines.push({ page: index + 1, xMin: Number(match[1]), yMin: Number(match[2]), xMax: Number(match[3]), yMax: Number(match[4]), text: words.join('') });
    }
  });
  return lines;
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 180_000 });
  if (result.status !== 0) throw new Error(`${command} failed (apt-get install libreoffice-writer-nogui poppler-utils): ${result.stderr || result.error}`);
  return result.stdout;
}

describe('the Word bulletin rendered by LibreOffice', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'tracker-docx-layout-'));
  let lines: Line[];
  let pages: { width: number; height: number }[];
  let bulletin: {
    commentary: { overview: string; problems: string[]; nextSteps: string[]; praise: string[] };
    dashboard: {
      regions: { name: string; projects: number; plan: number; actual: number; expected: number; ratio: number | null }[];
      chains: { name: string; flagship: boolean; targetInvestment: number; actual: number; ratio: number | null }[];
      attraction: { chains: { signed: { actual: number; ratio: number | null }; funded: { actual: number; ratio: number | null } }[] };
      redList: { code: string; regionName: string | null; kind: string }[];
    };
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-07-05T02:00:00.000Z' });
    // The longest names the tables hold: 聊城市江北水城旅游度假区, 聊城高新技术产业开发区, 新一代信息技术, 农副产品加工;
    // ratios of three digits before the point (e.g. 150.00%), and a long project name on the red list.
    await startedProject(t.client, { region: '371573', chain: 'new-it', name: '年产1.2亿只高端电子元器件及配套精密结构件智能制造项目（一期）' }, 300, 6000);
    await startedProject(t.client, { region: '371572', chain: 'agri-food' }, 4800, 6000);
    await startedProject(t.client, { region: '371502', chain: 'bearings' }, 3100, 6000);
    const late = await startedProject(t.client, { region: '371573', chain: 'new-it' }, 3000, 6000);
    await t.client.put(`/api/projects/${late}/milestones`).send([{ name: '主体完工', plannedDate: '2024-05-31' }, { name: '竣工投产', plannedDate: '2024-12-31' }]);
    const prep = (await t.client.post('/api/projects').send(projectBody({ region: '371572', approvals: ALL_APPROVALS, plannedStartDate: '2024-03-01' }))).body.id;
    await t.client.post(`/api/projects/${prep}/events`).send({ type: 'PROMOTE' });
    await t.client.put(`/api/lists/2024/entries/${prep}`).send({ category: 'preparation', plannedInvestment: 5000 });
    const draft = (await t.client.get('/api/bulletins/2024/6/draft')).body;
    await t.client.put('/api/bulletins/2024/6/commentary').send({ ...draft, nextSteps: ['各县（市、区）对照节点计划逐项销号，7月20日前报送整改情况。'] });
    expect((await t.client.post('/api/bulletins/2024/6')).status).toBe(201);
    bulletin = (await t.client.get('/api/bulletins/2024/6')).body;

    const docx = join(dir, 'bulletin.docx');
    writeFileSync(docx, (await t.client.get('/api/exports/bulletins/2024/6.docx').buffer(true).parse(binary)).body as Buffer);
    run('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'pdf', '--outdir', dir, docx]);
    const pdf = join(dir, 'bulletin.pdf');
    run('pdftotext', ['-bbox-layout', pdf, join(dir, 'bulletin.html')]);
    lines = pdfLines(readFileSync(join(dir, 'bulletin.html'), 'utf8'));
    const info = run('pdfinfo', ['-f', '1', '-l', '999', pdf]);
    pages = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  }, 240_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The values that must not break: every number, place and chain the tables print. */
  const unbreakable = () => {
    const b = bulletin.dashboard;
    return [
      ...b.regions.flatMap((r) => [r.name, yi(r.plan), yi(r.actual), yi(r.expected), pct(r.ratio)]),
      ...b.chains.flatMap((c) => [`${c.name}${c.flagship ? '★' : ''}`, yi(c.targetInvestment), yi(c.actual), pct(c.ratio)]),
      ...b.attraction.chains.flatMap((c) => [yi(c.signed.actual), pct(c.signed.ratio), yi(c.funded.actual), pct(c.funded.ratio)]),
      ...b.redList.flatMap((r) => [r.code, r.regionName ?? '']),
    ].filter((v) => v.length > 1 && v !== '—');
  };

  it('prints every number, place and chain of the tables whole, on one line', () => {
    const values = [...new Set(unbreakable())];
    expect(values).toEqual(expect.arrayContaining(['聊城市江北水城旅游度假区', '聊城高新技术产业开发区', '新一代信息技术', '农副产品加工']));
    expect(values.some((v) => /^\d{3}\.\d\d%$/.test(v))).toBe(true);
    const missing = values.filter((v) => !lines.some((line) => line.text.includes(v)));
    expect(missing).toEqual([]);
    // A value broken in its cell leaves its head at the end of one short line and its tail at the
    // start of the line below it, in the same column ("105.60" over "%", "新一代信息" over "技术").
    const broken: string[] = [];
    for (const v of values)
      for (let cut = 1; cut < v.length; cut++) {
        const [head, tail] = [v.slice(0, cut), v.slice(cut)];
        for (const upper of lines) {
          if (!upper.text.endsWith(head) || upper.text.includes(v)) continue;
          const lower = lines.find(
            (l) => l.page === upper.page && l !== upper && l.yMin > upper.yMin && l.yMin - upper.yMax < 8 && l.xMin < upper.xMax && l.xMax > upper.xMin && l.text.startsWith(tail),
          );
          if (lower && upper.xMax - upper.xMin < 200) broken.push(`${upper.text} / ${lower.text}`);
        }
      }
    expect(broken).toEqual([]);
  });

  it('lays the wide tables in landscape pages, the body in portrait', () => {
    const pageOf = (text: string) => lines.find((l) => l.text.includes(text))!.page;
    const landscape = (page: number) => pages[page - 1].width > pages[page - 1].height;
    expect(landscape(1)).toBe(false);
    expect(landscape(pageOf('县（市、区）排名'))).toBe(true);
    expect(landscape(pageOf('一、总体情况'))).toBe(false);
    expect(landscape(pageOf('存在问题'))).toBe(false);
  });

  it('numbers every page “— n —” at its foot', () => {
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, index) => {
      const foot = lines.filter((l) => l.page === index + 1 && l.yMin > page.height * 0.85).map((l) => l.text);
      expect([index + 1, foot]).toEqual([index + 1, expect.arrayContaining([`—${index + 1}—`])]);
    });
  });

  it('prints the words: 总体情况 first, then 表扬, 存在问题 and 下步工作 after the figures', () => {
    const text = lines.map((l) => l.text).join('');
    const at = (s: string) => text.indexOf(s.replace(/\s/g, ''));
    const c = bulletin.commentary;
    expect(c.problems.length).toBeGreaterThan(0);
    expect(at('一、总体情况')).toBeGreaterThan(-1);
    expect(at(c.overview.slice(0, 30))).toBeGreaterThan(at('一、总体情况'));
    expect(at('存在问题')).toBeGreaterThan(at('县（市、区）排名'));
    expect(at(`（一）${c.problems[0].slice(0, 20)}`)).toBeGreaterThan(at('存在问题'));
    expect(at('下步工作')).toBeGreaterThan(at('存在问题'));
    expect(at('（一）各县（市、区）对照节点计划逐项销号')).toBeGreaterThan(at('下步工作'));
    // The 节点滞后 project is named in the problems.
    expect(c.problems.some((p) => p.startsWith('节点滞后的项目1个：聊城市江北水城旅游度假区'))).toBe(true);
  });
});
