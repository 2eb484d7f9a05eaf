/**
 * Demo 要素保障 requests and approval statuses: ILLUSTRATIVE, NOT OFFICIAL. Every need, quantity,
 * date, grant and evaluation below is made up to show the closed loop (收集、研判、处理、反馈、评价)
 * on the demo projects (seeds/demo-2024.ts, demo-years.ts): needs closed, open, overdue (not
 * accepted in time, past the promise), reopened after a 不满意, returned, taken to the 常务会,
 * and a 容缺受理 approval. Instants are 10:00 in Liaocheng (02:00Z) on the day named. A step
 * after the day the demo is loaded has not happened yet (the seeder leaves it out), so what is
 * open depends on that day; every request here is answered within a few months.
 */
import type { ApprovalKey } from '../src/lifecycle/index.js';

export type DemoRequestStep =
  | { type: 'ACCEPT'; on: string; category: 'simple' | 'frequent' | 'complex'; promisedDate: string }
  | { type: 'RESOLVE'; on: string; granted?: string; note: string }
  | { type: 'RETURN'; on: string; reason: string }
  | { type: 'EVALUATE'; on: string; rating: 'satisfied' | 'basically' | 'dissatisfied'; reason?: string }
  | { type: 'ESCALATE'; on: string; reason: string };

export interface DemoRequest {
  /** The demo project's code. */
  project: string;
  kind: 'land' | 'energy' | 'environment' | 'funding' | 'approval' | 'utilities' | 'other';
  quantity?: string;
  pollutant?: string;
  approval?: ApprovalKey;
  description: string;
  neededBy?: string;
  raisedOn: string;
  steps: DemoRequestStep[];
}

export interface DemoApproval {
  project: string;
  key: ApprovalKey;
  status: 'in_progress' | 'conditional';
  date: string | null;
  commitmentDate: string | null;
  department: string;
  on: string;
}

export const at = (day: string): string => `${day}T02:00:00.000Z`;

/**
 * 2024: as the data stands in early November 2024 — seven open, five of them overdue — and then each
 * answered between late November 2024 and February 2025 (nothing after 20 November 2024 shows on the
 * demo as the tests see it that day).
 */
