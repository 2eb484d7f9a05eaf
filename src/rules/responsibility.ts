/**
 * Who answers for a chain and a project (docs/domain/responsibility.md), as rules the board and
 * the leader's home apply:
 *
 *  - a chain's "5个1" for a year (001: "一名市级领导牵头、一个责任部门推进、一个工作方案落实、一套支持措施配套、
 *    一个'链主'企业领航") is complete when all five are there: a 链长 (a person of the register), a
 *    责任部门 (the appendix's lead unit until the city names another), a 工作方案 with a title, at
 *    least one 支持措施 and at least one 链主企业. `fiveOnesMissing` names what is missing, in the
 *    document's order;
 *  - a project on the year's lists (either list, as they stood at the board's instant) counts as
 *    "without a 包联领导" when its latest responsibility names no 市级包联领导, and "without a 专员"
 *    when it names no 服务专员 (a 县级包联领导 alone covers neither: the city's own leader is what
 *    the city office asks for). As SQL over the listed rows and each project's latest
 *    responsibility (`responsibilityCoverageSql`).
 */
export const FIVE_ONES = ['leader', 'department', 'plan', 'measures', 'anchors'] as const;
export type FiveOnesItem = (typeof FIVE_ONES)[number];

/** A chain's "5个1" as it stands (the lead unit already put in for a department not named). */
export interface FiveOnes {
  leaderId: number | null;
  department: string | null;
  planTitle: string | null;
  measures: readonly string[];
  anchorEnterprises: readonly string[];
}

const present = (text: string | null | undefined): boolean => typeof text === 'string' && text.trim().length > 0;

/** What a chain's "5个1" lacks, in the document's order; empty when it is complete. */
export function fiveOnesMissing(record: FiveOnes): FiveOnesItem[] {
  const missing: FiveOnesItem[] = [];
  if (record.leaderId === null) missing.push('leader');
  if (!present(record.department)) missing.push('department');
  if (!present(record.planTitle)) missing.push('plan');
  if (!record.measures.some(present)) missing.push('measures');
  if (!record.anchorEnterprises.some(present)) missing.push('anchors');
  return missing;
}

/**
 * The projects on the year's lists at the board's instant, as SQL: `count` a scalar subquery (how
 * many), `includes(projectId)` a condition (whether this one is). Two sources give the same set:
 * the list rows standing at the instant (`listedRows`), or, for the current board, the kept
 * figures (src/board/board-figures.ts), which hold one member per current list entry.
 */
export interface ListedSet {
  count: string;
  includes: (projectId: string) => string;
}

/**
 * The listed set read from list rows: `from` a table of list rows, `where` the entries standing
 * at the board's instant on the alias it is given. A project on both lists, or listed twice,
 * counts once.
 */
export function listedRows(from: string, where: (alias: string) => string): ListedSet {
  return {
    count: `SELECT COUNT(DISTINCT l.project_id) FROM ${from} l WHERE ${where('l')}`,
    includes: (projectId) => `EXISTS (SELECT 1 FROM ${from} l WHERE l.project_id = ${projectId} AND ${where('l')})`,
  };
}

/**
 * The board's coverage counts as one statement: `listed` the listed set, `latest` each project's
 * latest responsibility (one row per project: project_id, city_leader_id, commissioner_id).
 * "Without" is counted as the listed projects less those whose latest responsibility names the
 * leader or the 专员, so the statement starts from the responsibility rows and reaches the list by
 * its index: it does not join every listed row with its responsibility (docs/benchmarks.md).
 */
export function responsibilityCoverageSql(listed: ListedSet, latest: string): string {
  const covered = (column: 'city_leader_id' | 'commissioner_id') => `(SELECT COUNT(*) FROM (${latest}) pr
      WHERE pr.${column} IS NOT NULL
        AND ${listed.includes('pr.project_id')})`;
  return `
SELECT c.listed, c.listed - c.with_city_leader AS without_city_leader, c.listed - c.with_commissioner AS without_commissioner
  FROM (SELECT (${listed.count}) AS listed,
               ${covered('city_leader_id')} AS with_city_leader,
               ${covered('commissioner_id')} AS with_commissioner) c`;
}
