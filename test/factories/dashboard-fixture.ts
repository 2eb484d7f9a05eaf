/**
 * The dashboard fixture: one data table of projects that drives both the HTTP calls
 * that build the database and the plain arithmetic that says what the 2024 board must
 * show. Nothing here imports code under test: the reference figures below are copied
 * from docs/domain/plan-2024.md (the 2024 plan's appendix and §四(四)), and every expected figure is computed
 * here from the table, by hand-written arithmetic.
 *
 * Every fact carries the instant it was recorded (the mocked clock at the time of the
 * call), so the same arithmetic answers "as of" any instant.
 */
import { expect } from '@jest/globals';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { databaseState, type TestApp } from '../support/test-app.js';
import { projectBody } from './project.factory.js';

// ---------------------------------------------------------------------------
// Reference data, copied from docs/domain/plan-2024.md (not imported from seeds/ or src/).
// ---------------------------------------------------------------------------

export const REGION_REF: { code: string; name: string; required: boolean }[] = [
  { code: '371502', name: '东昌府区', required: true },
  { code: '371503', name: '茌平区', required: true },
  { code: '371521', name: '阳谷县', required: true },
  { code: '371522', name: '莘县', required: true },
  { code: '371524', name: '东阿县', required: true },
  { code: '371525', name: '冠县', required: true },
  { code: '371526', name: '高唐县', required: true },
  { code: '371581', name: '临清市', required: true },
  { code: '371571', name: '聊城经济技术开发区', required: false },
  { code: '371572', name: '聊城高新技术产业开发区', required: false },
  { code: '371573', name: '聊城市江北水城旅游度假区', required: false },
];

/** 2024 appendix: target projects and investment (亿元 × 10,000 = 万元). */
export const CHAIN_REF: { code: string; no: number; name: string; flagship: boolean; projects: number; investment: number }[] = [
  { code: 'ferrous', no: 1, name: '黑色金属', flagship: false, projects: 7, investment: 173000 },
  { code: 'equipment', no: 2, name: '装备制造', flagship: false, projects: 23, investment: 303000 },
  { code: 'nonferrous', no: 3, name: '有色金属', flagship: true, projects: 4, investment: 101000 },
  { code: 'auto-parts', no: 4, name: '汽车及零部件', flagship: false, projects: 5, investment: 40300 },
  { code: 'new-energy', no: 5, name: '新能源', flagship: true, projects: 2, investment: 39000 },
  { code: 'new-it', no: 6, name: '新一代信息技术', flagship: false, projects: 5, investment: 79000 },
  { code: 'light-textile', no: 7, name: '轻工纺织', flagship: false, projects: 9, investment: 110000 },
  { code: 'building-materials', no: 8, name: '绿色建材', flagship: false, projects: 4, investment: 57000 },
  { code: 'health', no: 9, name: '大健康', flagship: true, projects: 10, investment: 194000 },
  { code: 'green-chemical', no: 10, name: '绿色化工', flagship: true, projects: 16, investment: 398000 },
  { code: 'bearings', no: 11, name: '高端轴承', flagship: false, projects: 6, investment: 39000 },
  { code: 'agri-food', no: 12, name: '农副产品加工', flagship: false, projects: 9, investment: 61200 },
];

/** 2024 招商 targets (亿元): the appendix's 签约 and 到位 per chain, in CHAIN_REF's order, and the city's. */
export const ATTRACTION_REF = {
  signedYi: [60, 100, 100, 50, 100, 50, 55, 50, 100, 100, 50, 80],
  fundedYi: [20, 45, 30, 15, 50, 12, 15, 12, 20, 32, 20, 30],
  citySignedYi: 900,
  cityFundedYi: 300,
};

/** 2024 city targets (000 §四(四)). */
export const CITY = {
  implementationListSize: 100,
  implementationInvestment: 1_650_000,
  preparationListSize: 30,
  startRatePct: 80,
  bigThreshold: 500_000,
  bigCityTarget: 10,
  keyThreshold: 100_000,
  keyCount: 22,
  keyInvestment: 750_000,
  bluePct: 100,
  yellowPct: 80,
};

// ---------------------------------------------------------------------------
// The table.
// ---------------------------------------------------------------------------

type Amounts = (number | null)[];

