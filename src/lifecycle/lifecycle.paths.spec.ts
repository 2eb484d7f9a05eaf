import { describe, expect, it } from '@jest/globals';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { lifecycleContext, type FactsOverrides } from '../../test/factories/lifecycle-facts.js';
import { guardFailures, type LifecycleContext, type LifecycleEvent } from './lifecycle.guards.js';
import { lifecycleMachine } from './lifecycle.machine.js';
import { next, persistedOf, restore, stageOf, type LifecycleSnapshot } from './lifecycle.snapshot.js';
import { APPROVAL_KEYS, APPROVAL_LABELS, STAGES, type ApprovalKey, type Stage } from './stages.js';
import {
  ALL_EVENTS,
  key,
  LEGAL,
  LEGAL_PAIRS,
  LEGAL_TRIPLES,
  NON_FINAL_STAGES,
  sorted,
  TODAY,
  VALID,
} from '../../test/factories/lifecycle-table.js';

/* Every expected value comes from the hand-written tables in test/factories/lifecycle-table.ts. */

/** The machine's snapshot at a stage (restored as the engine restores a stored one). */
function snapshotAt(stage: Stage, context: LifecycleContext = lifecycleContext()): LifecycleSnapshot {
  return restore(persistedOf(stage), context);
}

type Path = { state: LifecycleSnapshot; steps: Array<{ state: LifecycleSnapshot; event: { type: string } }>; weight: number };

/** The (from, event, to) edges a path takes; steps[0] is the start with `xstate.init`. */
function edgesOf(path: Path): string[] {
  const edges: string[] = [];
  for (let i = 1; i < path.steps.length; i++) {
    const from = stageOf(path.steps[i - 1].state.value);
    const to = stageOf(path.steps[i].state.value);
    edges.push(key(from, path.steps[i].event.type, to));
  }
  return edges;
}

/** Shortest distances from a stage, by breadth-first search over the LEGAL table. */
function tableDistances(start: Stage): Map<Stage, number> {
  const distance = new Map<Stage, number>([[start, 0]]);
  const queue: Stage[] = [start];
  while (queue.length) {
    const stage = queue.shift()!;
    for (const [from, , to] of LEGAL) {
      if (from === stage && !distance.has(to)) {
        distance.set(to, distance.get(stage)! + 1);
        queue.push(to);
      }
    }
  }
  return distance;
}

/** Every simple path (no stage repeated) from a stage over the LEGAL table, as "to: E1,E2". */
function tableSimplePaths(start: Stage): string[] {
  const out: string[] = [];
  const walk = (stage: Stage, visited: Set<Stage>, events: string[]) => {
    out.push(`${stage}: ${events.join(',')}`);
    for (const [from, event, to] of LEGAL) {
      if (from === stage && !visited.has(to)) walk(to, new Set([...visited, to]), [...events, event]);
    }
  };
  walk(start, new Set([start]), []);
  return out.sort();
}

const describePath = (path: Path): string =>
  `${stageOf(path.state.value)}: ${path.steps
    .slice(1)
    .map((step) => step.event.type)
    .join(',')}`;

