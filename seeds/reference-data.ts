import type { ChainPlanRow, CityTargets, PlaceRuleRow } from '../src/plans/index.js';

/**
 * Reference data: places, chains and targets, all from the source documents.
 * - Regions: 统计用区划代码 (docs/domain/plan-2024.md "The eleven places"). 茌平 has been a district (茌平区, 371503)
 *   since 2019; older data says 茌平县 371523.
 * - Chains: the 2024 plan's appendix (number, name, flagship, lead unit).
 * - The 2024 plan (city targets, every appendix column, place rules): PLAN_2024 below, the one
 *   year plan that ships with the product; later years are made by the city (docs/domain/plan-2024.md).
 */
export interface RegionSeed {
  code: string;
  name: string;
  kind: 'county' | 'zone';
  bigProjectRequired: boolean;
}

/**
 * "每个县（市、区）至少谋划1个50亿元以上项目" applies to the eight counties (县市区);
 * the three city zones are not 县市区, so the rule is off for them (a data flag, editable).
 */
export const REGIONS: RegionSeed[] = [
  { code: '371502', name: '东昌府区', kind: 'county', bigProjectRequired: true },
  { code: '371503', name: '茌平区', kind: 'county', bigProjectRequired: true },
  { code: '371521', name: '阳谷县', kind: 'county', bigProjectRequired: true },
  { code: '371522', name: '莘县', kind: 'county', bigProjectRequired: true },
  { code: '371524', name: '东阿县', kind: 'county', bigProjectRequired: true },
  { code: '371525', name: '冠县', kind: 'county', bigProjectRequired: true },
  { code: '371526', name: '高唐县', kind: 'county', bigProjectRequired: true },
  { code: '371581', name: '临清市', kind: 'county', bigProjectRequired: true },
  { code: '371571', name: '聊城经济技术开发区', kind: 'zone', bigProjectRequired: false },
  { code: '371572', name: '聊城高新技术产业开发区', kind: 'zone', bigProjectRequired: false },
  { code: '371573', name: '聊城市江北水城旅游度假区', kind: 'zone', bigProjectRequired: false },
];

export interface ChainSeed {
  code: string;
  no: number;
  name: string;
  flagship: boolean;
  leadUnit: string;
}

/** 1亿元 = 10,000 万元: appendix figures are in 亿元 with up to two decimals, so ×10,000 is exact. */
const yi = (hundredths: number): number => hundredths * 100;

/** The twelve chains (2024 plan appendix): number, name, ★ flagship (§四(四)), lead unit (责任单位). */
export const CHAINS: ChainSeed[] = [
  { code: 'ferrous', no: 1, name: '黑色金属', flagship: false, leadUnit: '市投资促进局' },
  { code: 'equipment', no: 2, name: '装备制造', flagship: false, leadUnit: '市市场监管局' },
  { code: 'nonferrous', no: 3, name: '有色金属', flagship: true, leadUnit: '市工业和信息化局' },
  { code: 'auto-parts', no: 4, name: '汽车及零部件', flagship: false, leadUnit: '市科技局' },
  { code: 'new-energy', no: 5, name: '新能源', flagship: true, leadUnit: '市发展改革委' },
  { code: 'new-it', no: 6, name: '新一代信息技术', flagship: false, leadUnit: '市工业和信息化局' },
  { code: 'light-textile', no: 7, name: '轻工纺织', flagship: false, leadUnit: '市商务局' },
  { code: 'building-materials', no: 8, name: '绿色建材', flagship: false, leadUnit: '市住房城乡建设局' },
  { code: 'health', no: 9, name: '大健康', flagship: true, leadUnit: '市卫生健康委' },
  { code: 'green-chemical', no: 10, name: '绿色化工', flagship: true, leadUnit: '市工业和信息化局' },
  { code: 'bearings', no: 11, name: '高端轴承', flagship: false, leadUnit: '市地方金融监管局' },
  { code: 'agri-food', no: 12, name: '农副产品加工', flagship: false, leadUnit: '市农业农村局' },
];

