import { Injectable } from '@nestjs/common';
import type ExcelJS from 'exceljs';
import { DataSource, IsNull } from 'typeorm';
import { Clock } from '../../common/index.js';
import { APPROVAL_KEYS, APPROVAL_LABELS } from '../../lifecycle/index.js';
import { type ListCategory, ListEntry } from '../../plans/index.js';
import { APPROVAL_COLUMNS, currentMilestonesByProject, type MilestoneView, Project } from '../../project-records/index.js';
import { ResponsibilityReader, type ResponsibleNames } from '../../people/index.js';
import { ReferenceService } from '../../reference/index.js';
import { ChainLookup, RegionLookup } from '../parsing/reference-lookup.js';
import { milestoneText } from '../parsing/milestone-text.js';
import { CATEGORY_WORDS, STAGE_WORDS } from '../parsing/stage-text.js';
import { addBand, addHeader, addRow, type Value } from './sheet-style.js';
import type { Scope } from '../../access/index.js';
import { scopeSql, projectColumns } from '../../access/index.js';

/**
 * The export's columns, with the headers the import reads back (parsing/columns.ts): an
 * exported ledger imports back unchanged. Money in 万元, dates as Excel dates.
 */

/** Who answers for a project, by name (docs/domain/responsibility.md "In the ledger"). */
type People = ResponsibleNames & { contactName: string | null; contactPhone: string | null };

interface LedgerColumn {
  header: string;
  width: number;
  value: (row: { project: Project; entry: ListEntry | undefined; seq: number; people: People | undefined; milestones: MilestoneView[] }) => Value;
}

const date = (value: string | null): Value => (value ? new Date(`${value}T00:00:00.000Z`) : null);

export function ledgerColumns(regions: RegionLookup, chains: ChainLookup): LedgerColumn[] {
  return [
    { header: '序号', width: 6, value: ({ seq }) => seq },
    { header: '项目编码', width: 16, value: ({ project }) => project.code },
    { header: '项目名称', width: 40, value: ({ project }) => project.name },
    { header: '建设单位', width: 28, value: ({ project }) => project.ownerEnterprise },
    { header: '县（市、区）', width: 14, value: ({ project }) => regions.nameOf(project.regionCode) },
    { header: '产业链', width: 12, value: ({ project }) => chains.nameOf(project.chainCode) },
    { header: '总投资（万元）', width: 12, value: ({ project }) => project.totalInvestmentWan },
    { header: '项目类别', width: 8, value: ({ entry }) => (entry ? CATEGORY_WORDS[entry.category as ListCategory] : null) },
    { header: '年度计划投资（万元）', width: 12, value: ({ entry }) => entry?.plannedInvestmentWan ?? null },
    { header: '当前阶段', width: 8, value: ({ project }) => STAGE_WORDS[project.stage] },
    { header: '形象进度', width: 24, value: ({ project }) => project.progress },
    { header: '计划开工时间', width: 12, value: ({ project }) => date(project.plannedStartDate) },
    { header: '实际开工时间', width: 12, value: ({ project }) => date(project.actualStartDate) },
    { header: '计划竣工时间', width: 12, value: ({ project }) => date(project.plannedCompletionDate) },
    { header: '竣工时间', width: 12, value: ({ project }) => date(project.actualCompletionDate) },
    ...APPROVAL_KEYS.map((key) => ({
      header: APPROVAL_LABELS[key],
      width: 12,
      value: ({ project }: { project: Project }) => date(project[APPROVAL_COLUMNS[key]] as string | null),
    })),
    { header: '建设内容', width: 50, value: ({ project }) => project.content },
    { header: '市级包联领导', width: 12, value: ({ people }) => people?.cityLeader ?? null },
    { header: '县级包联领导', width: 12, value: ({ people }) => people?.countyLeader ?? null },
    { header: '服务专员', width: 12, value: ({ people }) => people?.commissioner ?? null },
    { header: '项目联系人', width: 12, value: ({ people }) => people?.contactName ?? null },
    { header: '联系电话', width: 14, value: ({ people }) => people?.contactPhone ?? null },
    { header: '节点计划', width: 48, value: ({ milestones }) => milestoneText(milestones) },
  ];
}

const CATEGORY_ORDER: Record<string, number> = { implementation: 0, preparation: 1 };

/**
 * 台账导出: the projects in the caller's scope (a county operator gets their county's, a chain
 * team their chain's), each with its place on the year's list, implementation list first.
 */
@Injectable()
export class LedgerExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly reference: ReferenceService,
    private readonly responsibility: ResponsibilityReader,
  ) {}

  async workbook(year: number, scope: Scope): Promise<Buffer> {
    const qb = this.dataSource.getRepository(Project).createQueryBuilder('p');
    const inScope = scopeSql(scope, projectColumns('p'));
    qb.andWhere(inScope.sql, inScope.params);
    const [projects, entries, regionRows, chainRows, people, milestones] = await Promise.all([
      qb.orderBy('p.code', 'ASC').getMany(),
      this.dataSource.getRepository(ListEntry).find({ where: { year, removedAt: IsNull() } }),
      this.reference.regionRows(),
      this.reference.chainRows(),
      this.responsibility.currentNames(),
      currentMilestonesByProject(this.dataSource.manager),
    ]);
    const regions = new RegionLookup(regionRows);
    const chains = new ChainLookup(chainRows);
    const entryOf = new Map(entries.map((entry) => [entry.projectId, entry]));
    const ordered = projects
      .map((project) => ({ project, entry: entryOf.get(project.id), people: people.get(project.id), milestones: milestones.get(project.id) ?? [] }))
      .sort((a, b) => (CATEGORY_ORDER[a.entry?.category ?? ''] ?? 2) - (CATEGORY_ORDER[b.entry?.category ?? ''] ?? 2) || (a.project.code < b.project.code ? -1 : 1));

    const columns = ledgerColumns(regions, chains);
    // exceljs is loaded on the first workbook, not at start (docs/development.md "Where the suite's time goes").
    const { default: Excel } = (await import('exceljs')) as { default: typeof ExcelJS };
    const workbook = new Excel.Workbook();
    workbook.created = this.clock.now();
    const sheet = workbook.addWorksheet('台账', { views: [{ state: 'frozen', ySplit: 3, xSplit: 3 }] });
    sheet.columns = columns.map((column) => ({ width: column.width }));
    const scopeName =
      scope.region !== undefined ? regions.nameOf(scope.region) : scope.chain !== undefined ? `${chains.nameOf(scope.chain)}产业链` : '全市';
    addBand(sheet, `聊城市${year}年制造业重点项目台账`, columns.length, { size: 16, bold: true });
    addBand(sheet, `范围：${scopeName}\u3000导出时间：${this.clock.wallClock(this.clock.now())}（${this.clock.zoneLabel}）\u3000单位：万元\u3000共 ${ordered.length} 个项目`, columns.length);
    addHeader(sheet, columns.map((column) => column.header));
    ordered.forEach((row, index) => {
      const added = addRow(sheet, columns.map((column) => column.value({ ...row, seq: index + 1 })));
      columns.forEach((column, i) => {
        const cell = added.getCell(i + 1);
        if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
        else if (typeof cell.value === 'number' && column.header.includes('万元')) cell.numFmt = '#,##0';
      });
    });
    sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: columns.length } };
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
}
