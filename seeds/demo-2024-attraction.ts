/**
 * Demo 招商 for 2024 (docs/domain/attraction.md): leads, 到位资金, the chains' quarterly 通用指标
 * and their 差异化指标 notes.
 *
 * ILLUSTRATIVE, NOT OFFICIAL. Every lead, investor, amount, date, indicator figure and note below is
 * made up for demonstration; the investors' names are invented. Only the targets they are measured
 * against are the 2024 plan's (seeds/reference-data.ts).
 *
 * Shape of the set (checked by seeds/demo-2024-attraction.spec.ts), as things stand in early
 * November 2024: every chain has signed deals in January–October; the city has signed about 92% of
 * its 序时 (900亿 × 10/12) and received about 91% of its 到位 序时, with chains above and below;
 * 黑色金属 has 7 deals over 1亿 of the 10 its 差异化指标 asks, 大健康 has landed 7 of its 10;
 * some leads are still negotiating and some were terminated; landed deals became 储备 projects.
 * Quarterly indicators are filed for Q1–Q3 by every chain, each in the month after the quarter.
 *
 * Deterministic: no randomness, only fixed patterns.
 */
import type { IndicatorValues } from '../src/attraction/index.js';
import { apportion } from './demo-2024-timelines.js';
import { PLAN_2024, REGIONS } from './reference-data.js';

export interface DemoLead {
  key: string;
  name: string;
  investor: string;
  origin: 'inProvince' | 'outOfProvince' | 'abroad';
  chain: string;
  region: string;
  intendedWan: number;
  recordedAt: string;
  sign: { date: string; amountWan: number; agreementNo: string; at: string } | null;
  land: { date: string; at: string; project: { code: string; ownerEnterprise: string; totalInvestment: number } } | null;
  terminate: { reason: string; at: string } | null;
  funds: { month: string; amountWan: number; at: string }[];
}

export interface DemoIndicatorFiling {
  chain: string;
  quarter: number;
  at: string;
  values: IndicatorValues;
}

export interface DemoChainNote {
  chain: string;
  status: 'notStarted' | 'inProgress' | 'done' | 'behind';
  note: string;
  at: string;
}

const YI = 10_000; // 1亿元 in 万元

/**
 * Per chain: 签约 by October (亿元, with one decimal as tenths), in how many deals, how many of
 * them of at least 1亿 (the rest smaller), how many landed, negotiating and terminated leads, the
 * share of each contract that has arrived by October (%), where the investors come from (cycled),
 * the places the deals go (cycled), and the words for names.
 */
interface ChainDemo {
  chain: string;
  signedTenthsYi: number;
  deals: number;
  small: number;
  landed: number;
  negotiating: number;
  terminated: number;
  fundedPct: number;
  places: string[];
  products: string[];
  investors: string[];
}

const [DCF, CP, YG, SX, DE, GX, GT, LQ, KFQ, GXQ, DJQ] = REGIONS.map((r) => r.code);