describe('path coverage with xstate/graph', () => {
  const context = lifecycleContext();
  const events = ALL_EVENTS.map((type) => VALID[type]) as LifecycleEvent[];

  it('getShortestPaths from a new project reaches every stage, each at its distance in the table', () => {
    const paths = getShortestPaths(lifecycleMachine, { events, input: context }) as unknown as Path[];
    const expected = tableDistances('reserve');
    const reached = new Map(paths.map((path) => [stageOf(path.state.value), path]));
    expect(sorted(reached.keys())).toEqual(sorted(STAGES));
    for (const stage of STAGES) {
      expect(expected.has(stage)).toBe(true);
      const path = reached.get(stage)!;
      expect(path.weight).toBe(expected.get(stage));
      for (const edge of edgesOf(path)) expect(LEGAL_TRIPLES).toContain(edge);
    }
  });

  it('getSimplePaths from a new project are exactly the simple paths of the table', () => {
    const paths = getSimplePaths(lifecycleMachine, { events, input: context }) as unknown as Path[];
    expect(sorted(new Set(paths.map((path) => stageOf(path.state.value))))).toEqual(sorted(STAGES));
    expect(paths.map(describePath).sort()).toEqual(tableSimplePaths('reserve'));
  });

  it.each(NON_FINAL_STAGES)('getSimplePaths from %s are exactly the simple paths of the table', (start) => {
    const paths = getSimplePaths(lifecycleMachine, { events, fromState: snapshotAt(start, context) }) as unknown as Path[];
    expect(paths.map(describePath).sort()).toEqual(tableSimplePaths(start));
  });

  it('every legal row is a step of some simple path, and every step is a legal row', () => {
    const exercised = new Set<string>();
    for (const start of NON_FINAL_STAGES) {
      const paths = getSimplePaths(lifecycleMachine, { events, fromState: snapshotAt(start, context) }) as unknown as Path[];
      for (const path of paths) for (const edge of edgesOf(path)) exercised.add(edge);
    }
    for (const edge of exercised) expect(LEGAL_TRIPLES).toContain(edge);
    for (const row of LEGAL_TRIPLES) expect(exercised).toContain(row);
  });

  it('with no sample payloads (bare events), the guards keep a new project in reserve', () => {
    const paths = getShortestPaths(lifecycleMachine, { input: context }) as unknown as Path[];
    // A bare PROMOTE passes (the facts have a planned start); every other bare event fails its guard.
    expect(sorted(paths.map((path) => stageOf(path.state.value)))).toEqual(['preparation', 'reserve']);
  });
});

/* ---------------------------------------------------------------------------------------------- */

/** Hand-copied from docs/domain/lifecycle.md, to check the messages users read. */
const APPROVAL_NAMES: Record<ApprovalKey, string> = {
  filing: '立项',
  land: '用地',
  planning: '规划许可',
  environment: '环评',
  energy: '节能审查',
  construction: '施工许可',
};

interface GuardCase {
  name: string;
  from: Stage;
  facts?: FactsOverrides;
  event: LifecycleEvent;
  /** Expected failures as [field, code], in order; empty means the event is accepted. */
  failures: Array<[field: string, code: string]>;
}

const STARTED = '2024-05-01';
const HALTED = '2024-06-01';

