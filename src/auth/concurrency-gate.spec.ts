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
});
