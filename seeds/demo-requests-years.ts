/**
 * 要素保障 requests in the demo's years after 2024: ILLUSTRATIVE, NOT OFFICIAL. Twelve a year on the
 * year's listed projects, raised through the year, each handled at a believable speed: accepted
 * within two days, answered before the promised date (one in eight a few days after it), evaluated
 * within a week; some are returned, some answered twice after a 不满意, one a year goes to the 常务会
 * and comes back within a month. The seeder keeps the steps that have happened on the day the demo is
 * loaded, so only recent requests are still open, and none is long overdue.
 *
 * Deterministic: mulberry32 seeded from `requests-<year>`.
 */
import { addDays, between, pick } from './demo-2024-timelines.js';
import { rngFor, type Rng } from './demo-random.js';
import type { DemoRequest, DemoRequestStep } from './demo-requests.js';

const PER_YEAR = 12;
const KINDS: DemoRequest['kind'][] = ['land', 'energy', 'environment', 'funding', 'utilities', 'land', 'other', 'funding', 'energy', 'environment', 'land', 'utilities'];

const ASK: Record<DemoRequest['kind'], (rng: Rng) => Pick<DemoRequest, 'quantity' | 'pollutant' | 'description'>> = {
  land: (rng) => {
    const q = String(between(rng, 3, 15) * 10);
    return { quantity: q, description: `${pick(rng, ['二期厂房', '配套仓储', '新增产线', '研发中心'])}新增建设用地 ${q} 亩` };
  },
  energy: (rng) => {
    const q = String(between(rng, 5, 40) * 100);
    return { quantity: q, description: `新增用能 ${q} 吨标准煤，需节能审查前落实` };
  },
  environment: (rng) => {
    const pollutant = pick(rng, ['nox', 'so2', 'vocs', 'cod'] as const);
    const q = (between(rng, 15, 90) / 10).toFixed(1);
    return { pollutant, quantity: q, description: `${{ nox: '氮氧化物', so2: '二氧化硫', vocs: '挥发性有机物', cod: '化学需氧量' }[pollutant]}排放总量指标 ${q} 吨/年` };
  },
  funding: (rng) => {
    const q = String(between(rng, 3, 30) * 1000);
    return { quantity: q, description: `${pick(rng, ['设备购置贷款', '流动资金贷款', '项目建设贷款'])} ${q} 万元` };
  },
  approval: () => ({ description: '前期手续并联审批' }),
  utilities: (rng) => ({ description: pick(rng, ['新增 10kV 专线供电', '天然气管道接入', '工业供水管网接入', '园区污水管网接入']) }),
  other: (rng) => ({ description: pick(rng, ['园区员工公寓配套', '项目周边道路建设', '外籍技术人员来华手续协调']) }),
};

const NOTES: Record<DemoRequest['kind'], string> = {
  land: '已安排新增建设用地指标',
  energy: '已在全市能耗指标中统筹安排',
  environment: '通过排污权交易调剂解决',
  funding: '产业链对接银行完成授信',
  approval: '并联审批已办结',
  utilities: '已协调相关单位完成接入',
  other: '已协调有关部门解决',
};

/** What was granted: all of it, or most of it (quantity kinds only). */
function granted(kind: DemoRequest['kind'], quantity: string | undefined, rng: Rng): string | undefined {
  if (quantity === undefined) return undefined;
  const share = rng() < 0.7 ? 1 : 0.8;
  return kind === 'environment' ? (Number(quantity) * share).toFixed(1) : String(Math.round(Number(quantity) * share));
}

/** Twelve requests of `year` on the given projects (codes of the year's lists, in any order). */
export function demoRequestsOf(year: number, codes: string[]): DemoRequest[] {
  if (!codes.length) return [];
  const rng = rngFor(`requests-${year}`);
  const projects = [...codes].sort();
  const requests: DemoRequest[] = [];
  for (let i = 0; i < PER_YEAR; i++) {
    const kind = KINDS[i];
    const ask = ASK[kind](rng);
    // Spread over the year: one a month, between the 3rd and the 24th.
    const raisedOn = `${year}-${String(i + 1).padStart(2, '0')}-${String(between(rng, 3, 24)).padStart(2, '0')}`;
    const roll = rng();
    const steps: DemoRequestStep[] = [];
    const acceptOn = addDays(raisedOn, between(rng, 1, 2));
    if (roll < 0.08) {
      steps.push({ type: 'RETURN', on: acceptOn, reason: '不属于要素保障事项，已告知企业办理渠道' });
    } else {
      const escalated = i === 6;
      const category = escalated || kind === 'land' || kind === 'environment' ? 'complex' : roll < 0.5 ? 'simple' : 'frequent';
      const span = category === 'complex' ? between(rng, 45, 70) : category === 'frequent' ? between(rng, 25, 40) : between(rng, 12, 20);
      const promisedDate = addDays(acceptOn, span);
      steps.push({ type: 'ACCEPT', on: acceptOn, category, promisedDate });
      const late = !escalated && rng() < 0.125;
      let resolveOn = late ? addDays(promisedDate, between(rng, 2, 6)) : addDays(acceptOn, Math.round(span * (0.55 + rng() * 0.4)));
      if (escalated) {
        // Once a year: taken to the 常务会 and answered within a month.
        const escalateOn = addDays(acceptOn, Math.round(span / 3));
        steps.push({ type: 'ESCALATE', on: escalateOn, reason: '涉及跨部门统筹，提请市政府常务会研究' });
        resolveOn = addDays(escalateOn, between(rng, 14, 28));
      }
      steps.push({ type: 'RESOLVE', on: resolveOn, granted: granted(kind, ask.quantity, rng), note: NOTES[kind] });
      const evaluateOn = addDays(resolveOn, between(rng, 2, 6));
      if (roll > 0.85 && !late) {
        steps.push({ type: 'EVALUATE', on: evaluateOn, rating: 'dissatisfied', reason: '落实进度慢，请加快办理' });
        const again = addDays(evaluateOn, between(rng, 2, 5));
        steps.push({ type: 'RESOLVE', on: again, granted: ask.quantity, note: `${NOTES[kind]}，已全部落实` });
        steps.push({ type: 'EVALUATE', on: addDays(again, between(rng, 2, 5)), rating: 'basically' });
      } else steps.push({ type: 'EVALUATE', on: evaluateOn, rating: roll < 0.6 ? 'satisfied' : 'basically' });
    }
    requests.push({ project: projects[Math.floor(rng() * projects.length)], kind, ...ask, raisedOn, steps });
  }
  return requests;
}
