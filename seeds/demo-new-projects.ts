/**
 * Projects that enter the demo's library after 2024 (谋划/引进): ILLUSTRATIVE, NOT OFFICIAL. Every
 * name says 示例, every owner and figure is invented. Each enters the library (储备 → 准备) on its
 * date in the year and joins the next year's preparation list (seeds/demo-years.ts).
 *
 * 2025 has five written out (three ≥ 50亿 in counties that had none new); later years are generated
 * from the year alone, six a year over the eight counties and the twelve chains, one of them ≥ 50亿.
 */
import { rngFor } from './demo-random.js';
import { REGIONS } from './reference-data.js';
import type { DemoProject } from './demo-types.js';

const noApprovals = (): DemoProject['approvals'] => ({ filing: null, land: null, planning: null, environment: null, energy: null, construction: null });
const pad = (n: number) => String(n).padStart(2, '0');

type Row = [code: string, name: string, owner: string, region: string, chain: string, totalWan: number, origin: DemoProject['origin'], entered: string];

function projectOf([code, name, owner, region, chain, total, origin, entered]: Row, plannedStart: string): DemoProject {
  const year = Number(plannedStart.slice(0, 4));
  return {
    code,
    name,
    ownerEnterprise: owner,
    region,
    chain,
    totalInvestmentWan: total,
    origin,
    content: '示例项目：建设内容为演示而编写',
    plannedStartDate: plannedStart,
    plannedCompletionDate: `${year + 2}-06-30`,
    approvals: noApprovals(),
    // Entered the library on its date (the first event's instant dates the creation).
    events: [{ type: 'PROMOTE', at: `${entered}T02:00:00.000Z` }],
    lists: [],
    reports: [],
  };
}

/** New to the library in 2025: three ≥ 50亿 projects in counties that had none new, and two ordinary ones. */
export const NEW_2025_PROJECTS: DemoProject[] = (
  [
    ['LC2025-CB-001', '冠县新能源装备制造产业园（示例）', '冠县示例新能源有限公司', '371525', 'new-energy', 620_000, 'attracted', '2025-03-18'],
    ['LC2025-CB-002', '莘县大健康医药产业基地（示例）', '莘县示例医药有限公司', '371522', 'health', 550_000, 'attracted', '2025-05-09'],
    ['LC2025-CB-003', '高唐县有色金属精深加工项目（示例）', '高唐示例金属材料有限公司', '371526', 'nonferrous', 510_000, 'expansion', '2025-06-24'],
    ['LC2025-CB-004', '东阿县智能纺织装备项目（示例）', '东阿示例纺织机械有限公司', '371524', 'light-textile', 86_000, 'expansion', '2025-04-02'],
    ['LC2025-CB-005', '临清市轴承数字化车间改造（示例）', '临清示例轴承有限公司', '371581', 'bearings', 32_000, 'renovation', '2025-07-15'],
  ] as Row[]
).map((row) => projectOf(row, '2026-06-01'));

/** What a generated project makes, per chain (the name is "<county><product>项目（示例）"). */
export const PRODUCTS: Record<string, string[]> = {
  ferrous: ['高端特钢深加工', '精密钢管智能制造'],
  equipment: ['智能农机装备', '高端数控装备'],
  nonferrous: ['铝基新材料精深加工', '高端铜材'],
  'auto-parts': ['新能源汽车零部件', '汽车轻量化部件'],
  'new-energy': ['储能装备', '氢能装备'],
  'new-it': ['电子元器件', '工业软件与数据服务'],
  'light-textile': ['功能性纺织新材料', '高档特种纸'],
  'building-materials': ['装配式建筑构件', '绿色新型墙材'],
  health: ['生物医药', '医疗器械'],
  'green-chemical': ['化工新材料', '精细化工'],
  bearings: ['精密轴承', '轴承智能制造'],
  'agri-food': ['预制菜及食品精深加工', '农产品冷链加工'],
};
const CHAIN_ORDER = Object.keys(PRODUCTS);
const COUNTIES = REGIONS.filter((r) => r.kind === 'county');
const ORIGINS: DemoProject['origin'][] = ['attracted', 'expansion', 'attracted', 'renovation', 'expansion', 'attracted'];

/** The projects entering the library in `year` (2025: the five above; from 2026: six generated). */
export function newProjectsOf(year: number): DemoProject[] {
  if (year < 2025) return [];
  if (year === 2025) return NEW_2025_PROJECTS;
  const rng = rngFor(`new-projects-${year}`);
  const offset = (year - 2026) * 6;
  return Array.from({ length: 6 }, (_, i) => {
    const county = COUNTIES[(offset + i * 3) % COUNTIES.length];
    const chain = CHAIN_ORDER[(offset + i * 5) % CHAIN_ORDER.length];
    const product = PRODUCTS[chain][(year + i) % 2];
    const big = i === 0;
    const totalWan = big ? 500_000 + Math.round(rng() * 30) * 5_000 : 30_000 + Math.round(rng() * 30) * 5_000;
    const short = county.name.replace(/(县|市|区)$/, '');
    const entered = `${year}-${pad(3 + i)}-${pad(6 + Math.floor(rng() * 20))}`;
    return projectOf(
      [`LC${year}-CB-${String(i + 1).padStart(3, '0')}`, `${county.name}${product}项目（示例）`, `${short}示例${product.slice(0, 2)}有限公司`, county.code, chain, totalWan, ORIGINS[i], entered],
      `${year + 1}-06-01`,
    );
  });
}
