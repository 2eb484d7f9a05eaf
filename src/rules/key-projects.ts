/**
 * 重点项目 (key projects): listed projects (either list) whose total investment is at
 * least the year's key threshold (10亿 in 2024); their investment in the year counts toward
 * the key-project target (75亿 in 2024). docs/domain/figures.md "Key projects".
 * SQL over a listed-project row `lp` with `:keyThreshold`; 1 for a key project, else 0.
 */
export function isKeyProjectSql(lp = 'lp'): string {
  return `CASE WHEN ${lp}.total_investment_wan >= :keyThreshold THEN 1 ELSE 0 END`;
}