export interface FixtureProject {
  key: string;
  region: string;
  chain: string;
  total: number;
  plannedStart: string;
  plannedCompletion?: string;
  /** When the project was created (and promoted, unless `reserve`). */
  createdAt?: string;
  /** Stays in reserve (never promoted). */
  reserve?: boolean;
  /** 项目来源 (招商引进 / 本地企业扩产 / 技改); none when not given. */
  origin?: 'attracted' | 'expansion' | 'renovation';
  start?: string;
  halt?: string;
  complete?: string;
  /** Instant the COMPLETE was recorded, when not the completion day itself. */
  completeAt?: string;
  withdraw?: string;
  /** The 2024 list place; `key`: designated a key project (市级重点). */
  list?: { category: 'implementation' | 'preparation'; planned: number; curve?: number[]; key?: boolean };
  /** 2024 reports, January first; null = not filed. Filed on the 5th of the next month. */
  r?: Amounts;
  /** Re-filings (revision 2) of 2024 months, filed on the 5th of the month after the first filing. */
  rev?: Record<string, number>;
  /** Reports of other years, as { month: amount }, filed on the 5th of the next month. */
  older?: Record<string, number>;
}

const rep = (n: number, v: number): number[] => Array.from({ length: n }, () => v);
const none = (n: number): null[] => Array.from({ length: n }, () => null);

