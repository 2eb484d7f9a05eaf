/**
 * Demo data set for 2024: Liaocheng's key manufacturing projects, 三个一批.
 *
 * ILLUSTRATIVE, NOT OFFICIAL. Every figure (total and annual investment, monthly reports),
 * every date, every approval and every owner enterprise below is made up for demonstration.
 * Only the project names named in the 2024 plan (docs/domain/sources.md) are real
 * (2024 work plan 000 and its appendix); their figures are not published, so the ones here
 * are invented too. All other project and enterprise names are invented.
 *
 * Shape of the set (checked by demo-2024.spec.ts):
 * - 2024 实施类 list: 100 projects, per chain as the appendix (7, 23, 4, 5, 2, 5, 9, 4, 10, 16, 6, 9),
 *   annual plan ≈ 168亿 (≥ 165亿, 000 §四(四)); each chain's plan ≈ 105% of its appendix target.
 *   73 started before 2024 (续建; 5 of them complete in 2024, 2 halted, one of those resumed),
 *   25 start in Jan–Jun 2024, 2 still not started (laggards).
 * - 2024 准备类 list: 30 projects, 20 start between Feb and Oct 2024, 10 still in preparation
 *   (4 past their planned start date, 6 planned for Nov/Dec).
 * - 24 reserve (储备) projects: 3 promoted and deferred back, 2 withdrawn.
 * - 10 big projects (≥ 50亿) covering 7 of the 8 counties: 冠县 deliberately has none, so the
 *   board shows its warning. 22 key projects (listed, ≥ 10亿).
 * - Monthly reports Jan–Oct 2024 (the data stands as of early November 2024). Regional
 *   performance differs on purpose (blue, yellow and red regions); exactly one project has a
 *   data-entry anomaly (cumulative reports above its total investment) for auditors to find.
 *
 * Deterministic: the only randomness is mulberry32, seeded from each project's code.
 * Money is integer 万元 throughout (1亿元 = 10,000 万元).
 */
import { CHAINS, PLAN_2024 } from './reference-data.js';
import type { DemoEvent, DemoListEntry, DemoProject, DemoReport } from './demo-types.js';
import { rngFor, type Rng } from './demo-random.js';

// ---------------------------------------------------------------------------------------------
// Deterministic helpers

const between = (rng: Rng, low: number, high: number): number => low + Math.floor(rng() * (high - low + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

const DAY_MS = 86_400_000;
const dayOf = (date: string): number => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;
const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const addDays = (date: string, days: number): string => dateOf(dayOf(date) + days);
const randomDate = (rng: Rng, from: string, to: string): string => dateOf(between(rng, dayOf(from), dayOf(to)));
/** An instant on `date`, 08:00–17:59 Beijing time (00:00–09:59 UTC), so its calendar day is `date` in both zones. */
const instant = (rng: Rng, date: string): string =>
  `${date}T0${between(rng, 0, 9)}:${String(between(rng, 0, 59)).padStart(2, '0')}:00.000Z`;
const monthOf = (date: string): number => +date.slice(5, 7);
const yearOf = (date: string): number => +date.slice(0, 4);

/** Splits `total` into integer parts proportional to `weights` (largest remainder), in steps of `unit`. */
export function apportion(total: number, weights: number[], unit = 1): number[] {
  const units = Math.floor(total / unit);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (w / sum) * units : 0));
  const parts = exact.map(Math.floor);
  let left = units - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    if (weights[i] > 0) {
      parts[i]++;
      left--;
    }
  }
  const result = parts.map((p) => p * unit);
  const lastWeighted = weights.map((w, i) => (w > 0 ? i : -1)).filter((i) => i >= 0).pop() ?? weights.length - 1;
  result[lastWeighted] += total - result.reduce((a, b) => a + b, 0);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Places and performance

const DCF = '371502'; // 东昌府区
const CP = '371503'; // 茌平区
const YG = '371521'; // 阳谷县
const SX = '371522'; // 莘县
const DE = '371524'; // 东阿县
const GX = '371525'; // 冠县
const GT = '371526'; // 高唐县
const LQ = '371581'; // 临清市
const KF = '371571'; // 聊城经济技术开发区
const GXQ = '371572'; // 聊城高新技术产业开发区
const DJ = '371573'; // 聊城市江北水城旅游度假区

/** Owner-name prefix per region (most owners are "聊城…", some carry their county's name). */
const OWNER_PREFIX: Record<string, string> = {
  [DCF]: '聊城', [CP]: '茌平', [YG]: '阳谷', [SX]: '莘县', [DE]: '东阿', [GX]: '冠县',
  [GT]: '高唐', [LQ]: '临清', [KF]: '聊城', [GXQ]: '聊城', [DJ]: '聊城',
};

/**
 * Each region's 2024 implementation-list reports through October as a share of its 序时进度
 * (expected = plan × 10/12, or the monthly-plan curve). Chosen so the board has blue (≥100%),
 * yellow (80–100%) and red (<80%) regions and the city lands near 90% of 165亿 × 10/12.
 */
const REGION_PACE: Record<string, number> = {
  [DCF]: 1.02, [CP]: 1.06, [YG]: 0.91, [SX]: 0.74, [DE]: 0.94, [GX]: 0.72,
  [GT]: 1.01, [LQ]: 0.84, [KF]: 0.92, [GXQ]: 0.82, [DJ]: 0.79,
};

// ---------------------------------------------------------------------------------------------
// The rows

/**
 * Implementation-list phases:
 * C started 2022–2023 (续建) · N starts Jan–Jun 2024 · L not started yet (laggard) ·
 * D started before 2024 and completes in 2024 · H halted in 2024 · R halted then resumed.
 */
type ImplPhase = 'C' | 'N' | 'L' | 'D' | 'H' | 'R';
/** Preparation-list phases: S starts Feb–Oct 2024 · O overdue (planned start passed) · P planned Nov/Dec. */
type PrepPhase = 'S' | 'O' | 'P';
/** Reserve phases: plain · PD promoted then deferred back · W withdrawn · PW promoted then withdrawn. */
type ReservePhase = '-' | 'PD' | 'W' | 'PW';

interface RowExtras {
  plannedWan?: number;
  owner?: string;
  content?: string;
  /** A 倒排工期 monthly-plan curve on the list entry. */
  curve?: 'front' | 'back';
  /** The one data-entry anomaly: a month keyed with an extra digit. */
  anomaly?: boolean;
}

