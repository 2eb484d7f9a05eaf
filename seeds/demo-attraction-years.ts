/**
 * 招商 in the demo after early November 2024: ILLUSTRATIVE, NOT OFFICIAL. Every lead, investor,
 * amount, date, indicator figure and note is made up; only the targets measured against are a
 * plan's (the 2024 plan's, which the illustrative years copy).
 *
 * - The rest of 2024: each chain signs one or two more deals between late November and Christmas
 *   and receives November's and December's 到位资金 on its signed deals, so 2024 ends near its
 *   targets; the chains file their Q4 indicators in January 2025.
 * - Each later year: per chain four to seven deals signed through the year at 90–110% of the chain's
 *   签约 target; its 到位 target arrives 60% on last year's deals through the year and 40% on the year's
 *   own deals month by month after signing; early deals landing as
 *   储备 projects, a lead still negotiating and now and then one terminated; the quarterly indicators
 *   in the month after each quarter and the 差异化指标 note in November.
 * The seeder keeps what has happened by the day the demo is loaded (a month's 到位资金 once the
 * month is over).
 *
 * Deterministic: mulberry32 seeded from the year and the chain.
 */
import { DEMO_LEADS, type DemoChainNote, type DemoLead } from './demo-2024-attraction.js';
import { addDays, apportion, between, pick } from './demo-2024-timelines.js';
import { PRODUCTS } from './demo-new-projects.js';
import { rngFor, type Rng } from './demo-random.js';
import { PLAN_2024, REGIONS } from './reference-data.js';

const pad = (n: number) => String(n).padStart(2, '0');
const at = (date: string, minute = 0) => `${date}T02:${pad(minute % 60)}:00.000Z`;
/** The 5th of the month after `month` (YYYY-MM): when a month's 到位资金 is filed. */
const filedAfter = (month: string, minute: number) => {
  const [y, m] = month.split('-').map(Number);
  return at(m === 12 ? `${y + 1}-01-05` : `${y}-${pad(m + 1)}-05`, minute);
};
const ORIGINS: DemoLead['origin'][] = ['outOfProvince', 'inProvince', 'outOfProvince', 'abroad', 'inProvince'];
const INVESTOR_PLACES = ['江苏', '浙江', '广东', '上海', '北京', '天津', '河南', '香港'];
const INVESTOR_WORDS = ['华联', '恒通', '中科', '远航', '瑞达', '金桥'];
const counties = REGIONS.filter((r) => r.kind === 'county');
const investorOf = (rng: Rng, product: string) => `${pick(rng, INVESTOR_PLACES)}${pick(rng, INVESTOR_WORDS)}${product.slice(0, 2)}集团（示例）`;
const ownerOf = (investor: string) => `${investor.replace(/集团（示例）$/, '')}（聊城）有限公司（示例）`;

/** Part of each signed deal's contract arriving month by month after signing, through December: `total` spread over the deals. */
function fundsOf(deals: DemoLead[], total: number, year: number, rng: Rng): void {
  const weight = (d: DemoLead) => d.sign!.amountWan * (12 - Number(d.sign!.date.slice(5, 7)));
  const sum = deals.reduce((s, d) => s + weight(d), 0);
  if (sum === 0) return;
  deals.forEach((deal, i) => {
    const signMonth = Number(deal.sign!.date.slice(5, 7));
    if (signMonth >= 12) return;
    const arrived = Math.min(Math.floor((deal.sign!.amountWan * 0.6) / 100) * 100, Math.floor((total * weight(deal)) / sum / 100) * 100);
    const months = Array.from({ length: 12 - signMonth }, (_, k) => `${year}-${pad(signMonth + 1 + k)}`);
    apportion(arrived, months.map((_, k) => 1 + ((k + i) % 3) + rng() * 0.2), 100).forEach((amountWan, k) => {
      if (amountWan > 0) deal.funds.push({ month: months[k], amountWan, at: filedAfter(months[k], i) });
    });
  });
}

