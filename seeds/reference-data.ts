/**
 * Reference data: places, chains and targets, all from the source documents.
 * - Regions: 统计用区划代码 (docs/domain/plan-2024.md "The eleven places"). 茌平 has been a district (茌平区, 371503)
 *   since 2019; older data says 茌平县 371523.
 * - Chains and their 2024 targets: 2024 work plan (000) appendix, 通用指标.
 * - City targets for 2024: 2024 work plan (000) §四(四).
 */
export interface RegionSeed {
  code: string;
  name: string;
  kind: 'county' | 'zone';
  bigProjectRequired: boolean;
}

export interface ChainSeed {
  code: string;
  no: number;
  name: string;
  flagship: boolean;
  leadUnit: string;
  /** year → { projects, investmentWan } */
  targets: Record<number, { projects: number; investmentWan: number }>;
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

/** 1亿元 = 10,000 万元: appendix figures are in 亿元 with up to two decimals, so ×10,000 is exact. */
const yi = (hundredths: number): number => hundredths * 100;

export const CHAINS: ChainSeed[] = [
  { code: 'ferrous', no: 1, name: '黑色金属', flagship: false, leadUnit: '市投资促进局', targets: { 2024: { projects: 7, investmentWan: yi(1730) } } },
  { code: 'equipment', no: 2, name: '装备制造', flagship: false, leadUnit: '市市场监管局', targets: { 2024: { projects: 23, investmentWan: yi(3030) } } },
  { code: 'nonferrous', no: 3, name: '有色金属', flagship: true, leadUnit: '市工业和信息化局', targets: { 2024: { projects: 4, investmentWan: yi(1010) } } },
  { code: 'auto-parts', no: 4, name: '汽车及零部件', flagship: false, leadUnit: '市科技局', targets: { 2024: { projects: 5, investmentWan: yi(403) } } },
  { code: 'new-energy', no: 5, name: '新能源', flagship: true, leadUnit: '市发展改革委', targets: { 2024: { projects: 2, investmentWan: yi(390) } } },
  { code: 'new-it', no: 6, name: '新一代信息技术', flagship: false, leadUnit: '市工业和信息化局', targets: { 2024: { projects: 5, investmentWan: yi(790) } } },
  { code: 'light-textile', no: 7, name: '轻工纺织', flagship: false, leadUnit: '市商务局', targets: { 2024: { projects: 9, investmentWan: yi(1100) } } },
  { code: 'building-materials', no: 8, name: '绿色建材', flagship: false, leadUnit: '市住房城乡建设局', targets: { 2024: { projects: 4, investmentWan: yi(570) } } },
  { code: 'health', no: 9, name: '大健康', flagship: true, leadUnit: '市卫生健康委', targets: { 2024: { projects: 10, investmentWan: yi(1940) } } },
  { code: 'green-chemical', no: 10, name: '绿色化工', flagship: true, leadUnit: '市工业和信息化局', targets: { 2024: { projects: 16, investmentWan: yi(3980) } } },
  { code: 'bearings', no: 11, name: '高端轴承', flagship: false, leadUnit: '市地方金融监管局', targets: { 2024: { projects: 6, investmentWan: yi(390) } } },
  { code: 'agri-food', no: 12, name: '农副产品加工', flagship: false, leadUnit: '市农业农村局', targets: { 2024: { projects: 9, investmentWan: yi(612) } } },
];

export interface YearTargetSeed {
  year: number;
  implementationListSize: number;
  implementationInvestmentWan: number;
  preparationListSize: number;
  startRateTargetPct: number;
  bigProjectThresholdWan: number;
  bigProjectCityTarget: number;
  keyProjectThresholdWan: number;
  keyProjectCount: number;
  keyProjectInvestmentWan: number;
  ratingBluePct: number;
  ratingYellowPct: number;
}

/** 2024 work plan §四(四): 100 实施类 → 165亿; 30 准备类 → 80% started; 50亿 big projects; 22 key (≥10亿) → 75亿. */
export const YEAR_TARGETS: YearTargetSeed[] = [
  {
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
  },
];