/** 37 projects over 9 of the 11 places and all 12 chains. Figures are illustrative. */
export const TABLE: FixtureProject[] = [
  // 东昌府区 371502
  { key: 'A1', region: '371502', chain: 'green-chemical', total: 800_000, plannedStart: '2023-05-01', start: '2023-05-10',
    list: { category: 'implementation', planned: 60_000, key: true },
    r: [5000, 5000, 4000, 5000, 5000, 5000, 5000, 5000, 5000, 5000], rev: { '2024-03': 5000 } },
  { key: 'A2', region: '371502', chain: 'green-chemical', total: 150_000, plannedStart: '2024-03-01', start: '2024-03-01',
    list: { category: 'implementation', planned: 24_000, key: true, curve: [0, 0, 1000, 2000, 2000, 3000, 3000, 3000, 3000, 3000, 2000, 2000] },
    r: [null, null, 1000, 2000, 1500, 2500, 3000, 3000, 2500, 3000] },
  { key: 'A3', region: '371502', chain: 'light-textile', total: 30_000, plannedStart: '2024-02-01', start: '2024-02-10',
    list: { category: 'implementation', planned: 12_000 }, r: [null, ...rep(9, 500)] },
  { key: 'A4', region: '371502', chain: 'agri-food', total: 25_000, plannedStart: '2024-01-20', start: '2024-01-25',
    list: { category: 'preparation', planned: 5000 }, r: rep(10, 300) },
  { key: 'A5', region: '371502', chain: 'auto-parts', total: 40_000, plannedStart: '2023-07-01', start: '2023-07-01',
    list: { category: 'implementation', planned: 9600, curve: rep(12, 800) },
    r: [800, 800, 1600, 800, 800, 800, 800, 800, 800, 800], rev: { '2024-03': 800 } },
  { key: 'A6', region: '371502', chain: 'equipment', total: 500_000, plannedStart: '2025-03-01', plannedCompletion: '2027-12-31', origin: 'attracted' },

  // 茌平区 371503
  // B1 is a local enterprise's expansion: planned (谋划) in 2024, not attracted (引进).
  { key: 'B1', region: '371503', chain: 'nonferrous', total: 600_000, plannedStart: '2025-06-01', plannedCompletion: '2027-12-31', reserve: true, origin: 'expansion' },
  { key: 'B2', region: '371503', chain: 'nonferrous', total: 200_000, plannedStart: '2023-09-01', start: '2023-09-01',
    list: { category: 'implementation', planned: 36_000, key: true }, r: [...rep(6, 3000), ...rep(4, 2000)] },
  { key: 'B3', region: '371503', chain: 'bearings', total: 50_000, plannedStart: '2024-04-15', start: '2024-05-10',
    list: { category: 'preparation', planned: 10_000 }, r: [...none(4), ...rep(6, 1000)] },
  { key: 'B4', region: '371503', chain: 'building-materials', total: 35_000, plannedStart: '2024-02-01', start: '2024-02-01',
    list: { category: 'implementation', planned: 6000 }, r: [null, ...rep(9, 500)] },

  // 阳谷县 371521
  { key: 'C1', region: '371521', chain: 'equipment', total: 700_000, plannedStart: '2022-03-01', plannedCompletion: '2023-12-31',
    createdAt: '2022-01-05T02:00:00.000Z', start: '2022-03-01', complete: '2023-06-30',
    older: { '2022-06': 20_000, '2023-03': 30_000 } },
  { key: 'C2', region: '371521', chain: 'equipment', total: 80_000, plannedStart: '2024-01-15', start: '2024-01-15',
    list: { category: 'implementation', planned: 24_000 }, r: [2000, 2000, 2000, 2000, 2000, 1500, 3000, 2500, 2000, 2000] },
  { key: 'C3', region: '371521', chain: 'equipment', total: 120_000, plannedStart: '2024-03-01', start: '2024-08-15',
    list: { category: 'preparation', planned: 20_000, key: true }, r: [...none(7), 4000, 5000, 6000] },
  { key: 'C4', region: '371521', chain: 'agri-food', total: 18_000, plannedStart: '2024-03-15', start: '2024-03-15',
    list: { category: 'implementation', planned: 6000 }, r: [null, null, 0, ...rep(7, 800)] },

  // 莘县 371522
  { key: 'D1', region: '371522', chain: 'health', total: 900_000, plannedStart: '2024-09-01', plannedCompletion: '2027-12-31', withdraw: '2024-03-01' },
  { key: 'D2', region: '371522', chain: 'health', total: 60_000, plannedStart: '2023-11-01', start: '2023-11-01',
    list: { category: 'implementation', planned: 18_000 }, r: rep(10, 1200) },
  { key: 'D3', region: '371522', chain: 'health', total: 40_000, plannedStart: '2024-09-10',
    list: { category: 'preparation', planned: 8000 } },
  { key: 'D4', region: '371522', chain: 'light-textile', total: 22_000, plannedStart: '2024-07-01', start: '2024-06-20',
    list: { category: 'preparation', planned: 4000 }, r: [...none(5), ...rep(5, 500)] },

  // 东阿县 371524
  { key: 'E1', region: '371524', chain: 'new-energy', total: 520_000, plannedStart: '2023-12-01', start: '2023-12-01',
    list: { category: 'implementation', planned: 60_000, key: true, curve: [2000, 2000, 4000, 4000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000] },
    r: [2000, 2000, 5000, 5000, 6000, 8000, 6000, 6000, 7000, 7000] },
  { key: 'E2', region: '371524', chain: 'equipment', total: 100_000, plannedStart: '2024-01-20', start: '2024-01-20',
    list: { category: 'implementation', planned: 20_000, key: true }, r: rep(10, 1000) },
  { key: 'E3', region: '371524', chain: 'equipment', total: 30_000, plannedStart: '2024-02-01', start: '2024-02-20',
    list: { category: 'preparation', planned: 6000 } },
  { key: 'E4', region: '371524', chain: 'auto-parts', total: 26_000, plannedStart: '2024-10-20',
    list: { category: 'preparation', planned: 5000 } },

  // 临清市 371581
  { key: 'F1', region: '371581', chain: 'bearings', total: 550_000, plannedStart: '2024-05-01', plannedCompletion: '2027-12-31', origin: 'attracted',
    list: { category: 'preparation', planned: 30_000, key: true } },
  { key: 'F2', region: '371581', chain: 'bearings', total: 45_000, plannedStart: '2023-08-01', start: '2023-08-01', halt: '2024-05-20',
    list: { category: 'implementation', planned: 12_000, curve: [3000, 3000, 3000, 3000, 0, 0, 0, 0, 0, 0, 0, 0] },
    r: rep(4, 3000) },
  { key: 'F3', region: '371581', chain: 'ferrous', total: 300_000, plannedStart: '2024-01-05', start: '2024-01-05',
    list: { category: 'implementation', planned: 48_000, key: true }, r: [...rep(6, 6000), ...rep(4, 2000)] },
  { key: 'F4', region: '371581', chain: 'bearings', total: 12_000, plannedStart: '2024-12-01',
    list: { category: 'preparation', planned: 3000 } },
  { key: 'K1', region: '371581', chain: 'ferrous', total: 650_000, plannedStart: '2023-04-01', start: '2023-04-01',
    complete: '2024-09-30', completeAt: '2024-10-05T03:00:00.000Z',
    list: { category: 'implementation', planned: 45_000, key: true, curve: [...rep(9, 5000), 0, 0, 0] }, r: rep(9, 5000) },

  // 聊城经济技术开发区 371571
  { key: 'G1', region: '371571', chain: 'green-chemical', total: 1_200_000, plannedStart: '2023-06-01', start: '2023-06-01',
    plannedCompletion: '2026-12-31',
    list: { category: 'implementation', planned: 120_000, key: true },
    r: [...rep(6, 9000), 12_000, 12_000, 10_000, 12_000], rev: { '2024-09': 12_000 } },
  { key: 'G2', region: '371571', chain: 'new-it', total: 90_000, plannedStart: '2024-07-01', start: '2024-07-01',
    list: { category: 'implementation', planned: 24_000, curve: [...rep(6, 0), ...rep(6, 4000)] }, r: [...none(6), ...rep(4, 3000)] },
  { key: 'G3', region: '371571', chain: 'new-it', total: 20_000, plannedStart: '2024-03-20', start: '2024-04-02',
    list: { category: 'preparation', planned: 4000 } },
  { key: 'G4', region: '371571', chain: 'agri-food', total: 50_000, plannedStart: '2024-02-01', start: '2024-02-01',
    r: [null, ...rep(9, 5000)] },
  { key: 'G5', region: '371571', chain: 'green-chemical', total: 110_000, plannedStart: '2024-02-15', start: '2024-03-10',
    list: { category: 'preparation', planned: 15_000 }, r: [null, null, ...rep(8, 2000)] },

  // 聊城高新技术产业开发区 371572
  { key: 'H1', region: '371572', chain: 'health', total: 70_000, plannedStart: '2023-10-01', start: '2023-10-01',
    list: { category: 'implementation', planned: 12_000 }, r: rep(10, 1000) },
  { key: 'H2', region: '371572', chain: 'health', total: 15_000, plannedStart: '2024-06-10',
    list: { category: 'preparation', planned: 3000 } },
  { key: 'H3', region: '371572', chain: 'health', total: 9000, plannedStart: '2024-08-01',
    list: { category: 'preparation', planned: 2000 } },

  // 聊城市江北水城旅游度假区 371573
  { key: 'I1', region: '371573', chain: 'light-textile', total: 60_000, plannedStart: '2024-01-10', start: '2024-01-10',
    list: { category: 'implementation', planned: 24_000 }, r: [...rep(6, 2000), ...rep(4, 1500)] },

  // 高唐县 371526: a 20亿 reserve project, on no list (not a key project, not big).
  { key: 'X1', region: '371526', chain: 'agri-food', total: 200_000, plannedStart: '2025-05-01', plannedCompletion: '2027-12-31', reserve: true },
];

