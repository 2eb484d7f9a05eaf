import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { requestMachine } from './request.machine.js';
import type { RequestContext, RequestEvent } from './request.guards.js';
import { REQUEST_EVENT_TYPES, REQUEST_STATUSES, type RequestEventType, type RequestStatus } from './request-states.js';
import { acceptedEventsOf } from '../workflow/index.js';

/**
 * Pure helpers between the request machine and the database. The machine is flat, so the
 * persisted state is the status column itself; the events a status accepts are read from the
 * machine definition, so they cannot drift from it.
 */
export type RequestSnapshot = SnapshotFrom<typeof requestMachine>;

export function statusOf(snapshot: RequestSnapshot): RequestStatus {
  const value = snapshot.value;
  if (typeof value !== 'string' || !(REQUEST_STATUSES as readonly string[]).includes(value))
    throw new Error(`request snapshot has an unknown state: ${JSON.stringify(value)}`);
  return value as RequestStatus;
}

export function initialStatus(context: RequestContext): RequestStatus {
  const [snapshot] = initialTransition(requestMachine, context);
  return statusOf(snapshot);
}

export function restoreRequest(status: RequestStatus, context: RequestContext): RequestSnapshot {
  return requestMachine.resolveState({ value: status, context });
}

/** Event types a status has a transition for, guards aside ([] for final statuses), read from the machine (src/workflow/machine-states.ts). */
export function acceptedRequestEvents(status: RequestStatus): RequestEventType[] {
  return acceptedEventsOf(requestMachine, status, REQUEST_EVENT_TYPES);
}

export function nextRequest(snapshot: RequestSnapshot, event: RequestEvent): RequestSnapshot {
  const [after] = transition(requestMachine, snapshot, event);
  return after;
}
