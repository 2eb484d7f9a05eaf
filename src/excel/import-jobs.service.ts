import { Injectable, Logger } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { AllExceptionsFilter, ApiError, notFound } from '../common/index.js';
import { JOB_PHASES, type JobPhase } from './import-codes.js';
import type { ImportProgress } from './import-progress.js';
import { ImportResult } from './import-result.js';

export class JobStarted {
  @ApiProperty({ description: 'poll GET /api/imports/jobs/:jobId' }) jobId: string;
}

export class JobError {
  @ApiProperty() statusCode: number;
  @ApiProperty() message: string;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) details: unknown[];
}

export class JobView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: JOB_PHASES }) phase: JobPhase;
  @ApiProperty({ description: 'parsing: workbook rows read; validating/applying: data rows checked or applied' }) done: number;
  @ApiProperty({ description: 'of this many (0 while the file is still being unpacked)' }) total: number;
  @ApiPropertyOptional({ type: ImportResult, description: 'when done: what the import answers without async' }) result?: ImportResult;
  @ApiPropertyOptional({ type: JobError, description: 'when failed: the error the import answers without async' }) error?: JobError;
}

interface Job {
  view: JobView;
  owner: string;
  /** performance.now() when it finished (then it expires after JOB_LIMITS.keepMs). */
  finishedAt: number | null;
}

export const JOB_LIMITS = {
  /** A finished job's result is kept this long for the page to fetch. */
  keepMs: 15 * 60 * 1000,
  /** Imports one user may have running at a time (429 above). */
  runningPerUser: 2,
  /** Jobs kept in all (running and finished); the oldest finished go first. */
  kept: 200,
} as const;

/**
 * Imports run as jobs (`?async=true`): the request answers 202 with a job id at once and the
 * import runs on, reporting its phase and how many rows it has done, for the workbench's
 * progress bar. Jobs live in this process's memory only: a restart forgets them (the import
 * itself is one transaction, so a job cut short applies nothing). A job is visible only to
 * the user who started it (404 to anyone else), and is forgotten 15 minutes after it ends.
 */
@Injectable()
export class ImportJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly logger = new Logger('ImportJobs');
  private readonly errors = new AllExceptionsFilter();

  start(owner: string, run: (progress: ImportProgress) => Promise<ImportResult>): JobStarted {
    this.sweep();
    const running = [...this.jobs.values()].filter((job) => job.owner === owner && job.finishedAt === null).length;
    if (running >= JOB_LIMITS.runningPerUser || this.jobs.size >= JOB_LIMITS.kept)
      throw new ApiError(429, '已有导入正在进行，请等它完成后再试', [{ code: 'tooManyJobs', message: `每个用户同时最多 ${JOB_LIMITS.runningPerUser} 个导入` }]);
    const id = randomUUID();
    const job: Job = { owner, finishedAt: null, view: { id, phase: 'parsing', done: 0, total: 0 } };
    this.jobs.set(id, job);
    const progress: ImportProgress = (phase, done, total) => {
      if (job.finishedAt === null) Object.assign(job.view, { phase, done, total });
    };
    // Started on the next turn, so the 202 leaves before any parsing work.
    setImmediate(() => {
      run(progress).then(
        (result) => this.finish(job, { phase: 'done', result }),
        (error: unknown) => {
          const body = this.errors.toBody(error);
          if (body.statusCode >= 500) this.logger.error(error instanceof Error ? error.stack : String(error));
          this.finish(job, { phase: 'failed', error: { statusCode: body.statusCode, message: body.message, details: body.details } });
        },
      );
    });
    return { jobId: id };
  }

  /** The job, to the user who started it; 404 to anyone else and once it has expired. */
  view(id: string, owner: string): JobView {
    this.sweep();
    const job = this.jobs.get(id);
    if (!job || job.owner !== owner) throw notFound(`导入任务 ${id.slice(0, 64)} 不存在或已过期`);
    return { ...job.view };
  }

  private finish(job: Job, outcome: Partial<JobView>): void {
    Object.assign(job.view, outcome);
    job.finishedAt = performance.now();
  }

  private sweep(): void {
    const now = performance.now();
    for (const [id, job] of this.jobs) if (job.finishedAt !== null && now - job.finishedAt > JOB_LIMITS.keepMs) this.jobs.delete(id);
    const finished = [...this.jobs.entries()].filter(([, job]) => job.finishedAt !== null).sort(([, a], [, b]) => a.finishedAt! - b.finishedAt!);
    while (this.jobs.size >= JOB_LIMITS.kept && finished.length) this.jobs.delete(finished.shift()![0]);
  }
}