// ---------------------------------------------------------------------------
// Instants.
// ---------------------------------------------------------------------------

export const LIST_PUBLISHED_AT = '2024-01-03T03:00:00.000Z';
/** The last fixture recording is at 2024-11-05T03:00Z; "now" for the board tests. */
export const FIXTURE_NOW = '2024-11-05T08:00:00.000Z';

const pad = (n: number): string => String(n).padStart(2, '0');
export const month2024 = (m: number): string => `2024-${pad(m)}`;

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
}
/** Reports of a month are filed on the 5th of the next month, 10:00 in Liaocheng. */
const filingAt = (month: string): string => `${nextMonth(month)}-05T02:00:00.000Z`;
const refilingAt = (month: string): string => `${nextMonth(nextMonth(month))}-05T03:00:00.000Z`;
/** Events are recorded on their effective day, 10:00 in Liaocheng. */
const eventAt = (date: string): string => `${date}T02:00:00.000Z`;

function createdAtOf(p: FixtureProject): string {
  if (p.createdAt) return p.createdAt;
  if (p.start && p.start < '2024-01-01') return '2023-01-05T02:00:00.000Z';
  return '2024-01-03T01:00:00.000Z';
}

// ---------------------------------------------------------------------------
// The ledger: every fact with the instant it was recorded. Tests append to it.
// ---------------------------------------------------------------------------

type EventType = 'START' | 'HALT' | 'COMPLETE' | 'WITHDRAW';
interface EventFact { key: string; type: EventType; date: string; at: number }
interface ReportFact { key: string; month: string; amount: number; at: number }

export class Ledger {
  readonly ids = new Map<string, number>();
  readonly byId = new Map<number, FixtureProject>();
  readonly created = new Map<string, number>();
  readonly events: EventFact[] = [];
  readonly reports: ReportFact[] = [];
  readonly listedAt = new Map<string, number>();

  constructor(readonly table: FixtureProject[]) {}

  id(key: string): number {
    const id = this.ids.get(key);
    if (id === undefined) throw new Error(`no project ${key}`);
    return id;
  }
  project(key: string): FixtureProject {
    return this.table.find((p) => p.key === key)!;
  }
  addReport(key: string, month: string, amount: number, at: string): void {
    this.reports.push({ key, month, amount, at: Date.parse(at) });
  }

  /** Latest revision of a month's report recorded by asOf (0 when none). */
  amount(key: string, month: string, asOf: number): number {
    let value = 0;
    for (const r of this.reports) if (r.key === key && r.month === month && r.at <= asOf) value = r.amount;
    return value;
  }
  /** Σ of months 1..M of 2024. */
  actual(key: string, M: number, asOf: number): number {
    let sum = 0;
    for (let m = 1; m <= M; m += 1) sum += this.amount(key, month2024(m), asOf);
    return sum;
  }
  listed(category: 'implementation' | 'preparation', asOf: number): FixtureProject[] {
    return this.table.filter((p) => p.list?.category === category && (this.listedAt.get(p.key) ?? Infinity) <= asOf);
  }
  event(key: string, type: EventType, asOf: number): EventFact | undefined {
    return this.events.find((e) => e.key === key && e.type === type && e.at <= asOf);
  }
  exists(key: string, asOf: number): boolean {
    return (this.created.get(key) ?? Infinity) <= asOf;
  }
}

