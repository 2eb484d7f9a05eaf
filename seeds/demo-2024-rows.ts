/**
 * The 2024 demo's projects, row by row (ILLUSTRATIVE, NOT OFFICIAL: see demo-2024.ts): each
 * list's projects by chain in the appendix's order, with county, total investment (万元), how
 * its year goes (its phase) and its name. Only the names the 2024 plan gives are real.
 */

export const DCF = '371502'; // 东昌府区
export const CP = '371503'; // 茌平区
export const YG = '371521'; // 阳谷县
export const SX = '371522'; // 莘县
export const DE = '371524'; // 东阿县
export const GX = '371525'; // 冠县
export const GT = '371526'; // 高唐县
export const LQ = '371581'; // 临清市
export const KF = '371571'; // 聊城经济技术开发区
export const GXQ = '371572'; // 聊城高新技术产业开发区
export const DJ = '371573'; // 聊城市江北水城旅游度假区

/** Owner-name prefix per region (most owners are "聊城…", some carry their county's name). */
export const OWNER_PREFIX: Record<string, string> = {
  [DCF]: '聊城', [CP]: '茌平', [YG]: '阳谷', [SX]: '莘县', [DE]: '东阿', [GX]: '冠县',
  [GT]: '高唐', [LQ]: '临清', [KF]: '聊城', [GXQ]: '聊城', [DJ]: '聊城',
};

/**
 * Each region's 2024 implementation-list reports through October as a share of its 序时进度
 * (expected = plan × 10/12, or the monthly-plan curve). Chosen so the board has blue (≥100%),
 * yellow (80–100%) and red (<80%) regions and the city lands near 90% of 165亿 × 10/12.
 */
export const REGION_PACE: Record<string, number> = {
  [DCF]: 1.02, [CP]: 1.06, [YG]: 0.91, [SX]: 0.74, [DE]: 0.94, [GX]: 0.72,
  [GT]: 1.01, [LQ]: 0.84, [KF]: 0.92, [GXQ]: 0.82, [DJ]: 0.79,
};

// ---------------------------------------------------------------------------------------------
// The rows

/**
 * Implementation-list phases:
 * C started 2022–2023 (续建) · N starts Jan–Jun 2024 · L not started yet (laggard, or still in 前期手续) ·
 * D started before 2024 and completes in 2024 · H halted in 2024 · R halted then resumed.
 */
export type ImplPhase = 'C' | 'N' | 'L' | 'D' | 'H' | 'R';
/** Preparation-list phases: S starts Feb–Oct 2024 · O overdue (planned start passed) · P planned Nov/Dec. */
export type PrepPhase = 'S' | 'O' | 'P';
/** Reserve phases: plain · PD promoted then deferred back · W withdrawn · PW promoted then withdrawn. */
export type ReservePhase = '-' | 'PD' | 'W' | 'PW';

export interface RowExtras {
  plannedWan?: number;
  owner?: string;
  content?: string;
  /** A 倒排工期 monthly-plan curve on the list entry. */
  curve?: 'front' | 'back';
  /** The one data-entry anomaly: a month keyed with an extra digit. */
  anomaly?: boolean;
}

export interface Row<P> extends RowExtras {
  chain: string;
  region: string;
  totalWan: number;
  phase: P;
  name: string;
}

export const rowsOf =
  <P>(chain: string) =>
  (...rows: [string, number, P, string, RowExtras?][]): Row<P>[] =>
    rows.map(([region, totalWan, phase, name, extras]) => ({ chain, region, totalWan, phase, name, ...extras }));

/** 2024 实施类: grouped by chain in appendix order; key projects (≥10亿) carry their annual plan. */
export const IMPLEMENTATION: Row<ImplPhase>[] = [
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
    // 000 §二(十): 齐鲁漆业 and 信发泓蒙 are still doing their 前期手续 in 2024 ("加快…前期手续办理进度，推动尽快开工"):
    // on the year's list, not started (L).
    [GX, 300000, 'L', '齐鲁漆业50万吨/年功能型防腐涂层新材料产业化', {
      plannedWan: 40000, owner: '山东齐鲁漆业有限公司',
      content: '建设功能型防腐涂料、树脂合成生产线及研发中心，配套建设智能仓储和危废处理设施。',
    }],
    [CP, 260000, 'L', '信发泓蒙年产20万吨氯化聚乙烯、4万吨氯化聚氯乙烯、20万吨聚合氯化铝', {
      plannedWan: 40000, owner: '聊城信发泓蒙新材料有限公司',
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
export const PREPARATION: Row<PrepPhase>[] = [
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
export const RESERVE: Row<ReservePhase>[] = [
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

