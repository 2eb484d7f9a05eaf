import { transition, type SnapshotFrom, type StateValue } from 'xstate';
import { acceptedEventsOf as acceptedByMachine, stateNameOf, stateValueOf } from '../workflow/index.js';
import { lifecycleMachine } from './lifecycle.machine.js';
import type { LifecycleContext, LifecycleEvent } from './lifecycle.guards.js';
import { EVENT_TYPES, isStage, type EventType, type Stage } from './stages.js';

/**
 * Pure helpers between the machine and the database: the persisted form of a snapshot,
 * restoring it with fresh facts, and reading the stage and the events a stage accepts from the
 * machine definition (src/workflow/machine-states.ts), so they can never drift from it.
 */
export type LifecycleSnapshot = SnapshotFrom<typeof lifecycleMachine>;

/** What is stored in `project.lifecycle_snapshot`: the state, not the facts (they are re-read). */
export interface PersistedLifecycle {
  value: StateValue;
  status: string;
}

export function stageOf(value: StateValue): Stage {
  const stage = stateNameOf(value);
  if (!isStage(stage)) throw new Error(`lifecycle snapshot has an unknown state: ${JSON.stringify(value)}`);
  return stage;
}

export function valueOfStage(stage: Stage): StateValue {
  return stateValueOf(stage);
}

export function persist(snapshot: LifecycleSnapshot): PersistedLifecycle {
  return { value: snapshot.value, status: snapshot.status };
}

/** What a new project stores: the machine's initial state (储备), which no fact decides. */
export function initialPersisted(): PersistedLifecycle {
  return persistedOf(stageOf(lifecycleMachine.config.initial as StateValue));
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

/** The same, by stage name, read from the machine definition. */
export function acceptedEventsOf(stage: Stage): EventType[] {
  return acceptedByMachine(lifecycleMachine, stage, EVENT_TYPES);
}

export function next(snapshot: LifecycleSnapshot, event: LifecycleEvent): LifecycleSnapshot {
  const [nextSnapshot] = transition(lifecycleMachine, snapshot, event);
  return nextSnapshot;
}
