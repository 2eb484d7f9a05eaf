import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setup } from 'xstate';
import { Column, DataSource, Entity, PrimaryGeneratedColumn, type EntityManager } from 'typeorm';
import { acceptedEvents, decide, TransitionEngine, type TransitionSubject, type Workflow } from './transition-engine.js';
import { acceptedEventsOf, stateNameOf, stateValueOf } from './machine-states.js';

/**
 * The one engine every workflow is applied by, shown on a toy machine of its own: a door that is
 * closed, open or locked (a nested state), whose guard wants a key to lock it. Nothing here is
 * the project lifecycle's, a request's or a lead's: those have their own specs.
 *
 *   closed ──OPEN──▶ open ──CLOSE──▶ closed ──LOCK(key)──▶ shut.locked ──UNLOCK──▶ shut.unlocked ──BREAK──▶ broken (final)
 */
type DoorState = 'closed' | 'open' | 'shut.locked' | 'shut.unlocked' | 'broken';
type DoorEvent = { type: 'OPEN' } | { type: 'CLOSE' } | { type: 'LOCK'; key?: string } | { type: 'UNLOCK' } | { type: 'BREAK' };
interface DoorContext {
  keys: string[];
}

const lockFailures = (context: DoorContext, event: DoorEvent) =>
  event.type === 'LOCK' && !context.keys.includes(event.key ?? '') ? [{ field: 'key', code: 'wrongKey', message: '钥匙不对' }] : [];

const doorMachine = setup({
  types: { context: {} as DoorContext, events: {} as DoorEvent, input: {} as DoorContext },
  guards: { rightKey: ({ context, event }) => lockFailures(context, event).length === 0 },
}).createMachine({
  id: 'door',
  initial: 'closed',
  context: ({ input }) => input,
  states: {
    closed: { on: { OPEN: 'open', LOCK: { target: 'shut.locked', guard: 'rightKey' } } },
    open: { on: { CLOSE: 'closed' } },
    shut: {
      initial: 'locked',
      on: { BREAK: 'broken' },
      states: { locked: { on: { UNLOCK: 'unlocked' } }, unlocked: {} },
    },
    broken: { type: 'final' },
  },
});

const EVENTS = ['OPEN', 'CLOSE', 'LOCK', 'UNLOCK', 'BREAK'] as const;

const door: Workflow<DoorState, DoorEvent, DoorContext> = {
  machine: doorMachine,
  eventTypes: EVENTS,
  failures: lockFailures,
  notAccepted: (state, type) => ({ message: `门是${state}，不能${type}`, detail: `${state} 不接受 ${type}` }),
  refusedAs: (type) => `不能${type}`,
};

function refusal(run: () => unknown): { status: number; message: string; details: unknown } | null {
  try {
    run();
    return null;
  } catch (error) {
    const e = error as { getStatus(): number; message: string; details: unknown };
    return { status: e.getStatus(), message: e.message, details: e.details };
  }
}

describe('machine states', () => {
  it('stores a nested state as its dotted path and back', () => {
    expect([stateValueOf('closed'), stateValueOf('shut.locked')]).toEqual(['closed', { shut: 'locked' }]);
    expect([stateNameOf('open'), stateNameOf({ shut: 'unlocked' })]).toEqual(['open', 'shut.unlocked']);
  });

  it('reads the events a state takes from the definition, its parents included, none when final', () => {
    expect(acceptedEventsOf(doorMachine, 'closed', EVENTS)).toEqual(['OPEN', 'LOCK']);
    expect(acceptedEventsOf(doorMachine, 'shut.locked', EVENTS)).toEqual(['UNLOCK', 'BREAK']);
    expect(acceptedEventsOf(doorMachine, 'shut.unlocked', EVENTS)).toEqual(['BREAK']);
    expect(acceptedEventsOf(doorMachine, 'broken', EVENTS)).toEqual([]);
    expect(acceptedEvents(door, 'open')).toEqual(['CLOSE']);
  });
});

