import type { INestApplicationContext } from '@nestjs/common';
import { DashboardService } from '../board/index.js';
import { BulletinDocxService } from '../bulletins/index.js';
import { BulletinExportService } from '../excel/index.js';
import { AuditExportService, type AuditExportRequest, type ExportFormat } from '../oversight/index.js';

/**
 * Every heavy task by name (src/heavy, docs/operations.md "Heavy work"): what a worker thread runs,
 * and what the request thread runs itself when there is no worker. Each calls the service's own
 * computation, never its route-level method (which would hand the work over again).
 */
type Task = (app: INestApplicationContext, args: never) => Promise<unknown>;

const TASKS: Record<string, Task> = {
  // The board as the JSON bytes its route sends: written here, so the request thread has neither a board to take apart nor one to write out.
  dashboard: async (app, { year, month, asOf }: { year: number; month: number; asOf: string }) => jsonBytes(await app.get(DashboardService).build(year, month, asOf)),
  curve: (app, { year, month, asOf }: { year: number; month: number; asOf: string }) => app.get(DashboardService).computeCurve(year, month, asOf),
  listed: (app, a: { year: number; month: number; filter: Parameters<DashboardService['computeListed']>[2]; page: number; pageSize: number; asOf: string }) =>
    app.get(DashboardService).computeListed(a.year, a.month, a.filter, a.page, a.pageSize, a.asOf),
  'bulletin.docx': (app, { year, month }: { year: number; month: number }) => app.get(BulletinDocxService).docx(year, month),
  'bulletin.xlsx': (app, { year, month }: { year: number; month: number }) => app.get(BulletinExportService).workbook(year, month),
  'audit.export': (app, { format, ...request }: AuditExportRequest & { format: ExportFormat }) => app.get(AuditExportService).file(request as AuditExportRequest, format),
};

/** A value as JSON, UTF-8 bytes of their own (a Uint8Array crosses to the request thread as one copy, and comes out there as a Buffer). */
function jsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

export function runHeavyTask(app: INestApplicationContext, task: string, args: unknown): Promise<unknown> {
  const run = TASKS[task];
  if (!run) throw new Error(`unknown heavy task ${task}`);
  return run(app, args as never);
}
