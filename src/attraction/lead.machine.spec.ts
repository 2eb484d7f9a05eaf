import { describe, expect, it } from '@jest/globals';
import type { AnyStateNode } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { leadContext, LEAD_TODAY, linkedProject } from '../../test/factories/lead-facts.js';
import { leadGuardFailures, type LeadContext, type LeadEvent, type LeadFacts } from './lead.guards.js';
import { leadMachine } from './lead.machine.js';
import { leadEventsOf, nextLead, restoreLead, statusOf, type LeadSnapshot } from './lead.snapshot.js';
import { LEAD_EVENT_TYPES, LEAD_STATUSES, type LeadEventType, type LeadStatus } from './lead-states.js';

/*
 * Everything expected below comes from the tables in this file, transcribed from
 * docs/domain/attraction.md "Leads", never from the code under test.
 */
const TODAY = LEAD_TODAY; // '2024-06-30'

/** One event of each type whose payload passes its guard against the default facts. */
const VALID: { [T in LeadEventType]: Extract<LeadEvent, { type: T }> } = {
  SIGN: { type: 'SIGN', amount: 25_000, date: '2024-03-15', agreementNo: 'LC-2024-007' },
  LAND: { type: 'LAND', date: '2024-05-20', project: { code: 'ZS-2024-001' } },
  TERMINATE: { type: 'TERMINATE', reason: '投资方战略调整' },
};

/** The events table: one row per (from, event). */
const LEGAL: ReadonlyArray<readonly [from: LeadStatus, event: LeadEventType, to: LeadStatus]> = [
  ['negotiating', 'SIGN', 'signed'],
  ['negotiating', 'TERMINATE', 'terminated'],
  ['signed', 'LAND', 'landed'],
  ['signed', 'TERMINATE', 'terminated'],
];
const STATUSES: LeadStatus[] = ['negotiating', 'signed', 'landed', 'terminated'];
const FINAL: LeadStatus[] = ['landed', 'terminated'];
const EVENTS: LeadEventType[] = ['SIGN', 'LAND', 'TERMINATE'];

const key = (from: string, event: string, to?: string) => (to === undefined ? `${from} ${event}` : `${from} -${event}-> ${to}`);
const LEGAL_PAIRS = new Set(LEGAL.map(([from, event]) => key(from, event)));
const LEGAL_TRIPLES = new Set(LEGAL.map(([from, event, to]) => key(from, event, to)));
const ILLEGAL: Array<[LeadStatus, LeadEventType]> = STATUSES.flatMap((status) =>
  EVENTS.filter((event) => !LEGAL_PAIRS.has(key(status, event))).map((event) => [status, event] as [LeadStatus, LeadEventType]),
);
const sorted = <T>(values: Iterable<T>): T[] => [...values].sort();
const at = (status: LeadStatus, context: LeadContext = leadContext()): LeadSnapshot => restoreLead(status, context);

describe('the tables in this test agree with lead-states.ts', () => {
  it('statuses and events are exactly those of the table', () => {
    expect(sorted(LEAD_STATUSES)).toEqual(sorted(STATUSES));
    expect(sorted(LEAD_EVENT_TYPES)).toEqual(sorted(EVENTS));
  });

  it('the sample events pass their guards', () => {
    for (const type of EVENTS) expect(leadGuardFailures(leadContext(), VALID[type])).toEqual([]);
  });

  it('a new lead is negotiating', () => {
    expect(leadMachine.config.initial).toBe('negotiating');
    expect(statusOf(at('negotiating'))).toBe('negotiating');
  });
});

describe('every legal transition', () => {
  it.each(LEGAL)('%s -%s-> %s', (from, type, to) => {
    const snapshot = at(from);
    expect(leadEventsOf(from)).toContain(type);
    expect(snapshot.can(VALID[type])).toBe(true);
    const after = nextLead(snapshot, VALID[type]);
    expect(statusOf(after)).toBe(to);
    expect(after.status).toBe(FINAL.includes(to) ? 'done' : 'active');
  });

  it.each(STATUSES)('leadEventsOf(%s) is exactly what the table allows', (status) => {
    expect(leadEventsOf(status)).toEqual(EVENTS.filter((event) => LEGAL_PAIRS.has(key(status, event))));
  });
});