export const DEMO_REQUESTS_2024: DemoRequest[] = [
  {
    project: 'LC2024-Z021', kind: 'energy', quantity: '1200', description: '新增用能 1200 吨标准煤，需节能审查前落实', raisedOn: '2024-06-03',
    steps: [
      { type: 'ACCEPT', on: '2024-06-05', category: 'simple', promisedDate: '2024-06-30' },
      { type: 'RESOLVE', on: '2024-06-25', granted: '1200', note: '已在全市能耗指标中统筹安排' },
      { type: 'EVALUATE', on: '2024-06-28', rating: 'basically' },
    ],
  },
  {
    project: 'LC2024-S015', kind: 'funding', quantity: '8000', description: '设备购置贷款 8000 万元', raisedOn: '2024-07-08',
    steps: [
      { type: 'ACCEPT', on: '2024-07-10', category: 'simple', promisedDate: '2024-07-31' },
      { type: 'RESOLVE', on: '2024-07-29', granted: '6000', note: '产业链对接银行授信 6000 万元' },
      { type: 'EVALUATE', on: '2024-08-01', rating: 'satisfied' },
    ],
  },
  {
    project: 'LC2024-S004', kind: 'land', quantity: '120', description: '二期厂房新增建设用地 120 亩', neededBy: '2024-10-31', raisedOn: '2024-08-05',
    steps: [
      { type: 'ACCEPT', on: '2024-08-07', category: 'complex', promisedDate: '2024-09-30' },
      { type: 'RESOLVE', on: '2024-09-20', granted: '100', note: '安排新增建设用地指标 100 亩，其余 20 亩待下批' },
      { type: 'EVALUATE', on: '2024-09-25', rating: 'satisfied' },
    ],
  },
  {
    project: 'LC2024-S050', kind: 'land', quantity: '60', description: '纸浆模塑扩建用地 60 亩，涉及基本农田调整', raisedOn: '2024-08-20',
    steps: [
      { type: 'ACCEPT', on: '2024-08-22', category: 'complex', promisedDate: '2024-09-30' },
      { type: 'ESCALATE', on: '2024-10-10', reason: '涉及永久基本农田调整，提请市政府常务会一事一议' },
      { type: 'ACCEPT', on: '2024-11-28', category: 'complex', promisedDate: '2025-01-20' },
      { type: 'RESOLVE', on: '2025-01-10', granted: '60', note: '常务会研究同意调整方案，安排用地指标 60 亩' },
      { type: 'EVALUATE', on: '2025-01-15', rating: 'satisfied' },
    ],
  },
  {
    project: 'LC2024-S010', kind: 'energy', quantity: '5000', description: '配套产线用能 5000 吨标准煤', raisedOn: '2024-09-02',
    steps: [
      { type: 'ACCEPT', on: '2024-09-04', category: 'frequent', promisedDate: '2024-10-15' },
      { type: 'RESOLVE', on: '2024-11-26', granted: '4000', note: '已在全市能耗指标中统筹安排 4000 吨标准煤' },
      { type: 'EVALUATE', on: '2024-12-02', rating: 'basically' },
    ],
  },
  {
    project: 'LC2024-S020', kind: 'environment', pollutant: 'nox', quantity: '8.5', description: '氮氧化物排放总量指标 8.5 吨/年', raisedOn: '2024-09-10',
    steps: [
      { type: 'ACCEPT', on: '2024-11-22', category: 'complex', promisedDate: '2024-12-31' },
      { type: 'RESOLVE', on: '2024-12-20', granted: '8.5', note: '通过排污权交易调剂 8.5 吨/年' },
      { type: 'EVALUATE', on: '2024-12-26', rating: 'satisfied' },
    ],
  },
  {
    project: 'LC2024-Z005', kind: 'approval', approval: 'environment', description: '环评并联审批，请求容缺受理', raisedOn: '2024-09-16',
    steps: [
      { type: 'ACCEPT', on: '2024-09-18', category: 'simple', promisedDate: '2024-10-20' },
      { type: 'RESOLVE', on: '2024-10-18', note: '已受理，待企业补正材料' },
      { type: 'EVALUATE', on: '2024-10-22', rating: 'dissatisfied', reason: '补正材料清单不明确，审批未办结' },
      { type: 'RESOLVE', on: '2024-11-25', note: '已书面告知补正材料清单，环评审批已办结' },
      { type: 'EVALUATE', on: '2024-11-29', rating: 'satisfied' },
    ],
  },
  {
    project: 'LC2024-Z002', kind: 'environment', pollutant: 'so2', quantity: '2.4', description: '二氧化硫排放总量指标 2.4 吨/年', raisedOn: '2024-09-23',
    steps: [
      { type: 'ACCEPT', on: '2024-09-25', category: 'frequent', promisedDate: '2024-11-15' },
      { type: 'RESOLVE', on: '2024-10-30', granted: '2.000', note: '通过排污权交易调剂 2 吨/年' },
      { type: 'EVALUATE', on: '2024-11-22', rating: 'basically' },
    ],
  },
  {
    project: 'LC2024-S031', kind: 'funding', quantity: '20000', description: '铝基新材料项目流动资金贷款', raisedOn: '2024-10-08',
    steps: [
      { type: 'ACCEPT', on: '2024-10-09', category: 'frequent', promisedDate: '2024-11-30' },
      { type: 'RESOLVE', on: '2024-11-27', granted: '20000', note: '银行授信 2 亿元已落实' },
      { type: 'EVALUATE', on: '2024-12-03', rating: 'satisfied' },
    ],
  },
  {
    project: 'LC2024-S040', kind: 'utilities', description: '新增 35kV 专线供电', raisedOn: '2024-10-14',
    steps: [{ type: 'RETURN', on: '2024-10-15', reason: '专线供电由供电公司办理，已告知企业办理渠道' }],
  },
  {
    project: 'LC2024-S060', kind: 'other', description: '园区员工公寓配套', raisedOn: '2024-10-21',
    steps: [
      { type: 'ACCEPT', on: '2024-11-21', category: 'complex', promisedDate: '2025-02-28' },
      { type: 'RESOLVE', on: '2025-02-20', note: '园区人才公寓一期已交付使用' },
      { type: 'EVALUATE', on: '2025-02-25', rating: 'basically' },
    ],
  },
  {
    project: 'LC2024-S013', kind: 'land', quantity: '35.5', description: '数控机床项目配套仓储用地 35.5 亩', raisedOn: '2024-10-28',
    steps: [
      { type: 'ACCEPT', on: '2024-11-21', category: 'complex', promisedDate: '2025-01-15' },
      { type: 'RESOLVE', on: '2025-01-08', granted: '35.5', note: '安排新增建设用地指标 35.5 亩' },
      { type: 'EVALUATE', on: '2025-01-13', rating: 'satisfied' },
    ],
  },
];