interface Row<P> extends RowExtras {
  chain: string;
  region: string;
  totalWan: number;
  phase: P;
  name: string;
}

const rowsOf =
  <P>(chain: string) =>
  (...rows: [string, number, P, string, RowExtras?][]): Row<P>[] =>
    rows.map(([region, totalWan, phase, name, extras]) => ({ chain, region, totalWan, phase, name, ...extras }));

/** 2024 实施类: grouped by chain in appendix order; key projects (≥10亿) carry their annual plan. */
const IMPLEMENTATION: Row<ImplPhase>[] = [
  ...rowsOf<ImplPhase>('ferrous')(
    [KF, 520000, 'C', '精品钢管产业园', {
      plannedWan: 50000, curve: 'back', owner: '聊城开发区精品钢管产业园运营有限公司',
      content: '建设精密冷拔管、油气输送管、液压缸筒管等生产线及检测中心、仓储物流配套设施。',
    }],
    [LQ, 300000, 'C', '年产100万吨高端优特钢棒线材项目', { plannedWan: 40000, owner: '临清恒泰特钢有限公司' }],
    [KF, 85000, 'C', '年产30万吨精密冷拔无缝钢管项目'],
    [DCF, 60000, 'N', '年产20万吨高端焊接钢管智能化改造项目'],
    [CP, 70000, 'C', '年产15万吨精密合金带钢项目', { curve: 'front' }],
    [LQ, 80000, 'D', '年产50万吨热镀锌钢管及钢塑复合管项目'],
    [GT, 75000, 'C', '钢结构绿色智能制造基地项目'],
  ),
  ...rowsOf<ImplPhase>('equipment')(
    [GT, 150000, 'C', '时风集团高性能收获机械及关键部件创制', {
      plannedWan: 30000, owner: '山东时风（集团）有限责任公司',
      content: '建设高性能小麦、玉米收获机械及割台、脱粒滚筒等关键部件研发试验和智能化生产线。',
    }],
    [DJ, 120000, 'C', '年产400艘高端游艇研发制造', {
      plannedWan: 25000, curve: 'front', owner: '聊城水城游艇制造有限公司',
      content: '建设游艇研发中心、船体成型车间、总装车间及下水试航码头，形成年产400艘高端游艇能力。',
    }],
    [DE, 110000, 'C', '东阿县高端装备制造产业园配套基础设施', {
      plannedWan: 22000, owner: '东阿县产业园区建设发展有限公司',
      content: '建设园区道路、供排水、供电、燃气管网及标准化厂房等配套基础设施。',
    }],
    [DCF, 60000, 'C', '中小微企业科技创新创业孵化园', {
      owner: '聊城市东昌府区科创产业发展有限公司',
      content: '建设标准化厂房、研发中试楼及公共服务平台，打造中小微企业科技创新创业孵化载体。',
    }],
    [GX, 25000, 'N', '双力现代农业装备履带式大豆联合收获机研发', {
      owner: '山东双力现代农业装备有限公司',
      content: '建设履带式大豆联合收获机研发试验室及装配生产线，开展整机及关键部件研发。',
    }],
    [DCF, 45000, 'C', '年产5000台智能数控机床项目', { curve: 'front' }],
    [CP, 38000, 'N', '年产3000台套高端液压装备项目'],
    [GT, 52000, 'C', '年产10万台农用柴油机智能化改造项目'],
    [GT, 65000, 'N', '年产2000台大型拖拉机项目', { curve: 'back' }],
    [LQ, 40000, 'C', '年产5万吨高端精密铸件项目'],
    [SX, 20000, 'C', '年产1万台套环保除尘设备项目'],
    [KF, 48000, 'C', '智能仓储物流装备生产基地项目'],
    [DE, 35000, 'N', '年产800台套石油钻采装备项目'],
    [YG, 42000, 'N', '年产3万台电动叉车项目'],
    [SX, 18000, 'C', '年产1500台套食品机械项目'],
    [SX, 55000, 'C', '年产2万吨风电塔筒及法兰项目'],
    [YG, 22000, 'D', '年产500套智能立体车库项目'],
    [CP, 30000, 'C', '年产2000台高端压力容器项目'],
    [LQ, 33000, 'N', '年产10万套精密齿轮及传动部件项目'],
    [GXQ, 28000, 'N', '年产200台套锂电池智能装备项目'],
    [GX, 26000, 'C', '年产1万台高效节能电机项目'],
    [SX, 15000, 'L', '年产5000套智能灌溉设备项目'],
    [DE, 24000, 'C', '年产3万台园林机械项目'],
  ),
  ...rowsOf<ImplPhase>('nonferrous')(
    [CP, 620000, 'C', '年产60万吨高端铝基新材料项目', { plannedWan: 60000, curve: 'back', owner: '聊城恒瑞铝业有限公司' }],
    [YG, 250000, 'C', '年产5万吨高端电子铜箔项目', { plannedWan: 30000, owner: '阳谷华丰铜业有限公司' }],
    [CP, 30000, 'N', '年产5万吨再生铝合金锭项目'],
    [YG, 25000, 'C', '年产2万吨精密铜管项目'],
  ),
  ...rowsOf<ImplPhase>('auto-parts')(
    [CP, 38000, 'C', '年产100万套汽车轻量化铝合金轮毂项目'],
    [KF, 30000, 'N', '年产50万套新能源汽车电驱壳体项目', { curve: 'back' }],
    [LQ, 22000, 'C', '年产200万只汽车制动鼓项目'],
    [DCF, 28000, 'C', '年产30万套商用车车桥项目'],
    [GX, 15000, 'N', '年产500万件汽车内饰件项目'],
  ),
  ...rowsOf<ImplPhase>('new-energy')(
    [DCF, 560000, 'C', '年产30万吨锂电池正极材料项目', { plannedWan: 26000, curve: 'back', owner: '聊城锂源新能源材料有限公司' }],
    [GX, 45000, 'N', '年产2GWh储能电池模组项目'],
  ),
  ...rowsOf<ImplPhase>('new-it')(
    [GXQ, 150000, 'C', '年产1.2亿只高端电子元器件项目', { plannedWan: 28000, curve: 'back', owner: '聊城中晶电子科技有限公司' }],
    [GXQ, 60000, 'C', '年产100万平方米柔性电路板项目', { curve: 'front' }],
    [DJ, 40000, 'N', '年产500万套智能传感器项目'],
    [KF, 45000, 'C', '工业互联网数据中心项目'],
    [SX, 35000, 'C', '年产300万台智能终端项目'],
  ),
  ...rowsOf<ImplPhase>('light-textile')(
    [GT, 530000, 'C', '年产80万吨高档特种纸及配套项目', { plannedWan: 35000, owner: '高唐华泰纸业有限公司' }],
    [LQ, 120000, 'C', '鑫昌纺织二十万锭高档气流纺', {
      plannedWan: 25000, owner: '聊城鑫昌纺织有限公司',
      content: '新建纺纱车间及配套用房，购置高档转杯气流纺纱机及配套设备，形成二十万锭纺纱能力。',
    }],
    [GX, 30000, 'C', '金蔡伦纸机节能改造二期', {
      owner: '山东金蔡伦纸业有限公司',
      content: '对现有纸机进行靴式压榨、热泵干燥等节能改造，配套建设余热回收系统。',
    }],
    [GT, 60000, 'C', '新泉林年产8000吨纸浆模塑、10万吨化机浆', {
      owner: '山东新泉林纸业有限公司', curve: 'front',
      content: '建设纸浆模塑生产线及化机浆生产线，配套建设污水处理及碱回收设施。',
    }],
    [DCF, 12000, 'D', '百润印刷设备改造升级', {
      owner: '聊城百润印刷有限公司',
      content: '购置高速多色胶印机、数字印刷及智能装订设备，对现有印刷车间进行升级改造。',
    }],
    [LQ, 25000, 'N', '年产2万吨高档家纺面料项目', { curve: 'back' }],
    [SX, 18000, 'C', '年产500万件服装智能制造项目'],
    [YG, 28000, 'C', '年产3万吨生活用纸项目'],
    [DE, 16000, 'N', '年产1亿只环保纸制品包装项目'],
  ),
  ...rowsOf<ImplPhase>('building-materials')(
    [CP, 120000, 'C', '年产100万平方米装配式建筑构件项目', { plannedWan: 20000, owner: '茌平筑华新型建材有限公司' }],
    [SX, 48000, 'C', '年产120万平方米岩棉板项目'],
    [DCF, 35000, 'C', '年产200万平方米新型节能门窗项目'],
    [GX, 30000, 'N', '年产60万立方米蒸压加气混凝土砌块项目'],
  ),
  ...rowsOf<ImplPhase>('health')(
    [DE, 580000, 'C', '东阿县中医药大健康产业园项目', {
      plannedWan: 50000, curve: 'front', owner: '东阿县康源大健康产业发展有限公司',
      content: '建设中药材精深加工、滋补健康食品生产车间及研发检测中心、仓储物流中心。',
    }],
    [KF, 200000, 'C', '年产3000吨高端原料药及制剂项目', { plannedWan: 35000, owner: '聊城康瑞制药有限公司' }],
    [DE, 60000, 'C', '年产500吨阿胶及系列产品智能化升级项目'],
    [GX, 40000, 'C', '年产1亿支医用注射器及输液器项目'],
    [DE, 50000, 'N', '年产2000吨中药饮片及配方颗粒项目', { curve: 'back' }],
    [GXQ, 70000, 'C', '医疗器械产业园项目'],
    [YG, 35000, 'C', '年产5000吨功能性食品及保健品项目'],
    [SX, 55000, 'H', '年产300吨生物发酵原料药项目'],
    [LQ, 30000, 'C', '康养医疗用品生产基地项目'],
    [DCF, 25000, 'N', '年产2万台康复辅具项目'],
  ),
  ...rowsOf<ImplPhase>('green-chemical')(
    [GXQ, 1100000, 'C', '鲁西化工100万吨/年有机硅（一期）', {
      plannedWan: 100000, curve: 'back', owner: '鲁西化工集团股份有限公司',
      content: '建设有机硅单体合成、分离精馏及下游硅橡胶、硅油生产装置和配套公用工程。',
    }],
    [GXQ, 650000, 'C', '鲁西化工60万吨/年己内酰胺·尼龙6（一期）', {
      plannedWan: 80000, owner: '鲁西化工集团股份有限公司',
      content: '建设己内酰胺及尼龙6聚合、切片生产装置，配套建设储运、环保及公用工程设施。',
    }],
    [GX, 300000, 'C', '齐鲁漆业50万吨/年功能型防腐涂层新材料产业化', {
      plannedWan: 40000, owner: '山东齐鲁漆业有限公司',
      content: '建设功能型防腐涂料、树脂合成生产线及研发中心，配套建设智能仓储和危废处理设施。',
    }],
    [CP, 260000, 'C', '信发泓蒙年产20万吨氯化聚乙烯、4万吨氯化聚氯乙烯、20万吨聚合氯化铝', {
      plannedWan: 40000, curve: 'front', owner: '聊城信发泓蒙新材料有限公司',
      content: '建设氯化聚乙烯、氯化聚氯乙烯和聚合氯化铝生产装置，配套建设尾气吸收及废水处理设施。',
    }],
    [SX, 180000, 'C', '年产30万吨高端聚烯烃弹性体项目', { plannedWan: 30000, owner: '莘县润通化工有限公司' }],
    [CP, 45000, 'C', '年产10万吨水性树脂项目'],
    [YG, 50000, 'C', '年产5万吨电子级化学品项目', { curve: 'front' }],
    [YG, 80000, 'N', '年产20万吨生物可降解材料项目', { curve: 'back' }],
    [DCF, 35000, 'N', '年产3万吨高性能尼龙工程塑料改性项目', { curve: 'back' }],
    [SX, 40000, 'C', '年产10万吨环保型增塑剂项目'],
    [GX, 38000, 'R', '年产6万吨特种聚酯树脂项目'],
    [DE, 30000, 'C', '年产5万吨高端工业涂料项目'],
    [CP, 42000, 'N', '年产15万吨过氧化氢及下游产品项目'],
    [LQ, 36000, 'C', '年产2万吨医药中间体项目'],
    [GT, 45000, 'C', '年产8万吨聚氨酯新材料项目'],
    [LQ, 50000, 'L', '年产10万吨废塑料化学循环利用项目'],
  ),
  ...rowsOf<ImplPhase>('bearings')(
    [LQ, 12000, 'C', '轴承产业大脑', {
      owner: '临清市轴承产业数字科技有限公司',
      content: '建设轴承产业大数据中心和工业互联网平台，提供订单撮合、质量追溯和共享检测服务。',
    }],
    [LQ, 35000, 'C', '年产3000万套精密轴承项目', { curve: 'front' }],
    [LQ, 30000, 'N', '年产500万套新能源汽车轮毂轴承单元项目'],
    [LQ, 15000, 'C', '年产1000万粒高精度钢球项目'],
    [GX, 40000, 'C', '年产200万套风电轴承项目'],
    [YG, 12000, 'D', '年产800万套轴承保持架项目'],
  ),
  ...rowsOf<ImplPhase>('agri-food')(
    [SX, 100000, 'C', '年产30万吨预制菜及果蔬深加工项目', { plannedWan: 18000, curve: 'front', owner: '莘县绿源食品有限公司' }],
    [GX, 18000, 'N', '年产10万吨生物饲料项目'],
    [YG, 25000, 'C', '年产5万吨肉制品精深加工项目'],
    [SX, 20000, 'N', '年产3万吨速冻食品项目'],
    [GT, 45000, 'C', '年产20万吨玉米深加工项目'],
    [DE, 15000, 'C', '年产2万吨果蔬汁饮料项目'],
    [DCF, 6000, 'C', '年产1万吨休闲食品项目', { plannedWan: 5000, anomaly: true }],
    [CP, 22000, 'N', '冷链物流及农产品加工中心项目'],
    [SX, 10000, 'D', '年产5000吨食用菌深加工项目'],
  ),
];

