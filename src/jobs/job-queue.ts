import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource, LessThan, type EntityManager } from 'typeorm';
import { AllExceptionsFilter, ApiError, Clock, notFound, type ErrorDetail } from '../common/index.js';
import { WriteQueue } from '../database/index.js';
import { Job } from './job.entity.js';

/** What a handler is given: its payload, the uploaded file if any, and a way to say how far it is. */
export interface JobContext {
  payload: unknown;
  file: Buffer | null;
  /** The work's phase and how many of how many it has done. */
  progress(phase: string, done: number, total: number): void;
}

export type JobHandler = (context: JobContext) => Promise<unknown>;

/** A job as its owner sees it (GET …/jobs/:id): what the work has reported, then its result or error. */
export interface JobState {
  id: string;
  status: Job['status'];
  phase: string;
  done: number;
  total: number;
  result?: unknown;
  error?: { statusCode: number; message: string; details: ErrorDetail[] };
}

export const JOB_LIMITS = {
  /** A finished job's result is kept this long for the page to fetch. */
  keepMs: 15 * 60 * 1000,
  /** Jobs one user may have queued or running at a time (429 above). */
  runningPerUser: 2,
  /** A running job whose server has not said it is alive for this long is taken to be cut short. */
  staleMs: 30_000,
  /** How often a server looks for queued jobs, and says the jobs it runs are alive. */
  pollMs: 1_000,
  /** A job cut short is run again this many times, then failed. */
  attempts: 2,
  /** A job's progress is written at most this often (PostgreSQL; other servers read it). */
  progressMs: 500,
} as const;