const CHAINS: ChainDemo[] = [
  { chain: 'ferrous', signedTenthsYi: 530, deals: 9, small: 2, landed: 3, negotiating: 2, terminated: 1, fundedPct: 36, places: [LQ, KFQ, DCF], products: ['精密无缝钢管', '镀锌板深加工', '高端冷拔管', '钢结构装配'], investors: ['江苏润德管业集团', '天津泰达钢材贸易有限公司', '河北冀华特钢股份有限公司'] },
  { chain: 'equipment', signedTenthsYi: 720, deals: 8, small: 0, landed: 3, negotiating: 2, terminated: 0, fundedPct: 32, places: [DCF, GT, KFQ], products: ['智能农机装备', '高端游艇制造', '工程机械液压件', '智能输送装备'], investors: ['浙江嘉禾智能装备集团', '上海申联重工股份有限公司', '德国某精密机械公司'] },
  { chain: 'nonferrous', signedTenthsYi: 950, deals: 6, small: 0, landed: 2, negotiating: 1, terminated: 1, fundedPct: 34, places: [CP, YG, LQ], products: ['铝基新材料', '电子铜箔', '铝单板深加工'], investors: ['广东粤铝新材料集团', '江西铜源科技有限公司', '山东鲁铝精深加工有限公司'] },
  { chain: 'auto-parts', signedTenthsYi: 280, deals: 4, small: 0, landed: 1, negotiating: 2, terminated: 1, fundedPct: 26, places: [DCF, GXQ], products: ['新能源汽车电驱系统', '轻量化底盘部件', '汽车线束'], investors: ['重庆长鑫汽车部件有限公司', '安徽江淮配套科技有限公司'] },
  { chain: 'new-energy', signedTenthsYi: 880, deals: 5, small: 0, landed: 2, negotiating: 1, terminated: 0, fundedPct: 38, places: [SX, GX, DCF], products: ['陆上风电', '分布式光伏', '储能电站'], investors: ['国能示范新能源有限公司', '华北风光发电集团', '江苏储能科技股份有限公司'] },
  { chain: 'new-it', signedTenthsYi: 360, deals: 5, small: 1, landed: 2, negotiating: 2, terminated: 0, fundedPct: 28, places: [GXQ, DCF], products: ['光纤光缆', '电子元器件', '工业软件'], investors: ['深圳华信电子有限公司', '北京数联科技股份有限公司'] },
  { chain: 'light-textile', signedTenthsYi: 400, deals: 5, small: 1, landed: 2, negotiating: 1, terminated: 1, fundedPct: 30, places: [GT, LQ, GX], products: ['高档特种纸', '功能性纺织面料', '家居用品'], investors: ['浙江华锦纺织集团', '福建闽纸科技有限公司'] },
  { chain: 'building-materials', signedTenthsYi: 250, deals: 3, small: 0, landed: 1, negotiating: 2, terminated: 0, fundedPct: 24, places: [DE, DJQ], products: ['装配式建筑构件', '绿色新型墙材'], investors: ['中建示范绿色建材有限公司', '河南豫建新材料股份有限公司'] },
  { chain: 'health', signedTenthsYi: 800, deals: 9, small: 1, landed: 7, negotiating: 3, terminated: 1, fundedPct: 30, places: [DE, GXQ, DCF], products: ['阿胶及健康食品', '医疗器械', '生物医药原料', '康养服务'], investors: ['广州康元生物医药集团', '北京华医医疗器械有限公司', '香港某健康产业投资公司'] },
  { chain: 'green-chemical', signedTenthsYi: 1020, deals: 6, small: 0, landed: 2, negotiating: 1, terminated: 0, fundedPct: 37, places: [SX, CP, KFQ], products: ['尼龙新材料', '有机硅深加工', '功能性涂料'], investors: ['江苏恒联化工集团', '浙江新和化学股份有限公司', '上海华谊示范化工有限公司'] },
  { chain: 'bearings', signedTenthsYi: 300, deals: 5, small: 1, landed: 2, negotiating: 1, terminated: 0, fundedPct: 29, places: [LQ, GX], products: ['高端精密轴承', '轴承钢球', '轴承产业大脑'], investors: ['瓦房店示范轴承集团', '洛阳精工轴承有限公司'] },
  { chain: 'agri-food', signedTenthsYi: 620, deals: 6, small: 0, landed: 3, negotiating: 2, terminated: 1, fundedPct: 34, places: [GT, YG, DCF, SX], products: ['预制菜', '大豆蛋白', '畜禽精深加工'], investors: ['新希望示范食品有限公司', '中粮示范油脂有限公司', '泰国某食品集团'] },
];

/** 差异化指标 status and note per chain, as the chain teams keep them (early November). */
const NOTES: Record<string, [DemoChainNote['status'], string]> = {
  ferrous: ['inProgress', '已签约过亿元招商引资项目 7 个，另有 2 个在谈；6 月举办精品钢管产业专题活动 1 次，第二次计划 11 月举办。'],
  equipment: ['inProgress', '新增省级以上质量品牌企业 3 家，另有 2 家已通过初审。'],
  nonferrous: ['inProgress', '铜铝精深加工营收占比较上年提高 1.4 个百分点。'],
  'auto-parts': ['behind', '现代产业学院已培养技能人才 46 人；配备科技副总的企业 12 家，进度滞后。'],
  'new-energy': ['inProgress', '9 个标段中 5 个已开工建设，其余 4 个完成核准、正在办理用地手续。'],
  'new-it': ['inProgress', '1–9 月计算机、通信和其他电子设备制造业营业收入增长 6.4%。'],
  'light-textile': ['inProgress', '泉林纸业产能利用率 1–9 月为 76%。'],
  'building-materials': ['behind', '新开工装配式建筑占比：市辖区 44%、县（市）35%，均低于目标。'],
  health: ['inProgress', '签约项目已落地 7 个；阿胶产业集群申报材料已报省工信厅。'],
  'green-chemical': ['done', '1–9 月化工园区及监控点营业收入占规上化工企业 79.2%。'],
  bearings: ['inProgress', '轴承“产业大脑”一期上线，已接入企业 86 家。'],
  'agri-food': ['inProgress', '新创建市级以上农业产业化重点龙头企业 19 家。'],
};

