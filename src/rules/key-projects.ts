/**
 * 重点项目 (key projects): "突出抓好22个投资10亿元以上重点项目，确保完成年度投资75亿元以上" (2024
 * plan §四(四)). The city designates them: a flag on the year's list entry, allowed only at or
 * above the year's key threshold (rules/plan-freeze.ts `keyDesignationFailures`). The board
 * counts the designated projects against the planned number (22) and their investment in the
 * year against the target (75亿 × M/12). docs/domain/figures.md "Key projects".
 * SQL over a listed-project row `lp` carrying the list entry's `key_project`; 1 or 0.
 */
export function isKeyProjectSql(lp = 'lp'): string {
  return `CASE WHEN ${lp}.key_project THEN 1 ELSE 0 END`;
}
