import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Scope } from '../access/index.js';
import { JobQueue, type JobState } from '../jobs/index.js';
import { JOB_PHASES, type JobPhase } from './import-codes.js';
import type { ImportProgress } from './import-progress.js';
import { ImportResult } from './import-result.js';
import { LedgerImportService, type LedgerImportOptions } from './ledger-import.service.js';
import type { UploadedWorkbook } from './import-preparation.js';
import { ReportImportService, type ReportImportOptions } from './report-import.service.js';

export class JobStarted {
  @ApiProperty({ description: 'poll GET /api/imports/jobs/:jobId' }) jobId: string;
}

/** One reason in an error's `details` (docs/api.md "Errors"). */
export class JobErrorDetail {
  @ApiPropertyOptional({ description: 'the field or parameter it is about' }) field?: string;
  @ApiProperty() code: string;
  @ApiProperty() message: string;
}

export class JobError implements NonNullable<JobState['error']> {
  @ApiProperty({ type: 'integer' }) statusCode: number;
  @ApiProperty() message: string;
  @ApiProperty({ type: [JobErrorDetail] }) details: JobErrorDetail[];
}

export class JobView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: JOB_PHASES }) phase: JobPhase;
  @ApiProperty({ type: 'integer', description: 'parsing: workbook rows read; validating/applying: data rows checked or applied' }) done: number;
  @ApiProperty({ type: 'integer', description: 'of this many (0 while the file is still being unpacked)' }) total: number;
  @ApiPropertyOptional({ type: ImportResult, description: 'when done: what the import answers without async' }) result?: ImportResult;
  @ApiPropertyOptional({ type: JobError, description: 'when failed: the error the import answers without async' }) error?: JobError;
}

/** What an import job keeps to run again on any server: the options, the column mapping as pairs. */
type Kept<T> = Omit<T, 'progress' | 'mapping'> & { mapping: [string, string | null][] | null; name: string };

const LEDGER = 'import.ledger';
const REPORTS = 'import.reports';

/**
 * Imports run as jobs (`?async=true`, docs/excel.md "Jobs"): the request answers 202 with a job id
 * at once, and the import runs in the job queue (src/jobs/), reporting its phase and rows for the
 * workbench's progress bar. The file and the options are kept with the job, so any server runs it
 * and a restart runs it again (the import is one transaction: cut short, it applied nothing).
 */
@Injectable()
export class ImportJobs implements OnModuleInit {
  constructor(
    private readonly queue: JobQueue,
    private readonly ledger: LedgerImportService,
    private readonly reports: ReportImportService,
  ) {}

  onModuleInit(): void {
    this.queue.register(LEDGER, async ({ payload, file, progress }) => {
      const { name, mapping, ...options } = payload as Kept<LedgerImportOptions>;
      return this.ledger.import({ name, buffer: file! }, { ...options, mapping: mapping ? new Map(mapping) : undefined, progress: progress as ImportProgress });
    });
    this.queue.register(REPORTS, async ({ payload, file, progress }) => {
      const { name, mapping, month, ...options } = payload as Kept<ReportImportOptions> & { month: string };
      return this.reports.import({ name, buffer: file! }, month, { ...options, mapping: mapping ? new Map(mapping) : undefined, progress: progress as ImportProgress });
    });
  }

  async ledgerImport(upload: UploadedWorkbook, options: Omit<LedgerImportOptions, 'progress'>): Promise<JobStarted> {
    const kept: Kept<LedgerImportOptions> = { ...options, name: upload.name, mapping: options.mapping ? [...options.mapping] : null };
    return { jobId: await this.queue.enqueue(LEDGER, options.actor, kept, upload.buffer) };
  }

  async reportImport(upload: UploadedWorkbook, month: string, options: Omit<ReportImportOptions, 'progress'> & { scope: Scope }): Promise<JobStarted> {
    const kept: Kept<ReportImportOptions> & { month: string } = { ...options, month, name: upload.name, mapping: options.mapping ? [...options.mapping] : null };
    return { jobId: await this.queue.enqueue(REPORTS, options.actor, kept, upload.buffer) };
  }

  /** The job, to the user who started it (404 to anyone else), as the import pages read it. */
  async view(id: string, owner: string): Promise<JobView> {
    const state: JobState = await this.queue.view(id, owner);
    const view: JobView = { id: state.id, phase: state.phase as JobPhase, done: state.done, total: state.total };
    if (state.result !== undefined) view.result = state.result as ImportResult;
    if (state.error !== undefined) view.error = state.error;
    return view;
  }
}
