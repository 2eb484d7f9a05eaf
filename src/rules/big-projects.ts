/**
 * 大项目 (big projects, total investment ≥ the year's threshold, 50亿 in 2024):
 * docs/domain/figures.md "Big projects". The 2024 plan sets two rules, each counted on its own:
 *  - 谋划 (§四(四)): "推动谋划10个以上…每个县（市、区）、4条标志性产业链要至少谋划1个": big projects newly
 *    planned in the year, of any origin: ≥ 10 city-wide, ≥ 1 in every county, ≥ 1 in each flagship chain;
 *  - 引进 (§一(二)): "每个县市区、市级每条产业链至少引进1个投资过50亿元的项目": big projects newly attracted
 *    from outside in the year (`origin` attracted): ≥ 1 in every county and every chain.
 * For year Y a project is new when it entered the library (谋划, `planned_at`) in Y; one that entered
 * earlier and is still under way (续建) is shown separately and meets neither rule. None counts when
 * withdrawn, completed before Y began, or not in the library by the board's instant.
 *
 * `stage` and `completion` are the SQL for the project's stage and completion date (current
 * columns, or replayed from the history for a past instant).
 */
export function bigProjectsSql(stage: string, completion: string): string {
  return `
SELECT * FROM (
  SELECT p.id, p.code, p.name, p.region_code, p.chain_code, p.total_investment_wan, p.origin, p.planned_at,
         ${stage} AS stage, ${completion} AS actual_completion_date
    FROM project p
   WHERE p.total_investment_wan >= :bigThreshold AND p.created_at <= :asOf AND p.planned_at <= :yearEnd
) b
 WHERE b.stage <> 'withdrawn' AND NOT (b.stage = 'completed' AND b.actual_completion_date < :yearStart)
 ORDER BY b.total_investment_wan DESC, b.code`;
}

/** 招商引进: the origin the 引进 rule counts (src/project-records: `origin`). */
export const ATTRACTED_ORIGIN = 'attracted';

export interface BigProject {
  projectId: number;
  code: string;
  name: string;
  region: string | null;
  chain: string | null;
  totalInvestment: number;
  stage: string;
  origin: string | null;
  plannedAt: string | null;
}

export interface PlaceRef {
  code: string;
  name: string;
  /** Whether the place must plan and attract a big project this year (the plan's place rule). */
  required: boolean;
}

export interface ChainRef {
  code: string;
  name: string;
  /** One of the four 标志性产业链: must plan (谋划) a big project (§四(四)). */
  flagship: boolean;
  /** Whether the chain must attract (引进) a big project this year (the plan's chain row, §一(二)). */
  required: boolean;
}

export interface Covered {
  count: number;
  ok: boolean;
  projectIds: number[];
}

/** A place's or chain's row: `count`/`ok` the 谋划 rule (any origin), `attracted` the 引进 rule (origin attracted). */
export type CoveredRow = Covered & { attracted: Covered };

export interface BigProjectsBlock {
  threshold: number;
  /** Newly planned (谋划) in the year, any origin: what the city target counts. */
  count: number;
  target: number;
  ok: boolean;
  /** Of `count`, attracted from outside (引进). */
  attractedCount: number;
  newThisYear: BigProject[];
  /** Entered the library before the year and still under way (续建): shown, not counted. */
  continuing: BigProject[];
  /** `required`: the place must plan one and attract one (both rules name every county). */
  regions: ({ code: string; name: string; required: boolean } & CoveredRow)[];
  /** All chains: `required` for 引进 (§一(二)); the 谋划 `ok` is required of the four `flagship` chains only (§四(四)). */
  chains: ({ code: string; name: string; flagship: boolean; required: boolean } & CoveredRow)[];
  /** The four flagship chains against the 谋划 rule. */
  flagshipChains: ({ code: string; name: string } & Covered)[];
  /** Same as newThisYear (kept for clients that read the earlier name). */
  projects: BigProject[];
}

export function isNewInYear(project: Pick<BigProject, 'plannedAt'>, yearStart: string): boolean {
  return project.plannedAt !== null && project.plannedAt >= yearStart;
}

export function isAttracted(project: Pick<BigProject, 'origin'>): boolean {
  return project.origin === ATTRACTED_ORIGIN;
}

/** The block from the year's big projects: new ones against the 谋划 and 引进 targets; continuing ones apart. */
export function bigProjectsBlock(
  projects: BigProject[],
  rule: { thresholdWan: number; cityTarget: number; yearStart: string },
  places: PlaceRef[],
  chains: ChainRef[],
): BigProjectsBlock {
  const fresh = projects.filter((p) => isNewInYear(p, rule.yearStart));
  const continuing = projects.filter((p) => !isNewInYear(p, rule.yearStart));
  const covered = (mine: BigProject[], required: boolean): Covered => ({ count: mine.length, ok: !required || mine.length > 0, projectIds: mine.map((p) => p.projectId) });
  const rowOf = (mine: BigProject[], plannedRequired: boolean, attractedRequired: boolean): CoveredRow => ({
    ...covered(mine, plannedRequired),
    attracted: covered(mine.filter(isAttracted), attractedRequired),
  });
  const chainRows = chains.map((chain) => ({
    code: chain.code,
    name: chain.name,
    flagship: chain.flagship,
    required: chain.required,
    ...rowOf(fresh.filter((p) => p.chain === chain.code), chain.flagship, chain.required),
  }));
  return {
    threshold: rule.thresholdWan,
    count: fresh.length,
    target: rule.cityTarget,
    ok: fresh.length >= rule.cityTarget,
    attractedCount: fresh.filter(isAttracted).length,
    newThisYear: fresh,
    continuing,
    regions: places.map((place) => ({
      code: place.code,
      name: place.name,
      required: place.required,
      ...rowOf(fresh.filter((p) => p.region === place.code), place.required, place.required),
    })),
    chains: chainRows,
    flagshipChains: chainRows.filter((c) => c.flagship).map(({ code, name, count, ok, projectIds }) => ({ code, name, count, ok, projectIds })),
    projects: fresh,
  };
}
