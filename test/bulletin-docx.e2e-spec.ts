import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_APPROVALS, projectBody, startedProject } from './factories/project.factory.js';
import { binary, pct, rankedRegionRows, WORD, yi } from './support/bulletin-figures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The bulletin as a Word document, read back by another program (python-docx from Debian, run
 * with /usr/bin/python3): the 通报 layout (masthead, issue line, numbered sections, 落款, the
 * checkpoint line), and every figure equal to the published bulletin's JSON, formatted here
 * independently (亿元 to two decimals by integer arithmetic, percent to two decimals).
 */
const READ_DOCX = `
import json, sys, docx
d = docx.Document(sys.argv[1])
print(json.dumps({"paragraphs": [p.text for p in d.paragraphs], "tables": [[[c.text for c in r.cells] for r in t.rows] for t in d.tables]}, ensure_ascii=False))
`;
import { REQUEST_KIND_LABELS } from '../src/reference/labels.js';

interface Read {
  paragraphs: string[];
  tables: string[][][];
}

const word = (rating: keyof typeof WORD | null) => (rating ? WORD[rating] : '—');

describe('the bulletin as a Word document', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'tracker-docx-'));
  const readDocx = (bytes: Buffer, name: string): Read => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    const run = spawnSync('/usr/bin/python3', ['-c', READ_DOCX, file], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`python-docx could not read the document (apt-get install python3-docx): ${run.stderr}`);
    return JSON.parse(run.stdout) as Read;
  };
  const download = async (year: number, month: number) => {
    const res = await t.client.get(`/api/exports/bulletins/${year}/${month}.docx`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toContain(`bulletin-${year}-${String(month).padStart(2, '0')}.docx`);
    return res.body as Buffer;
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-06-30T04:00:00.000Z' });
    // A small world: started projects in two regions, one lagging (red list), one on time; a preparation-list project.
    const project = (region: string, chain: string, planned: number, reported: number, total: number) =>
      startedProject(t.client, { region, chain, totalInvestment: total }, reported, planned);
    await project('371502', 'green-chemical', 12000, 4123, 150000);
    await project('371581', 'bearings', 24000, 1234, 60000);
    await project('371502', 'bearings', 6000, 3333, 20000);
    const prep = (await t.client.post('/api/projects').send(projectBody({ region: '371581', approvals: ALL_APPROVALS, plannedStartDate: '2024-03-01' }))).body.id;
    await t.client.post(`/api/projects/${prep}/events`).send({ type: 'PROMOTE' });
    await t.client.put(`/api/lists/2024/entries/${prep}`).send({ category: 'preparation', plannedInvestment: 5000 });
    expect((await t.client.post('/api/bulletins/2024/5')).status).toBe(201);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens in python-docx, in the 通报 layout, with every figure equal to the published bulletin', async () => {
    const bulletin = (await t.client.get('/api/bulletins/2024/5')).body;
    const b = bulletin.dashboard;
    const doc = readDocx(await download(2024, 5), 'b.docx');
    const p = doc.paragraphs;
    expect(p.slice(0, 4)).toEqual(['聊城市制造业重点项目月通报', '2024年第5期', '聊城市产业链链长制工作办公室\t2024年6月30日', '2024年1—5月全市制造业重点项目推进情况']);
    const headings = p.filter((text) => /^[一二三四五六七八九十]+、/.test(text));
    // The words (published as drafted: nobody saved any) frame the figures: 总体情况 first; 表扬, 存在问题, 下步工作 when they have items.
    const c = bulletin.commentary;
    const closing = [['表扬', c.praise], ['存在问题', c.problems], ['下步工作', c.nextSteps]].filter(([, items]) => items.length).map(([title]) => title);
    expect(closing).toContain('存在问题');
    const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
    const titles = ['总体情况', '投资完成情况', '准备类项目开工', '大项目和重点项目', '县（市、区）排名', '产业链', '招商引资', '预警清单', '要素保障', '要素保障年度累计（1—5月）', ...closing];
    expect(headings).toEqual(titles.map((title, i) => `${numerals[i]}、${title}`));
    expect(p[p.indexOf('一、总体情况') + 1]).toBe(c.overview);
    const problems = headings.find((h) => h.endsWith('、存在问题'))!;
    expect(p.slice(p.indexOf(problems) + 1, p.indexOf(problems) + 1 + c.problems.length)).toEqual(
      c.problems.map((text: string, i: number) => `（${['一', '二', '三', '四', '五', '六', '七', '八', '九'][i]}）${text}`),
    );

    const [investment, start, bigKey, regions, chains, attraction, redList, factorCounts, factorTotals] = doc.tables;
    const i = b.investment;
    expect(investment).toEqual([
      ['指标', '完成（亿元）', '年度目标（亿元）', '序时进度（亿元）', '完成序时进度', '评级'],
      ['实施类项目完成投资', yi(i.actual), yi(i.target), yi(i.expected), pct(i.ratio), word(i.rating)],
    ]);
    expect(i.actual).toBe(4123 + 1234 + 3333);
    const s = b.startRate;
    expect(start[1]).toEqual([String(s.listed), String(s.started), pct(s.rate), pct(s.target), String(s.neededForTarget)]);
    expect(bigKey[1].slice(1, 3)).toEqual([String(b.bigProjects.count), String(b.bigProjects.target)]);
    const k = b.keyProjects;
    expect(bigKey[2].slice(1)).toEqual([yi(k.investment), yi(k.target), yi(k.expected), pct(k.ratio), word(k.rating)]);

    expect(regions.slice(1).map((row) => row.slice(0, 8))).toEqual(rankedRegionRows(b.regions));
    expect(chains).toHaveLength(1 + b.chains.length);
    expect(chains.slice(1).map((row) => [row[0], row[4], row[5], row[6]])).toEqual(
      b.chains.map((c: { no: number; targetInvestment: number; actual: number; ratio: number | null }) => [String(c.no), yi(c.targetInvestment), yi(c.actual), pct(c.ratio)]),
    );
    expect(b.redList.length).toBeGreaterThan(0);
    expect(redList.slice(1).map((row) => [row[1], row[2], row[6]])).toEqual(b.redList.map((r: { code: string; name: string; reason: string }) => [r.code, r.name, r.reason]));
    // beside the county, who answers for each (docs/domain/responsibility.md "On the board")
    const named = (r: { responsible: { cityLeader?: string; countyLeader?: string; commissioner?: string } }) =>
      [r.responsible.cityLeader && `包联 ${r.responsible.cityLeader}`, r.responsible.countyLeader && `县包联 ${r.responsible.countyLeader}`, r.responsible.commissioner && `专员 ${r.responsible.commissioner}`].filter(Boolean).join('；') || '未指定';
    expect(redList[0][4]).toBe('包联领导 / 专员');
    expect(redList.slice(1).map((row) => row[4])).toEqual(b.redList.map(named));

    // 落款 and the checkpoint line: the bulletin's hash and its audit checkpoint.
    expect(p).toContain('聊城市产业链链长制工作办公室');
    const last = p[p.length - 1];
    expect(last).toContain(bulletin.hash);
    expect(last).toContain(`审计检查点：第 ${bulletin.checkpoint.seq} 条，哈希 ${bulletin.checkpoint.hash}`);

    // 招商引资: the city's 签约 and 到位 against target with 序时, then each chain's row.
    const a = b.attraction;
    const figure = (label: string, f: { actual: number; target: number; expected: number; ratio: number | null; rating: keyof typeof WORD | null }) =>
      `${label} ${yi(f.actual)} 亿元，年度目标 ${yi(f.target)} 亿元，序时 ${yi(f.expected)} 亿元，完成序时 ${pct(f.ratio)}（${f.rating ? WORD[f.rating] : '—'}）`;
    expect(p).toContain(`${figure('全市产业链招商签约', a.signed)}；${figure('到位资金', a.funded)}；签约项目 ${a.signedCount} 个，落地 ${a.landedCount} 个。`);
    const counted = (c: { count: number; target: number | null }) => (c.target === null ? String(c.count) : `${c.count}/${c.target}`);
    expect(attraction).toHaveLength(1 + 12);
    expect(attraction.slice(1)).toEqual(
      a.chains.map((c: { no: number; name: string; flagship: boolean; signed: { actual: number; target: number; ratio: number | null }; funded: { actual: number; target: number; ratio: number | null }; signedOver100m: { count: number; target: number | null }; landed: { count: number; target: number | null } }) => [
        String(c.no), `${c.name}${c.flagship ? '★' : ''}`,
        yi(c.signed.actual), yi(c.signed.target), pct(c.signed.ratio), yi(c.funded.actual), yi(c.funded.target), pct(c.funded.ratio),
        counted(c.signedOver100m), counted(c.landed),
      ]),
    );
    // The plan's count targets show where the appendix names one (2024: 黑色金属 10 over 1亿, 大健康 10 landed).
    expect(attraction.filter((row) => row[8].includes('/') || row[9].includes('/')).map((row) => row[1])).toEqual(['黑色金属', '大健康★']);

    // 要素保障: the block's own figures, per kind and per department.
    const f = b.factorGuarantee;
    expect(p).toContain(`截至 ${f.refDate}：待办需求 ${f.open} 项，其中逾期 ${f.overdue} 项；已办结待评价 ${f.awaitingEvaluation} 项；提交市政府常务会 ${f.escalated} 项。`);
    expect(factorCounts).toEqual([
      ['要素 / 承办部门', '待办（项）', '逾期（项）'],
      ...f.byKind.map((k: { kind: keyof typeof REQUEST_KIND_LABELS; open: number; overdue: number }) => [REQUEST_KIND_LABELS[k.kind], String(k.open), String(k.overdue)]),
      ...f.byDepartment.map((d: { name: string; open: number; overdue: number }) => [d.name, String(d.open), String(d.overdue)]),
    ]);
    // 要素保障年度累计: January to May, a row per kind, and 授信 against 到位 in 亿元.
    const totals = b.factorTotals;
    expect(p).toContain(`1—5月，资金授信${yi(totals.funding.credit)}亿元，到位${yi(totals.funding.disbursed)}亿元（截至 ${totals.refDate}）。`);
    const units: Record<string, string> = { mu: '亩', tce: '吨标准煤', tpa: '吨/年', wan: '万元' };
    expect(factorTotals).toEqual([
      ['要素', '需求（项）', '服务项目（个）', '需求量', '已保障', '单位'],
      ...totals.kinds.map((k: { kind: keyof typeof REQUEST_KIND_LABELS; requests: number; projects: number; asked: string | null; granted: string | null; unit: string | null }) => [
        REQUEST_KIND_LABELS[k.kind], String(k.requests), String(k.projects), k.asked ?? '—', k.granted ?? '—', k.unit ? units[k.unit] : '—',
      ]),
    ]);
  });

  it('has no 招商 or 要素保障 section for a bulletin published before they were tracked (no such blocks)', async () => {
    const board = JSON.parse((await t.client.get('/api/dashboard/2024?month=4')).text);
    delete board.factorGuarantee;
    delete board.factorTotals;
    delete board.attraction;
    const body = JSON.stringify(board);
    await t.dataSource.query('INSERT INTO bulletin (year, month, published_at, published_by, body, hash) VALUES (?, ?, ?, ?, ?, ?)', [
      2024, 4, '2024-06-30T04:00:00.000Z', 'admin', body, createHash('sha256').update(body).digest('hex'),
    ]);
    const doc = readDocx(await download(2024, 4), 'f.docx');
    expect(doc.paragraphs.filter((text) => /^[一二三四五六七八九十]、/.test(text))).toEqual(['一、投资完成情况', '二、准备类项目开工', '三、大项目和重点项目', '四、县（市、区）排名', '五、产业链', '六、预警清单']);
    expect(doc.paragraphs.filter((text) => text.startsWith('全市产业链招商签约') || text.startsWith('截至'))).toEqual([]);
    expect(doc.paragraphs.at(-1)).toContain('审计检查点：无');
  });

  it('is 404 for a month without a published bulletin', async () => {
    const res = await t.client.get('/api/exports/bulletins/2024/6.docx');
    expect([res.status, res.body.statusCode]).toEqual([404, 404]);
  });
});
