import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { requestMachine } from './request.machine.js';
import type { RequestContext, RequestEvent } from './request.guards.js';
import { REQUEST_EVENT_TYPES, REQUEST_STATUSES, type RequestEventType, type RequestStatus } from './request-states.js';

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

const acceptedByStatus = new Map<RequestStatus, RequestEventType[]>();

/** Event types a status has a transition for, guards aside ([] for final statuses). */
export function acceptedRequestEvents(status: RequestStatus): RequestEventType[] {
  const known = acceptedByStatus.get(status);
  if (known) return [...known];
  const node = requestMachine.getStateNodeById(`factorRequest.${status}`);
  const events = node.type === 'final' ? [] : REQUEST_EVENT_TYPES.filter((type) => type in node.on);
  acceptedByStatus.set(status, events);
  return [...events];
}

export function nextRequest(snapshot: RequestSnapshot, event: RequestEvent): RequestSnapshot {
  const [after] = transition(requestMachine, snapshot, event);
  return after;
}