/**
 * Background work kept in the database (docs/architecture.md "Jobs"): a request starts a job and
 * answers at once; any server takes it from the queue, runs its handler (registered by the module
 * that owns the work), and records its progress and its end. Every server sees every job, so the
 * page may poll any of them; a job cut short by a restart or a crash is run again once by the next
 * server to look (the work it wraps is one transaction: cut short, it applied nothing), then failed
 * with a clear error. A job is seen only by the user who started it, and forgotten 15 minutes after
 * it ends. On SQLite (one server) its progress is kept in memory while it runs.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly handlers = new Map<string, JobHandler>();
  /** The progress of the jobs this server runs, as they report it. */
  private readonly live = new Map<string, Pick<JobState, 'phase' | 'done' | 'total'>>();
  private readonly logger = new Logger('Jobs');
  private readonly errors = new AllExceptionsFilter();
  private readonly server = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
  ) {}

  /** The module that owns a kind of work says how to run it (at its start). */
  register(kind: string, handler: JobHandler): void {
    if (this.handlers.has(kind)) throw new Error(`job kind ${kind} registered twice`);
    this.handlers.set(kind, handler);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      void this.heartbeat();
      this.kick();
    }, JOB_LIMITS.pollMs);
    this.timer.unref();
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.polling;
  }

  /** Queues a job for `owner`; 429 when they already have as many as they may. */
  async enqueue(kind: string, owner: string, payload: unknown, file: Buffer | null = null): Promise<string> {
    if (!this.handlers.has(kind)) throw new Error(`no handler for job kind ${kind}`);
    const id = randomUUID();
    await this.writes.run(
      async (manager) => {
        await this.sweep(manager);
        const open = await manager.countBy(Job, [
          { owner, status: 'queued' },
          { owner, status: 'running' },
        ]);
        if (open >= JOB_LIMITS.runningPerUser)
          throw new ApiError(429, '已有任务正在进行，请等它完成后再试', [{ code: 'tooManyJobs', message: `每个用户同时最多 ${JOB_LIMITS.runningPerUser} 个任务` }]);
        await manager.insert(Job, {
          id,
          kind,
          owner,
          status: 'queued',
          phase: 'queued',
          done: 0,
          total: 0,
          payload: JSON.stringify(payload ?? null),
          file: file ? file.toString('base64') : null,
          result: null,
          error: null,
          attempts: 0,
          claimedBy: null,
          heartbeatAt: null,
          createdAt: this.clock.nowIso(),
          finishedAt: null,
        });
      },
      { changesData: false },
    );
    this.kick();
    return id;
  }

  /** The job, to the user who started it; 404 to anyone else and once it has expired. */
  async view(id: string, owner: string): Promise<JobState> {
    const job = await this.dataSource.getRepository(Job).findOneBy({ id: id.slice(0, 36) });
    if (!job || job.owner !== owner || this.expired(job)) throw notFound(`任务 ${id.slice(0, 64)} 不存在或已过期`);
    const state: JobState = { id: job.id, status: job.status, phase: job.phase, done: job.done, total: job.total, ...(this.live.get(job.id) ?? {}) };
    if (job.result !== null) state.result = JSON.parse(job.result) as unknown;
    if (job.error !== null) state.error = JSON.parse(job.error) as JobState['error'];
    return state;
  }

  /** Looks for work now (after a job is queued, and every second): one look at a time. */
  kick(): void {
    if (this.stopped || this.polling) return;
    this.polling = this.poll()
      .catch((error: unknown) => this.logger.warn(`job queue: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (this.polling = null));
  }

  /** Recovers jobs cut short, then runs queued ones until none is left (or the server stops). */
  private async poll(): Promise<void> {
    await this.recover();
    for (let job = await this.claim(); job && !this.stopped; job = await this.claim()) await this.run(job);
  }

  /** Takes the oldest queued job this server can run, if another server has not taken it first. */
  private async claim(): Promise<Job | null> {
    const candidate = await this.dataSource.getRepository(Job).findOne({ where: { status: 'queued' }, order: { createdAt: 'ASC' } });
    if (!candidate || !this.handlers.has(candidate.kind)) return null;
    const now = this.clock.nowIso();
    const claimed = await this.writes.run(
      async (manager) => {
        const result = await manager.update(Job, { id: candidate.id, status: 'queued' }, { status: 'running', claimedBy: this.server, heartbeatAt: now, attempts: candidate.attempts + 1 });
        return result.affected === 1;
      },
      { changesData: false },
    );
    return claimed ? { ...candidate, status: 'running', attempts: candidate.attempts + 1, claimedBy: this.server } : this.claim();
  }

  private async run(job: Job): Promise<void> {
    const handler = this.handlers.get(job.kind)!;
    this.live.set(job.id, { phase: job.phase, done: 0, total: 0 });
    let written = 0;
    let writing: Promise<void> = Promise.resolve();
    let ended = false;
    const progress = (phase: string, done: number, total: number) => {
      if (ended) return; // a report that comes after the end says nothing new
      this.live.set(job.id, { phase, done, total });
      const now = performance.now();
      if (now - written < JOB_LIMITS.progressMs) return;
      written = now;
      writing = this.touch({ id: job.id }, { phase, done, total });
    };
    let outcome: Partial<Job>;
    try {
      const result = await handler({ payload: JSON.parse(job.payload) as unknown, file: job.file === null ? null : Buffer.from(job.file, 'base64'), progress });
      outcome = { ...this.live.get(job.id), status: 'done', phase: 'done', result: JSON.stringify(result ?? null) };
    } catch (error) {
      const body = this.errors.toBody(error);
      if (body.statusCode >= 500) this.logger.error(error instanceof Error ? error.stack : String(error));
      outcome = { ...this.live.get(job.id), status: 'failed', phase: 'failed', error: JSON.stringify({ statusCode: body.statusCode, message: body.message, details: body.details }) };
    }
    ended = true;
    this.live.delete(job.id);
    await writing; // the last progress write lands before the end, never after it
    await this.writes.run((manager) => manager.update(Job, { id: job.id }, { ...outcome, file: null, finishedAt: this.clock.nowIso() }), { changesData: false });
  }

  /** Says the jobs this server runs are alive. */
  private async heartbeat(): Promise<void> {
    if (this.live.size > 0) await this.touch({}, { heartbeatAt: this.clock.nowIso() });
  }

  /**
   * Progress and heartbeats, written outside the write queue on purpose: the work a job runs may
   * hold a long write transaction, and other servers must see that the job is alive meanwhile.
   * Best effort: a missed one is made good by the next. Only a running job is touched: a progress
   * write still on its way when the job's end is written must not set a finished job's phase back.
   */
  private async touch(where: Partial<Pick<Job, 'id'>>, changes: Partial<Pick<Job, 'phase' | 'done' | 'total' | 'heartbeatAt'>>): Promise<void> {
    await this.dataSource
      .getRepository(Job)
      .update({ ...where, claimedBy: this.server, status: 'running' }, changes)
      .catch(() => undefined);
  }

  /** Running jobs whose server has gone quiet: queued again, or failed once they have had their attempts. */
  private async recover(): Promise<void> {
    const stale = new Date(this.clock.now().getTime() - JOB_LIMITS.staleMs).toISOString();
    const cut = await this.dataSource.getRepository(Job).find({ where: { status: 'running', heartbeatAt: LessThan(stale) } });
    for (const job of cut) {
      const again = job.attempts < JOB_LIMITS.attempts;
      const error = { statusCode: 503, message: '服务重启，任务未能完成，请重新提交', details: [{ code: 'jobInterrupted', message: `任务已尝试 ${job.attempts} 次` }] };
      await this.writes.run(
        (manager) =>
          manager.update(
            Job,
            { id: job.id, status: 'running', heartbeatAt: job.heartbeatAt! },
            again ? { status: 'queued', phase: 'queued', claimedBy: null, heartbeatAt: null } : { status: 'failed', phase: 'failed', error: JSON.stringify(error), file: null, finishedAt: this.clock.nowIso() },
          ),
        { changesData: false },
      );
      this.logger.warn(`job ${job.id} (${job.kind}) was cut short on ${job.claimedBy ?? '?'}: ${again ? 'queued again' : 'failed'}`);
    }
  }

  /** Forgets jobs that ended more than keepMs ago. */
  private async sweep(manager: EntityManager): Promise<void> {
    const before = new Date(this.clock.now().getTime() - JOB_LIMITS.keepMs).toISOString();
    await manager.delete(Job, { finishedAt: LessThan(before) });
  }

  private expired(job: Job): boolean {
    return job.finishedAt !== null && Date.parse(job.finishedAt) < this.clock.now().getTime() - JOB_LIMITS.keepMs;
  }
}