export interface DepartmentSeed {
  code: string;
  name: string;
  kinds: string[];
}

/**
 * The 要素保障组 departments each kind of need is routed to (docs/domain/requests.md
 * "Departments"): the five the 2024 plan names for 土地, 能耗, 环境容量, 资金 and 审批 (§三(四)–(六),
 * §一(八)); 水电气 to 市工业和信息化局 (its energy-supply coordination, §三(二)) and 其他 to the city
 * office (市链长办) — those two are this product's choice. Data: an administrator changes them.
 */
export const DEPARTMENTS: DepartmentSeed[] = [
  { code: 'natural-resources', name: '市自然资源和规划局', kinds: ['land'] },
  { code: 'development-reform', name: '市发展改革委', kinds: ['energy'] },
  { code: 'ecology-environment', name: '市生态环境局', kinds: ['environment'] },
  { code: 'financial-regulation', name: '市地方金融监管局', kinds: ['funding'] },
  { code: 'administrative-approval', name: '市行政审批服务局', kinds: ['approval'] },
  { code: 'industry-it', name: '市工业和信息化局', kinds: ['utilities'] },
  { code: 'chain-office', name: '市链长办', kinds: ['other'] },
];

/** One chain's row of a year's plan: the appendix's columns (money in 万元, rates in %; src/plans/plan.types.ts). */
export type ChainPlanSeed = ChainPlanRow & { chain: string };

export type PlaceRuleSeed = PlaceRuleRow & { region: string };

export type YearTargetSeed = CityTargets & { year: number };

export interface PlanSeed {
  city: YearTargetSeed;
  chains: ChainPlanSeed[];
  places: PlaceRuleSeed[];
  /** When the plan was issued (published); null for a draft. */
  publishedAt: string | null;
}

/**
 * The 2024 appendix (通用指标), one row per chain in appendix order: 规上营收增幅%, 规上增加值增幅%,
 * 新增规上企业, 新增省级以上优质企业, 新增高新技术企业, 新增市级以上创新平台企业, 签约亿元, 到位亿元, 贷款余额增幅%,
 * 项目数, 完成投资 (亿元 × 100).
 */
const APPENDIX_2024: [string, number, number, number, number, number, number, number, number, number, number, number, string][] = [
  ['ferrous', 6, 10, 20, 16, 10, 5, 60, 20, 8, 7, 1730, '争取 2024 年签约至少 10 个过亿元招商引资项目，举办 2 次产业专题活动。'],
  ['equipment', 10, 12, 15, 20, 20, 10, 100, 45, 9, 23, 3030, '新增省级以上质量品牌企业 5 家。'],
  ['nonferrous', 2, 5, 5, 10, 8, 8, 100, 30, 8, 4, 1010, '铜铝精深加工营收占有色金属产业链营收比重提高 2 个百分点。'],
  ['auto-parts', 10, 12, 10, 20, 12, 3, 50, 15, 8, 5, 403, '聊城市低碳智能车辆技术及应用现代产业学院为聊城培养汽车及零部件产业技能人才 100 人以上；20 家以上重点汽车及零部件企业配备科技副总。'],
  ['new-energy', 3, 5, 3, 3, 2, 2, 100, 50, 8, 2, 390, '推动我市 9 个标段陆上风电项目 2024 年底前开工建设。'],
  ['new-it', 5, 8, 6, 8, 8, 6, 50, 12, 9, 5, 790, '计算机、通信和其他电子设备制造业营业收入增速达到 7%。'],
  ['light-textile', 8, 10, 8, 10, 5, 5, 55, 15, 9, 9, 1100, '泉林纸业产能利用率达到 80%左右。'],
  ['building-materials', 3, 5, 5, 3, 5, 5, 50, 12, 8, 4, 570, '2024 年，新开工装配式建筑占新建建筑比例市辖区不低于 50%、县（市）不低于 40%。'],
  ['health', 8, 10, 5, 10, 6, 6, 100, 20, 9, 10, 1940, '推动签约项目落地 10 个以上；培育阿胶产业集群，争取纳入山东省医养健康特色产业集群。'],
  ['green-chemical', 8, 10, 2, 10, 3, 3, 100, 32, 9, 16, 3980, '化工园区及监控点营业收入占规上化工企业 78%以上。'],
  ['bearings', 10, 12, 6, 20, 15, 7, 50, 20, 8, 6, 390, '加快推进轴承“产业大脑”项目建设，搭建产业大脑应用场景，加快推动轴承产业提级跃升。'],
  ['agri-food', 8, 10, 15, 20, 10, 6, 80, 30, 8, 9, 612, '新创建市级以上农业产业化重点龙头企业 30 家。'],
];

