import { initialTransition, transition, type SnapshotFrom, type StateValue } from 'xstate';
import { lifecycleMachine } from './lifecycle.machine.js';
import type { LifecycleContext, LifecycleEvent } from './lifecycle.guards.js';
import { EVENT_TYPES, isStage, type EventType, type Stage } from './stages.js';

/**
 * Pure helpers between the machine and the database: the persisted form of a
 * snapshot, restoring it with fresh facts, and reading the stage and the events
 * a stage accepts from the machine definition (so they can never drift from it).
 */
export type LifecycleSnapshot = SnapshotFrom<typeof lifecycleMachine>;

/** What is stored in `project.lifecycle_snapshot`: the state, not the facts (they are re-read). */
export interface PersistedLifecycle {
  value: StateValue;
  status: string;
}

export function stageOf(value: StateValue): Stage {
  const stage =
    typeof value === 'string'
      ? value
      : Object.entries(value)
          .map(([parent, child]) => `${parent}.${String(child)}`)
          .join('');
  if (!isStage(stage)) throw new Error(`lifecycle snapshot has an unknown state: ${JSON.stringify(value)}`);
  return stage;
}

export function valueOfStage(stage: Stage): StateValue {
  const [parent, child] = stage.split('.');
  return child ? { [parent]: child } : parent;
}

export function persist(snapshot: LifecycleSnapshot): PersistedLifecycle {
  return { value: snapshot.value, status: snapshot.status };
}

export function initialPersisted(context: LifecycleContext): PersistedLifecycle {
  const [snapshot] = initialTransition(lifecycleMachine, context);
  return persist(snapshot);
}

export function persistedOf(stage: Stage): PersistedLifecycle {
  const done = stage === 'completed' || stage === 'withdrawn';
  return { value: valueOfStage(stage), status: done ? 'done' : 'active' };
}

export function restore(persisted: PersistedLifecycle, context: LifecycleContext): LifecycleSnapshot {
  return lifecycleMachine.resolveState({ value: persisted.value, context });
}

/** Event types the current state (or one of its ancestors) has a transition for, guards aside. */
export function acceptedEvents(snapshot: LifecycleSnapshot): EventType[] {
  if (snapshot.status !== 'active') return [];
  return acceptedEventsOf(stageOf(snapshot.value));
}

const acceptedByStage = new Map<Stage, EventType[]>();

/** The same, by stage name, read from the machine definition once per stage. */
export function acceptedEventsOf(stage: Stage): EventType[] {
  const known = acceptedByStage.get(stage);
  if (known) return [...known];
  const accepted = new Set<string>();
  const path = stage.split('.');
  for (let depth = 1; depth <= path.length; depth++) {
    const node = lifecycleMachine.getStateNodeById(`projectLifecycle.${path.slice(0, depth).join('.')}`);
    if (node.type === 'final') return [];
    for (const type of Object.keys(node.on)) accepted.add(type);
  }
  const events = EVENT_TYPES.filter((type) => accepted.has(type));
  acceptedByStage.set(stage, events);
  return [...events];
}

export function next(snapshot: LifecycleSnapshot, event: LifecycleEvent): LifecycleSnapshot {
  const [nextSnapshot] = transition(lifecycleMachine, snapshot, event);
  return nextSnapshot;
}
