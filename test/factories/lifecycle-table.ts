import type { StateValue } from 'xstate';
import type { EventType, LifecycleEvent, Stage } from '../../src/lifecycle/index.js';
import { LIFECYCLE_TODAY } from './lifecycle-facts.js';

/*
 * The lifecycle's hand-written tables (transcribed from docs/domain/lifecycle.md) that the
 * machine's specs (src/lifecycle/lifecycle.*.spec.ts) take every expected value from, never
 * from the code under test.
 */

export const TODAY = LIFECYCLE_TODAY; // '2024-06-30'

export type EventOf<T extends EventType> = Extract<LifecycleEvent, { type: T }>;

/** One event of each type whose payload passes its guard against the default facts. */
export const VALID: { [T in EventType]: EventOf<T> } = {
  PROMOTE: { type: 'PROMOTE', plannedStartDate: '2024-09-01' },
  DEFER: { type: 'DEFER', reason: '资金暂未落实' },
  START: { type: 'START', date: '2024-04-01' },
  HALT: { type: 'HALT', reason: '环保督查停工整改', date: '2024-06-01' },
  RESUME: { type: 'RESUME', date: '2024-06-20' },
  COMPLETE: { type: 'COMPLETE', date: TODAY },
  WITHDRAW: { type: 'WITHDRAW', reason: '企业放弃投资' },
};

/** The contract's events table (docs/domain/lifecycle.md), one row per (from, event). */
export const LEGAL: ReadonlyArray<readonly [from: Stage, event: EventType, to: Stage]> = [
  ['reserve', 'PROMOTE', 'preparation'],
  ['reserve', 'WITHDRAW', 'withdrawn'],
  ['preparation', 'DEFER', 'reserve'],
  ['preparation', 'START', 'implementation.active'],
  ['preparation', 'WITHDRAW', 'withdrawn'],
  ['implementation.active', 'HALT', 'implementation.halted'],
  ['implementation.active', 'COMPLETE', 'completed'],
  ['implementation.active', 'WITHDRAW', 'withdrawn'],
  ['implementation.halted', 'RESUME', 'implementation.active'],
  ['implementation.halted', 'WITHDRAW', 'withdrawn'],
];

/** Every stage, its state value in the machine, and whether it is final. */
export const STAGE_TABLE: Record<Stage, { value: StateValue; final: boolean }> = {
  reserve: { value: 'reserve', final: false },
  preparation: { value: 'preparation', final: false },
  'implementation.active': { value: { implementation: 'active' }, final: false },
  'implementation.halted': { value: { implementation: 'halted' }, final: false },
  completed: { value: 'completed', final: true },
  withdrawn: { value: 'withdrawn', final: true },
};
export const TABLE_STAGES = Object.keys(STAGE_TABLE) as Stage[];
export const FINAL_STAGES = TABLE_STAGES.filter((stage) => STAGE_TABLE[stage].final);
export const NON_FINAL_STAGES = TABLE_STAGES.filter((stage) => !STAGE_TABLE[stage].final);
export const ALL_EVENTS: EventType[] = ['PROMOTE', 'DEFER', 'START', 'HALT', 'RESUME', 'COMPLETE', 'WITHDRAW'];

export const key = (from: string, event: string, to?: string): string => (to === undefined ? `${from} ${event}` : `${from} -${event}-> ${to}`);
export const LEGAL_PAIRS = new Set(LEGAL.map(([from, event]) => key(from, event)));
export const LEGAL_TRIPLES = new Set(LEGAL.map(([from, event, to]) => key(from, event, to)));
export const legalEventsOf = (stage: Stage): EventType[] =>
  ALL_EVENTS.filter((event) => LEGAL_PAIRS.has(key(stage, event)));

export const ILLEGAL: Array<[Stage, EventType]> = TABLE_STAGES.flatMap((stage) =>
  ALL_EVENTS.filter((event) => !LEGAL_PAIRS.has(key(stage, event))).map((event) => [stage, event] as [Stage, EventType]),
);

export const sorted = <T>(values: Iterable<T>): T[] => [...values].sort();