/**
 * The 2024 appendix's 差异化指标 that name a count, as data: 黑色金属 "签约至少 10 个过亿元招商引资项目",
 * 大健康 "推动签约项目落地 10 个以上" (docs/domain/attraction.md). The other chains' texts name none.
 */
const DIFFERENTIATED_COUNTS_2024: Record<string, Pick<ChainPlanSeed, 'signedOver100mTarget' | 'landedTarget' | 'attractedOverTarget' | 'attractedOverThresholdWan'>> = Object.fromEntries(
  APPENDIX_2024.map(([chain]) => [chain, { signedOver100mTarget: chain === 'ferrous' ? 10 : null, landedTarget: chain === 'health' ? 10 : null, attractedOverTarget: null, attractedOverThresholdWan: null }]),
);

/**
 * The 2024 plan (2024 plan §一(二), §四(四) and appendix), issued on 28 March 2024: 100 实施类 →
 * 165亿; 30 准备类 → 80% started; ≥ 10 big projects of 50亿, one per county and chain; 22 key
 * projects of 10亿 → 75亿; 签约 900亿, 到位 300亿; 容缺受理 allowed (§三(六)). The 蓝黄红 cut-offs
 * are the product's choice (docs/domain/figures.md).
 */
export const PLAN_2024: PlanSeed = {
  city: {
    year: 2024,
    implementationListSize: 100,
    implementationInvestmentWan: yi(16500),
    preparationListSize: 30,
    startRateTargetPct: 80,
    bigProjectThresholdWan: yi(5000),
    bigProjectCityTarget: 10,
    keyProjectThresholdWan: yi(1000),
    keyProjectCount: 22,
    keyProjectInvestmentWan: yi(7500),
    ratingBluePct: 100,
    ratingYellowPct: 80,
    attractionSignedWan: yi(90000),
    attractionFundedWan: yi(30000),
    conditionalApprovalsAllowed: true,
  },
  chains: APPENDIX_2024.map(([chain, revenue, valueAdded, aboveScale, quality, highTech, platforms, signed, funded, loan, projects, investment, differentiated]) => ({
    chain,
    projects,
    investmentWan: yi(investment),
    signedWan: yi(signed * 100),
    fundedWan: yi(funded * 100),
    revenueGrowthPct: revenue,
    valueAddedGrowthPct: valueAdded,
    newAboveScale: aboveScale,
    newQuality: quality,
    newHighTech: highTech,
    newInnovationPlatforms: platforms,
    loanGrowthPct: loan,
    ...DIFFERENTIATED_COUNTS_2024[chain],
    differentiated,
    bigProjectRequired: true,
  })),
  places: REGIONS.map((region) => ({
    region: region.code,
    bigProjectRequired: region.bigProjectRequired,
    overKeyMin: null,
    overKeyMax: null,
    overBigMin: null,
    overBigMax: null,
  })),
  publishedAt: '2024-03-28T02:00:00.000Z',
};