/** 2024 准备类: plannedWan is the modest first-year amount. */
const PREPARATION: Row<PrepPhase>[] = [
  ...rowsOf<PrepPhase>('ferrous')(
    [LQ, 30000, 'S', '年产10万吨高强度紧固件项目'],
    [KF, 60000, 'P', '年产20万吨冷轧精密带钢项目'],
  ),
  ...rowsOf<PrepPhase>('equipment')(
    [DCF, 35000, 'S', '年产1000台套智能焊接机器人项目'],
    [GT, 40000, 'S', '年产5000台新能源农机项目'],
    [YG, 25000, 'O', '年产300台套矿山机械项目'],
    [CP, 18000, 'S', '年产2万套工程液压油缸项目'],
    [DJ, 18000, 'S', '年产1万台套智能家电配件项目'],
  ),
  ...rowsOf<PrepPhase>('nonferrous')([CP, 45000, 'S', '年产3万吨高端铝合金型材项目']),
  ...rowsOf<PrepPhase>('auto-parts')(
    [GX, 20000, 'S', '年产20万套汽车线束项目'],
    [KF, 28000, 'S', '年产100万只新能源汽车电机壳体项目'],
  ),
  ...rowsOf<PrepPhase>('new-energy')(
    [YG, 520000, 'S', '年产10GW N型高效光伏电池及组件项目', { plannedWan: 15000, owner: '阳谷晟阳光伏科技有限公司' }],
    [KF, 42000, 'P', '年产1万吨氢能储运装备项目'],
  ),
  ...rowsOf<PrepPhase>('new-it')(
    [GXQ, 80000, 'O', '年产200万片碳化硅功率器件项目'],
    [DCF, 50000, 'S', '数字经济产业园（一期）项目'],
  ),
  ...rowsOf<PrepPhase>('light-textile')(
    [GT, 40000, 'S', '年产5万吨特种纸项目'],
    [LQ, 22000, 'P', '年产1000万米功能性面料项目'],
  ),
  ...rowsOf<PrepPhase>('building-materials')([DE, 30000, 'S', '年产50万平方米光伏建筑一体化构件项目']),
  ...rowsOf<PrepPhase>('health')(
    [GXQ, 130000, 'S', '年产50万台（套）高端医疗器械产业化项目', { plannedWan: 10000, owner: '聊城康达医疗器械有限公司' }],
    [DE, 35000, 'S', '年产100吨医用胶原蛋白项目'],
    [SX, 20000, 'O', '年产1万吨中药材精深加工项目'],
    [DCF, 30000, 'P', '年产2亿片（粒）固体制剂项目'],
  ),
  ...rowsOf<PrepPhase>('green-chemical')(
    [CP, 60000, 'S', '年产3万吨锂电池电解液添加剂项目'],
    [GX, 55000, 'P', '年产5万吨高端环氧树脂项目'],
    [YG, 48000, 'S', '年产2万吨电子级氢氟酸项目'],
    [GT, 65000, 'S', '年产10万吨生物基新材料项目'],
  ),
  ...rowsOf<PrepPhase>('bearings')(
    [LQ, 40000, 'S', '年产100万套轨道交通轴承项目'],
    [GX, 26000, 'O', '年产500万套机器人精密减速器轴承项目'],
  ),
  ...rowsOf<PrepPhase>('agri-food')(
    [SX, 15000, 'S', '年产10万吨花生深加工项目'],
    [YG, 12000, 'S', '年产3万吨蛋制品加工项目'],
    [DE, 25000, 'P', '年产5万吨牛羊肉精深加工项目'],
  ),
];

