import { describe, expect, it } from '@jest/globals';
import type { AnyStateNode } from 'xstate';
import { lifecycleContext } from '../../test/factories/lifecycle-facts.js';
import { guardFailures, type LifecycleContext } from './lifecycle.guards.js';
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
import { EVENT_TYPES, STAGES, type Stage } from './stages.js';
import {
  ALL_EVENTS,
  FINAL_STAGES,
  ILLEGAL,
  key,
  LEGAL,
  LEGAL_TRIPLES,
  legalEventsOf,
  NON_FINAL_STAGES,
  sorted,
  STAGE_TABLE,
  TABLE_STAGES,
  VALID,
} from '../../test/factories/lifecycle-table.js';

/* Every expected value comes from the hand-written tables in test/factories/lifecycle-table.ts. */

/** The machine's snapshot at a stage (restored as the engine restores a stored one). */
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