/** 2025, besides the generated ones (seeds/demo-requests-years.ts); loaded with the illustrative 2025. */
export const DEMO_REQUESTS_2025: DemoRequest[] = [
  {
    project: 'LC2024-S001', kind: 'land', quantity: '200', description: '精品钢管产业园二期用地 200 亩', raisedOn: '2025-03-03',
    steps: [
      { type: 'ACCEPT', on: '2025-03-05', category: 'complex', promisedDate: '2025-05-30' },
      { type: 'RESOLVE', on: '2025-05-20', granted: '180', note: '安排新增建设用地指标 180 亩' },
      { type: 'EVALUATE', on: '2025-05-26', rating: 'satisfied' },
    ],
  },
  {
    project: 'LC2024-S036', kind: 'energy', quantity: '2000', description: '电驱壳体压铸线用能指标', raisedOn: '2025-06-02',
    steps: [
      { type: 'ACCEPT', on: '2025-06-04', category: 'frequent', promisedDate: '2025-07-31' },
      { type: 'RESOLVE', on: '2025-07-24', granted: '2000', note: '已在全市能耗指标中统筹安排' },
      { type: 'EVALUATE', on: '2025-07-30', rating: 'satisfied' },
    ],
  },
  {
    project: 'LC2024-S045', kind: 'funding', quantity: '15000', description: '数据中心二期设备融资', raisedOn: '2025-09-01',
    steps: [
      { type: 'ACCEPT', on: '2025-09-03', category: 'simple', promisedDate: '2025-10-15' },
      { type: 'RESOLVE', on: '2025-10-10', granted: '15000', note: '银团授信 1.5 亿元' },
      { type: 'EVALUATE', on: '2025-10-14', rating: 'basically' },
    ],
  },
  {
    project: 'LC2024-S061', kind: 'environment', pollutant: 'vocs', quantity: '3.2', description: '挥发性有机物排放总量指标', raisedOn: '2025-11-03',
    steps: [
      { type: 'ACCEPT', on: '2025-11-05', category: 'complex', promisedDate: '2025-12-31' },
      { type: 'RESOLVE', on: '2025-12-19', granted: '3.2', note: '通过排污权交易调剂解决' },
      { type: 'EVALUATE', on: '2025-12-24', rating: 'satisfied' },
    ],
  },
];

/** 督办 and 容缺受理 on projects still in preparation. */
export const DEMO_APPROVALS: DemoApproval[] = [
  { project: 'LC2024-Z021', key: 'energy', status: 'conditional', date: '2024-10-10', commitmentDate: '2024-12-20', department: 'development-reform', on: '2024-10-10' },
  { project: 'LC2024-Z002', key: 'construction', status: 'in_progress', date: '2024-10-12', commitmentDate: null, department: 'administrative-approval', on: '2024-10-12' },
];
