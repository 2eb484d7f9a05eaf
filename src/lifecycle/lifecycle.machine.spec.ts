import { describe, expect, it } from '@jest/globals';
import type { AnyStateNode, StateValue } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { lifecycleContext, LIFECYCLE_TODAY, type FactsOverrides } from '../../test/factories/lifecycle-facts.js';
import { guardFailures, type LifecycleContext, type LifecycleEvent } from './lifecycle.guards.js';
import { lifecycleMachine } from './lifecycle.machine.js';
import {
  acceptedEvents,
  acceptedEventsOf,
  initialPersisted,
  next,
  persist,
  persistedOf,
  restore,
  stageOf,
  valueOfStage,
  type LifecycleSnapshot,
} from './lifecycle.snapshot.js';
import { APPROVAL_KEYS, APPROVAL_LABELS, EVENT_TYPES, STAGES, type ApprovalKey, type EventType, type Stage } from './stages.js';

/*
 * Everything expected below comes from the hand-written tables in this file
 * (transcribed from docs/domain/lifecycle.md), never from the code under test.
 */

const TODAY = LIFECYCLE_TODAY; // '2024-06-30'

type EventOf<T extends EventType> = Extract<LifecycleEvent, { type: T }>;

/** One event of each type whose payload passes its guard against the default facts. */
const VALID: { [T in EventType]: EventOf<T> } = {
  PROMOTE: { type: 'PROMOTE', plannedStartDate: '2024-09-01' },
  DEFER: { type: 'DEFER', reason: '资金暂未落实' },
  START: { type: 'START', date: '2024-04-01' },
  HALT: { type: 'HALT', reason: '环保督查停工整改', date: '2024-06-01' },
  RESUME: { type: 'RESUME', date: '2024-06-20' },
  COMPLETE: { type: 'COMPLETE', date: TODAY },
  WITHDRAW: { type: 'WITHDRAW', reason: '企业放弃投资' },
};