describe('every illegal transition', () => {
  it('covers every (status, event) pair the table does not list', () => {
    expect(ILLEGAL.length + LEGAL.length).toBe(STATUSES.length * EVENTS.length);
    expect(ILLEGAL.map(([s, e]) => key(s, e)).sort()).toEqual(
      ['landed LAND', 'landed SIGN', 'landed TERMINATE', 'negotiating LAND', 'signed SIGN', 'terminated LAND', 'terminated SIGN', 'terminated TERMINATE'].sort(),
    );
  });

  it.each(ILLEGAL)('%s refuses %s (and stays)', (status, type) => {
    expect(leadEventsOf(status)).not.toContain(type);
    const snapshot = at(status);
    expect(snapshot.can(VALID[type])).toBe(false);
    expect(statusOf(nextLead(snapshot, VALID[type]))).toBe(status);
  });

  it.each(FINAL)('%s is final and accepts nothing', (status) => {
    expect(leadMachine.getStateNodeById(`lead.${status}`).type).toBe('final');
    expect(at(status).status).toBe('done');
    expect(leadEventsOf(status)).toEqual([]);
  });
});

describe('completeness: the machine defines nothing the table does not know', () => {
  const nodes = Object.values(leadMachine.root.states) as AnyStateNode[];

  it('its states are the statuses, flat, and its transitions the table, each guarded', () => {
    expect(sorted(nodes.map((n) => n.key))).toEqual(sorted(STATUSES));
    const defined = new Set<string>();
    for (const node of nodes) {
      expect(Object.keys(node.states)).toEqual([]);
      for (const [type, transitions] of Object.entries(node.on))
        for (const transition of transitions) {
          expect(transition.guard).toBeDefined();
          expect(transition.target?.length).toBe(1);
          defined.add(key(node.key, type, transition.target![0].key));
        }
    }
    expect(sorted(defined)).toEqual(sorted(LEGAL_TRIPLES));
    expect(Object.keys(leadMachine.root.on)).toEqual([]);
  });
});

describe('paths generated from the machine (xstate/graph)', () => {
  const events = EVENTS.map((type) => VALID[type]) as LeadEvent[];
  type Path = { state: LeadSnapshot; steps: Array<{ state: LeadSnapshot; event: { type: string } }>; weight: number };
  const describePath = (path: Path) => `${statusOf(path.state)}: ${path.steps.slice(1).map((s) => s.event.type).join(',')}`;
  const edgesOf = (path: Path) => path.steps.slice(1).map((step, i) => key(statusOf(path.steps[i].state), step.event.type, statusOf(step.state)));

  it('getShortestPaths reaches every status at its distance in the table', () => {
    const paths = getShortestPaths(leadMachine, { events, input: leadContext({ signedDate: null }) }) as unknown as Path[];
    const distance: Record<LeadStatus, number> = { negotiating: 0, signed: 1, terminated: 1, landed: 2 };
    expect(sorted(paths.map((p) => statusOf(p.state)))).toEqual(sorted(STATUSES));
    for (const path of paths) {
      expect(path.weight).toBe(distance[statusOf(path.state)]);
      for (const edge of edgesOf(path)) expect(LEGAL_TRIPLES).toContain(edge);
    }
  });

  it('getSimplePaths from a new lead are exactly the table\'s simple paths', () => {
    const paths = getSimplePaths(leadMachine, { events, input: leadContext({ signedDate: null }) }) as unknown as Path[];
    expect(paths.map(describePath).sort()).toEqual(
      ['negotiating: ', 'signed: SIGN', 'terminated: TERMINATE', 'landed: SIGN,LAND', 'terminated: SIGN,TERMINATE'].sort(),
    );
    const exercised = new Set(paths.flatMap(edgesOf));
    expect(sorted(exercised)).toEqual(sorted(LEGAL_TRIPLES));
  });

  it('bare events (no payload) leave a new lead negotiating: SIGN needs amount and date, TERMINATE a reason', () => {
    const paths = getShortestPaths(leadMachine, { input: leadContext({ signedDate: null }) }) as unknown as Path[];
    expect(paths.map((p) => statusOf(p.state))).toEqual(['negotiating']);
  });
});

interface GuardCase {
  name: string;
  from: LeadStatus;
  facts?: Partial<LeadFacts>;
  event: LeadEvent;
  failures: Array<[field: string, code: string]>;
}

