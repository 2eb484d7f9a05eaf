/**
 * A place's count rules (docs/domain/figures.md "Place counts"), from the three-year plan (001):
 * "到2025年,力争每个县(市、区)实施投资过10亿元的项目5-10个,其中过50亿元的项目1-2个". What counts is
 * projects in 实施: on the year's lists (implementation or preparation, as they stood at the board's
 * instant), started, and not completed before the year (a project completed during the year was
 * under way in it). 储备 and 准备 projects do not count, whatever their size. The range is what each
 * county must organise: fewer than the lower bound falls short; more than the upper bound is shown
 * as above the range, never as a failure.
 *
 * `stage` and `completion` are the SQL for the project's stage and completion date (current
 * columns, or replayed from the history for a past instant). Binds `:year`, `:asOf`, `:yearStart`,
 * `:keyThreshold` (10亿) and `:bigThreshold` (50亿).
 */
export const PLACE_SIZE_COUNTS_SQL = (stage: string, completion: string) => `
SELECT b.region_code,
       SUM(CASE WHEN b.total_investment_wan >= :keyThreshold THEN 1 ELSE 0 END) AS over_key,
       SUM(CASE WHEN b.total_investment_wan >= :bigThreshold THEN 1 ELSE 0 END) AS over_big
  FROM (
    SELECT p.region_code, p.total_investment_wan, ${stage} AS stage, ${completion} AS actual_completion_date
      FROM project p
     WHERE p.total_investment_wan >= :keyThreshold
       AND EXISTS (SELECT 1 FROM list_entry l
                    WHERE l.project_id = p.id AND l.year = :year AND l.added_at <= :asOf
                      AND (l.removed_at IS NULL OR l.removed_at > :asOf))
  ) b
 WHERE b.stage IN ('implementation.active', 'implementation.halted')
    OR (b.stage = 'completed' AND b.actual_completion_date >= :yearStart)
 GROUP BY b.region_code`;

export interface PlaceCountRule {
  code: string;
  name: string;
  overKeyMin: number | null;
  overKeyMax: number | null;
  overBigMin: number | null;
  overBigMax: number | null;
}

/** One count against its range: `ok` when at least the lower bound; `above` when past the upper one (not a failure). */
export interface CountInRange {
  count: number;
  min: number | null;
  max: number | null;
  ok: boolean;
  above: boolean;
}

export interface PlaceCountCheck {
  code: string;
  name: string;
  overKey: CountInRange;
  overBig: CountInRange;
}

export function countInRange(count: number, min: number | null, max: number | null): CountInRange {
  return { count, min, max, ok: min === null || count >= min, above: max !== null && count > max };
}

/** Places whose plan sets a count range, each count against its range (a null bound is not checked). */
export function placeCountChecks(rules: PlaceCountRule[], counts: Map<string, { overKey: number; overBig: number }>): PlaceCountCheck[] {
  return rules
    .filter((r) => [r.overKeyMin, r.overKeyMax, r.overBigMin, r.overBigMax].some((bound) => bound !== null))
    .map((r) => {
      const c = counts.get(r.code) ?? { overKey: 0, overBig: 0 };
      return { code: r.code, name: r.name, overKey: countInRange(c.overKey, r.overKeyMin, r.overKeyMax), overBig: countInRange(c.overBig, r.overBigMin, r.overBigMax) };
    });
}