const GUARD_CASES: GuardCase[] = [
  // PROMOTE: county, chain, owner, total, planned start
  { name: 'PROMOTE without region', from: 'reserve', facts: { regionCode: null }, event: { type: 'PROMOTE' }, failures: [['region', 'regionRequired']] },
  { name: 'PROMOTE without chain', from: 'reserve', facts: { chainCode: null }, event: { type: 'PROMOTE' }, failures: [['chain', 'chainRequired']] },
  { name: 'PROMOTE without owner', from: 'reserve', facts: { ownerEnterprise: null }, event: { type: 'PROMOTE' }, failures: [['ownerEnterprise', 'ownerEnterpriseRequired']] },
  { name: 'PROMOTE with a blank owner', from: 'reserve', facts: { ownerEnterprise: '  ' }, event: { type: 'PROMOTE' }, failures: [['ownerEnterprise', 'ownerEnterpriseRequired']] },
  { name: 'PROMOTE without total investment', from: 'reserve', facts: { totalInvestmentWan: null }, event: { type: 'PROMOTE' }, failures: [['totalInvestment', 'totalInvestmentRequired']] },
  { name: 'PROMOTE with a zero total investment', from: 'reserve', facts: { totalInvestmentWan: 0 }, event: { type: 'PROMOTE' }, failures: [['totalInvestment', 'totalInvestmentRequired']] },
  { name: 'PROMOTE without planned start, none given', from: 'reserve', facts: { plannedStartDate: null }, event: { type: 'PROMOTE' }, failures: [['plannedStartDate', 'plannedStartDateRequired']] },
  { name: 'PROMOTE without planned start, blank given', from: 'reserve', facts: { plannedStartDate: null }, event: { type: 'PROMOTE', plannedStartDate: ' ' }, failures: [['plannedStartDate', 'plannedStartDateRequired']] },
  { name: 'PROMOTE without planned start on the project but given in the event', from: 'reserve', facts: { plannedStartDate: null }, event: { type: 'PROMOTE', plannedStartDate: '2024-09-01' }, failures: [] },
  { name: 'PROMOTE with the planned start already set', from: 'reserve', event: { type: 'PROMOTE' }, failures: [] },
  { name: 'PROMOTE without region and chain', from: 'reserve', facts: { regionCode: null, chainCode: null }, event: { type: 'PROMOTE' }, failures: [['region', 'regionRequired'], ['chain', 'chainRequired']] },
  {
    name: 'PROMOTE with nothing known',
    from: 'reserve',
    facts: { regionCode: null, chainCode: null, ownerEnterprise: null, totalInvestmentWan: null, plannedStartDate: null },
    event: { type: 'PROMOTE' },
    failures: [
      ['region', 'regionRequired'],
      ['chain', 'chainRequired'],
      ['ownerEnterprise', 'ownerEnterpriseRequired'],
      ['totalInvestment', 'totalInvestmentRequired'],
      ['plannedStartDate', 'plannedStartDateRequired'],
    ],
  },

  // START: date ≤ today and all six approvals
  ...APPROVAL_KEYS.map(
    (approval): GuardCase => ({
      name: `START without approval ${approval}`,
      from: 'preparation',
      facts: { approvals: { [approval]: null } },
      event: VALID.START,
      failures: [[`approvals.${approval}`, 'approvalMissing']],
    }),
  ),
  {
    name: 'START without any approval',
    from: 'preparation',
    facts: { approvals: { filing: null, land: null, planning: null, environment: null, energy: null, construction: null } },
    event: VALID.START,
    failures: [
      ['approvals.filing', 'approvalMissing'],
      ['approvals.land', 'approvalMissing'],
      ['approvals.planning', 'approvalMissing'],
      ['approvals.environment', 'approvalMissing'],
      ['approvals.energy', 'approvalMissing'],
      ['approvals.construction', 'approvalMissing'],
    ],
  },
  { name: 'START without a date', from: 'preparation', event: { type: 'START' }, failures: [['date', 'dateRequired']] },
  { name: 'START with a blank date', from: 'preparation', event: { type: 'START', date: '  ' }, failures: [['date', 'dateRequired']] },
  { name: 'START after today', from: 'preparation', event: { type: 'START', date: '2024-07-01' }, failures: [['date', 'dateInFuture']] },
  { name: 'START today', from: 'preparation', event: { type: 'START', date: TODAY }, failures: [] },
  {
    name: 'START without a date nor the land approval',
    from: 'preparation',
    facts: { approvals: { land: null } },
    event: { type: 'START' },
    failures: [['date', 'dateRequired'], ['approvals.land', 'approvalMissing']],
  },

  // START on 容缺受理 (docs/domain/requests.md): allowed by the plan of the start date's year, commitment not yet passed
  { name: 'START with land accepted conditionally until next month', from: 'preparation', facts: { approvals: { land: null }, conditional: { land: '2024-07-31' } }, event: VALID.START, failures: [] },
  { name: 'START with land accepted conditionally until today', from: 'preparation', facts: { approvals: { land: null }, conditional: { land: TODAY } }, event: VALID.START, failures: [] },
  {
    name: 'START with a conditional commitment passed yesterday',
    from: 'preparation',
    facts: { approvals: { land: null }, conditional: { land: '2024-06-29' } },
    event: VALID.START,
    failures: [['approvals.land', 'conditionalCommitmentPassed']],
  },
  {
    name: 'START on 容缺 when the year\'s plan restricts it',
    from: 'preparation',
    facts: { approvals: { energy: null }, conditional: { energy: '2024-12-31' }, conditionalRestrictedYears: [2024] },
    event: VALID.START,
    failures: [['approvals.energy', 'conditionalNotAllowed']],
  },
  {
    name: 'START dated in 2023 on 容缺 when only 2023 restricts it (the plan of the start date\'s year)',
    from: 'preparation',
    facts: { approvals: { energy: null }, conditional: { energy: '2024-12-31' }, conditionalRestrictedYears: [2023] },
    event: { type: 'START', date: '2023-12-29' },
    failures: [['approvals.energy', 'conditionalNotAllowed']],
  },
  {
    name: 'START on 容缺 in 2024 when only 2023\'s plan restricts it (no plan, or a plan silent on it, allows it)',
    from: 'preparation',
    facts: { approvals: { energy: null }, conditional: { energy: '2026-12-31' }, conditionalRestrictedYears: [2023] },
    event: { type: 'START', date: '2024-06-30' },
    failures: [],
  },
  {
    name: 'START with one conditional approval and one missing',
    from: 'preparation',
    facts: { approvals: { land: null, planning: null }, conditional: { land: '2024-07-31' } },
    event: VALID.START,
    failures: [['approvals.planning', 'approvalMissing']],
  },

  // HALT: reason and date, not before the start, not after today
  { name: 'HALT without a reason', from: 'implementation.active', facts: { actualStartDate: STARTED }, event: { type: 'HALT', date: HALTED }, failures: [['reason', 'reasonRequired']] },
  { name: 'HALT with a blank reason', from: 'implementation.active', facts: { actualStartDate: STARTED }, event: { type: 'HALT', reason: '   ', date: HALTED }, failures: [['reason', 'reasonRequired']] },
  { name: 'HALT without a date', from: 'implementation.active', facts: { actualStartDate: STARTED }, event: { type: 'HALT', reason: '停电' }, failures: [['date', 'dateRequired']] },
  { name: 'HALT without reason nor date', from: 'implementation.active', facts: { actualStartDate: STARTED }, event: { type: 'HALT' }, failures: [['reason', 'reasonRequired'], ['date', 'dateRequired']] },
  { name: 'HALT before the actual start', from: 'implementation.active', facts: { actualStartDate: STARTED }, event: { type: 'HALT', reason: '停电', date: '2024-04-30' }, failures: [['date', 'dateBeforeStart']] },
  { name: 'HALT on the actual start date', from: 'implementation.active', facts: { actualStartDate: STARTED }, event: { type: 'HALT', reason: '停电', date: STARTED }, failures: [] },
  { name: 'HALT after today', from: 'implementation.active', facts: { actualStartDate: STARTED }, event: { type: 'HALT', reason: '停电', date: '2024-07-01' }, failures: [['date', 'dateInFuture']] },

  // RESUME: date, not before the halt, not after today
  { name: 'RESUME before the halt date', from: 'implementation.halted', facts: { actualStartDate: STARTED, haltedSince: HALTED }, event: { type: 'RESUME', date: '2024-05-31' }, failures: [['date', 'dateBeforeHalt']] },
  { name: 'RESUME on the halt date', from: 'implementation.halted', facts: { actualStartDate: STARTED, haltedSince: HALTED }, event: { type: 'RESUME', date: HALTED }, failures: [] },
  { name: 'RESUME without a date', from: 'implementation.halted', facts: { actualStartDate: STARTED, haltedSince: HALTED }, event: { type: 'RESUME' }, failures: [['date', 'dateRequired']] },
  { name: 'RESUME after today', from: 'implementation.halted', facts: { actualStartDate: STARTED, haltedSince: HALTED }, event: { type: 'RESUME', date: '2024-07-01' }, failures: [['date', 'dateInFuture']] },

  // COMPLETE: start ≤ date ≤ today, at least one report
  { name: 'COMPLETE before the start', from: 'implementation.active', facts: { actualStartDate: STARTED }, event: { type: 'COMPLETE', date: '2024-04-30' }, failures: [['date', 'dateBeforeStart']] },
  { name: 'COMPLETE on the start date', from: 'implementation.active', facts: { actualStartDate: STARTED }, event: { type: 'COMPLETE', date: STARTED }, failures: [] },
  { name: 'COMPLETE after today', from: 'implementation.active', facts: { actualStartDate: STARTED }, event: { type: 'COMPLETE', date: '2024-07-01' }, failures: [['date', 'dateInFuture']] },
  { name: 'COMPLETE without a date', from: 'implementation.active', facts: { actualStartDate: STARTED }, event: { type: 'COMPLETE' }, failures: [['date', 'dateRequired']] },
  { name: 'COMPLETE with no investment report', from: 'implementation.active', facts: { actualStartDate: STARTED, reportedMonths: 0 }, event: { type: 'COMPLETE', date: TODAY }, failures: [['reports', 'noInvestmentReport']] },
  {
    name: 'COMPLETE before the start with no investment report',
    from: 'implementation.active',
    facts: { actualStartDate: STARTED, reportedMonths: 0 },
    event: { type: 'COMPLETE', date: '2024-04-30' },
    failures: [['date', 'dateBeforeStart'], ['reports', 'noInvestmentReport']],
  },

  // DEFER and WITHDRAW: a reason
  { name: 'DEFER without a reason', from: 'preparation', event: { type: 'DEFER' }, failures: [['reason', 'reasonRequired']] },
  { name: 'DEFER with an empty reason', from: 'preparation', event: { type: 'DEFER', reason: '' }, failures: [['reason', 'reasonRequired']] },
  { name: 'DEFER with a blank reason', from: 'preparation', event: { type: 'DEFER', reason: '   ' }, failures: [['reason', 'reasonRequired']] },
  ...NON_FINAL_STAGES.flatMap((from): GuardCase[] => [
    { name: `WITHDRAW from ${from} without a reason`, from, event: { type: 'WITHDRAW' }, failures: [['reason', 'reasonRequired']] },
    { name: `WITHDRAW from ${from} with a blank reason`, from, event: { type: 'WITHDRAW', reason: '   ' }, failures: [['reason', 'reasonRequired']] },
  ]),
];

