import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ALL, type Scope } from '../access/index.js';
import { leadOfProject } from '../attraction/index.js';
import { type HistoryView, ProjectHistoryReader } from '../audit/index.js';
import { Clock, CountCache, cursorOf, notFound, type Page } from '../common/index.js';
import { approvalDetailsOf, type CreateProjectDto, type MilestoneChange, type MilestoneDto, MilestonesService, milestonesOf, type MilestoneView, Project, type ProjectMilestone, ProjectRecordsService, type UpdateProjectDto } from '../project-records/index.js';
import { ListsService } from '../plans/index.js';
import { ProjectResponsibilityService } from '../people/index.js';
import type { ListProjectsQuery } from './dto/list-projects.query.js';
import { indexProjects, type ListIndex, listFilter, readPage } from './project-list.js';
import { replayProject } from './project-replay.js';
import { toView, type ProjectView } from './project.view.js';
import { checkReadVersion, WriteQueue } from '../database/index.js';
import { isMilestoneOverdue } from '../rules/index.js';

export type { HistoryView };

/**
 * The projects as the API reads them (GET /api/projects…): the record, with what other modules
 * keep about a project — its places on the year lists, its approvals' statuses, the lead it came
 * from — now or as recorded at an instant (rebuilt from its history).
 */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: ProjectRecordsService,
    private readonly lists: ListsService,
    private readonly history: ProjectHistoryReader,
    private readonly writes: WriteQueue,
    private readonly milestones: MilestonesService,
    private readonly clock: Clock,
    private readonly responsibility: ProjectResponsibilityService,
  ) {}

  private readonly counts = new CountCache<ListIndex>();

  async list(query: ListProjectsQuery, scope: Scope = ALL): Promise<Page<ProjectView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const filter = listFilter(query, scope);
    // The total is exact, counted once per state of the data (and filter), not for every page, with
    // the page index (project-list.ts). A numbered page past the first needs the index first; a page
    // by key reads its rows and the write counter in one statement, and the count only after a write.
    const { after, page: _page, pageSize: _size, ...filters } = query;
    const key = JSON.stringify([scope, filters]);
    const index = (version: string) => this.counts.get(key, version, () => indexProjects(this.dataSource, filter));
    const numbered = after === undefined && page > 1 ? await index(await this.writes.version()) : undefined;
    const { rows, version } = await readPage(this.dataSource, query, filter, { page, pageSize, index: numbered });
    const total = numbered ? numbered.total : (await index(version ?? (await this.writes.version()))).total;
    const items = rows.slice(0, pageSize);
    return { items: items.map((row) => toView(row)), total, page, pageSize, next: rows.length > pageSize ? cursorOf(items[items.length - 1].code) : null };
  }

  /** The project now, or as it was recorded at `asOf` (rebuilt from its history). */
  async findOne(id: number, scope: Scope = ALL, asOf?: string): Promise<ProjectView> {
    const manager = this.dataSource.manager;
    const project = await this.records.findVisible(manager, id, scope);
    const memberships = await this.lists.membershipsOf(id, asOf);
    const lead = await leadOfProject(manager, id, asOf);
    const milestones = await this.milestonesWithStatus(manager, id, asOf);
    const responsibility = await this.responsibility.of(manager, id, asOf);
    if (!asOf) {
      const view = toView(project, memberships);
      return { ...view, approvalDetails: await approvalDetailsOf(manager, id, view.approvals), lead, milestones, responsibility };
    }
    const replayed = replayProject(await this.history.rows(id, asOf), memberships);
    if (!replayed) throw notFound(`项目 ${id} 在 ${asOf} 时尚未建立`);
    return { ...replayed, approvalDetails: await approvalDetailsOf(manager, id, replayed.approvals, asOf), lead, milestones, responsibility };
  }

  /** The milestones as recorded then, each marked overdue by that day (rules/milestones.ts). */
  private async milestonesWithStatus(manager: EntityManager, id: number, asOf?: string): Promise<ProjectMilestone[]> {
    const day = asOf ? this.clock.dateOf(asOf) : this.clock.today();
    return (await milestonesOf(manager, id, asOf)).map((m) => ({ ...m, overdue: isMilestoneOverdue(m, day) }));
  }

  /**
   * Replaces a project's milestones (PUT …/milestones) and, in the same transaction, the plan curve
   * its list entries derive from them (docs/domain/milestones.md). Answers the milestones now.
   */
  async putMilestones(id: number, items: MilestoneDto[], options: { ifMatch?: number; actor: string; scope: Scope; reason?: string }): Promise<MilestoneView[]> {
    return this.writes.run(async (manager) => {
      const project = await this.records.findVisible(manager, id, options.scope);
      checkReadVersion(options.ifMatch, project.version);
      return (await this.putMilestonesIn(manager, project, items, { actor: options.actor, reason: options.reason })).after;
    });
  }

  /**
   * In the caller's write transaction: the milestones replaced (MilestonesService.replaceIn: history,
   * audit, the project's version) and, when they changed, the plan curve the project's list entries
   * derive from them (ListsService.deriveCurvesIn), both at one instant. The route, the ledger import
   * and the demo all go through here.
   */
  async putMilestonesIn(manager: EntityManager, project: Project, items: MilestoneDto[], options: { actor: string; at?: string; reason?: string | null }): Promise<MilestoneChange> {
    const at = options.at ?? this.clock.nowIso();
    const change = await this.milestones.replaceIn(manager, project, items, options.actor, { reason: options.reason, at });
    if (change.changed) await this.lists.deriveCurvesIn(manager, project, change.after, { actor: options.actor, at, reason: options.reason });
    return change;
  }

  async create(dto: CreateProjectDto, actor: string, scope: Scope = ALL): Promise<ProjectView> {
    return toView(await this.records.create(dto, actor, scope), []);
  }

  async update(id: number, dto: UpdateProjectDto, ifMatch: number | undefined, actor: string, scope: Scope = ALL): Promise<ProjectView> {
    await this.records.update(id, dto, ifMatch, actor, scope);
    return this.findOne(id, scope);
  }

  async historyOf(id: number, scope: Scope = ALL, asOf?: string): Promise<HistoryView[]> {
    await this.records.findVisible(this.dataSource.manager, id, scope);
    return this.history.views(id, asOf);
  }
}
