/**
 * ILLUSTRATIVE, NOT OFFICIAL: milestones (节点, docs/domain/milestones.md) for five of the demo's
 * 2024 implementation-list projects, so the project card, the war room's card, the month form and
 * the ledger's 节点计划 column have something to show. The documents give no project's milestones:
 * every date here is made up. The five were started before 2024 and have an entered 倒排工期 curve,
 * so their milestones derive no curve and leave the 2024 figures as they were; every milestone due by
 * the end of October 2024 was reached on time, and one (试生产 of the electronic components project,
 * due 25 November, reached 6 December) puts that project on November 2024's red list as 节点滞后.
 */
export interface DemoMilestone {
  name: string;
  plannedDate: string;
  /** When it was reached: recorded on that day, once that day has come. */
  actualDate: string;
}

export interface DemoMilestones {
  /** The demo project, by its name (seeds/demo-2024-rows.ts). */
  project: string;
  milestones: DemoMilestone[];
}

/** The day the counties entered the milestones: after the 2024 plan was published (28 March). */
export const DEMO_MILESTONES_AT = '2024-04-10T02:00:00.000Z';

const m = (name: string, plannedDate: string, actualDate: string): DemoMilestone => ({ name, plannedDate, actualDate });

export const DEMO_MILESTONES: DemoMilestones[] = [
  {
    project: '年产5000台智能数控机床项目',
    milestones: [m('主体完工', '2024-03-31', '2024-03-26'), m('设备安装', '2024-07-31', '2024-07-25'), m('试生产', '2024-10-15', '2024-10-12'), m('竣工投产', '2024-12-31', '2024-12-26')],
  },
  {
    project: '年产60万吨高端铝基新材料项目',
    milestones: [m('主体完工', '2024-05-31', '2024-05-30'), m('设备安装', '2024-09-30', '2024-09-20'), m('试生产', '2024-12-15', '2024-12-12')],
  },
  {
    project: '年产1.2亿只高端电子元器件项目',
    milestones: [m('主体完工', '2024-06-30', '2024-06-21'), m('设备安装', '2024-10-31', '2024-10-28'), m('试生产', '2024-11-25', '2024-12-06')],
  },
  {
    // A milestone of the project's own naming.
    project: '年产100万平方米柔性电路板项目',
    milestones: [m('厂房封顶', '2024-04-30', '2024-04-28'), m('设备安装', '2024-08-31', '2024-08-30'), m('竣工投产', '2024-12-31', '2024-12-30')],
  },
  {
    project: '年产3000万套精密轴承项目',
    milestones: [m('主体完工', '2024-05-15', '2024-05-10'), m('设备安装', '2024-09-15', '2024-09-12'), m('试生产', '2024-12-20', '2024-12-18')],
  },
];

/** The instant a milestone reached on `date` is recorded (the county enters it that day). */
export const reachedAt = (date: string): string => `${date}T09:00:00.000Z`;

/**
 * The steps that have happened by `now`: the list entered on DEMO_MILESTONES_AT (with what was
 * reached by then), then one step per later day a milestone was reached, each the whole list as it
 * stood that day.
 */
export function milestoneSteps(demo: DemoMilestones, now: string): { at: string; milestones: { name: string; plannedDate: string; actualDate: string | null }[] }[] {
  const asAt = (at: string) => demo.milestones.map((x) => ({ name: x.name, plannedDate: x.plannedDate, actualDate: reachedAt(x.actualDate) <= at ? x.actualDate : null }));
  if (DEMO_MILESTONES_AT > now) return [];
  const later = [...new Set(demo.milestones.map((x) => reachedAt(x.actualDate)))].filter((at) => at > DEMO_MILESTONES_AT && at <= now).sort();
  return [DEMO_MILESTONES_AT, ...later].map((at) => ({ at, milestones: asAt(at) }));
}
