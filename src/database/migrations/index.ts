import { Init1732200000000 } from './1732200000000-Init.js';

/** Every migration class, in order: one list for the app, the tests and the CLI. */
export const MIGRATIONS = [Init1732200000000];
