import { Injectable } from '@nestjs/common';
import { Writable } from 'node:stream';
import { notFoundInScope } from '../access/index.js';
import { DataSource } from 'typeorm';
import { badRequest, Clock, notFound } from '../common/index.js';
import { int, sql } from '../database/index.js';
import { AuditService, canonicalJson, type Cell, csvWriter, ENTITY_LABELS, ENTRY_COLUMNS, PROJECT_ENTITIES, SecurityLog, type SecurityEventFilter, type StoredEntryRow, xlsxWriter } from '../audit/index.js';
import { ANOMALY_RULE_LABELS, AnomaliesService, type AnomalyOptions } from './anomalies.service.js';

export type ExportFormat = 'csv' | 'xlsx';

/** What an auditor asked to export (plain data: it is handed to a worker thread). */
export type AuditExportRequest =
  | { what: 'history'; filter: HistoryFilter }
  | { what: 'anomalies'; year: number; options: AnomalyOptions }
  | { what: 'security'; filter: SecurityEventFilter };

/** Which audit entries an export holds; filters combine with AND. */
export interface HistoryFilter {
  projectId?: number;
  /** A region code: entries about its projects and its manual colours. */
  region?: string;
  /** Inclusive bounds on the entry's instant, stored form. */
  from?: string;
  to?: string;
}

/** An export ready to stream: checks done, verification stamped, rows still to be read. */
export interface PreparedExport {
  /** File name without extension (ASCII). */
  filename: string;
  sheetName: string;
  /** 审计链校验：通过/未通过 …, the first line of the file. */
  stamp: string;
  header: string[];
  widths: number[];
  rows: AsyncIterable<Cell[]>;
}

const BATCH = 500;
const PROJECT_ENTITY_LIST = PROJECT_ENTITIES.map((entity) => `'${entity}'`).join(', ');

const HISTORY_HEADER: [string, number][] = [
  ['序号', 8],
  ['时刻（UTC）', 26],
  ['时间（北京）', 20],
  ['操作人', 14],
  ['对象', 10],
  ['对象编号', 14],
  ['项目编码', 18],
  ['项目名称', 30],
  ['操作', 12],
  ['原因', 24],
  ['变更前', 40],
  ['变更后', 40],
  ['前一哈希', 20],
  ['哈希', 20],
];

const ANOMALY_HEADER: [string, number][] = [
  ['规则', 22],
  ['规则说明', 18],
  ['项目ID', 8],
  ['项目编码', 18],
  ['项目名称', 30],
  ['县（市、区）', 12],
  ['月份', 24],
  ['数据', 50],
  ['说明', 60],
];

const SECURITY_HEADER: [string, number][] = [
  ['时刻（UTC）', 26],
  ['时间（北京）', 20],
  ['类型', 14],
  ['用户名', 20],
  ['地址', 20],
  ['接口', 40],
  ['状态码', 8],
];

/**
 * Exports for the audit file (审计档案): the history of a project, a region or a period,
 * and the anomaly list, as CSV (UTF-8 with BOM) or .xlsx, the first line stamped with the
 * result of verifying the whole chain at the time of export.
 */