/** 储备: not on a 2024 list. */
const RESERVE: Row<ReservePhase>[] = [
  { chain: 'green-chemical', region: SX, totalWan: 550000, phase: '-', name: '年产40万吨高端化工新材料一体化项目', owner: '莘县鲁晟新材料有限公司' },
  { chain: 'bearings', region: LQ, totalWan: 510000, phase: '-', name: '临清市高端轴承智造产业园项目', owner: '临清市轴承产业投资发展有限公司' },
  { chain: 'equipment', region: GX, totalWan: 180000, phase: '-', name: '冠县高端智能农机装备产业园项目', owner: '冠县产业发展投资有限公司' },
  { chain: 'new-energy', region: CP, totalWan: 300000, phase: '-', name: '年产5GWh储能电池项目' },
  { chain: 'health', region: DJ, totalWan: 80000, phase: '-', name: '康养医疗器械研发生产基地项目' },
  { chain: 'new-it', region: GXQ, totalWan: 120000, phase: 'PD', name: '年产5亿颗集成电路封装测试项目' },
  { chain: 'ferrous', region: KF, totalWan: 150000, phase: '-', name: '年产30万吨高端精密管材项目' },
  { chain: 'nonferrous', region: YG, totalWan: 200000, phase: '-', name: '年产10万吨铜基新材料项目' },
  { chain: 'auto-parts', region: KF, totalWan: 60000, phase: '-', name: '年产10万套新能源汽车一体化压铸件项目' },
  { chain: 'light-textile', region: GT, totalWan: 45000, phase: 'PD', name: '年产3万吨高档生活用纸项目' },
  { chain: 'building-materials', region: SX, totalWan: 25000, phase: '-', name: '年产30万吨干混砂浆项目' },
  { chain: 'agri-food', region: GX, totalWan: 30000, phase: '-', name: '年产5万吨肉鸡屠宰及熟食加工项目' },
  { chain: 'green-chemical', region: DE, totalWan: 90000, phase: '-', name: '年产5万吨生物降解新材料项目' },
  { chain: 'equipment', region: DCF, totalWan: 40000, phase: '-', name: '年产2000台工业机器人项目' },
  { chain: 'health', region: GT, totalWan: 70000, phase: '-', name: '年产1000吨益生菌制剂项目' },
  { chain: 'agri-food', region: CP, totalWan: 20000, phase: '-', name: '年产10万吨精制面粉项目' },
  { chain: 'ferrous', region: LQ, totalWan: 35000, phase: 'PD', name: '年产5万吨不锈钢精密管项目' },
  { chain: 'new-it', region: DCF, totalWan: 30000, phase: '-', name: '智能制造工业软件产业园项目' },
  { chain: 'bearings', region: GX, totalWan: 18000, phase: '-', name: '年产2000万套微型轴承项目' },
  { chain: 'light-textile', region: YG, totalWan: 22000, phase: '-', name: '年产2000万平方米无纺布项目' },
  { chain: 'auto-parts', region: DE, totalWan: 28000, phase: '-', name: '年产20万套汽车座椅骨架项目' },
  { chain: 'equipment', region: GT, totalWan: 26000, phase: '-', name: '年产5000台套智能养殖设备项目' },
  { chain: 'health', region: KF, totalWan: 16000, phase: 'W', name: '医用防护用品生产项目' },
  { chain: 'green-chemical', region: YG, totalWan: 40000, phase: 'PW', name: '年产3万吨氯化石蜡项目' },
];