const GUARD_CASES: GuardCase[] = [
  // SIGN: amount > 0 (万元, integer) and a date not after today
  { name: 'SIGN without amount or date', from: 'negotiating', event: { type: 'SIGN' }, failures: [['amount', 'amountRequired'], ['date', 'dateRequired']] },
  { name: 'SIGN without an amount', from: 'negotiating', event: { type: 'SIGN', date: '2024-03-01' }, failures: [['amount', 'amountRequired']] },
  { name: 'SIGN without a date', from: 'negotiating', event: { type: 'SIGN', amount: 100 }, failures: [['date', 'dateRequired']] },
  { name: 'SIGN with a zero amount', from: 'negotiating', event: { type: 'SIGN', amount: 0, date: '2024-03-01' }, failures: [['amount', 'amountNotPositive']] },
  { name: 'SIGN with a fractional amount', from: 'negotiating', event: { type: 'SIGN', amount: 10.5, date: '2024-03-01' }, failures: [['amount', 'amountNotPositive']] },
  { name: 'SIGN dated tomorrow', from: 'negotiating', event: { type: 'SIGN', amount: 100, date: '2024-07-01' }, failures: [['date', 'dateInFuture']] },
  { name: 'SIGN dated today, without an agreement number', from: 'negotiating', event: { type: 'SIGN', amount: 1, date: TODAY }, failures: [] },
  // LAND: one of project / projectId; the linked one visible, same chain, not withdrawn, not another lead's; date
  { name: 'LAND naming neither a new nor an existing project', from: 'signed', event: { type: 'LAND' }, failures: [['project', 'projectRequired']] },
  { name: 'LAND naming both', from: 'signed', event: { type: 'LAND', projectId: 3, project: { code: 'X' } }, failures: [['project', 'projectChoice']] },
  { name: 'LAND linking a project the caller cannot find', from: 'signed', facts: { linkedProject: null }, event: { type: 'LAND', projectId: 3 }, failures: [['projectId', 'projectNotFound']] },
  { name: 'LAND linking another chain\'s project', from: 'signed', facts: { linkedProject: linkedProject({ chainCode: 'bearings' }) }, event: { type: 'LAND', projectId: 3 }, failures: [['projectId', 'projectChainMismatch']] },
  { name: 'LAND linking a withdrawn project', from: 'signed', facts: { linkedProject: linkedProject({ stage: 'withdrawn' }) }, event: { type: 'LAND', projectId: 3 }, failures: [['projectId', 'projectWithdrawn']] },
  { name: 'LAND linking another lead\'s project', from: 'signed', facts: { linkedProject: linkedProject({ leadId: 99 }) }, event: { type: 'LAND', projectId: 3 }, failures: [['projectId', 'projectAlreadyLinked']] },
  {
    name: 'LAND linking a withdrawn project of another chain and lead',
    from: 'signed',
    facts: { linkedProject: linkedProject({ chainCode: null, stage: 'withdrawn', leadId: 99 }) },
    event: { type: 'LAND', projectId: 3 },
    failures: [['projectId', 'projectChainMismatch'], ['projectId', 'projectWithdrawn'], ['projectId', 'projectAlreadyLinked']],
  },
  { name: 'LAND linking a project in implementation of the same chain', from: 'signed', facts: { linkedProject: linkedProject({ stage: 'implementation.active' }) }, event: { type: 'LAND', projectId: 3 }, failures: [] },
  { name: 'LAND dated before the signing', from: 'signed', event: { type: 'LAND', date: '2024-03-14', project: { code: 'X' } }, failures: [['date', 'dateBeforeSign']] },
  { name: 'LAND on the signing date', from: 'signed', event: { type: 'LAND', date: '2024-03-15', project: { code: 'X' } }, failures: [] },
  { name: 'LAND dated tomorrow', from: 'signed', event: { type: 'LAND', date: '2024-07-01', project: { code: 'X' } }, failures: [['date', 'dateInFuture']] },
  { name: 'LAND without a date lands today', from: 'signed', event: { type: 'LAND', project: { code: 'X' } }, failures: [] },
  { name: 'LAND without a date, signed after today (a clock set back)', from: 'signed', facts: { signedDate: '2024-07-02' }, event: { type: 'LAND', project: { code: 'X' } }, failures: [['date', 'dateBeforeSign']] },
  // TERMINATE: a reason
  { name: 'TERMINATE a negotiation without a reason', from: 'negotiating', event: { type: 'TERMINATE' }, failures: [['reason', 'reasonRequired']] },
  { name: 'TERMINATE a signed deal with a blank reason', from: 'signed', event: { type: 'TERMINATE', reason: '  ' }, failures: [['reason', 'reasonRequired']] },
];

describe('every guard', () => {
  it('each case is an event the table allows from its status', () => {
    for (const { from, event } of GUARD_CASES) expect(LEGAL_PAIRS).toContain(key(from, event.type));
  });

  it.each(GUARD_CASES.map((c) => [c.name, c] as const))('%s', (_name, { from, facts, event, failures }) => {
    const context = leadContext(facts);
    const actual = leadGuardFailures(context, event);
    expect(actual.map((f) => [f.field, f.code])).toEqual(failures);
    for (const failure of actual) expect(failure.message.trim()).not.toBe('');
    const snapshot = at(from, context);
    const to = LEGAL.find(([f, type]) => f === from && type === event.type)![2];
    expect(snapshot.can(event)).toBe(failures.length === 0);
    expect(statusOf(nextLead(snapshot, event))).toBe(failures.length === 0 ? to : from);
  });

  it('the guards read the context\'s today, not the clock', () => {
    expect(leadGuardFailures(leadContext({}, '2024-03-14'), VALID.SIGN).map((f) => f.code)).toEqual(['dateInFuture']);
  });
});
