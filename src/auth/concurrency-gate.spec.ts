import { describe, expect, it } from '@jest/globals';
import { ConcurrencyGate } from './concurrency-gate.js';

/** A task that finishes when the test says so. */
function deferred() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { finish, task: () => done.then(() => 'done') };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('ConcurrencyGate', () => {
  it('runs at most `limit` tasks, queues `queueLimit` more in order, and refuses the rest at once', async () => {
    const gate = new ConcurrencyGate(2, 1);
    const tasks = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const results = tasks.map((d, i) => gate.run(() => (started.push(i), d.task())));
    await tick();
    expect([gate.running, gate.queued, started]).toEqual([2, 1, [0, 1]]);
    expect(await results[3]).toEqual({ refused: true });

    tasks[1].finish();
    expect(await results[1]).toEqual({ refused: false, value: 'done' });
    await tick();
    expect([gate.running, gate.queued, started]).toEqual([2, 0, [0, 1, 2]]);

    tasks[0].finish();
    tasks[2].finish();
    expect(await Promise.all([results[0], results[2]])).toEqual([{ refused: false, value: 'done' }, { refused: false, value: 'done' }]);
    expect([gate.running, gate.queued]).toEqual([0, 0]);
  });

  it('frees the place of a task that fails', async () => {
    const gate = new ConcurrencyGate(1, 0);
    await expect(gate.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(gate.running).toBe(0);
    expect(await gate.run(async () => 7)).toEqual({ refused: false, value: 7 });
  });

  it('gives a free place to the first line before the ordinary one, and never refuses a first-line task', async () => {
    const gate = new ConcurrencyGate(1, 1);
    const running = deferred();
    const order: string[] = [];
    const first = gate.run(running.task);
    await tick();
    const ordinary = gate.run(async () => order.push('ordinary'));
    const refused = gate.run(async () => order.push('refused'));
    const priority = [1, 2, 3].map((n) => gate.run(async () => order.push(`first-${n}`), { first: true }));
    await tick();
    expect(await refused).toEqual({ refused: true });
    expect([gate.running, gate.queued]).toEqual([1, 4]);
    running.finish();
    await Promise.all([first, ordinary, ...priority]);
    expect(order).toEqual(['first-1', 'first-2', 'first-3', 'ordinary']);
    expect([gate.running, gate.queued]).toEqual([0, 0]);
  });
});
