/**
 * 大项目 (big projects, total investment ≥ the year's threshold, 50亿 in 2024):
 * docs/domain/figures.md "Big projects". The 2024 plan asks each year for big projects newly
 * planned or attracted: ≥ 10 city-wide and ≥ 1 in every county (§四(四) 谋划), ≥ 1 in every chain
 * (§一(二) 引进), the four flagship chains marked (§四(四)). So for year Y a project counts when it
 * entered the library (谋划, `planned_at`) in Y; one that entered earlier and is still under way
 * (续建) is shown separately and meets none of these. Neither counts when withdrawn, completed
 * before Y began, or not in the library by the board's instant.
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
  /** Whether the place must plan a big project this year (the plan's place rule). */
  required: boolean;
}

export interface ChainRef {
  code: string;
  name: string;
  flagship: boolean;
  /** Whether the chain must attract a big project this year (the plan's chain row). */
  required: boolean;
}

interface Covered {
  count: number;
  ok: boolean;
  projectIds: number[];
}

export interface BigProjectsBlock {
  threshold: number;
  /** Newly planned or attracted in the year: what the targets count. */
  count: number;
  target: number;
  ok: boolean;
  newThisYear: BigProject[];
  /** Entered the library before the year and still under way (续建): shown, not counted. */
  continuing: BigProject[];
  regions: ({ code: string; name: string; required: boolean } & Covered)[];
  /** All chains (§一(二)); `flagship` marks the four of §四(四). */
  chains: ({ code: string; name: string; flagship: boolean; required: boolean } & Covered)[];
  flagshipChains: ({ code: string; name: string } & Covered)[];
  /** Same as newThisYear (kept for clients that read the earlier name). */
  projects: BigProject[];
}

export function isNewInYear(project: Pick<BigProject, 'plannedAt'>, yearStart: string): boolean {
  return project.plannedAt !== null && project.plannedAt >= yearStart;
}

/** The block from the year's big projects: new ones against the city, place and chain targets; continuing ones apart. */
export function bigProjectsBlock(
  projects: BigProject[],
  rule: { thresholdWan: number; cityTarget: number; yearStart: string },
  places: PlaceRef[],
  chains: ChainRef[],
): BigProjectsBlock {
  const fresh = projects.filter((p) => isNewInYear(p, rule.yearStart));
  const continuing = projects.filter((p) => !isNewInYear(p, rule.yearStart));
  const covered = (ids: number[], required: boolean): Covered => ({ count: ids.length, ok: !required || ids.length > 0, projectIds: ids });
  const chainRows = chains.map((chain) => ({
    code: chain.code,
    name: chain.name,
    flagship: chain.flagship,
    required: chain.required,
    ...covered(fresh.filter((p) => p.chain === chain.code).map((p) => p.projectId), chain.required),
  }));
  return {
    threshold: rule.thresholdWan,
    count: fresh.length,
    target: rule.cityTarget,
    ok: fresh.length >= rule.cityTarget,
    newThisYear: fresh,
    continuing,
    regions: places.map((place) => ({
      code: place.code,
      name: place.name,
      required: place.required,
      ...covered(fresh.filter((p) => p.region === place.code).map((p) => p.projectId), place.required),
    })),
    chains: chainRows,
    flagshipChains: chainRows.filter((c) => c.flagship).map(({ code, name, projectIds }) => ({ code, name, ...covered(projectIds, true) })),
    projects: fresh,
  };
}

/**
 * Count rules of a place (the three-year plan: "by 2025 each county 5–10 projects over 10亿 and
 * 1–2 over 50亿"): per place, projects in the library by the instant and planned by the year's
 * end, not withdrawn and not completed before the year, at or above the key threshold (10亿) and the big one (50亿).
 */
export const PLACE_SIZE_COUNTS_SQL = (stage: string, completion: string) => `
SELECT b.region_code,
       SUM(CASE WHEN b.total_investment_wan >= :keyThreshold THEN 1 ELSE 0 END) AS over_key,
       SUM(CASE WHEN b.total_investment_wan >= :bigThreshold THEN 1 ELSE 0 END) AS over_big
  FROM (
    SELECT p.region_code, p.total_investment_wan, ${stage} AS stage, ${completion} AS actual_completion_date
      FROM project p
     WHERE p.total_investment_wan >= :keyThreshold AND p.created_at <= :asOf AND p.planned_at <= :yearEnd
  ) b
 WHERE b.stage <> 'withdrawn' AND NOT (b.stage = 'completed' AND b.actual_completion_date < :yearStart)
 GROUP BY b.region_code`;

export interface PlaceCountRule {
  code: string;
  name: string;
  overKeyMin: number | null;
  overKeyMax: number | null;
  overBigMin: number | null;
  overBigMax: number | null;
}

export interface PlaceCountCheck {
  code: string;
  name: string;
  overKey: { count: number; min: number | null; max: number | null; ok: boolean };
  overBig: { count: number; min: number | null; max: number | null; ok: boolean };
}

/** Places whose plan sets a count range, each count against its range (a null bound is not checked). */
export function placeCountChecks(rules: PlaceCountRule[], counts: Map<string, { overKey: number; overBig: number }>): PlaceCountCheck[] {
  const within = (count: number, min: number | null, max: number | null) => ({ count, min, max, ok: (min === null || count >= min) && (max === null || count <= max) });
  return rules
    .filter((r) => [r.overKeyMin, r.overKeyMax, r.overBigMin, r.overBigMax].some((bound) => bound !== null))
    .map((r) => {
      const c = counts.get(r.code) ?? { overKey: 0, overBig: 0 };
      return { code: r.code, name: r.name, overKey: within(c.overKey, r.overKeyMin, r.overKeyMax), overBig: within(c.overBig, r.overBigMin, r.overBigMax) };
    });
}