const pad = (n: number) => String(n).padStart(2, '0');
const monthKey = (m: number) => `2024-${pad(m)}`;
/** An instant on a 2024 date at 10:mm Beijing time (02:mm UTC), so its calendar day is the date in both zones. */
const at = (date: string, minute = 0) => `${date}T02:${pad(minute % 60)}:00.000Z`;
const dayAfter = (date: string, days: number) => new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10) + days)).toISOString().slice(0, 10);
const ORIGINS: DemoLead['origin'][] = ['outOfProvince', 'inProvince', 'outOfProvince', 'abroad', 'inProvince'];

function leadsOf(spec: ChainDemo, chainIndex: number): DemoLead[] {
  const total = spec.signedTenthsYi * (YI / 10);
  // The small deals (under 1亿) take 0.5–0.9亿 each; the rest share what is left, weighted 5,3,4,2,6,…
  const smallAmounts = Array.from({ length: spec.small }, (_, i) => (5 + ((i * 2) % 5)) * (YI / 10));
  const big = apportion(total - smallAmounts.reduce((a, b) => a + b, 0), Array.from({ length: spec.deals - spec.small }, (_, i) => [5, 3, 4, 2, 6, 3, 4][i % 7]), 100);
  const amounts = [...big, ...smallAmounts];
  const name = (i: number) => `${['年产', '', '新建', ''][i % 4]}${spec.products[i % spec.products.length]}${['项目', '基地项目', '产业园项目', '扩能项目'][(i + chainIndex) % 4]}`;
  const leads: DemoLead[] = [];
  const seen = new Map<string, number>();
  /** A name the chain has used already gets its phase: 二期, 三期 … */
  const unique = (base: string) => {
    const times = (seen.get(base) ?? 0) + 1;
    seen.set(base, times);
    return times === 1 ? base : `${base}（${'一二三四五六七八九'[times - 1]}期）`;
  };
  const count = spec.deals + spec.negotiating + spec.terminated;
  for (let i = 0; i < count; i++) {
    const key = `${spec.chain}-${i + 1}`;
    const signedDeal = i < spec.deals;
    const terminated = i >= spec.deals + spec.negotiating;
    // Deals are signed one after another, January to October; leads are recorded a month or so before.
    const signMonth = Math.min(10, 1 + Math.floor((i * 10) / Math.max(1, spec.deals)));
    const signDate = `2024-${pad(signMonth)}-${pad(6 + ((i * 7 + chainIndex * 3) % 20))}`;
    const recordedOn = signMonth === 1 ? '2024-01-03' : `2024-${pad(signMonth - 1)}-${pad(4 + ((i * 5) % 20))}`;
    const amount = signedDeal ? amounts[i] : 0;
    const lead: DemoLead = {
      key,
      name: unique(name(i)),
      investor: spec.investors[i % spec.investors.length],
      origin: ORIGINS[(i + chainIndex) % ORIGINS.length],
      chain: spec.chain,
      region: spec.places[i % spec.places.length],
      intendedWan: signedDeal ? Math.round((amount * 11) / 1000) * 100 : (8 + (i % 5) * 4) * YI,
      recordedAt: at(recordedOn, i * 7),
      sign: signedDeal ? { date: signDate, amountWan: amount, agreementNo: `LC-ZS-2024-${pad(chainIndex + 1)}${pad(i + 1)}`, at: at(signDate, 30 + i) } : null,
      land: null,
      terminate: null,
      funds: [],
    };
    // The earliest deals land six to ten weeks after signing (not after early November).
    if (signedDeal && i < spec.landed) {
      const landDate = dayAfter(signDate, 42 + ((i * 9) % 28));
      const date = landDate > '2024-11-04' ? '2024-11-04' : landDate;
      lead.land = {
        date,
        at: at(date, 45),
        project: { code: `ZS2024-${pad(chainIndex + 1)}-${pad(i + 1)}`, ownerEnterprise: `${spec.investors[i % spec.investors.length].replace(/(集团|股份有限公司|有限公司|公司)$/, '')}（聊城）有限公司`, totalInvestment: amount },
      };
    }
    // Part of each contract arrives month by month from the month after signing through October.
    if (signedDeal && signMonth < 10) {
      const months = Array.from({ length: 10 - signMonth }, (_, k) => signMonth + 1 + k);
      const arrived = Math.floor((amount * spec.fundedPct) / 100 / 100) * 100;
      apportion(arrived, months.map((_, k) => 1 + (k % 3)), 100).forEach((amountWan, k) =>
        lead.funds.push({ month: monthKey(months[k]), amountWan, at: at(`2024-${pad(months[k] + 1)}-05`, i) }),
      );
    }
    if (terminated) lead.terminate = { reason: ['投资方调整战略布局，项目取消', '选址条件未达成一致', '投资方资金未落实'][i % 3], at: at(`2024-${pad(Math.min(10, signMonth + 2))}-18`, i) };
    leads.push(lead);
  }
  // Negotiating and terminated leads were never signed; one terminated deal in chains with several was signed first.
  if (spec.terminated > 0 && spec.deals >= 6) {
    const lastSigned = leads[spec.deals - 1];
    if (!lastSigned.land) {
      lastSigned.terminate = { reason: '投资方资金链紧张，双方协商解除合同', at: at('2024-10-28', chainIndex) };
      lastSigned.funds = lastSigned.funds.filter((f) => f.at < lastSigned.terminate!.at);
    }
  }
  return leads;
}

