import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { badRequest, Clock } from '../common/index.js';
import type { AppConfig } from '../config/index.js';
import { WriteQueue } from '../database/index.js';
import { Job } from './job.entity.js';
import { JOB_LIMITS, JobQueue, type JobContext, type JobState } from './job-queue.js';

/**
 * The job queue on a real SQLite database (in memory), with two queues on it standing in for two
 * servers, and a clock the test moves. Expected states are written out by hand.
 */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('job queue', () => {
  let db: DataSource;
  let now: number;
  const clock = new Clock({ timeZone: 'Asia/Shanghai' } as AppConfig);
  clock.now = () => new Date(now);
  const queues: JobQueue[] = [];
  const server = () => {
    const queue = new JobQueue(db, new WriteQueue(db), clock);
    queues.push(queue);
    return queue;
  };
  /** Lets the queue run until `done` says it is where the test wants it (bounded). */
  const until = async (queue: JobQueue, id: string, owner: string, done: (state: JobState) => boolean) => {
    for (let i = 0; i < 200; i++) {
      queue.kick();
      const state = await queue.view(id, owner);
      if (done(state)) return state;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`job ${id} did not get there`);
  };

  beforeEach(async () => {
    now = Date.parse('2024-11-20T02:00:00.000Z');
    db = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Job], synchronize: true }).initialize();
  });
  afterEach(async () => {
    for (const queue of queues.splice(0)) await queue.onApplicationShutdown();
    await db.destroy();
  });

  it('shows the phase and the rows done as the work reports them, then the result', async () => {
    const queue = server();
    const [parsed, validated] = [gate(), gate()];
    const reached = { parsed: gate(), validated: gate() };
    queue.register('import', async ({ payload, file, progress }: JobContext) => {
      expect([payload, file?.toString('utf8')]).toEqual([{ month: '2024-06' }, 'the file']);
      progress('parsing', 200, 1000);
      reached.parsed.open();
      await parsed.opened;
      progress('validating', 2, 3);
      reached.validated.open();
      await validated.opened;
      progress('validating', 3, 3);
      return { rows: 3, created: 3 };
    });
    const id = await queue.enqueue('import', 'admin', { month: '2024-06' }, Buffer.from('the file'));
    await reached.parsed.opened;
    expect(await queue.view(id, 'admin')).toEqual({ id, status: 'running', phase: 'parsing', done: 200, total: 1000 });
    parsed.open();
    await reached.validated.opened;
    expect(await queue.view(id, 'admin')).toMatchObject({ status: 'running', phase: 'validating', done: 2, total: 3 });
    validated.open();
    expect(await until(queue, id, 'admin', (s) => s.status === 'done')).toEqual({ id, status: 'done', phase: 'done', done: 3, total: 3, result: { rows: 3, created: 3 } });
    // Its file is not kept once it has ended.
    expect((await db.getRepository(Job).findOneByOrFail({ id })).file).toBeNull();
  });

  it('keeps a finished job finished: a progress report that comes after the end changes nothing, on either server', async () => {
    const a = server();
    const b = server();
    let late: JobContext['progress'] | null = null;
    a.register('import', ({ progress }: JobContext) => {
      late = progress;
      return Promise.resolve({ rows: 3 });
    });
    const id = await a.enqueue('import', 'admin', null);
    const done = await until(a, id, 'admin', (s) => s.status === 'done');
    expect(done).toEqual({ id, status: 'done', phase: 'done', done: 0, total: 0, result: { rows: 3 } });
    late!('validating', 2, 3); // e.g. a worker's last message, delivered after the work returned
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await a.view(id, 'admin')).toEqual(done);
    expect(await b.view(id, 'admin')).toEqual(done);
    expect(await db.getRepository(Job).findOneByOrFail({ id })).toMatchObject({ status: 'done', phase: 'done' });
  });

  it('ends a refused job failed in the API error shape; shows a job only to who started it; limits open jobs per user', async () => {
    const queue = server();
    queue.register('import', () => Promise.reject(badRequest('上传的文件不是 Excel .xlsx 工作簿', [{ field: 'file', code: 'notXlsx', message: '不是 .xlsx' }])));
    const id = await queue.enqueue('import', 'region-a', null);
    expect(await until(queue, id, 'region-a', (s) => s.status === 'failed')).toMatchObject({
      phase: 'failed',
      error: { statusCode: 400, message: '上传的文件不是 Excel .xlsx 工作簿', details: [{ code: 'notXlsx' }] },
    });
    await expect(queue.view(id, 'region-b')).rejects.toMatchObject({ status: 404 });
    await expect(queue.view('no-such-job', 'region-a')).rejects.toMatchObject({ status: 404 });

    const never = gate();
    queue.register('slow', () => never.opened.then(() => null));
    await queue.enqueue('slow', 'admin', null);
    await queue.enqueue('slow', 'admin', null);
    await expect(queue.enqueue('slow', 'admin', null)).rejects.toMatchObject({ status: 429 });
    await expect(queue.enqueue('slow', 'region-a', null)).resolves.toEqual(expect.any(String));
    never.open();
  });

  it('is seen by every server and run by whichever server takes it', async () => {
    const a = server();
    const b = server();
    a.register('report', () => Promise.resolve({ by: 'A' }));
    b.register('report', () => Promise.resolve({ by: 'B' }));
    await a.onApplicationShutdown(); // A queues work but runs none (its worker has stopped)
    const id = await a.enqueue('report', 'admin', null);
    expect(await a.view(id, 'admin')).toEqual({ id, status: 'queued', phase: 'queued', done: 0, total: 0 });
    const done = await until(b, id, 'admin', (s) => s.status === 'done');
    expect(done.result).toEqual({ by: 'B' });
    expect(await a.view(id, 'admin')).toEqual(done);
  });

  it('runs a job cut short by a restart again once, then fails it with a clear error', async () => {
    const queue = server();
    let runs = 0;
    queue.register('import', async () => {
      runs += 1;
      return { runs };
    });
    // A server took these and stopped saying it was alive 31 seconds ago.
    const quiet = new Date(now - JOB_LIMITS.staleMs - 1_000).toISOString();
    const row = { kind: 'import', owner: 'admin', status: 'running' as const, phase: 'applying', done: 5, total: 9, payload: 'null', file: null, result: null, error: null, claimedBy: 'gone:1', heartbeatAt: quiet, createdAt: quiet, finishedAt: null };
    await db.getRepository(Job).insert([
      { ...row, id: 'cut-once', attempts: 1 },
      { ...row, id: 'cut-twice', attempts: JOB_LIMITS.attempts },
    ]);
    expect(await until(queue, 'cut-once', 'admin', (s) => s.status === 'done')).toMatchObject({ status: 'done', result: { runs: 1 } });
    expect(await until(queue, 'cut-twice', 'admin', (s) => s.status === 'failed')).toMatchObject({
      status: 'failed',
      error: { statusCode: 503, message: '服务重启，任务未能完成，请重新提交', details: [{ code: 'jobInterrupted' }] },
    });
    expect(runs).toBe(1);
  });

  it('forgets a job 15 minutes after it ended', async () => {
    const queue = server();
    queue.register('import', () => Promise.resolve({ ok: true }));
    const id = await queue.enqueue('import', 'admin', null);
    await until(queue, id, 'admin', (s) => s.status === 'done');
    now += JOB_LIMITS.keepMs + 1_000;
    await expect(queue.view(id, 'admin')).rejects.toMatchObject({ status: 404 });
    await queue.enqueue('import', 'admin', null); // the next job sweeps the ended ones away
    expect(await db.getRepository(Job).countBy({ id })).toBe(0);
  });
});
