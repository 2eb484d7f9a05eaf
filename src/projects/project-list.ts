import type { DataSource } from 'typeorm';
import { projectColumns, type Scope, scopeSql } from '../access/index.js';
import { badRequest, keyOfCursor } from '../common/index.js';
import { int, sql, WRITE_VERSION_SQL } from '../database/index.js';
import { IMPLEMENTATION_STAGES } from '../lifecycle/index.js';
import { onListSql } from '../plans/index.js';
import { Project } from '../project-records/index.js';
import type { ListProjectsQuery } from './dto/list-projects.query.js';

/** The filters of GET /api/projects as one SQL condition on `project p`, with its parameters. */
export function listFilter(query: ListProjectsQuery, scope: Scope): { where: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  const and = (text: string, more: Record<string, unknown> = {}) => {
    parts.push(text);
    Object.assign(params, more);
  };
  if (query.stage === 'implementation') and(`p.stage IN (:...stages)`, { stages: IMPLEMENTATION_STAGES });
  else if (query.stage) and('p.stage = :stage', { stage: query.stage });
  const inScope = scopeSql(scope, projectColumns('p'));
  and(inScope.sql, inScope.params);
  if (query.region) and('p.region_code = :region', { region: query.region });
  if (query.chain) and('p.chain_code = :chain', { chain: query.chain });
  if (query.list && query.year === undefined)
    throw badRequest('按清单筛选时需要同时指定年份 year', [{ field: 'year', code: 'yearRequired', message: 'list 需要 year' }]);
  if (query.year !== undefined) and(onListSql('p.id', Boolean(query.list)), { listYear: query.year, listCategory: query.list });
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    and("(p.code LIKE :like ESCAPE '\\' OR p.name LIKE :like ESCAPE '\\' OR p.owner_enterprise LIKE :like ESCAPE '\\')", { like });
  }
  return { where: parts.join(' AND '), params };
}

/** Every column of a project row under its property name: a page's rows read as the entity reads them (its columns are all plain values). */
const COLUMNS = new WeakMap<DataSource, string>();
function columnsOf(dataSource: DataSource): string {
  let columns = COLUMNS.get(dataSource);
  if (!columns) COLUMNS.set(dataSource, (columns = dataSource.getMetadata(Project).columns.map((c) => `p.${c.databaseName} AS "${c.propertyName}"`).join(', ')));
  return columns;
}

/**
 * One page of projects in code order, in one statement: after the cursor's code (a seek on the code
 * index), or from a numbered page's first code, found on the code index alone (the rows it skips
 * are never read), then a seek. The write counter comes with the rows (for the count's cache).
 */
export async function readPage(dataSource: DataSource, query: ListProjectsQuery, filter: { where: string; params: Record<string, unknown> }, page: number, pageSize: number): Promise<{ rows: Project[]; version: string | null }> {
  const params: Record<string, unknown> = { ...filter.params, limit: pageSize + 1 };
  let from = '';
  if (query.after !== undefined) {
    from = ' AND p.code > :after';
    params.after = keyOfCursor<string>(query.after, 'string');
  } else if (page > 1) {
    from = ` AND p.code >= (SELECT p.code FROM project p WHERE ${filter.where} ORDER BY p.code LIMIT 1 OFFSET :skip)`;
    params.skip = (page - 1) * pageSize;
  }
  const raw = await sql<Project & { write_version: string | number }>(
    dataSource,
    `SELECT ${columnsOf(dataSource)}, ${WRITE_VERSION_SQL} AS write_version FROM project p WHERE ${filter.where}${from} ORDER BY p.code LIMIT :limit`,
    params,
  );
  return { rows: raw, version: raw.length ? String(raw[0].write_version) : null };
}

/** How many projects the filter matches (exact). */
export async function countProjects(dataSource: DataSource, filter: { where: string; params: Record<string, unknown> }): Promise<number> {
  const [row] = await sql<{ n: unknown }>(dataSource, `SELECT COUNT(*) AS n FROM project p WHERE ${filter.where}`, filter.params);
  return int(row?.n);
}
