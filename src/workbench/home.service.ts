import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ALL, type Principal } from '../access/index.js';
import { Clock } from '../common/index.js';
import { DashboardService, type ListedProjectRow } from '../board/index.js';
import { PeopleService, ResponsibilityReader, type ResponsibleRole } from '../people/index.js';
import { PeriodsService } from '../periods/index.js';
import { ProjectRecordsService } from '../project-records/index.js';
import { ReferenceService } from '../reference/index.js';
import { RequestsService } from '../requests/index.js';
import type { HomeChain, HomePerson, HomeProject, LeaderHome } from './home.types.js';

/** Listed projects read per chain or per person at most (a city's chain has a few dozen). */
const LISTED_LIMIT = 500;

/**
 * A leader's or 专员's home (docs/domain/responsibility.md "A leader's home"): for the person the
 * signed-in user is, the chains he leads in the year (链长) and the projects he answers for now
 * (市级/县级包联领导, 服务专员), with the board's figures for the month (its cached computation, so
 * the home and the board agree), the requests open and overdue today, and the people below him.
 */
@Injectable()
export class HomeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dashboard: DashboardService,
    private readonly periods: PeriodsService,
    private readonly reader: ResponsibilityReader,
    private readonly people: PeopleService,
    private readonly records: ProjectRecordsService,
    private readonly reference: ReferenceService,
    private readonly requests: RequestsService,
    private readonly clock: Clock,
  ) {}

  async home(user: Principal, period: { year?: number; month?: number }): Promise<LeaderHome> {
    const fallback = await this.periods.defaultPeriod();
    const year = period.year ?? fallback.year;
    const month = period.month ?? (period.year === undefined ? fallback.month : this.dashboard.defaultMonth(year));
    const board = await this.dashboard.board(year, month);
    const empty: LeaderHome = { person: null, year, month, asOf: board.asOf, today: this.clock.today(), chains: [], projects: [], people: [] };
    const personId = user.personId ?? null;
    if (personId === null) return empty;
    const me = (await this.people.byIds(this.dataSource.manager, [personId])).get(personId);
    if (!me) return empty;
    const [chainCodes, posts] = await Promise.all([this.reader.chainsLedBy(personId, year), this.reader.projectsOf(personId)]);
    const projectIds = posts.map((post) => post.projectId);
    const listed = await this.listed(year, month, { projectIds });
    const chainListed = new Map(await Promise.all(chainCodes.map(async (code) => [code, await this.listed(year, month, { chain: code })] as const)));
    const [records, projectCounts, chainCounts, names, fiveOnes, regions] = await Promise.all([
      this.records.findMany(this.dataSource.manager, projectIds),
      this.requests.openCounts('project', projectIds),
      this.requests.openCounts('chain', chainCodes),
      this.reader.namesOf(projectIds, board.asOf),
      this.reader.chainsOf(year, board.asOf),
      this.reference.regionRows(),
    ]);
    const regionName = new Map(regions.map((r) => [r.code, r.name]));
    const figures = new Map(listed.map((row) => [row.projectId, row]));
    const red = (id: number) => board.redList.filter((item) => item.projectId === id).map((item) => ({ kind: item.kind, reason: item.reason }));

    const chains: HomeChain[] = chainCodes.flatMap((code) => {
      const row = board.chains.find((chain) => chain.code === code);
      if (!row) return [];
      const rows = chainListed.get(code) ?? [];
      const redIds = new Set(board.redList.map((item) => item.projectId));
      const counts = chainCounts.get(code);
      return [{
        code,
        name: row.name,
        flagship: row.flagship,
        rating: row.rating,
        ratio: row.ratio,
        actual: row.actual,
        expected: row.expected,
        targetInvestment: row.targetInvestment,
        listedProjects: row.listedProjects,
        redProjects: rows.filter((r) => redIds.has(r.projectId)).length,
        openRequests: counts?.open ?? 0,
        overdueRequests: counts?.overdue ?? 0,
        fiveOnesMissing: fiveOnes.find((chain) => chain.chain === code)?.missing ?? [],
      }];
    });

    const projects: HomeProject[] = records
      .map((project) => {
        const row = figures.get(project.id);
        const counts = projectCounts.get(project.id);
        return {
          projectId: project.id,
          code: project.code,
          name: project.name,
          region: project.regionCode,
          regionName: project.regionCode ? (regionName.get(project.regionCode) ?? null) : null,
          chain: project.chainCode,
          stage: project.stage,
          roles: posts.find((post) => post.projectId === project.id)?.roles ?? [],
          category: row?.category ?? null,
          rating: row?.rating ?? null,
          ratio: row?.ratio ?? null,
          plan: row?.plan ?? 0,
          actual: row?.actual ?? 0,
          expected: row?.expected ?? 0,
          red: red(project.id),
          openRequests: counts?.open ?? 0,
          overdueRequests: counts?.overdue ?? 0,
          responsible: names.get(project.id) ?? {},
        };
      })
      // What needs him first: on the red list, then overdue requests, then by code.
      .sort((a, b) => Number(b.red.length > 0) - Number(a.red.length > 0) || b.overdueRequests - a.overdueRequests || a.code.localeCompare(b.code));

    return { ...empty, person: { id: me.id, name: me.name, title: me.title, organisation: me.organisation, phone: me.phone }, chains, projects, people: await this.below(personId, posts, [...chainListed.values()].flat()) };
  }

  /**
   * The people below him: on the projects he answers for, those in the posts under his (under a
   * 市级包联领导 the county leader and 专员; under a 县级 the 专员); on his chains' listed projects,
   * their 包联领导 and 专员. Each once, with the posts held and how many projects.
   */
  private async below(personId: number, posts: { projectId: number; roles: ResponsibleRole[] }[], chainRows: ListedProjectRow[]): Promise<HomePerson[]> {
    const ids = [...new Set([...posts.map((post) => post.projectId), ...chainRows.map((row) => row.projectId)])];
    const assigned = await this.reader.peopleOf(ids);
    const under = new Map<number, { roles: Set<ResponsibleRole>; projects: Set<number> }>();
    const add = (id: number | null, role: ResponsibleRole, projectId: number) => {
      if (id === null || id === personId) return;
      const entry = under.get(id) ?? { roles: new Set(), projects: new Set() };
      entry.roles.add(role);
      entry.projects.add(projectId);
      under.set(id, entry);
    };
    const chainIds = new Set(chainRows.map((row) => row.projectId));
    for (const [projectId, people] of assigned) {
      const mine = posts.find((post) => post.projectId === projectId)?.roles ?? [];
      const asChainLeader = chainIds.has(projectId);
      if (asChainLeader || mine.includes('cityLeader')) {
        if (asChainLeader) add(people.cityLeaderId, 'cityLeader', projectId);
        add(people.countyLeaderId, 'countyLeader', projectId);
        add(people.commissionerId, 'commissioner', projectId);
      } else if (mine.includes('countyLeader')) add(people.commissionerId, 'commissioner', projectId);
    }
    const refs = await this.people.byIds(this.dataSource.manager, [...under.keys()]);
    const order: ResponsibleRole[] = ['chainLeader', 'cityLeader', 'countyLeader', 'commissioner'];
    return [...under.entries()]
      .flatMap(([id, entry]) => {
        const person = refs.get(id);
        if (!person) return [];
        const roles = order.filter((role) => entry.roles.has(role));
        return [{ id, name: person.name, title: person.title, organisation: person.organisation, phone: person.phone, roles, projects: entry.projects.size }];
      })
      .sort((a, b) => order.indexOf(a.roles[0]) - order.indexOf(b.roles[0]) || b.projects - a.projects || a.name.localeCompare(b.name, 'zh-CN'));
  }

  private async listed(year: number, month: number, filter: { projectIds?: number[]; chain?: string }): Promise<ListedProjectRow[]> {
    return (await this.dashboard.listedProjects(year, month, { scope: ALL, ...filter }, 1, LISTED_LIMIT)).items;
  }
}