/** The contract's events table (docs/domain/lifecycle.md), one row per (from, event). */
const LEGAL: ReadonlyArray<readonly [from: Stage, event: EventType, to: Stage]> = [
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
const STAGE_TABLE: Record<Stage, { value: StateValue; final: boolean }> = {
  reserve: { value: 'reserve', final: false },
  preparation: { value: 'preparation', final: false },
  'implementation.active': { value: { implementation: 'active' }, final: false },
  'implementation.halted': { value: { implementation: 'halted' }, final: false },
  completed: { value: 'completed', final: true },
  withdrawn: { value: 'withdrawn', final: true },
};
const TABLE_STAGES = Object.keys(STAGE_TABLE) as Stage[];
const FINAL_STAGES = TABLE_STAGES.filter((stage) => STAGE_TABLE[stage].final);
const NON_FINAL_STAGES = TABLE_STAGES.filter((stage) => !STAGE_TABLE[stage].final);
const ALL_EVENTS: EventType[] = ['PROMOTE', 'DEFER', 'START', 'HALT', 'RESUME', 'COMPLETE', 'WITHDRAW'];

const key = (from: string, event: string, to?: string): string => (to === undefined ? `${from} ${event}` : `${from} -${event}-> ${to}`);
const LEGAL_PAIRS = new Set(LEGAL.map(([from, event]) => key(from, event)));
const LEGAL_TRIPLES = new Set(LEGAL.map(([from, event, to]) => key(from, event, to)));
const legalEventsOf = (stage: Stage): EventType[] =>
  ALL_EVENTS.filter((event) => LEGAL_PAIRS.has(key(stage, event)));

const ILLEGAL: Array<[Stage, EventType]> = TABLE_STAGES.flatMap((stage) =>
  ALL_EVENTS.filter((event) => !LEGAL_PAIRS.has(key(stage, event))).map((event) => [stage, event] as [Stage, EventType]),
);

const sorted = <T>(values: Iterable<T>): T[] => [...values].sort();

function snapshotAt(stage: Stage, context: LifecycleContext = lifecycleContext()): LifecycleSnapshot {
  return restore(persistedOf(stage), context);
}

describe('the tables in this test agree with stages.ts', () => {
  it('STAGES and EVENT_TYPES are exactly the stages and events of the contract', () => {
    expect(sorted(STAGES)).toEqual(sorted(TABLE_STAGES));
    expect(sorted(EVENT_TYPES)).toEqual(sorted(ALL_EVENTS));
  });

  it('every non-final stage leaves by at least one event, every final stage by none', () => {
    for (const stage of NON_FINAL_STAGES) expect(legalEventsOf(stage).length).toBeGreaterThan(0);
    for (const stage of FINAL_STAGES) expect(legalEventsOf(stage)).toEqual([]);
  });

  it('the sample events pass their guards against the default facts', () => {
    for (const type of ALL_EVENTS) expect(guardFailures(lifecycleContext(), VALID[type])).toEqual([]);
  });
});

describe('snapshot helpers round-trip every stage', () => {
  it.each(TABLE_STAGES)('%s', (stage) => {
    const { value, final } = STAGE_TABLE[stage];
    expect(valueOfStage(stage)).toEqual(value);
    expect(stageOf(value)).toBe(stage);
    expect(persistedOf(stage)).toEqual({ value, status: final ? 'done' : 'active' });
    const snapshot = snapshotAt(stage);
    expect(snapshot.value).toEqual(value);
    expect(snapshot.status).toBe(final ? 'done' : 'active');
    expect(persist(snapshot)).toEqual({ value, status: final ? 'done' : 'active' });
  });

  it('a new project starts in reserve', () => {
    expect(initialPersisted()).toEqual({ value: 'reserve', status: 'active' });
  });

  it('stageOf refuses a value that is not a stage', () => {
    expect(() => stageOf('implementation')).toThrow();
    expect(() => stageOf({ implementation: 'paused' })).toThrow();
  });
});

describe('every legal transition', () => {
  it.each(LEGAL)('%s -%s-> %s', (from, type, to) => {
    const snapshot = snapshotAt(from);
    expect(stageOf(snapshot.value)).toBe(from);
    expect(acceptedEventsOf(from)).toContain(type);
    expect(acceptedEvents(snapshot)).toContain(type);
    expect(snapshot.can(VALID[type])).toBe(true);

    const after = next(snapshot, VALID[type]);
    expect(stageOf(after.value)).toBe(to);
    expect(after.value).toEqual(STAGE_TABLE[to].value);
    expect(after.status).toBe(STAGE_TABLE[to].final ? 'done' : 'active');
    expect(after.context).toEqual(snapshot.context);
  });

  it.each(TABLE_STAGES)('acceptedEventsOf(%s) is exactly the events the table allows from it', (stage) => {
    expect(acceptedEventsOf(stage)).toEqual(legalEventsOf(stage));
    expect(acceptedEvents(snapshotAt(stage))).toEqual(legalEventsOf(stage));
  });
});

describe('every illegal transition', () => {
  it('covers every (stage, event) pair the table does not list', () => {
    expect(ILLEGAL.length + LEGAL.length).toBe(STAGES.length * EVENT_TYPES.length);
  });

  it.each(ILLEGAL)('%s refuses %s', (stage, type) => {
    expect(acceptedEventsOf(stage)).not.toContain(type);
    const snapshot = snapshotAt(stage);
    expect(acceptedEvents(snapshot)).not.toContain(type);
    expect(snapshot.can(VALID[type])).toBe(false);
    const after = next(snapshot, VALID[type]);
    expect(stageOf(after.value)).toBe(stage);
    expect(after.status).toBe(snapshot.status);
  });

  it.each(FINAL_STAGES)('%s is final and accepts nothing', (stage) => {
    expect(lifecycleMachine.getStateNodeById(`projectLifecycle.${stage}`).type).toBe('final');
    expect(acceptedEventsOf(stage)).toEqual([]);
    const snapshot = snapshotAt(stage);
    expect(snapshot.status).toBe('done');
    expect(acceptedEvents(snapshot)).toEqual([]);
    for (const type of ALL_EVENTS) expect(snapshot.can(VALID[type])).toBe(false);
  });

  it.each(LEGAL.filter(([, , to]) => STAGE_TABLE[to].final))(
    '%s -%s-> %s ends the lifecycle: status done, nothing accepted afterwards',
    (from, type) => {
      const after = next(snapshotAt(from), VALID[type]);
      expect(after.status).toBe('done');
      expect(acceptedEvents(after)).toEqual([]);
      for (const other of ALL_EVENTS) {
        expect(after.can(VALID[other])).toBe(false);
        expect(next(after, VALID[other]).value).toEqual(after.value);
      }
    },
  );
});

/* ---------------------------------------------------------------------------------------------- */

/** The machine's nodes, walked from the root's children, with each leaf's ancestors. */
function allNodes(nodes: Record<string, AnyStateNode>): AnyStateNode[] {
  return Object.values(nodes).flatMap((node) => [node, ...allNodes(node.states)]);
}
const nodeStage = (node: AnyStateNode): string => node.path.join('.');
function ancestry(node: AnyStateNode): AnyStateNode[] {
  const chain: AnyStateNode[] = [];
  for (let current: AnyStateNode | undefined = node; current; current = current.parent) chain.push(current);
  return chain;
}
/** The leaf a transition target settles in (following initial states of compound targets). */
function settle(target: AnyStateNode): AnyStateNode {
  let node = target;
  while (Object.keys(node.states).length > 0) {
    const initial = node.initial.target[0];
    if (!initial) throw new Error(`compound state ${node.id} has no initial state`);
    node = initial;
  }
  return node;
}

describe('completeness: the machine defines nothing this test does not know', () => {
  const nodes = allNodes(lifecycleMachine.root.states);
  const leaves = nodes.filter((node) => Object.keys(node.states).length === 0);
  const onKeys = new Set([lifecycleMachine.root, ...nodes].flatMap((node) => Object.keys(node.on)));

  it('every leaf state is a stage in STAGES and in the table', () => {
    expect(leaves.length).toBeGreaterThan(0);
    for (const leaf of leaves) {
      expect(STAGES).toContain(nodeStage(leaf));
      expect(TABLE_STAGES).toContain(nodeStage(leaf));
      expect(leaf.type === 'final').toBe(STAGE_TABLE[nodeStage(leaf) as Stage].final);
      if (leaf.type !== 'final') expect(LEGAL.some(([from]) => from === nodeStage(leaf))).toBe(true);
    }
    expect(sorted(leaves.map(nodeStage))).toEqual(sorted(TABLE_STAGES));
  });

  it('every event the machine knows is an event type and appears in the table', () => {
    const machineEvents = new Set<string>([...lifecycleMachine.events, ...onKeys]);
    expect(machineEvents.size).toBeGreaterThan(0);
    for (const type of machineEvents) {
      expect(EVENT_TYPES).toContain(type);
      expect(LEGAL.some(([, event]) => event === type)).toBe(true);
    }
    expect(sorted(machineEvents)).toEqual(sorted(ALL_EVENTS));
  });

  it('every (state, event → target) the machine defines is a row of the table, and vice versa', () => {
    const defined = new Set<string>();
    for (const leaf of leaves) {
      for (const node of ancestry(leaf)) {
        for (const [type, transitions] of Object.entries(node.on)) {
          for (const transition of transitions) {
            expect(transition.target?.length ?? 0).toBe(1); // no targetless / multi-target transitions
            for (const target of transition.target ?? []) defined.add(key(nodeStage(leaf), type, nodeStage(settle(target))));
          }
        }
      }
    }
    for (const triple of defined) expect(LEGAL_TRIPLES).toContain(triple);
    for (const triple of LEGAL_TRIPLES) expect(defined).toContain(triple);
  });

  it('every transition the machine defines is guarded', () => {
    for (const node of nodes) {
      for (const transitions of Object.values(node.on)) {
        for (const transition of transitions) expect(transition.guard).toBeDefined();
      }
    }
  });
});

/* ---------------------------------------------------------------------------------------------- */

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