export const DEMO_LEADS: DemoLead[] = CHAINS.flatMap(leadsOf);

/**
 * A year's quarterly filings, year to date, each in the month after the quarter (Q4 in January);
 * figures move toward the targets, a chain's pace varying with the quarter (and, after 2024, the year).
 */
export function indicatorsOf(year: number, quarters: number[]): DemoIndicatorFiling[] {
  const shift = year === 2024 ? 0 : year;
  return PLAN_2024.chains.flatMap((row, chainIndex) =>
    quarters.map((quarter) => {
      const pace = 0.8 + ((chainIndex * 7 + quarter * 3 + shift) % 5) * 0.1; // 0.8–1.2 of 序时
      const count = (target: number | null) => (target === null ? null : Math.round((target * quarter * pace) / 4));
      const rate = (target: number | null, drift: number) => (target === null ? null : Math.round((target + drift) * 10) / 10);
      const drift = ((chainIndex % 4) - 1.5) * 0.6 + quarter * 0.3;
      const filed = quarter === 4 ? `${year + 1}-01-${pad(10 + chainIndex)}` : `${year}-${pad(quarter * 3 + 1)}-${pad(10 + chainIndex)}`;
      return {
        chain: row.chain,
        quarter,
        at: at(filed, quarter),
        values: {
          revenueGrowthPct: rate(row.revenueGrowthPct, drift),
          valueAddedGrowthPct: rate(row.valueAddedGrowthPct, drift - 0.4),
          newAboveScale: count(row.newAboveScale),
          newQuality: count(row.newQuality),
          newHighTech: count(row.newHighTech),
          newInnovationPlatforms: count(row.newInnovationPlatforms),
          loanGrowthPct: rate(row.loanGrowthPct, 0.5 - (chainIndex % 3) * 0.4),
        },
      };
    }),
  );
}

/** Q1–Q3 of 2024, as things stand in early November. */
export const DEMO_INDICATORS: DemoIndicatorFiling[] = indicatorsOf(2024, [1, 2, 3]);

export const DEMO_CHAIN_NOTES: DemoChainNote[] = CHAINS.map((spec, index) => ({
  chain: spec.chain,
  status: NOTES[spec.chain][0],
  note: NOTES[spec.chain][1],
  at: at(`2024-11-0${1 + (index % 4)}`, index),
}));