// ---------------------------------------------------------------------------------------------
// Names and text

const OWNER_FIRST = '华鲁恒金泰润东宏瑞盛鑫信中新祥嘉凯昌锦腾';
const OWNER_SECOND = '源达丰通诚晟宇安博远邦力德峰创益和元泽立';
const OWNER_TRADE: Record<string, readonly string[]> = {
  ferrous: ['钢管', '特钢', '金属制品', '钢结构'],
  equipment: ['机械', '重工', '智能装备', '机械制造'],
  nonferrous: ['铝业', '铜业', '有色金属'],
  'auto-parts': ['汽车零部件', '汽配', '车桥'],
  'new-energy': ['新能源科技', '储能科技'],
  'new-it': ['电子科技', '信息技术', '智能科技'],
  'light-textile': ['纺织', '纸业', '包装材料'],
  'building-materials': ['新型建材', '建材科技'],
  health: ['医药', '生物科技', '健康产业', '医疗器械'],
  'green-chemical': ['化工', '新材料', '化学'],
  bearings: ['轴承', '精密机械'],
  'agri-food': ['食品', '农业科技', '农产品'],
};

/** Brand names (two characters) handed out without repetition, in a seeded order. */
const brands: string[] = (() => {
  const all: string[] = [];
  const placeNames = new Set(['泰安', '东安', '华安']); // real place names read oddly as brands
  for (const a of OWNER_FIRST) for (const b of OWNER_SECOND) if (a !== b && !placeNames.has(a + b)) all.push(a + b);
  const rng = rngFor('owner-brands');
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all;
})();
let nextBrand = 0;

function ownerFor(rng: Rng, chain: string, region: string): string {
  const brand = brands[nextBrand++ % brands.length];
  const roll = rng();
  const prefix = roll < 0.6 ? '聊城' : roll < 0.85 ? OWNER_PREFIX[region] : '山东';
  return `${prefix}${brand}${pick(rng, OWNER_TRADE[chain])}有限公司`;
}

function contentFor(rng: Rng, name: string, totalWan: number): string {
  const area = Math.max(5, Math.round(totalWan / 800)) / 10; // 万平方米, display only
  const capacity = /^年产(.+)项目$/.exec(name)?.[1];
  if (capacity) {
    return pick(rng, [
      `新建生产车间、仓库及配套用房约${area}万平方米，购置主要生产设备，建成后形成年产${capacity}的生产能力。`,
      `利用现有厂区新上智能化生产线，配套建设公用工程及环保设施，达产后年产${capacity}。`,
      `建设标准化厂房约${area}万平方米及研发检测中心，购置自动化生产及检测设备，建成后年产${capacity}。`,
    ]);
  }
  const subject = name.replace(/项目$/, '');
  return `建设${subject}所需厂房约${area}万平方米及配套设施，购置先进生产、研发和检测设备。`;
}

const PROGRESS_CONTINUING = ['主体结构施工', '钢结构安装', '厂房封顶', '设备采购到货', '设备安装调试', '单机调试', '联动试车', '试生产'];
const PROGRESS_NEW = ['场地平整', '桩基施工', '基础施工', '主体结构施工', '钢结构安装', '设备安装调试'];
const PROBLEMS = ['用地指标待落实', '能耗指标紧张', '环境容量不足，排污总量指标待调剂', '资金到位慢', '施工许可手续办理中'];

// ---------------------------------------------------------------------------------------------
// Building one project

const APPROVAL_ORDER = ['filing', 'land', 'planning', 'environment', 'energy', 'construction'] as const;
type Approvals = DemoProject['approvals'];
const noApprovals = (): Approvals => ({ filing: null, land: null, planning: null, environment: null, energy: null, construction: null });

/** All six approvals, in the usual order, between `from` and the day before `start`. */
function approvalsBefore(rng: Rng, from: string, start: string): Approvals {
  const span = dayOf(start) - dayOf(from);
  const result = noApprovals();
  const marks = [0.08, 0.3, 0.45, 0.58, 0.68, 0.88];
  APPROVAL_ORDER.forEach((key, i) => {
    const offset = Math.min(span - 1, Math.max(0, Math.round(span * marks[i]) + between(rng, -5, 5)));
    result[key] = addDays(from, offset);
  });
  // Keep the order monotone after jitter.
  for (let i = 1; i < APPROVAL_ORDER.length; i++) {
    const prev = result[APPROVAL_ORDER[i - 1]]!;
    if (result[APPROVAL_ORDER[i]]! < prev) result[APPROVAL_ORDER[i]] = prev;
  }
  return result;
}

