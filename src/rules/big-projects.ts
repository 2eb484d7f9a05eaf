/**
 * 大项目 (big projects, total investment ≥ the year's threshold, 50亿 in 2024):
 * docs/domain/figures.md "Big projects". A project counts for year Y when it is in the
 * library by the board's instant, not withdrawn, and not completed before Y began. The city
 * needs at least the year's count (10), every place whose rule says so at least one, and
 * each flagship chain (标志性产业链) at least one.
 *
 * `stage` and `completion` are the SQL for the project's stage and completion date (current
 * columns, or replayed from the history for a past instant).
 */
export function bigProjectsSql(stage: string, completion: string): string {
  return `
SELECT * FROM (
  SELECT p.id, p.code, p.name, p.region_code, p.chain_code, p.total_investment_wan,
         ${stage} AS stage, ${completion} AS actual_completion_date
    FROM project p
   WHERE p.total_investment_wan >= :bigThreshold AND p.created_at <= :asOf
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
}

export interface PlaceRule {
  code: string;
  name: string;
  /** Whether the place must have a big project (every county; data, not code). */
  required: boolean;
}

export interface ChainRef {
  code: string;
  name: string;
  flagship: boolean;
}

export interface BigProjectsBlock {
  threshold: number;
  count: number;
  target: number;
  ok: boolean;
  regions: { code: string; name: string; required: boolean; count: number; ok: boolean; projectIds: number[] }[];
  flagshipChains: { code: string; name: string; count: number; ok: boolean; projectIds: number[] }[];
  projects: BigProject[];
}

/** The block from the counted projects: the city count against the target, each place and flagship chain. */
export function bigProjectsBlock(projects: BigProject[], thresholdWan: number, cityTarget: number, places: PlaceRule[], chains: ChainRef[]): BigProjectsBlock {
  return {
    threshold: thresholdWan,
    count: projects.length,
    target: cityTarget,
    ok: projects.length >= cityTarget,
    regions: places.map((place) => {
      const ids = projects.filter((p) => p.region === place.code).map((p) => p.projectId);
      return { code: place.code, name: place.name, required: place.required, count: ids.length, ok: !place.required || ids.length > 0, projectIds: ids };
    }),
    flagshipChains: chains
      .filter((chain) => chain.flagship)
      .map((chain) => {
        const ids = projects.filter((p) => p.chain === chain.code).map((p) => p.projectId);
        return { code: chain.code, name: chain.name, count: ids.length, ok: ids.length > 0, projectIds: ids };
      }),
    projects,
  };
}