describe('decide', () => {
  const keys = { keys: ['brass'] };

  it('moves along the machine', () => {
    expect(decide(door, 'closed', keys, { type: 'OPEN' })).toBe('open');
    expect(decide(door, 'closed', keys, { type: 'LOCK', key: 'brass' })).toBe('shut.locked');
    expect(decide(door, 'shut.locked', keys, { type: 'UNLOCK' })).toBe('shut.unlocked');
    expect(decide(door, 'shut.unlocked', keys, { type: 'BREAK' })).toBe('broken');
  });

  it('409 for an event the state does not take, with the workflow\'s words', () => {
    expect(refusal(() => decide(door, 'open', keys, { type: 'LOCK', key: 'brass' }))).toEqual({
      status: 409,
      message: '门是open，不能LOCK',
      details: [{ field: 'type', code: 'eventNotAllowed', message: 'open 不接受 LOCK' }],
    });
    expect(refusal(() => decide(door, 'broken', keys, { type: 'OPEN' }))?.status).toBe(409);
  });

  it('422 listing the failed guards', () => {
    expect(refusal(() => decide(door, 'closed', keys, { type: 'LOCK', key: 'iron' }))).toEqual({
      status: 422,
      message: '不能LOCK：钥匙不对',
      details: [{ field: 'key', code: 'wrongKey', message: '钥匙不对' }],
    });
  });
});

@Entity('door')
class Door {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'varchar' }) state: DoorState;
  @Column({ type: 'integer' }) version: number;
}

describe('TransitionEngine', () => {
  let db: DataSource;
  const recorded: string[] = [];
  const engine = new TransitionEngine({ run: (work: (m: EntityManager) => Promise<unknown>) => db.transaction(work) } as never);

  beforeAll(async () => {
    db = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Door], synchronize: true }).initialize();
    await db.getRepository(Door).insert({ state: 'closed', version: 1 });
  });
  afterAll(() => db.destroy());

  const subject = (keys: string[]): TransitionSubject<Door, DoorState, DoorEvent, DoorContext, { at: string }> => ({
    workflow: door,
    entity: Door,
    load: async (m) => m.findOneByOrFail(Door, { id: 1 }),
    stateOf: (row) => row.state,
    context: async () => ({ keys }),
    changes: async (_m, _row, _event, to) => ({ columns: { state: to }, done: { at: 'now' } }),
    record: async (_m, row, event, to, done) => {
      recorded.push(`${row.state} -${event.type}-> ${to} @${done.at}`);
    },
  });
  const row = () => db.getRepository(Door).findOneByOrFail({ id: 1 });

  it('applies an event: the row, its version, then the record', async () => {
    await expect(engine.apply(subject(['brass']), { type: 'OPEN' }, 1)).resolves.toBe('open');
    expect(await row()).toMatchObject({ state: 'open', version: 2 });
    expect(recorded).toEqual(['closed -OPEN-> open @now']);
  });

  it('refuses a stale read (412) and changes nothing', async () => {
    await expect(engine.apply(subject(['brass']), { type: 'CLOSE' }, 1)).rejects.toMatchObject({ status: 412 });
    expect(await row()).toMatchObject({ state: 'open', version: 2 });
    expect(recorded).toHaveLength(1);
  });

  it('refuses what the machine refuses and records nothing', async () => {
    await expect(engine.apply(subject(['brass']), { type: 'OPEN' })).rejects.toMatchObject({ status: 409 });
    await engine.apply(subject(['brass']), { type: 'CLOSE' });
    await expect(engine.apply(subject([]), { type: 'LOCK', key: 'brass' })).rejects.toMatchObject({ status: 422 });
    expect(await row()).toMatchObject({ state: 'closed', version: 3 });
    expect(recorded).toEqual(['closed -OPEN-> open @now', 'open -CLOSE-> closed @now']);
  });
});
