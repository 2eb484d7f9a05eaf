import type { DataSource } from 'typeorm';
import { int, sql } from '../database/index.js';
import { PROJECT_RESPONSIBILITY_SQL, type ResponsibilityReader } from '../people/index.js';
import { listedRows, responsibilityCoverageSql } from '../rules/index.js';
import { KEPT_LISTED } from './board-figures.sql.js';
import { listedAtSql } from './dashboard.queries.js';
import type { ChainRow, Dashboard, RedListItem, ResponsibilityCoverage } from './dashboard.types.js';

/**
 * Listed projects and each one's latest responsibility by `:asOf`, counted (rules/responsibility.ts):
 * a board of an earlier instant from the list rows standing then, the current board from the kept
 * figures (the same set: one member per current list entry).
 */
const COVERAGE_SQL = {
  historical: responsibilityCoverageSql(listedRows('list_entry', listedAtSql), PROJECT_RESPONSIBILITY_SQL),
  current: responsibilityCoverageSql(KEPT_LISTED, PROJECT_RESPONSIBILITY_SQL),
};

/**
 * Who answers for what, on the board as recorded by its instant (docs/domain/responsibility.md
 * "On the board"): the 链长 beside each chain, the 包联领导 and 专员 beside each project of the red
 * list and of the 要素保障 overdue list, and the coverage figures the city office is warned by
 * (listed projects without a 市级包联领导 or a 专员; chains whose "5个1" is incomplete).
 */
export async function withResponsibility(
  db: DataSource,
  reader: ResponsibilityReader,
  at: { year: number; month: number; historical: boolean; params: Record<string, unknown> & { asOf: string } },
  parts: { chains: ChainRow[]; leadUnits: { code: string; leadUnit: string }[]; redList: RedListItem[]; factorGuarantee: Dashboard['factorGuarantee'] },
): Promise<{ chains: ChainRow[]; redList: RedListItem[]; factorGuarantee: Dashboard['factorGuarantee']; responsibilityCoverage: ResponsibilityCoverage }> {
  const ids = [...parts.redList.map((item) => item.projectId), ...parts.factorGuarantee.longestOverdue.flatMap((item) => (item.projectId === null ? [] : [item.projectId]))];
  const [[coverage], fiveOnes, names] = await Promise.all([
    sql(db, at.historical ? COVERAGE_SQL.historical : COVERAGE_SQL.current, at.params),
    reader.chainsOf(at.year, at.params.asOf, parts.leadUnits),
    reader.namesOf(ids, at.params.asOf),
  ]);
  const byChain = new Map(fiveOnes.map((chain) => [chain.chain, chain]));
  return {
    chains: parts.chains.map((row) => ({ ...row, leader: byChain.get(row.code)?.leader?.name ?? null })),
    redList: parts.redList.map((item) => ({ ...item, responsible: names.get(item.projectId) ?? {} })),
    factorGuarantee: {
      ...parts.factorGuarantee,
      longestOverdue: parts.factorGuarantee.longestOverdue.map((item) => ({ ...item, responsible: (item.projectId === null ? undefined : names.get(item.projectId)) ?? {} })),
    },
    responsibilityCoverage: {
      listed: int(coverage?.listed),
      listedWithoutCityLeader: int(coverage?.without_city_leader),
      listedWithoutCommissioner: int(coverage?.without_commissioner),
      chainsIncomplete: fiveOnes.filter((chain) => !chain.complete).map((chain) => chain.chain),
      chainsMissing: fiveOnes.filter((chain) => !chain.complete).map((chain) => ({ code: chain.chain, missing: chain.missing })),
    },
  };
}