/** One chain's leads in a year after 2024. */
function chainLeads(year: number, chainIndex: number): DemoLead[] {
  const row = PLAN_2024.chains[chainIndex];
  const rng = rngFor(`leads-${year}-${row.chain}`);
  const products = PRODUCTS[row.chain];
  const deals = 4 + Math.floor(rng() * 4);
  const signedTotal = Math.round((row.signedWan! * (0.9 + rng() * 0.2)) / 100) * 100;
  const amounts = apportion(signedTotal, Array.from({ length: deals }, () => 0.6 + rng() * 0.8), 100);
  const leads: DemoLead[] = [];
  const lead = (i: number, recordedOn: string): DemoLead => {
    const product = products[i % products.length];
    const county = counties[(chainIndex * 3 + i + year) % counties.length];
    const investor = investorOf(rng, product);
    return {
      key: `${year}-${row.chain}-${i + 1}`,
      name: `${county.name.replace(/(县|市|区)$/, '')}${product}${['项目', '基地项目', '产业园项目', '扩能项目'][(i + chainIndex) % 4]}`,
      investor,
      origin: ORIGINS[(i + chainIndex + year) % ORIGINS.length],
      chain: row.chain,
      region: county.code,
      intendedWan: 0,
      recordedAt: at(recordedOn, i * 7),
      sign: null,
      land: null,
      terminate: null,
      funds: [],
    };
  };
  for (let i = 0; i < deals; i++) {
    const signMonth = Math.min(12, 1 + Math.floor(((i + 0.2 + rng() * 0.6) * 12) / deals));
    const signDate = `${year}-${pad(signMonth)}-${pad(5 + Math.floor(rng() * 20))}`;
    const l = lead(i, addDays(signDate, -between(rng, 20, 45)));
    l.intendedWan = Math.round((amounts[i] * 11) / 1000) * 100;
    l.sign = { date: signDate, amountWan: amounts[i], agreementNo: `LC-ZS-${year}-${pad(chainIndex + 1)}${pad(i + 1)}`, at: at(signDate, 30 + i) };
    const landDate = addDays(signDate, between(rng, 42, 70));
    if (i < Math.ceil(deals * 0.4) && landDate <= `${year}-12-28`)
      l.land = { date: landDate, at: at(landDate, 45), project: { code: `ZS${year}-${pad(chainIndex + 1)}-${pad(i + 1)}`, ownerEnterprise: ownerOf(l.investor), totalInvestment: amounts[i] } };
    leads.push(l);
  }
  fundsOf(leads, Math.round(row.fundedWan! * (0.9 + rng() * 0.2) * (1 - CARRIED_SHARE)), year, rng);
  const negotiating = lead(deals, `${year}-${pad(8 + Math.floor(rng() * 4))}-${pad(3 + Math.floor(rng() * 20))}`);
  negotiating.intendedWan = between(rng, 8, 30) * 10_000;
  leads.push(negotiating);
  if (rng() < 0.35) {
    const recorded = `${year}-${pad(2 + Math.floor(rng() * 5))}-${pad(3 + Math.floor(rng() * 20))}`;
    const dropped = lead(deals + 1, recorded);
    dropped.intendedWan = between(rng, 5, 20) * 10_000;
    dropped.terminate = { reason: pick(rng, ['投资方调整战略布局，项目取消', '选址条件未达成一致', '投资方资金未落实']), at: at(addDays(recorded, 60), 15) };
    leads.push(dropped);
  }
  return leads;
}

/** The leads of a year after 2024, every chain. */
export const leadsOfYear = (year: number): DemoLead[] => PLAN_2024.chains.flatMap((_, i) => chainLeads(year, i));

/** The share of a year's 到位资金 that arrives on the deals signed the year before (the rest: on the year's own deals). */
const CARRIED_SHARE = 0.6;
/** How that share arrives over the year: front-loaded (the earlier contracts' second tranches). */
const CARRIED_MONTHS = [1.3, 1.2, 1.2, 1.1, 1.1, 1, 1, 0.9, 0.9, 0.8, 0.8, 0.7];

export interface DemoFund {
  /** The lead's key (the 2024 set's, the rest of 2024's or a year's). */
  lead: string;
  month: string;
  amountWan: number;
  at: string;
}

/**
 * 到位资金 in `year` on the deals signed in the year before (the chain's three largest still standing:
 * signed, not terminated), per chain its share of the chain's 到位 target, spread by contract size.
 */
export function carriedFundsOf(year: number): DemoFund[] {
  const before = year === 2025 ? [...DEMO_LEADS, ...leads2024Q4().leads] : leadsOfYear(year - 1);
  const funds: DemoFund[] = [];
  PLAN_2024.chains.forEach((row, chainIndex) => {
    const rng = rngFor(`funds-${year}-${row.chain}`);
    // The three largest contracts still standing carry on (the smaller ones arrived in full within their year).
    const deals = before
      .filter((l) => l.chain === row.chain && l.sign && !l.terminate)
      .sort((a, b) => b.sign!.amountWan - a.sign!.amountWan || a.key.localeCompare(b.key))
      .slice(0, 3);
    if (!deals.length) return;
    const total = Math.round((row.fundedWan! * (0.9 + rng() * 0.2) * CARRIED_SHARE) / 100) * 100;
    const shares = apportion(total, deals.map((d) => d.sign!.amountWan), 100);
    deals.forEach((deal, i) => {
      apportion(shares[i], CARRIED_MONTHS.map((w) => w * (0.9 + rng() * 0.2)), 100).forEach((amountWan, k) => {
        const month = `${year}-${pad(k + 1)}`;
        if (amountWan > 0) funds.push({ lead: deal.key, month, amountWan, at: filedAfter(month, chainIndex + i) });
      });
    });
  });
  return funds;
}

