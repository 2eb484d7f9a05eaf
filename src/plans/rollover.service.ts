import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ALL, projectColumns, type Scope, scopeSql } from '../access/index.js';
import { unprocessable } from '../common/index.js';
import { int, sql, WriteQueue } from '../database/index.js';
import { isLatestRevisionSql, reserveGaps, rolloverOf } from '../rules/index.js';
import type { ApplyRolloverDto } from './dto/plan.dto.js';
import { ListsService } from './lists.service.js';
import type { RolloverProposal } from './plan.types.js';
import { PlansService } from './plans.service.js';
import { YearTarget } from './year-target.entity.js';

/**
 * 滚动接续: next year's lists proposed from this year's (rules/rollover.ts, docs/domain/figures.md
 * "Year plans"), and the edited proposal put on next year's lists through the list service.
 */
@Injectable()
export class RolloverService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly plans: PlansService,
    private readonly lists: ListsService,
  ) {}

  /**
   * Next year's lists proposed from this year's and from the reserve (rules/rollover.ts), of the
   * projects in the caller's scope, like every list (docs/access.md "Scope"): the city office and
   * auditors all of them, a county its county's, a chain team its chain's.
   */
  async rollover(year: number, scope: Scope = ALL): Promise<RolloverProposal> {
    await this.plans.yearTarget(year);
    const inScope = scopeSql(scope, projectColumns('p'));
    const rows = await sql(
      this.dataSource,
      `SELECT l.project_id, l.category, l.planned_investment_wan, l.key_project,
              p.code, p.name, p.region_code, p.chain_code, p.stage, p.total_investment_wan,
              (SELECT SUM(r.amount_wan) FROM report_revision r WHERE r.project_id = p.id AND ${isLatestRevisionSql('r')}) AS reported
         FROM list_entry l JOIN project p ON p.id = l.project_id
        WHERE l.year = :year AND l.removed_at IS NULL AND ${inScope.sql}
        ORDER BY l.category, p.code`,
      { year, ...inScope.params },
    );
    const proposal: RolloverProposal = { fromYear: year, toYear: year + 1, entries: [], leaving: [] };
    for (const row of rows) {
      const projectId = int(row.project_id);
      const category = row.category as 'implementation' | 'preparation';
      const decision = rolloverOf({ projectId, category, stage: row.stage as string });
      if (decision.kind === 'leaves') {
        proposal.leaving.push({ projectId, code: row.code as string, name: row.name as string, reason: decision.reason });
        continue;
      }
      const total = row.total_investment_wan === null || row.total_investment_wan === undefined ? null : int(row.total_investment_wan);
      proposal.entries.push({
        projectId,
        code: row.code as string,
        name: row.name as string,
        region: (row.region_code as string | null) ?? null,
        chain: (row.chain_code as string | null) ?? null,
        stage: row.stage as string,
        kind: decision.kind,
        category: decision.category,
        previousCategory: category,
        previousPlannedInvestment: int(row.planned_investment_wan),
        remainingInvestment: total === null ? null : Math.max(0, total - int(row.reported)),
        keyProject: Boolean(row.key_project),
        plannedInvestment: null,
      });
    }
    // The batch behind moves up: 储备 projects on neither of this year's lists, ready to prepare next year.
    const reserve = await sql(
      this.dataSource,
      `SELECT p.id, p.code, p.name, p.region_code, p.chain_code, p.owner_enterprise, p.total_investment_wan,
              p.planned_start_date, p.approval_filing, p.approval_land
         FROM project p
        WHERE p.stage = 'reserve' AND ${inScope.sql}
          AND NOT EXISTS (SELECT 1 FROM list_entry l WHERE l.project_id = p.id AND l.year = :year AND l.removed_at IS NULL)
        ORDER BY p.planned_start_date, p.code`,
      { year, ...inScope.params },
    );
    for (const row of reserve) {
      const total = row.total_investment_wan === null || row.total_investment_wan === undefined ? null : int(row.total_investment_wan);
      const facts = {
        regionCode: (row.region_code as string | null) ?? null,
        chainCode: (row.chain_code as string | null) ?? null,
        ownerEnterprise: (row.owner_enterprise as string | null) ?? null,
        totalInvestmentWan: total,
        plannedStartDate: (row.planned_start_date as string | null) ?? null,
        filing: (row.approval_filing as string | null) ?? null,
        land: (row.approval_land as string | null) ?? null,
      };
      if (reserveGaps(facts, year + 1).length) continue;
      proposal.entries.push({
        projectId: int(row.id),
        code: row.code as string,
        name: row.name as string,
        region: facts.regionCode,
        chain: facts.chainCode,
        stage: 'reserve',
        kind: 'fromReserve',
        category: 'preparation',
        previousCategory: null,
        previousPlannedInvestment: 0,
        remainingInvestment: total,
        keyProject: false,
        plannedInvestment: null,
      });
    }
    return proposal;
  }

  applyRollover(year: number, dto: ApplyRolloverDto, actor: string): Promise<{ year: number; added: number; changed: number; unchanged: number }> {
    return this.writes.run((manager) => this.applyRolloverIn(manager, year, dto, actor));
  }

  /** Puts the edited proposal on next year's lists, all or nothing, through the list service (its checks, history and audit). */
  async applyRolloverIn(manager: EntityManager, year: number, dto: ApplyRolloverDto, actor: string, at?: string) {
    const next = year + 1;
    if (!(await manager.existsBy(YearTarget, { year: next })))
      throw unprocessable(`请先建立 ${next} 年年度计划（可复制 ${year} 年）`, [{ field: 'year', code: 'noPlan', message: `${next} 年尚无年度计划` }]);
    const seen = new Set<number>();
    const duplicates = dto.entries.filter((e) => seen.size === seen.add(e.projectId).size);
    if (duplicates.length)
      throw unprocessable('同一项目不能重复列入', duplicates.map(() => ({ field: 'entries', code: 'duplicateProject', message: '同一项目在建议中出现了两次' })));
    const result = { year: next, added: 0, changed: 0, unchanged: 0 };
    for (const entry of dto.entries) {
      const outcome = await this.lists.putIn(
        manager,
        next,
        entry.projectId,
        { category: entry.category, plannedInvestment: entry.plannedInvestment, monthlyPlan: entry.monthlyPlan ?? null, keyProject: entry.keyProject ?? false, reason: dto.reason },
        { actor, at },
      );
      if (outcome.created) result.added++;
      else if (outcome.changed) result.changed++;
      else result.unchanged++;
    }
    return result;
  }
}