/** Only the first `count` approvals obtained (a project still in preparation). */
function partialApprovals(rng: Rng, from: string, until: string, count: number): Approvals {
  const all = approvalsBefore(rng, from, until);
  const result = noApprovals();
  APPROVAL_ORDER.slice(0, count).forEach((key) => (result[key] = all[key]));
  return result;
}

interface Timeline {
  plannedStartDate: string;
  plannedCompletionDate: string;
  approvals: Approvals;
  events: DemoEvent[];
  /** Month (1–12 of 2024) of the first and last reports; null: no reports. */
  reportFrom: number | null;
  reportTo: number | null;
  /** Share of a month worked, by month (1-based), for halts, resumption and completion. */
  monthShare: (month: number) => number;
  /** Index into the progress list where 2024 begins (continuing projects are further along). */
  started2024: boolean;
  completedMonth: number | null;
  haltedMonths: Set<number>;
  resumedMonth: number | null;
}

const LAST_REPORT_MONTH = 10; // data as of early November 2024

function implementationTimeline(rng: Rng, phase: ImplPhase): Timeline {
  const haltedMonths = new Set<number>();
  let resumedMonth: number | null = null;
  const shares = new Map<number, number>();
  if (phase === 'L') {
    const promote = randomDate(rng, '2023-03-01', '2023-09-30');
    const plannedStart = randomDate(rng, '2024-03-15', '2024-06-15');
    return {
      plannedStartDate: plannedStart,
      plannedCompletionDate: addDays(plannedStart, between(rng, 450, 720)),
      approvals: partialApprovals(rng, promote, addDays(promote, 300), between(rng, 3, 4)),
      events: [{ type: 'PROMOTE', at: instant(rng, promote) }],
      reportFrom: null,
      reportTo: null,
      monthShare: () => 0,
      started2024: false,
      completedMonth: null,
      haltedMonths,
      resumedMonth,
    };
  }
  const start = phase === 'N' ? randomDate(rng, '2024-01-08', '2024-06-26') : randomDate(rng, '2022-03-01', '2023-11-30');
  const promote = dateOf(Math.max(dayOf('2022-01-04'), dayOf(start) - between(rng, 100, 260)));
  const plannedStart = addDays(start, -between(rng, -20, 45));
  const events: DemoEvent[] = [
    { type: 'PROMOTE', at: instant(rng, promote) },
    { type: 'START', date: start, at: instant(rng, addDays(start, between(rng, 0, 4))) },
  ];
  let completedMonth: number | null = null;
  let plannedCompletionDate = addDays(start, between(rng, 540, 1000));
  if (phase === 'D') {
    const complete = randomDate(rng, '2024-04-10', '2024-09-28');
    completedMonth = monthOf(complete);
    shares.set(completedMonth, Math.min(1, Math.max(0.2, +complete.slice(8, 10) / 30)));
    events.push({ type: 'COMPLETE', date: complete, at: instant(rng, addDays(complete, between(rng, 1, 3))) });
    plannedCompletionDate = addDays(complete, between(rng, -40, 30));
    if (plannedCompletionDate < plannedStart) plannedCompletionDate = complete;
  }
  if (phase === 'H' || phase === 'R') {
    const halt = phase === 'H' ? randomDate(rng, '2024-06-08', '2024-06-20') : randomDate(rng, '2024-04-12', '2024-04-22');
    const reason = phase === 'H' ? '环保督查整改' : '安全生产隐患排查整改';
    events.push({ type: 'HALT', date: halt, reason, at: instant(rng, addDays(halt, 1)) });
    const haltMonth = monthOf(halt);
    shares.set(haltMonth, +halt.slice(8, 10) / 30);
    let resumeMonth = 13;
    if (phase === 'R') {
      const resume = randomDate(rng, '2024-07-05', '2024-07-15');
      events.push({ type: 'RESUME', date: resume, at: instant(rng, addDays(resume, 1)) });
      resumeMonth = monthOf(resume);
      resumedMonth = resumeMonth;
      shares.set(resumeMonth, 1 - +resume.slice(8, 10) / 31);
    }
    for (let m = haltMonth + 1; m < resumeMonth; m++) {
      haltedMonths.add(m);
      shares.set(m, 0);
    }
  }
  const started2024 = yearOf(start) === 2024;
  if (started2024) shares.set(monthOf(start), Math.max(0.15, 1 - +start.slice(8, 10) / 31));
  return {
    plannedStartDate: plannedStart,
    plannedCompletionDate,
    approvals: approvalsBefore(rng, promote, start),
    events,
    reportFrom: started2024 ? monthOf(start) : 1,
    reportTo: completedMonth ?? LAST_REPORT_MONTH,
    monthShare: (m) => shares.get(m) ?? 1,
    started2024,
    completedMonth,
    haltedMonths,
    resumedMonth,
  };
}

function preparationTimeline(rng: Rng, phase: PrepPhase): Timeline {
  const none = { haltedMonths: new Set<number>(), resumedMonth: null, completedMonth: null };
  if (phase === 'S') {
    const start = randomDate(rng, '2024-02-05', '2024-10-25');
    // Promoted before the list was published (mid-January 2024).
    const latest = dayOf(randomDate(rng, '2023-12-12', '2024-01-12'));
    const promote = dateOf(Math.max(dayOf('2023-07-03'), Math.min(latest, dayOf(start) - between(rng, 120, 240))));
    const plannedStart = addDays(start, -between(rng, -15, 40));
    const shares = new Map([[monthOf(start), Math.max(0.15, 1 - +start.slice(8, 10) / 31)]]);
    return {
      plannedStartDate: plannedStart,
      plannedCompletionDate: addDays(start, between(rng, 420, 760)),
      approvals: approvalsBefore(rng, promote, start),
      events: [
        { type: 'PROMOTE', at: instant(rng, promote) },
        { type: 'START', date: start, at: instant(rng, addDays(start, between(rng, 0, 3))) },
      ],
      reportFrom: monthOf(start),
      reportTo: LAST_REPORT_MONTH,
      monthShare: (m) => shares.get(m) ?? 1,
      started2024: true,
      ...none,
    };
  }
  const promote = randomDate(rng, '2023-09-01', '2024-01-10');
  const plannedStart = phase === 'O' ? randomDate(rng, '2024-05-06', '2024-09-20') : randomDate(rng, '2024-11-05', '2024-12-20');
  return {
    plannedStartDate: plannedStart,
    plannedCompletionDate: addDays(plannedStart, between(rng, 420, 760)),
    approvals: partialApprovals(rng, promote, addDays(promote, 330), between(rng, 2, 4)),
    events: [{ type: 'PROMOTE', at: instant(rng, promote) }],
    reportFrom: null,
    reportTo: null,
    monthShare: () => 0,
    started2024: false,
    ...none,
  };
}