// ---------------------------------------------------------------------------
// Building the database through the API, in the order things were recorded.
// ---------------------------------------------------------------------------

interface Action { at: string; seq: number; run: () => Promise<void> }

export async function buildFixture(t: TestApp, table: FixtureProject[] = TABLE): Promise<Ledger> {
  const ledger = new Ledger(table);
  const actions: Action[] = [];
  let seq = 0;
  const at = (iso: string, run: () => Promise<void>) => actions.push({ at: iso, seq: seq++, run });
  const ok = (res: request.Response, statuses: number[], what: string) => {
    if (!statuses.includes(res.status)) throw new Error(`${what}: ${res.status} ${res.text}`);
  };
  const event = async (p: FixtureProject, body: Record<string, unknown>, date: string | undefined, type: EventType, when: string) => {
    const res = await t.client.post(`/api/projects/${ledger.id(p.key)}/events`).send(body);
    ok(res, [200], `${p.key} ${type}`);
    ledger.events.push({ key: p.key, type, date: date ?? '', at: Date.parse(when) });
  };

  for (const p of table) {
    const createdAt = createdAtOf(p);
    at(createdAt, async () => {
      const year = createdAt.slice(0, 4);
      const body = projectBody({
        code: `DB-${p.key}`,
        name: `看板测试项目${p.key}（示例数据）`,
        region: p.region,
        chain: p.chain,
        totalInvestment: p.total,
        plannedStartDate: p.plannedStart,
        plannedCompletionDate: p.plannedCompletion ?? '2025-12-31',
        ...(p.origin ? { origin: p.origin } : {}),
        approvals: {
          filing: `${year}-01-02`, land: `${year}-01-02`, planning: `${year}-01-02`,
          environment: `${year}-01-02`, energy: `${year}-01-02`, construction: `${year}-01-02`,
        },
      });
      const res = await t.client.post('/api/projects').send(body);
      ok(res, [201], `${p.key} create`);
      ledger.ids.set(p.key, res.body.id);
      ledger.byId.set(res.body.id, p);
      ledger.created.set(p.key, Date.parse(createdAt));
      if (!p.reserve) {
        const promoted = await t.client.post(`/api/projects/${res.body.id}/events`).send({ type: 'PROMOTE' });
        ok(promoted, [200], `${p.key} PROMOTE`);
      }
    });
    if (p.list) {
      const list = p.list;
      at(LIST_PUBLISHED_AT, async () => {
        const body: Record<string, unknown> = { category: list.category, plannedInvestment: list.planned, keyProject: list.key ?? false };
        if (list.curve) body.monthlyPlan = list.curve;
        const res = await t.client.put(`/api/lists/2024/entries/${ledger.id(p.key)}`).send(body);
        ok(res, [200, 201], `${p.key} list`);
        ledger.listedAt.set(p.key, Date.parse(LIST_PUBLISHED_AT));
      });
    }
    if (p.start) {
      const when = eventAt(p.start);
      at(when, () => event(p, { type: 'START', date: p.start }, p.start, 'START', when));
    }
    if (p.halt) {
      const when = eventAt(p.halt);
      at(when, () => event(p, { type: 'HALT', date: p.halt, reason: '环保督查整改（示例）' }, p.halt, 'HALT', when));
    }
    if (p.withdraw) {
      const when = eventAt(p.withdraw);
      at(when, () => event(p, { type: 'WITHDRAW', reason: '企业放弃投资（示例）' }, p.withdraw, 'WITHDRAW', when));
    }
    if (p.complete) {
      const when = p.completeAt ?? eventAt(p.complete);
      at(when, () => event(p, { type: 'COMPLETE', date: p.complete }, p.complete, 'COMPLETE', when));
    }
    const file = (month: string, amount: number, when: string, statuses: number[]) =>
      at(when, async () => {
        const res = await t.client
          .put(`/api/projects/${ledger.id(p.key)}/reports/${month}`)
          .send({ amount, progress: `${month} 形象进度（示例）` });
        ok(res, statuses, `${p.key} report ${month}`);
        ledger.addReport(p.key, month, amount, when);
      });
    (p.r ?? []).forEach((amount, i) => {
      if (amount !== null) file(month2024(i + 1), amount, filingAt(month2024(i + 1)), [201]);
    });
    for (const [month, amount] of Object.entries(p.rev ?? {})) file(month, amount, refilingAt(month), [200]);
    for (const [month, amount] of Object.entries(p.older ?? {})) file(month, amount, filingAt(month), [201]);
  }

  actions.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.seq - b.seq));
  for (const action of actions) {
    t.setNow(action.at);
    await action.run();
  }
  t.setNow(FIXTURE_NOW);
  return ledger;
}

// ---------------------------------------------------------------------------
// The arithmetic: what the board must show, from the ledger alone.
// ---------------------------------------------------------------------------

