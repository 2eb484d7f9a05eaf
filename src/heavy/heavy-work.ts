import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Piscina } from 'piscina';
import { ApiError, Clock, type ErrorDetail, RetryLater } from '../common/index.js';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { currentCaller } from './request-context.js';

/** A heavy task as the worker (or the inline runner) receives it. */
export interface HeavyTask {
  task: string;
  args: unknown;
  /** The instant the request was served at: the worker's clock reads it, so that "today" is the request's. */
  now: string;
}

/** Runs a task on the request thread: the same code a worker runs (src/workers/heavy-tasks.ts). */
export type InlineRunner = (task: string, args: unknown) => Promise<unknown>;

/** How many heavy requests one caller may have in flight at once; more answer 429. */
export const HEAVY_PER_CALLER = 2;
/** How many heavy tasks may wait for a worker in all; more answer 503. */
export const HEAVY_QUEUE = 32;
/** Files of published (immutable) bulletins kept, most recent use last. */
const CACHE_SIZE = 24;

export class TooManyHeavy extends RetryLater {
  constructor() {
    super(429, `同时进行的导出或历史回放过多（每位用户最多 ${HEAVY_PER_CALLER} 个），请稍后再试`, [{ code: 'tooManyHeavy', message: `每位用户同时最多 ${HEAVY_PER_CALLER} 个导出或历史回放` }], 2);
  }
}

export class HeavyBusy extends RetryLater {
  constructor() {
    super(503, '导出与历史回放排队已满，请稍后再试', [{ code: 'busy', message: '等待中的导出与历史回放过多' }], 5);
  }
}

/**
 * Heavy work off the request thread (docs/operations.md "Heavy work"): bulletin .docx/.xlsx, audit
 * exports and boards replayed `asOf` a past instant run in a pool of worker threads (piscina), each
 * with its own database connection, so that the thread answering every other request never waits
 * for them. Each caller (user, wall screen) may have HEAVY_PER_CALLER of them in flight (429
 * beyond), at most HEAVY_QUEUE wait for a thread (503 beyond), and the files of published
 * bulletins, which never change, are made once and kept (`cacheKey`). With HEAVY_THREADS=0, or
 * where no built worker exists (the tests run the sources in-process), the same tasks run on the
 * request thread, behind the same limits.
 */
@Injectable()
export class HeavyWork implements OnApplicationShutdown {
  private readonly logger = new Logger('HeavyWork');
  private pool: Piscina<HeavyTask, unknown> | null = null;
  private inline: InlineRunner | null = null;
  private readonly perCaller = new Map<string, number>();
  private readonly cache = new Map<string, Promise<unknown>>();
  private waitingInline = 0;

  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Worker threads on the built worker file (`HEAVY_THREADS` of them, created when first needed). */
  useThreads(workerFile: URL): void {
    this.pool = new Piscina<HeavyTask, unknown>({
      filename: workerFile.href,
      minThreads: 0,
      maxThreads: this.config.heavyThreads,
      // A thread starts the app's services once (about a second) and serves task after task; idle for ten minutes, it ends.
      idleTimeout: 10 * 60_000,
      // Below the request thread in the scheduler's eyes (nice +10, Linux): on a machine with few cores
      // the thread that answers every other request gets the CPU first.
      niceIncrement: 10,
      workerData: { config: { ...this.config, backup: undefined } },
    });
    this.logger.log(`heavy work in up to ${this.config.heavyThreads} worker thread(s)`);
  }

  /** The request thread runs the tasks itself (HEAVY_THREADS=0, or no built worker). */
  useInline(runner: InlineRunner): void {
    this.inline = runner;
  }

  /** Whether tasks can be handed over (a runner is set): services then send their heavy paths here. */
  get available(): boolean {
    return this.pool !== null || this.inline !== null;
  }

  get threads(): boolean {
    return this.pool !== null;
  }

  /**
   * Runs a task within the limits. With `cacheKey` (a published bulletin's file) the answer is kept:
   * a later or concurrent request for the same key shares it without counting as heavy work.
   */
  async run<T>(task: string, args: unknown, options: { cacheKey?: string } = {}): Promise<T> {
    const key = options.cacheKey;
    const cached = key === undefined ? undefined : this.cache.get(key);
    if (cached) {
      this.cache.delete(key!);
      this.cache.set(key!, cached);
      return (await cached) as T;
    }
    const work = this.limited(task, args);
    if (key !== undefined) {
      this.cache.set(key, work);
      work.catch(() => this.cache.delete(key));
      while (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    }
    return (await work) as T;
  }

  private async limited(task: string, args: unknown): Promise<unknown> {
    const caller = currentCaller();
    if (caller !== undefined && (this.perCaller.get(caller) ?? 0) >= HEAVY_PER_CALLER) throw new TooManyHeavy();
    if (this.queued >= HEAVY_QUEUE) throw new HeavyBusy();
    if (caller !== undefined) this.perCaller.set(caller, (this.perCaller.get(caller) ?? 0) + 1);
    try {
      return revive(await this.execute({ task, args, now: this.clock.nowIso() }));
    } finally {
      if (caller !== undefined) {
        const left = (this.perCaller.get(caller) ?? 1) - 1;
        if (left > 0) this.perCaller.set(caller, left);
        else this.perCaller.delete(caller);
      }
    }
  }

  private get queued(): number {
    return this.pool ? this.pool.queueSize : this.waitingInline;
  }

  private async execute(job: HeavyTask): Promise<unknown> {
    if (this.pool) return this.pool.run(job);
    if (!this.inline) throw new Error(`no runner for heavy task ${job.task}`);
    this.waitingInline++;
    try {
      // Through a structured clone, as a worker would receive it: what works inline works in a thread.
      return await this.inline(job.task, structuredClone(job.args));
    } finally {
      this.waitingInline--;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.destroy();
    this.pool = null;
  }
}

/** A Buffer comes back from a thread as a Uint8Array: made a Buffer again (no copy); a refusal is thrown again with its status. */
function revive(value: unknown): unknown {
  if (value && typeof value === 'object' && 'heavyRefusal' in value) {
    const { status, body } = (value as { heavyRefusal: { status: number; body: { message?: string; details?: ErrorDetail[] } } }).heavyRefusal;
    throw new ApiError(status, body.message ?? '', body.details ?? []);
  }
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (value && typeof value === 'object' && 'body' in value && value.body instanceof Uint8Array) return { ...value, body: revive(value.body) };
  return value;
}
