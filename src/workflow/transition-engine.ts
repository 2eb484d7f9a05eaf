import { Injectable } from '@nestjs/common';
import { transition, type AnyStateMachine, type SnapshotFrom } from 'xstate';
import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';
import { conflict, type ErrorDetail, unprocessable } from '../common/index.js';
import { checkReadVersion, updateVersioned, WriteQueue } from '../database/index.js';
import { acceptedEventsOf, stateNameOf, stateValueOf } from './machine-states.js';

/**
 * A workflow as data: one XState machine with its own states, events and named pure guards, and
 * the words a refusal uses. The project lifecycle (src/lifecycle), a 要素保障 request
 * (src/requests) and a 招商 lead (src/attraction) are three of them, applied by one engine.
 */
export interface Workflow<State extends string, Event extends { type: string }, Context> {
  machine: AnyStateMachine;
  /** Every event type, in the order answers list them. */
  eventTypes: readonly Event['type'][];
  /** Every reason the guards refuse `event` (the machine's guards are these rules, named). */
  failures(context: Context, event: Event): ErrorDetail[];
  /** 409: the state does not take the event (message and the detail's words). */
  notAccepted(state: State, type: Event['type']): { message: string; detail: string };
  /** 422: the prefix of the message listing the guards' reasons (`不能开工`). */
  refusedAs(type: Event['type']): string;
}

/** The event types a state has a transition for, guards aside (none for a final state). */
export function acceptedEvents<S extends string, E extends { type: string }, C>(workflow: Workflow<S, E, C>, state: S): E['type'][] {
  return acceptedEventsOf(workflow.machine, state, workflow.eventTypes);
}

/**
 * The state an event leads to from `state` with these facts: 409 when the state does not take
 * it, 422 listing every failed guard, else the next state (the machine's own transition).
 */
export function decide<S extends string, E extends { type: string }, C>(workflow: Workflow<S, E, C>, state: S, context: C, event: E): S {
  if (!acceptedEvents(workflow, state).includes(event.type)) {
    const { message, detail } = workflow.notAccepted(state, event.type);
    throw conflict(message, [{ field: 'type', code: 'eventNotAllowed', message: detail }]);
  }
  const snapshot = workflow.machine.resolveState({ value: stateValueOf(state), context }) as SnapshotFrom<AnyStateMachine>;
  if (!snapshot.can(event)) {
    const failures = workflow.failures(context, event);
    throw unprocessable(`${workflow.refusedAs(event.type)}：${failures.map((f) => f.message).join('；')}`, failures);
  }
  const [after] = transition(workflow.machine, snapshot, event);
  return stateNameOf(after.value) as S;
}

/**
 * One subject of a workflow as a module keeps it: how it is loaded for a caller (404 outside
 * scope), what it is now, the facts its guards read, and what a transition changes and records.
 */
export interface TransitionSubject<Row extends ObjectLiteral & { id: number; version: number }, S extends string, E extends { type: string }, C, Done> {
  workflow: Workflow<S, E, C>;
  entity: EntityTarget<Row>;
  /** The row, if the caller may see it (404 otherwise) and may send this event (403 otherwise). */
  load(manager: EntityManager): Promise<Row>;
  stateOf(row: Row): S;
  context(manager: EntityManager, row: Row): Promise<C>;
  /**
   * After the machine allowed it: the columns the transition sets besides the version (the state
   * column(s) included) and whatever `record` needs, computed in the same transaction.
   */
  changes(manager: EntityManager, row: Row, event: E, to: S): Promise<{ columns: QueryDeepPartialEntity<Row>; done: Done }>;
  /** Writes the transition row and the history and audit entries through the one recorder, and runs the side effects that follow. */
  record(manager: EntityManager, row: Row, event: E, to: S, done: Done): Promise<void>;
}

/**
 * The one way an event is applied to anything with a workflow: in one queued write transaction
 * (or the caller's), load the subject for the caller, refuse a stale read (412), decide with
 * fresh facts (409 / 422), save the row with `UPDATE … WHERE version = :read`, then record the
 * transition. Side effects run after the transition, never inside the machine.
 */
@Injectable()
export class TransitionEngine {
  constructor(private readonly writes: WriteQueue) {}

  apply<Row extends ObjectLiteral & { id: number; version: number }, S extends string, E extends { type: string }, C, Done>(
    subject: TransitionSubject<Row, S, E, C, Done>,
    event: E,
    expectedVersion?: number,
  ): Promise<S> {
    return this.writes.run((manager) => this.applyIn(manager, subject, event, expectedVersion));
  }

  async applyIn<Row extends ObjectLiteral & { id: number; version: number }, S extends string, E extends { type: string }, C, Done>(
    manager: EntityManager,
    subject: TransitionSubject<Row, S, E, C, Done>,
    event: E,
    expectedVersion?: number,
  ): Promise<S> {
    const row = await subject.load(manager);
    checkReadVersion(expectedVersion, row.version);
    const to = decide(subject.workflow, subject.stateOf(row), await subject.context(manager, row), event);
    const { columns, done } = await subject.changes(manager, row, event, to);
    await updateVersioned(manager, subject.entity, row, columns);
    await subject.record(manager, row, event, to, done);
    return to;
  }
}