/** November–December 2024: new deals, and 到位资金 on the deals already signed (by the 2024 set's keys). */
export function leads2024Q4(): { leads: DemoLead[]; funds: DemoFund[] } {
  const leads: DemoLead[] = [];
  const funds: DemoFund[] = [];
  PLAN_2024.chains.forEach((row, chainIndex) => {
    const rng = rngFor(`leads-2024-q4-${row.chain}`);
    const mine = DEMO_LEADS.filter((l) => l.chain === row.chain);
    const counted = mine.filter((l) => l.sign && !l.terminate);
    const signed = counted.reduce((s, l) => s + l.sign!.amountWan, 0);
    const funded = mine.flatMap((l) => l.funds).reduce((s, f) => s + f.amountWan, 0);
    const wanted = Math.round((row.signedWan! * (0.93 + rng() * 0.09) - signed) / 100) * 100;
    const count = wanted > 0 ? (wanted > 400_000 ? 2 : 1) : 0;
    const amounts = count ? apportion(wanted, Array.from({ length: count }, () => 1 + rng()), 100) : [];
    const products = PRODUCTS[row.chain];
    amounts.forEach((amountWan, i) => {
      const signDate = `2024-${i === 0 ? '11' : '12'}-${pad(i === 0 ? 22 + Math.floor(rng() * 7) : 5 + Math.floor(rng() * 15))}`;
      const product = products[(i + 1) % products.length];
      const county = counties[(chainIndex + i * 5) % counties.length];
      const investor = investorOf(rng, product);
      leads.push({
        key: `2024q4-${row.chain}-${i + 1}`,
        name: `${county.name.replace(/(县|市|区)$/, '')}${product}二期项目`,
        investor,
        origin: ORIGINS[(i + chainIndex) % ORIGINS.length],
        chain: row.chain,
        region: county.code,
        intendedWan: Math.round((amountWan * 11) / 1000) * 100,
        recordedAt: at('2024-11-21', chainIndex + i),
        sign: { date: signDate, amountWan, agreementNo: `LC-ZS-2024-${pad(chainIndex + 1)}${pad(50 + i)}`, at: at(signDate, 30 + i) },
        land: null,
        terminate: null,
        funds: [],
      });
    });
    // November and December: what is still due of the chain's 到位 target, spread over its deals by size.
    const due = Math.max(0, Math.round((row.fundedWan! * (0.9 + rng() * 0.1) - funded) / 100) * 100);
    const payers = [...counted.map((l) => ({ key: l.key, amountWan: l.sign!.amountWan, months: ['2024-11', '2024-12'] })), ...leads.filter((l) => l.chain === row.chain).map((l) => ({ key: l.key, amountWan: l.sign!.amountWan, months: l.sign!.date < '2024-12' ? ['2024-12'] : [] }))].filter((p) => p.months.length);
    const shares = apportion(due, payers.map((p) => p.amountWan * p.months.length), 100);
    payers.forEach((payer, i) => {
      const parts = apportion(shares[i], payer.months.map((_, k) => 1 + k * 0.3), 100);
      payer.months.forEach((month, k) => {
        if (parts[k] > 0) funds.push({ lead: payer.key, month, amountWan: parts[k], at: filedAfter(month, i) });
      });
    });
  });
  return { leads, funds };
}

/** Each chain's 差异化指标 note of a year after 2024, kept in early November. */
export function notesOf(year: number): DemoChainNote[] {
  return PLAN_2024.chains.map((row, index) => {
    const share = 70 + ((index * 7 + year) % 25);
    const status: DemoChainNote['status'] = share >= 90 ? 'done' : share >= 78 ? 'inProgress' : 'behind';
    return { chain: row.chain, status, note: `${year} 年差异化指标按季度推进，已完成年度目标的约 ${share}%（示例）。`, at: at(`${year}-11-0${2 + (index % 4)}`, index) };
  });
}