function reserveTimeline(rng: Rng, phase: ReservePhase): Timeline {
  const plannedStart = randomDate(rng, '2025-03-01', '2026-06-30');
  const events: DemoEvent[] = [];
  if (phase === 'PD' || phase === 'PW') {
    const promote = randomDate(rng, '2023-04-01', '2023-10-31');
    events.push({ type: 'PROMOTE', at: instant(rng, promote) });
    const back = randomDate(rng, '2024-03-01', '2024-08-30');
    events.push(
      phase === 'PD'
        ? { type: 'DEFER', reason: pick(rng, ['用地指标未落实，退回储备', '能耗指标未落实，退回储备', '企业融资方案调整，退回储备']), at: instant(rng, back) }
        : { type: 'WITHDRAW', reason: '不符合化工园区准入要求，调出项目库', at: instant(rng, back) },
    );
  } else if (phase === 'W') {
    events.push({ type: 'WITHDRAW', reason: '企业投资意向变化，调出项目库', at: instant(rng, randomDate(rng, '2024-04-01', '2024-09-30')) });
  }
  const approvals = noApprovals();
  if (phase === 'PD') approvals.filing = randomDate(rng, '2023-05-01', '2023-11-30');
  return {
    plannedStartDate: plannedStart,
    plannedCompletionDate: addDays(plannedStart, between(rng, 540, 900)),
    approvals,
    events,
    reportFrom: null,
    reportTo: null,
    monthShare: () => 0,
    started2024: false,
    completedMonth: null,
    haltedMonths: new Set(),
    resumedMonth: null,
  };
}

/** A 倒排工期 curve: twelve integers summing exactly to the plan, zero before the start month. */
function monthlyPlanOf(rng: Rng, plannedWan: number, curve: 'front' | 'back', fromMonth: number): number[] {
  const weights = Array.from({ length: 12 }, (_, i) => {
    const m = i + 1;
    if (m < fromMonth) return 0;
    const shape = curve === 'front' ? 14 - m : m + 3;
    const festival = m === 2 ? 0.6 : 1; // 春节
    return shape * festival * (0.9 + rng() * 0.2);
  });
  return apportion(plannedWan, weights, 10);
}

/** Seasonal weight of a month's investment (slow around 春节, fast in spring and autumn). */
const SEASON = [0.55, 0.5, 1.0, 1.05, 1.1, 1.1, 0.95, 0.95, 1.1, 1.15, 1.1, 1.2];

interface Draft {
  project: DemoProject;
  timeline: Timeline;
  rng: Rng;
  listCategory: 'implementation' | 'preparation' | null;
  plannedWan: number;
  monthlyPlan?: number[];
  phase: string;
  anomaly: boolean;
  /** Reports Jan–Oct 2024, before distribution over months. */
  actualWan: number;
}

const KEY_THRESHOLD_WAN = PLAN_2024.city.keyProjectThresholdWan;

/** 技改 when the name says renovation or upgrading; otherwise, deterministically, about a third attracted (招商引进). */
function originOf(code: string, name: string): DemoProject['origin'] {
  if (/改造|技改|升级|节能/.test(name)) return 'renovation';
  return rngFor(`origin-${code}`)() < 0.35 ? 'attracted' : 'expansion';
}

function draftOf<P extends string>(
  code: string,
  row: Row<P>,
  timeline: (rng: Rng, phase: P) => Timeline,
  listCategory: Draft['listCategory'],
  plannedWan: number,
): Draft {
  const rng = rngFor(code);
  const owner = row.owner ?? ownerFor(rng, row.chain, row.region);
  const content = row.content ?? contentFor(rng, row.name, row.totalWan);
  const t = timeline(rng, row.phase);
  let monthlyPlan: number[] | undefined;
  if (row.curve && listCategory === 'implementation') monthlyPlan = monthlyPlanOf(rng, plannedWan, row.curve, t.reportFrom ?? 1);
  const lists: DemoListEntry[] = listCategory
    ? [
        {
          year: 2024,
          category: listCategory,
          plannedInvestmentWan: plannedWan,
          ...(monthlyPlan ? { monthlyPlan } : {}),
          // The city designated its listed projects of 10亿 and more as the year's key projects (22 in this set).
          keyProject: row.totalWan >= KEY_THRESHOLD_WAN,
        },
      ]
    : [];
  return {
    project: {
      code,
      name: row.name,
      ownerEnterprise: owner,
      region: row.region,
      chain: row.chain,
      totalInvestmentWan: row.totalWan,
      origin: originOf(code, row.name),
      content,
      plannedStartDate: t.plannedStartDate,
      plannedCompletionDate: t.plannedCompletionDate,
      approvals: t.approvals,
      events: t.events,
      lists,
      reports: [],
    },
    timeline: t,
    rng,
    listCategory,
    plannedWan,
    monthlyPlan,
    phase: row.phase,
    anomaly: row.anomaly ?? false,
    actualWan: 0,
  };
}

/** 序时进度 through October: plan × 10/12, or the curve's first ten months. */
const expectedThroughOctober = (d: Draft): number =>
  d.monthlyPlan ? d.monthlyPlan.slice(0, 10).reduce((a, b) => a + b, 0) : (d.plannedWan * 10) / 12;

// ---------------------------------------------------------------------------------------------
// Annual plans: each chain's implementation list plans ≈ 105.4% of its appendix target, so the
// list as a whole plans ≈ 168亿 (≥ 165亿; the appendix targets alone sum to 159.45亿).

const PLAN_OVER_TARGET = 1.054;

function implementationPlans(): Map<Row<ImplPhase>, number> {
  const plans = new Map<Row<ImplPhase>, number>();
  for (const chain of CHAINS) {
    const rows = IMPLEMENTATION.filter((r) => r.chain === chain.code);
    const aimWan = Math.round((PLAN_2024.chains.find((c) => c.chain === chain.code)!.investmentWan * PLAN_OVER_TARGET) / 500) * 500;
    const fixed = rows.filter((r) => r.plannedWan !== undefined);
    const open = rows.filter((r) => r.plannedWan === undefined);
    for (const r of fixed) plans.set(r, r.plannedWan!);
    const leftWan = aimWan - fixed.reduce((sum, r) => sum + r.plannedWan!, 0);
    const rng = rngFor(`plan-${chain.code}`);
    const weights = open.map((r) => r.totalWan * (0.75 + rng() * 0.5));
    apportion(leftWan, weights, 100).forEach((p, i) => plans.set(open[i], p));
  }
  return plans;
}

