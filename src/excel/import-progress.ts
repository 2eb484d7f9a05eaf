import type { JobPhase } from './import-codes.js';

/** Where an import stands, for a job's progress (import-jobs.ts). */
export type ImportPhase = Exclude<JobPhase, 'queued' | 'done' | 'failed'>;

/** done of total: rows of the workbook converted while parsing, data rows checked (dry run) or applied (commit). */
export type ImportProgress = (phase: ImportPhase, done: number, total: number) => void;

/** A dry run checks its rows; a commit applies them (the same pass, in one transaction). */
export const phaseOf = (commit: boolean): ImportPhase => (commit ? 'applying' : 'validating');