@Injectable()
export class AuditExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly anomalies: AnomaliesService,
    private readonly security: SecurityLog,
  ) {}

  /** The security log in a period and of a kind (docs/access.md "The security log"). */
  async securityLog(filter: SecurityEventFilter): Promise<PreparedExport> {
    const entries = await this.security.list(filter, 1_000_000);
    const scope = [filter.kind ? `类型 ${filter.kind}` : '全部类型', `时段 ${filter.from ?? '…'} 至 ${filter.to ?? '…'}`, `共 ${entries.length} 条`];
    return {
      filename: `security-log${filter.kind ? `-${filter.kind}` : ''}`,
      sheetName: '安全日志',
      stamp: await this.stamp(`安全日志（${scope.join('，')}）`),
      header: SECURITY_HEADER.map(([title]) => title),
      widths: SECURITY_HEADER.map(([, width]) => width),
      rows: (async function* (localTime: (at: string) => string) {
        for (const e of entries) yield [e.at, localTime(e.at), e.kind, e.username ?? null, e.address ?? null, e.route ?? null, e.status ?? null];
      })((at) => this.localTime(at)),
    };
  }

  async history(filter: HistoryFilter): Promise<PreparedExport> {
    if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to)
      throw badRequest('from 不能晚于 to', [{ field: 'from', code: 'invalidRange', message: '起始时刻不能晚于结束时刻' }]);
    const scope: string[] = [];
    const nameParts: string[] = ['audit-history'];
    if (filter.projectId !== undefined) {
      const [project] = await sql<{ code: string; name: string }>(this.dataSource, 'SELECT code, name FROM project WHERE id = :id', { id: filter.projectId });
      if (!project) throw notFoundInScope('项目');
      scope.push(`项目 #${filter.projectId}（${project.code} ${project.name}）`);
      nameParts.push(`project-${filter.projectId}`);
    }
    if (filter.region !== undefined) {
      const [region] = await sql<{ name: string }>(this.dataSource, 'SELECT name FROM region WHERE code = :code', { code: filter.region });
      if (!region) throw notFound(`未知的县（市、区）代码：${filter.region}`);
      scope.push(`县（市、区）${filter.region} ${region.name}`);
      nameParts.push(`region-${filter.region}`);
    }
    if (filter.from !== undefined || filter.to !== undefined) {
      scope.push(`时段 ${filter.from ?? '…'} 至 ${filter.to ?? '…'}`);
      nameParts.push('period');
    }
    return {
      filename: nameParts.join('-'),
      sheetName: '审计日志',
      stamp: await this.stamp(scope.length ? scope.join('，') : '全部审计日志'),
      header: HISTORY_HEADER.map(([title]) => title),
      widths: HISTORY_HEADER.map(([, width]) => width),
      rows: this.historyRows(filter),
    };
  }

  async anomalyList(year: number, options: AnomalyOptions): Promise<PreparedExport> {
    const report = await this.anomalies.find(year, options);
    const { maxMonthSharePct, jumpFactor } = report.parameters;
    const rows = report.items.map((item): Cell[] => [
      item.rule,
      ANOMALY_RULE_LABELS[item.rule],
      item.projectId,
      item.code,
      item.name,
      item.region,
      item.months.join('、'),
      canonicalJson(item.figures),
      item.message,
    ]);
    return {
      filename: `audit-anomalies-${year}`,
      sheetName: '异常清单',
      stamp: await this.stamp(`${year} 年异常清单（单月占比上限 ${maxMonthSharePct}%，突增倍数 ${jumpFactor}，共 ${report.total} 条）`),
      header: ANOMALY_HEADER.map(([title]) => title),
      widths: ANOMALY_HEADER.map(([, width]) => width),
      rows: (async function* () {
        yield* rows;
      })(),
    };
  }

  /** The whole file for a request, in memory (heavy work: run in a worker thread, src/workers/heavy-tasks.ts). */
  async file(request: AuditExportRequest, format: ExportFormat): Promise<{ filename: string; body: Buffer }> {
    const prepared =
      request.what === 'history' ? await this.history(request.filter) : request.what === 'anomalies' ? await this.anomalyList(request.year, request.options) : await this.securityLog(request.filter);
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
        callback();
      },
    });
    const finished = new Promise<void>((resolve, reject) => {
      sink.once('finish', resolve);
      sink.once('error', reject);
    });
    await this.write(prepared, format, sink);
    await finished;
    return { filename: prepared.filename, body: Buffer.concat(chunks) };
  }

  /** Streams a prepared export as CSV or .xlsx; a failure half-way aborts the response. */
  async write(prepared: PreparedExport, format: ExportFormat, out: Writable): Promise<void> {
    const writer = format === 'csv' ? csvWriter(out) : await xlsxWriter(out, prepared.sheetName, prepared.widths);
    try {
      await writer.row([prepared.stamp], 'stamp');
      await writer.row(prepared.header, 'header');
      for await (const cells of prepared.rows) await writer.row(cells);
      await writer.close();
    } catch (error) {
      out.destroy(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
  }

  /** 审计链校验：通过/未通过, checked against the latest entry as read just before. */
  private async stamp(scope: string): Promise<string> {
    const checkpoint = await this.audit.checkpoint();
    const result = await this.audit.verify(checkpoint);
    const outcome = result.ok
      ? `通过（已校验 ${result.checked} 条，最新条目 #${checkpoint.seq}，哈希 ${checkpoint.hash}）`
      : `未通过（已校验 ${result.checked} 条，首个异常 #${result.firstBad?.seq}：${result.firstBad?.message}）`;
    return `审计链校验：${outcome}；导出范围：${scope}；生成时间 ${this.clock.nowIso()}`;
  }

  private async *historyRows(filter: HistoryFilter): AsyncIterable<Cell[]> {
    const conditions: string[] = [];
    const params: Record<string, unknown> = {};
    if (filter.projectId !== undefined) {
      conditions.push(`a.entity IN (${PROJECT_ENTITY_LIST}) AND a.entity_id = :projectId`);
      params.projectId = String(filter.projectId);
    }
    if (filter.region !== undefined) {
      conditions.push(
        `((a.entity IN (${PROJECT_ENTITY_LIST}) AND a.entity_id IN (SELECT CAST(rp.id AS varchar(20)) FROM project rp WHERE rp.region_code = :region))` +
          ` OR (a.entity = 'rating' AND a.entity_id = :ratingKey))`,
      );
      params.region = filter.region;
      params.ratingKey = `region:${filter.region}`;
    }
    if (filter.from !== undefined) {
      conditions.push('a."at" >= :from');
      params.from = filter.from;
    }
    if (filter.to !== undefined) {
      conditions.push('a."at" <= :to');
      params.to = filter.to;
    }
    const columns = ENTRY_COLUMNS.split(', ')
      .map((column) => `a.${column}`)
      .join(', ');
    let after = -2147483648;
    for (;;) {
      const rows = await sql<StoredEntryRow & { project_code: string | null; project_name: string | null }>(
        this.dataSource,
        `SELECT ${columns}, p.code AS project_code, p.name AS project_name
           FROM audit_entry a
           LEFT JOIN project p ON a.entity IN (${PROJECT_ENTITY_LIST}) AND CAST(p.id AS varchar(20)) = a.entity_id
          WHERE a.seq > :after ${conditions.map((condition) => `AND ${condition}`).join(' ')}
          ORDER BY a.seq LIMIT :limit`,
        { ...params, after, limit: BATCH },
      );
      for (const row of rows) {
        yield [
          int(row.seq),
          row.at,
          this.localTime(row.at),
          row.actor,
          ENTITY_LABELS[row.entity] ?? row.entity,
          row.entity_id,
          row.project_code,
          row.project_name,
          row.action,
          row.reason,
          row.before,
          row.after,
          row.prev_hash,
          row.hash,
        ];
        after = int(row.seq);
      }
      if (rows.length < BATCH) return;
    }
  }

  /** `2024-06-30T04:00:00.000Z` → `2024-06-30 12:00:00` in the configured zone (Asia/Shanghai); unreadable → empty. */
  private localTime(instant: string): string {
    return Number.isNaN(new Date(instant).getTime()) ? '' : this.clock.wallClock(instant, { seconds: true });
  }
}