// ---------------------------------------------------------------------------------------------
// Reports

function distributeReports(d: Draft): DemoReport[] {
  const t = d.timeline;
  if (t.reportFrom === null || t.reportTo === null) return [];
  const months: number[] = [];
  for (let m = t.reportFrom; m <= t.reportTo; m++) months.push(m);
  const weights = months.map((m) => {
    const curve = d.monthlyPlan ? Math.max(d.monthlyPlan[m - 1], 1) : SEASON[m - 1];
    return curve * t.monthShare(m) * (0.8 + d.rng() * 0.4);
  });
  const amounts = weights.every((w) => w === 0) ? months.map(() => 0) : apportion(d.actualWan, weights, 10);
  if (d.anomaly) {
    // September keyed with an extra digit (e.g. 3,700 for 370): cumulative reports now exceed the total.
    const i = months.indexOf(9);
    amounts[i] *= 10;
  }
  const problemRoll = d.rng();
  const redRegion = REGION_PACE[d.project.region] < 0.8;
  const hasProblem = problemRoll < (redRegion ? 0.45 : 0.12);
  const problem = pick(d.rng, PROBLEMS);
  const problemFrom = between(d.rng, t.reportFrom, t.reportTo);
  const progressList = t.started2024 ? PROGRESS_NEW : PROGRESS_CONTINUING;
  const progressOffset = t.started2024 ? 0 : between(d.rng, 0, 2);
  return months.map((m, i) => {
    let progress = progressList[Math.min(progressList.length - 1, progressOffset + Math.floor((i * (progressList.length - progressOffset)) / months.length))];
    let problems: string | null = hasProblem && m >= problemFrom ? problem : null;
    if (t.completedMonth === m) progress = '竣工投产';
    if (t.haltedMonths.has(m)) {
      progress = '停工整改';
      problems = '环保、安全问题整改中，暂停施工';
    }
    if (t.resumedMonth === m) progress = '整改完成，复工建设';
    const next = m + 1;
    const recordedDay = `2024-${String(next).padStart(2, '0')}-0${between(d.rng, 1, 6)}`;
    return {
      month: `2024-${String(m).padStart(2, '0')}`,
      amountWan: amounts[i],
      progress,
      problems,
      recordedAt: `${recordedDay}T0${between(d.rng, 0, 9)}:${String(between(d.rng, 0, 59)).padStart(2, '0')}:00.000Z`,
    };
  });
}

/**
 * Actual investment Jan–Oct per project: the region's pace × the project's 序时进度, with
 * per-project variety; laggards report nothing, completed projects report about their plan,
 * and each region's scalable projects are scaled so the region lands on its pace.
 */
function settleImplementationActuals(drafts: Draft[]): void {
  const scalable: Draft[] = [];
  for (const d of drafts) {
    const expected = expectedThroughOctober(d);
    if (d.phase === 'L') d.actualWan = 0;
    else if (d.phase === 'D') d.actualWan = Math.round((d.plannedWan * (0.95 + d.rng() * 0.08)) / 10) * 10;
    else if (d.anomaly) d.actualWan = Math.round((expected * 0.94) / 10) * 10;
    else {
      const haltFactor = d.phase === 'H' ? 0.55 : d.phase === 'R' ? 0.75 : 1;
      d.actualWan = expected * (0.72 + d.rng() * 0.56) * haltFactor;
      scalable.push(d);
    }
  }
  for (const region of Object.keys(REGION_PACE)) {
    const inRegion = drafts.filter((d) => d.project.region === region);
    const targetWan = REGION_PACE[region] * inRegion.reduce((sum, d) => sum + expectedThroughOctober(d), 0);
    const fixedWan = inRegion.filter((d) => !scalable.includes(d)).reduce((sum, d) => sum + d.actualWan, 0);
    const open = inRegion.filter((d) => scalable.includes(d));
    const rawWan = open.reduce((sum, d) => sum + d.actualWan, 0);
    const scale = rawWan > 0 ? (targetWan - fixedWan) / rawWan : 0;
    for (const d of open) {
      const capWan = Math.floor((d.project.totalInvestmentWan * 0.9) / 10) * 10;
      d.actualWan = Math.min(capWan, Math.round((d.actualWan * scale) / 10) * 10);
    }
  }
}

/** Preparation-list projects that started: a share of their first-year plan, pro rata to the months worked. */
function settlePreparationActual(d: Draft): void {
  const t = d.timeline;
  if (t.reportFrom === null) return;
  const worked = LAST_REPORT_MONTH - t.reportFrom + 1;
  const planned = 12 - t.reportFrom + 1;
  d.actualWan = Math.round((d.plannedWan * (worked / planned) * (0.7 + d.rng() * 0.45)) / 10) * 10;
}

// ---------------------------------------------------------------------------------------------
// Assembly

function build(): DemoProject[] {
  const plans = implementationPlans();
  const implementation = IMPLEMENTATION.map((row, i) =>
    draftOf(`LC2024-S${String(i + 1).padStart(3, '0')}`, row, implementationTimeline, 'implementation', plans.get(row)!),
  );
  settleImplementationActuals(implementation);

  const preparation = PREPARATION.map((row, i) => {
    const code = `LC2024-Z${String(i + 1).padStart(3, '0')}`;
    const share = 0.12 + rngFor(`plan-${code}`)() * 0.12;
    const plannedWan = row.plannedWan ?? Math.round((row.totalWan * share) / 100) * 100;
    const d = draftOf(code, row, preparationTimeline, 'preparation', plannedWan);
    settlePreparationActual(d);
    return d;
  });

  const reserve = RESERVE.map((row, i) => draftOf(`LC-CB-${String(i + 1).padStart(3, '0')}`, row, reserveTimeline, null, 0));

  return [...implementation, ...preparation, ...reserve].map((d) => ({ ...d.project, reports: distributeReports(d) }));
}

/** The 2024 demo projects (ILLUSTRATIVE; see the header). */
export const DEMO_PROJECTS: DemoProject[] = build();