export type Rating = 'blue' | 'yellow' | 'red';

/** A 序时 figure kept exact: actual and 12 × expected are integers; ratio = 12·actual / e12. */
export interface Progress { actual: number; e12: number }

export function ratingOf({ actual, e12 }: Progress): Rating | null {
  if (e12 <= 0) return null;
  if (100 * 12 * actual >= CITY.bluePct * e12) return 'blue';
  if (100 * 12 * actual >= CITY.yellowPct * e12) return 'yellow';
  return 'red';
}
export function ratioOf({ actual, e12 }: Progress): number | null {
  return e12 > 0 ? (12 * actual) / e12 : null;
}
/** Compare two ratios exactly (cross-multiplied integers): > 0 when a is better. */
function compareRatio(a: Progress, b: Progress): number {
  return 12 * a.actual * b.e12 - 12 * b.actual * a.e12;
}

function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}
/** Calendar date of an instant in Asia/Shanghai (UTC+8, no DST). */
function shanghaiDate(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}

/** 12 × a project's expected through M: its curve for months ≤ M, else planned × M/12. */
function projectE12(p: FixtureProject, M: number): number {
  const list = p.list!;
  if (list.curve) return 12 * list.curve.slice(0, M).reduce((a, b) => a + b, 0);
  return list.planned * M;
}

export interface ExpectedRegion {
  code: string; name: string; projects: number; plan: number; actual: number; e12: number;
  rating: Rating | null; rank: number | null; rankChange: number | null;
}
export interface ExpectedChain {
  code: string; no: number; name: string; targetProjects: number; listedProjects: number;
  targetInvestment: number; actual: number; e12: number; rating: Rating | null;
}

/** One of the big-project rules for a place or chain: how many, whether the rule is met, which. */
export interface Covered { count: number; ok: boolean; projectIds: number[] }

export interface ExpectedBoard {
  investment: { target: number; actual: number; e12: number; rating: Rating | null; listed: number; plan: number };
  /** Implementation-list projects started and completed by the end of M (as recorded by asOf). */
  counts: { listed: number; started: number; completed: number };
  startRate: { listed: number; started: number; neededForTarget: number; target: number };
  big: {
    count: number; ids: number[]; continuingIds: number[]; ok: boolean;
    chains: { code: string; name: string; flagship: boolean; required: boolean; count: number; ok: boolean; projectIds: number[]; attracted: Covered }[];
    regions: { code: string; name: string; required: boolean; count: number; ok: boolean; projectIds: number[]; attracted: Covered }[];
    flagshipChains: { code: string; name: string; count: number; ok: boolean; projectIds: number[] }[];
  };
  key: { count: number; investment: number; e12: number; rating: Rating | null };
  chains: ExpectedChain[];
  regions: ExpectedRegion[];
  redList: { projectId: number; kind: 'lagging' | 'overdueStart' | 'halted' }[];
  /** `mentionAnyOf`: the message names at least one of these. */
  warnings: { code: string; mentionAnyOf?: string[] }[];
}

function regionRanks(ledger: Ledger, M: number, asOf: number): Map<string, { rank: number | null; progress: Progress; projects: FixtureProject[] }> {
  const implementation = ledger.listed('implementation', asOf);
  const rows = REGION_REF.map((r) => {
    const projects = implementation.filter((p) => p.region === r.code);
    const progress: Progress = {
      actual: projects.reduce((s, p) => s + ledger.actual(p.key, M, asOf), 0),
      e12: projects.reduce((s, p) => s + projectE12(p, M), 0),
    };
    return { code: r.code, projects, progress };
  });
  const ranked = rows
    .filter((r) => r.projects.length > 0)
    .sort((a, b) => {
      // Ratio highest first (a region with nothing expected yet ranks by actual after the others: not in this fixture).
      const byRatio = compareRatio(b.progress, a.progress);
      return byRatio !== 0 ? byRatio : b.progress.actual - a.progress.actual;
    });
  const result = new Map<string, { rank: number | null; progress: Progress; projects: FixtureProject[] }>();
  for (const row of rows) {
    const index = ranked.indexOf(row);
    result.set(row.code, { rank: index >= 0 ? index + 1 : null, progress: row.progress, projects: row.projects });
  }
  return result;
}

