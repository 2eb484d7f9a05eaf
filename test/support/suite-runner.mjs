// The suite's Jest runner (jest.config.js): jest-light-runner's worker (the package's
// src/worker-runner.js, which imports each built spec file and runs it with jest-circus) in child
// processes kept for the whole run, so the app's modules load once per process.
//
// Why not the package's own `jest-light-runner/child-process` entry: a child asks the parent for the
// run's configuration when it starts, and that entry answers only the first asking: it answers every
// child known at that moment and then forgets them all. A child that had not yet started listening,
// or that asked after, waited for ever, and the run with it (seen with three processes: one spec file
// never started). Here every request is answered to every child of the pool; a child takes the first
// answer and ignores the rest, and children not asking ignore them all.
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';

const WORKER = new URL('./worker-runner.js', import.meta.resolve('jest-light-runner'));
const ASK = 'jest-light-runner-get-worker-data';
const ANSWER = 'jest-light-runner-worker-data';

export default class SuiteRunner {
  #globalConfig;
  /** One pool of child processes per Jest project config. */
  #pools = new Map();

  constructor(globalConfig) {
    this.#globalConfig = globalConfig;
  }

  async runTests(tests, _watcher, onStart, onResult, onFailure) {
    const queue = [...tests];
    const lane = async () => {
      for (let test = queue.shift(); test; test = queue.shift()) {
        await onStart(test)
          .then(() => this.#run(test))
          .then((result) => onResult(test, result))
          .catch((error) => onFailure(test, error));
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.max(1, this.#globalConfig.maxWorkers) }, lane));
    } finally {
      await Promise.all([...this.#pools.values()].map(({ pool }) => pool.destroy()));
      this.#pools.clear();
    }
  }

  #run(test) {
    const projectConfig = test.context.config;
    let entry = this.#pools.get(projectConfig);
    if (!entry) {
      const workers = Math.max(1, this.#globalConfig.maxWorkers);
      const workerData = { globalConfig: this.#globalConfig, projectConfig, runtime: 'child_process' };
      const pool = new Tinypool({ filename: fileURLToPath(WORKER), runtime: 'child_process', minThreads: workers, maxThreads: workers, env: process.env, trackUnmanagedFds: false });
      // tinypool adds a listener (one per task: it sends to that task's child) before the task reaches the child
      const listeners = new Set();
      const channel = {
        onMessage: (listener) => listeners.add(listener),
        postMessage: (message) => {
          if (message !== ASK) return;
          for (const listener of listeners) {
            try {
              listener({ type: ANSWER, workerData });
            } catch {
              listeners.delete(listener); // a child that has ended
            }
          }
        },
      };
      entry = { pool, channel };
      this.#pools.set(projectConfig, entry);
    }
    return entry.pool.run(test.path, { channel: entry.channel });
  }
}
