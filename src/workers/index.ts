/** workers: the heavy tasks by name and the worker thread that runs them (docs/architecture.md). */
export { runHeavyTask } from './heavy-tasks.js';
