/**
 * ILLUSTRATIVE, NOT OFFICIAL: who answers for the demo's chains and projects
 * (docs/domain/responsibility.md). The documents name no 包联领导, and people are data the city
 * enters: every name here is made up, marked （示例）, and stands for no real person. Five chains
 * have a 链长 and a "5个1" (the other seven have none yet, so the board's coverage warning has
 * something to say); their listed projects get the chain's 链长 as 市级包联领导, a county leader
 * where the county has one here, and a 专员 on four of the five chains.
 */
export interface DemoPerson {
  key: string;
  name: string;
  title: string;
  organisation: string;
  phone: string;
  /** The county the person serves in; absent for the city. */
  region?: string;
}

export const DEMO_PEOPLE: DemoPerson[] = [
  { key: 'li', name: '（示例）李某某', title: '副市长', organisation: '聊城市人民政府', phone: '0635-0000001' },
  { key: 'wang', name: '（示例）王某某', title: '副市长', organisation: '聊城市人民政府', phone: '0635-0000002' },
  { key: 'zhao', name: '（示例）赵某某', title: '市政府秘书长', organisation: '聊城市人民政府', phone: '0635-0000003' },
  { key: 'qian', name: '（示例）钱某某', title: '副市长', organisation: '聊城市人民政府', phone: '0635-0000004' },
  { key: 'sun', name: '（示例）孙某某', title: '副市长', organisation: '聊城市人民政府', phone: '0635-0000005' },
  { key: 'zhou', name: '（示例）周某某', title: '副区长', organisation: '东昌府区人民政府', phone: '0635-0000011', region: '371502' },
  { key: 'wu', name: '（示例）吴某某', title: '副区长', organisation: '茌平区人民政府', phone: '0635-0000012', region: '371503' },
  { key: 'zheng', name: '（示例）郑某某', title: '副县长', organisation: '冠县人民政府', phone: '0635-0000013', region: '371525' },
  { key: 'feng', name: '（示例）冯某某', title: '管委会副主任', organisation: '聊城高新技术产业开发区管委会', phone: '0635-0000014', region: '371572' },
  { key: 'chen', name: '（示例）陈某某', title: '助企远航服务专员', organisation: '市工业和信息化局', phone: '0635-0000021' },
  { key: 'chu', name: '（示例）褚某某', title: '土地服务专员', organisation: '市自然资源和规划局', phone: '0635-0000022' },
];

export interface DemoChainDuty {
  chain: string;
  leader: string;
  plan: string;
  measures: string[];
  /** Owner enterprises of demo projects (a 链主 must be one the library knows). */
  anchors: string[];
  /** The chain's 专员 on its listed projects, and which kind. */
  commissioner?: { key: string; kind: 'enterprise' | 'land' };
}

export const DEMO_CHAIN_DUTIES: DemoChainDuty[] = [
  {
    chain: 'green-chemical',
    leader: 'li',
    plan: '绿色化工产业链高质量发展工作方案（示例）',
    measures: ['链主企业“一企一策”包联', '化工园区扩区调区要素保障', '产业链专项资金支持延链补链项目'],
    anchors: ['鲁西化工集团股份有限公司'],
    commissioner: { key: 'chen', kind: 'enterprise' },
  },
  {
    chain: 'equipment',
    leader: 'wang',
    plan: '装备制造产业链提质增效工作方案（示例）',
    measures: ['首台（套）装备推广应用', '农机装备产学研对接'],
    anchors: ['山东时风（集团）有限责任公司'],
    commissioner: { key: 'chen', kind: 'enterprise' },
  },
  { chain: 'nonferrous', leader: 'zhao', plan: '有色金属产业链延链强链工作方案（示例）', measures: ['铜铝精深加工项目用能保障'], anchors: [] },
  {
    chain: 'new-energy',
    leader: 'qian',
    plan: '新能源产业链发展工作方案（示例）',
    measures: ['风电光伏项目用地预审绿色通道'],
    anchors: [],
    commissioner: { key: 'chu', kind: 'land' },
  },
  {
    chain: 'health',
    leader: 'sun',
    plan: '大健康产业链“一对一专人负责”工作方案（示例）',
    measures: ['重点项目一对一专人负责', '医药企业审批帮办代办'],
    anchors: [],
    commissioner: { key: 'chu', kind: 'land' },
  },
];

/** County leaders by county: the 包联 county leader of the listed projects of the five chains there. */
export const DEMO_COUNTY_LEADERS: Record<string, string> = { '371502': 'zhou', '371503': 'wu', '371525': 'zheng', '371572': 'feng' };

/** 项目联系人 at the enterprise, for a few named projects (by name). */
export const DEMO_CONTACTS: { project: string; name: string; phone: string }[] = [
  { project: '鲁西化工100万吨/年有机硅（一期）', name: '（示例）项目联系人甲', phone: '13800000001' },
  { project: '鲁西化工60万吨/年己内酰胺·尼龙6（一期）', name: '（示例）项目联系人乙', phone: '13800000002' },
];

/** The 链长's activities (no request raised: the demo's 要素保障 figures stay as they are). */
export const DEMO_ACTIVITIES = [
  { chain: 'green-chemical', kind: 'patrol' as const, date: '2024-05-16', anchors: ['鲁西化工集团股份有限公司'], projects: ['鲁西化工100万吨/年有机硅（一期）', '鲁西化工60万吨/年己内酰胺·尼龙6（一期）'], findings: '（示例）有机硅一期进度符合序时，己内酰胺项目二期用能指标待落实，已交市发展改革委研究。' },
  { chain: 'equipment', kind: 'meeting' as const, date: '2024-07-10', anchors: [], projects: [], findings: '（示例）链长制工作调度会：听取装备制造链重点项目进展，协调农机装备首台（套）推广。' },
];

/** Demo sign-ins for the leader's home (docs/demo.md "Demo users"): a 链长 and a 专员. */
export const DEMO_LEADER_USERS = [
  { username: 'leader-li', password: 'demo-pass-leader-li', person: 'li' },
  { username: 'leader-chen', password: 'demo-pass-leader-chen', person: 'chen' },
];

/** When the demo's people and their posts were recorded: the register early in the year, the posts after the 2024 plan. */
export const DEMO_PEOPLE_AT = '2024-01-10T02:00:00.000Z';
export const DEMO_POSTS_AT = '2024-04-08T02:00:00.000Z';