export function expectedBoard(ledger: Ledger, M: number, asOfIso: string): ExpectedBoard {
  const asOf = Date.parse(asOfIso);
  const endOfM = lastDay(month2024(M));
  const implementation = ledger.listed('implementation', asOf);
  const preparation = ledger.listed('preparation', asOf);

  // Investment of the implementation list against 165亿 × M/12.
  const investmentActual = implementation.reduce((s, p) => s + ledger.actual(p.key, M, asOf), 0);
  const investmentProgress: Progress = { actual: investmentActual, e12: CITY.implementationInvestment * M };

  // Start rate of the preparation list: started in 2024 by the end of M, as recorded by asOf.
  const startedBy = (p: FixtureProject): boolean => {
    const start = ledger.event(p.key, 'START', asOf);
    return !!start && start.date >= '2024-01-01' && start.date <= endOfM;
  };
  const started = preparation.filter(startedBy).length;
  const needed = Math.max(0, Math.floor((CITY.startRatePct * preparation.length + 99) / 100) - started);

  // Big projects: ≥ 50亿, not withdrawn, not completed before 2024, any stage or list. They count when they
  // entered the library (谋划: the creation day in Liaocheng) in 2024; earlier ones are continuing and count for nothing.
  const bigAll = ledger.table.filter((p) => {
    if (!ledger.exists(p.key, asOf) || p.total < CITY.bigThreshold) return false;
    if (ledger.event(p.key, 'WITHDRAW', asOf)) return false;
    const completed = ledger.event(p.key, 'COMPLETE', asOf);
    return !(completed && completed.date < '2024-01-01');
  });
  const plannedIn2024 = (p: FixtureProject) => shanghaiDate(ledger.created.get(p.key)!) >= '2024-01-01';
  const big = bigAll.filter(plannedIn2024);
  const continuing = bigAll.filter((p) => !plannedIn2024(p));
  const idsOf = (ps: FixtureProject[]) => ps.map((p) => ledger.id(p.key)).sort((a, b) => a - b);
  // Two rules: 谋划 (§四(四)) counts any origin, asked of every required county and the four flagship chains;
  // 引进 (§一(二)) counts projects attracted from outside, asked of every required county and every chain.
  const attractedOf = (here: FixtureProject[], required: boolean): Covered => {
    const mine = here.filter((p) => p.origin === 'attracted');
    return { count: mine.length, ok: !required || mine.length >= 1, projectIds: idsOf(mine) };
  };
  const bigRegions = REGION_REF.map((r) => {
    const here = big.filter((p) => p.region === r.code);
    return { code: r.code, name: r.name, required: r.required, count: here.length, ok: !r.required || here.length >= 1, projectIds: idsOf(here), attracted: attractedOf(here, r.required) };
  });
  const allChains = CHAIN_REF.map((c) => {
    const here = big.filter((p) => p.chain === c.code);
    return { code: c.code, name: c.name, flagship: c.flagship, required: true, count: here.length, ok: !c.flagship || here.length >= 1, projectIds: idsOf(here), attracted: attractedOf(here, true) };
  });
  const bigChains = allChains.filter((c) => c.flagship).map(({ code, name, count, ok, projectIds }) => ({ code, name, count, ok, projectIds }));

  // Key projects: designated on either list; their investment months 1..M against 75亿 × M/12.
  const key = [...implementation, ...preparation].filter((p) => p.list?.key === true);
  const keyInvestment = key.reduce((s, p) => s + ledger.actual(p.key, M, asOf), 0);
  const keyProgress: Progress = { actual: keyInvestment, e12: CITY.keyInvestment * M };

  // Chains: implementation-list projects against the appendix target × M/12.
  const chains: ExpectedChain[] = CHAIN_REF.map((c) => {
    const here = implementation.filter((p) => p.chain === c.code);
    const progress: Progress = { actual: here.reduce((s, p) => s + ledger.actual(p.key, M, asOf), 0), e12: c.investment * M };
    return {
      code: c.code, no: c.no, name: c.name, targetProjects: c.projects, listedProjects: here.length,
      targetInvestment: c.investment, actual: progress.actual, e12: progress.e12, rating: ratingOf(progress),
    };
  });

  // Regions, ranks and rank changes.
  const now = regionRanks(ledger, M, asOf);
  const before = M > 1 ? regionRanks(ledger, M - 1, asOf) : null;
  const regions: ExpectedRegion[] = REGION_REF.map((r) => {
    const row = now.get(r.code)!;
    const previous = before?.get(r.code)?.rank ?? null;
    return {
      code: r.code, name: r.name, projects: row.projects.length,
      plan: row.projects.reduce((s, p) => s + p.list!.planned, 0),
      actual: row.progress.actual, e12: row.progress.e12, rating: ratingOf(row.progress),
      rank: row.rank, rankChange: row.rank !== null && previous !== null ? previous - row.rank : null,
    };
  });

  // Red list.
  const redList: ExpectedBoard['redList'] = [];
  for (const p of implementation) {
    const progress: Progress = { actual: ledger.actual(p.key, M, asOf), e12: projectE12(p, M) };
    if (progress.e12 > 0 && 100 * 12 * progress.actual < CITY.yellowPct * progress.e12)
      redList.push({ projectId: ledger.id(p.key), kind: 'lagging' });
  }
  const asOfDate = shanghaiDate(asOf);
  const cutoff = asOfDate < endOfM ? asOfDate : endOfM;
  for (const p of preparation) {
    if (!startedBy(p) && p.plannedStart < cutoff) redList.push({ projectId: ledger.id(p.key), kind: 'overdueStart' });
  }
  for (const p of [...implementation, ...preparation]) {
    const halt = ledger.event(p.key, 'HALT', asOf);
    if (halt && halt.date <= endOfM) redList.push({ projectId: ledger.id(p.key), kind: 'halted' });
  }

  // Warnings.
  const warnings: ExpectedBoard['warnings'] = [];
  const chainSum = CHAIN_REF.reduce((s, c) => s + c.investment, 0);
  if (chainSum < CITY.implementationInvestment) warnings.push({ code: 'chainTargetsBelowCityTarget' });
  if (implementation.length !== CITY.implementationListSize) warnings.push({ code: 'implementationListCount' });
  if (preparation.length !== CITY.preparationListSize) warnings.push({ code: 'preparationListCount' });
  for (const r of bigRegions) if (!r.ok) warnings.push({ code: 'regionWithoutBigProject', mentionAnyOf: [r.name] });
  for (const c of allChains) if (!c.ok) warnings.push({ code: 'flagshipChainWithoutBigProject', mentionAnyOf: [c.name] });
  for (const r of bigRegions) if (!r.attracted.ok) warnings.push({ code: 'regionWithoutAttractedBigProject', mentionAnyOf: [r.name] });
  for (const c of allChains) if (!c.attracted.ok) warnings.push({ code: 'chainWithoutAttractedBigProject', mentionAnyOf: [c.name] });
  // Two more the implementation gives (not in the brief, but DOMAIN's targets): fewer than 10 big projects, key projects ≠ 22.
  if (big.length < CITY.bigCityTarget) warnings.push({ code: 'bigProjectsBelowTarget' });
  if (key.length !== CITY.keyCount) warnings.push({ code: 'keyProjectCount' });
  // 招商 (docs/domain/attraction.md): the chains' 签约 and 到位 targets against the city's.
  if (ATTRACTION_REF.signedYi.reduce((s, v) => s + v, 0) < ATTRACTION_REF.citySignedYi) warnings.push({ code: 'chainSignedTargetsBelowCityTarget' });
  if (ATTRACTION_REF.fundedYi.reduce((s, v) => s + v, 0) > ATTRACTION_REF.cityFundedYi) warnings.push({ code: 'chainFundedTargetsAboveCityTarget' });

  return {
    investment: {
      target: CITY.implementationInvestment, actual: investmentActual, e12: investmentProgress.e12, rating: ratingOf(investmentProgress),
      listed: implementation.length, plan: implementation.reduce((s, p) => s + p.list!.planned, 0),
    },
    counts: {
      listed: implementation.length,
      started: implementation.filter((p) => (ledger.event(p.key, 'START', asOf)?.date ?? '9999') <= endOfM).length,
      completed: implementation.filter((p) => (ledger.event(p.key, 'COMPLETE', asOf)?.date ?? '9999') <= endOfM).length,
    },
    startRate: { listed: preparation.length, started, neededForTarget: needed, target: CITY.startRatePct / 100 },
    big: { count: big.length, ids: idsOf(big), continuingIds: idsOf(continuing), ok: big.length >= CITY.bigCityTarget, regions: bigRegions, chains: allChains, flagshipChains: bigChains },
    key: { count: key.length, investment: keyInvestment, e12: keyProgress.e12, rating: ratingOf(keyProgress) },
    chains,
    regions,
    redList,
    warnings,
  };
}

// ---------------------------------------------------------------------------
// Assertion helpers.
// ---------------------------------------------------------------------------

/** A ratio given to 4 decimals: within half a unit of the 4th decimal of the exact value. */
export function expectRatio(got: unknown, exact: number | null, label = 'ratio'): void {
  if (exact === null) {
    expect({ [label]: got }).toEqual({ [label]: null });
    return;
  }
  expect(typeof got).toBe('number');
  const diff = Math.abs((got as number) - exact);
  if (diff > 0.00005 + 1e-9) expect({ [label]: got }).toEqual({ [label]: exact });
}

/** An `expected` shown in whole 万元: the nearest integer to e12 / 12. */
export function expectRounded(got: unknown, e12: number, label = 'expected'): void {
  expect(Number.isInteger(got)).toBe(true);
  if (Math.abs((got as number) - e12 / 12) > 0.5) expect({ [label]: got }).toEqual({ [label]: e12 / 12 });
}

/** Every table's rows (the harness already reads every table, on either backend). */
export async function fullDatabaseState(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  return databaseState(dataSource);
}
