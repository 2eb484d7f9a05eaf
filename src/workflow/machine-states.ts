import type { AnyStateMachine, StateValue } from 'xstate';

/**
 * Pure helpers between an XState machine and a stored state name. A state is stored as its
 * dotted path (`reserve`, `implementation.active`, `accepted`); the events a state accepts are
 * read from the machine definition (the state and its ancestors), so they cannot drift from it.
 */

/** `implementation.active` → `{ implementation: 'active' }`; a flat name stays as it is. */
export function stateValueOf(state: string): StateValue {
  const [parent, ...rest] = state.split('.');
  return rest.length === 0 ? parent : { [parent]: stateValueOf(rest.join('.')) };
}

/** The dotted path of a snapshot's value. */
export function stateNameOf(value: StateValue): string {
  if (typeof value === 'string') return value;
  const [[parent, child]] = Object.entries(value);
  return `${parent}.${stateNameOf(child as StateValue)}`;
}

const acceptedCache = new WeakMap<AnyStateMachine, Map<string, string[]>>();

/** Event types a state (or one of its ancestors) has a transition for, guards aside, in `eventTypes`' order; none in a final state. */
export function acceptedEventsOf<E extends string>(machine: AnyStateMachine, state: string, eventTypes: readonly E[]): E[] {
  let byState = acceptedCache.get(machine);
  if (!byState) acceptedCache.set(machine, (byState = new Map()));
  const known = byState.get(state);
  if (known) return [...known] as E[];
  const accepted = new Set<string>();
  const path = state.split('.');
  let final = false;
  for (let depth = 1; depth <= path.length && !final; depth++) {
    const node = machine.getStateNodeById(`${machine.id}.${path.slice(0, depth).join('.')}`);
    if (node.type === 'final') final = true;
    else for (const type of Object.keys(node.on)) accepted.add(type);
  }
  const events = final ? [] : eventTypes.filter((type) => accepted.has(type));
  byState.set(state, events);
  return [...events];
}