describe('every guard', () => {
  it('each case is an event the table allows from its stage', () => {
    for (const { from, event } of GUARD_CASES) expect(LEGAL_PAIRS).toContain(key(from, event.type));
  });

  it.each(GUARD_CASES.map((c) => [c.name, c] as const))('%s', (_name, { from, facts, event, failures }) => {
    const context = lifecycleContext(facts);
    const actual = guardFailures(context, event);
    expect(actual.map((f) => [f.field, f.code])).toEqual(failures);
    for (const failure of actual) expect(failure.message.trim()).not.toBe('');

    const snapshot = snapshotAt(from, context);
    const target = LEGAL.find(([f, type]) => f === from && type === event.type)![2];
    const after = next(snapshot, event);
    if (failures.length === 0) {
      expect(snapshot.can(event)).toBe(true);
      expect(stageOf(after.value)).toBe(target);
    } else {
      expect(snapshot.can(event)).toBe(false);
      expect(stageOf(after.value)).toBe(from);
      expect(after.status).toBe('active');
    }
  });

  it.each(APPROVAL_KEYS.map((approval) => [approval]))('a missing %s approval is named in Chinese', (approval) => {
    const [failure, ...rest] = guardFailures(lifecycleContext({ approvals: { [approval]: null } }), VALID.START);
    expect(rest).toEqual([]);
    expect(failure.field).toBe(`approvals.${approval}`);
    expect(failure.code).toBe('approvalMissing');
    expect(failure.message).toContain(APPROVAL_LABELS[approval]);
    expect(failure.message).toContain(APPROVAL_NAMES[approval]);
    for (const other of APPROVAL_KEYS.filter((k) => k !== approval)) expect(failure.message).not.toContain(APPROVAL_NAMES[other]);
  });

  it('all six approvals missing name all six, each in Chinese', () => {
    const none = Object.fromEntries(APPROVAL_KEYS.map((k) => [k, null]));
    const failures = guardFailures(lifecycleContext({ approvals: none }), VALID.START);
    expect(failures).toHaveLength(6);
    for (const [i, approval] of (['filing', 'land', 'planning', 'environment', 'energy', 'construction'] as const).entries()) {
      expect(failures[i]).toEqual({ field: `approvals.${approval}`, code: 'approvalMissing', message: expect.stringContaining(APPROVAL_NAMES[approval]) });
    }
    expect(snapshotAt('preparation', lifecycleContext({ approvals: none })).can(VALID.START)).toBe(false);
  });

  it('the guards read the context’s today, not the clock', () => {
    const yesterday = lifecycleContext({}, '2024-03-31');
    expect(guardFailures(yesterday, VALID.START).map((f) => f.code)).toEqual(['dateInFuture']);
    expect(snapshotAt('preparation', yesterday).can(VALID.START)).toBe(false);
  });
});
