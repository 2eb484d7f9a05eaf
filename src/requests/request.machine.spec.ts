import { describe, expect, it } from '@jest/globals';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { requestContext, REQUEST_TODAY } from '../../test/factories/request-facts.js';
import { requestGuardFailures, type RequestContext, type RequestEvent } from './request.guards.js';
import { requestMachine } from './request.machine.js';
import { acceptedRequestEvents, initialStatus, nextRequest, restoreRequest, statusOf, type RequestSnapshot } from './request.snapshot.js';
import { REQUEST_EVENT_TYPES, REQUEST_STATUSES, type RequestStatus } from './request-states.js';

/*
 * Everything expected below comes from the hand-written table in this file (transcribed from
 * docs/domain/requests.md "The request machine"), never from the code under test.
 */

/** Sample events, one per (event, outcome), each passing its guard against the default facts. */
const ACCEPT: RequestEvent = { type: 'ACCEPT', category: 'complex', promisedDate: '2024-07-31' };
const RESOLVE: RequestEvent = { type: 'RESOLVE', granted: '120.5', note: '已安排新增建设用地指标' };
const RETURN: RequestEvent = { type: 'RETURN', reason: '不属于本部门职责，请向市工信局提出' };
const SATISFIED: RequestEvent = { type: 'EVALUATE', rating: 'satisfied' };
const BASICALLY: RequestEvent = { type: 'EVALUATE', rating: 'basically' };
const DISSATISFIED: RequestEvent = { type: 'EVALUATE', rating: 'dissatisfied', reason: '指标只落实一半' };
const ESCALATE: RequestEvent = { type: 'ESCALATE', reason: '涉及跨县指标调剂，一事一议' };
const FEEDBACK: RequestEvent = { type: 'FEEDBACK', method: 'phone', date: '2024-06-12' };
const DECIDE: RequestEvent = { type: 'DECIDE', decision: '由市自然资源和规划局统筹调剂指标', responsibleUnit: '市自然资源和规划局', deadline: '2024-08-31' };

type Label = 'ACCEPT' | 'RESOLVE' | 'FEEDBACK' | 'RETURN' | 'EVALUATE satisfied' | 'EVALUATE basically' | 'EVALUATE dissatisfied' | 'ESCALATE' | 'DECIDE';
const EVENTS: Record<Label, RequestEvent> = {
  ACCEPT,
  RESOLVE,
  FEEDBACK,
  RETURN,
  'EVALUATE satisfied': SATISFIED,
  'EVALUATE basically': BASICALLY,
  'EVALUATE dissatisfied': DISSATISFIED,
  ESCALATE,
  DECIDE,
};
const LABELS = Object.keys(EVENTS) as Label[];

/** The contract's table: one row per (from, event with outcome). */
const LEGAL: ReadonlyArray<readonly [from: RequestStatus, event: Label, to: RequestStatus]> = [
  ['raised', 'ACCEPT', 'accepted'],
  ['raised', 'RETURN', 'returned'],
  ['raised', 'ESCALATE', 'escalated'],
  ['accepted', 'RESOLVE', 'resolved'],
  ['accepted', 'RETURN', 'returned'],
  ['accepted', 'ESCALATE', 'escalated'],
  ['resolved', 'FEEDBACK', 'answered'],
  ['resolved', 'ESCALATE', 'escalated'],
  ['answered', 'EVALUATE satisfied', 'closed'],
  ['answered', 'EVALUATE basically', 'closed'],
  ['answered', 'EVALUATE dissatisfied', 'accepted'],
  ['answered', 'ESCALATE', 'escalated'],
  ['escalated', 'ACCEPT', 'accepted'],
  ['escalated', 'RESOLVE', 'resolved'],
  ['escalated', 'DECIDE', 'decided'],
  ['decided', 'RESOLVE', 'resolved'],
];
const STATUSES: RequestStatus[] = ['raised', 'accepted', 'resolved', 'answered', 'escalated', 'decided', 'closed', 'returned'];
const FINAL: RequestStatus[] = ['closed', 'returned'];
const NON_FINAL = STATUSES.filter((s) => !FINAL.includes(s));

const key = (from: string, event: string) => `${from} ${event}`;
const LEGAL_PAIRS = new Set(LEGAL.map(([from, event]) => key(from, event)));
const ILLEGAL = STATUSES.flatMap((from) => LABELS.filter((label) => !LEGAL_PAIRS.has(key(from, label))).map((label) => [from, label] as const));
const typeOf = (label: Label) => EVENTS[label].type;
const sorted = <T>(values: Iterable<T>): T[] => [...values].sort();

const snapshotAt = (status: RequestStatus, context: RequestContext = requestContext()): RequestSnapshot => restoreRequest(status, context);

describe('the tables agree with request-kinds.ts', () => {
  it('statuses and event types are exactly those of the contract', () => {
    expect(sorted(REQUEST_STATUSES)).toEqual(sorted(STATUSES));
    expect(sorted(REQUEST_EVENT_TYPES)).toEqual(sorted(new Set(LABELS.map(typeOf))));
  });

  it('the sample events pass their guards against the default facts', () => {
    for (const label of LABELS) expect(requestGuardFailures(requestContext(), EVENTS[label])).toEqual([]);
  });

  it('a new request starts raised', () => {
    expect(initialStatus(requestContext())).toBe('raised');
  });
});

describe('every legal transition', () => {
  it.each(LEGAL)('%s -%s-> %s', (from, label, to) => {
    const snapshot = snapshotAt(from);
    expect(acceptedRequestEvents(from)).toContain(typeOf(label));
    expect(snapshot.can(EVENTS[label])).toBe(true);
    const after = nextRequest(snapshot, EVENTS[label]);
    expect(statusOf(after)).toBe(to);
    expect(after.status).toBe(FINAL.includes(to) ? 'done' : 'active');
  });

  it.each(STATUSES)('acceptedRequestEvents(%s) is exactly the event types the table allows from it', (status) => {
    const fromTable = new Set(LEGAL.filter(([from]) => from === status).map(([, label]) => typeOf(label)));
    expect(sorted(acceptedRequestEvents(status))).toEqual(sorted(fromTable));
  });
});

describe('every illegal transition', () => {
  it('covers every (status, event) pair the table does not list', () => {
    expect(ILLEGAL.length + LEGAL.length).toBe(STATUSES.length * LABELS.length);
  });

  it.each(ILLEGAL)('%s refuses %s', (from, label) => {
    const snapshot = snapshotAt(from);
    expect(snapshot.can(EVENTS[label])).toBe(false);
    expect(statusOf(nextRequest(snapshot, EVENTS[label]))).toBe(from);
  });

  it.each(FINAL)('%s is final and accepts nothing', (status) => {
    expect(requestMachine.getStateNodeById(`factorRequest.${status}`).type).toBe('final');
    expect(acceptedRequestEvents(status)).toEqual([]);
    expect(snapshotAt(status).status).toBe('done');
  });
});

describe('completeness: the machine defines nothing the table does not know', () => {
  it('every (state, event → target) of the machine is a row of the table', () => {
    const defined = new Set<string>();
    for (const [name, node] of Object.entries(requestMachine.root.states)) {
      for (const [type, transitions] of Object.entries(node.on))
        for (const transition of transitions) {
          expect(transition.guard).toBeDefined();
          expect(transition.target?.length).toBe(1);
          defined.add(`${name} ${type} ${transition.target![0].key}`);
        }
    }
    expect(sorted(defined)).toEqual(sorted(new Set(LEGAL.map(([from, label, to]) => `${from} ${typeOf(label)} ${to}`))));
    expect(sorted(Object.keys(requestMachine.root.states))).toEqual(sorted(STATUSES));
  });
});

/* ---------------------------------------------------------------------------------------------- */

type Path = { state: RequestSnapshot; steps: Array<{ state: RequestSnapshot; event: RequestEvent }>; weight: number };

const stepLabel = (event: RequestEvent): string => (event.type === 'EVALUATE' ? `EVALUATE ${event.rating}` : event.type);
const edgesOf = (path: Path): string[] => path.steps.slice(1).map((step, i) => `${statusOf(path.steps[i].state)} ${stepLabel(step.event)} ${statusOf(step.state)}`);
const tableEdge = ([from, label, to]: readonly [RequestStatus, Label, RequestStatus]) => `${from} ${label} ${to}`;

/** Every simple path (no status repeated) from a status over the LEGAL table, as "end: E1,E2". */
function tableSimplePaths(start: RequestStatus): string[] {
  const out: string[] = [];
  const walk = (status: RequestStatus, visited: Set<RequestStatus>, events: string[]) => {
    out.push(`${status}: ${events.join(',')}`);
    for (const [from, label, to] of LEGAL) if (from === status && !visited.has(to)) walk(to, new Set([...visited, to]), [...events, label]);
  };
  walk(start, new Set([start]), []);
  return out.sort();
}
const describePath = (path: Path): string =>
  `${statusOf(path.state)}: ${path.steps
    .slice(1)
    .map((step) => stepLabel(step.event))
    .join(',')}`;

describe('path coverage with xstate/graph', () => {
  const context = requestContext({}, REQUEST_TODAY);
  const events = LABELS.map((label) => EVENTS[label]);

  it('getShortestPaths from a new request reaches every status through legal steps only', () => {
    const paths = getShortestPaths(requestMachine, { events, input: context }) as unknown as Path[];
    expect(sorted(new Set(paths.map((path) => statusOf(path.state))))).toEqual(sorted(STATUSES));
    const legal = new Set(LEGAL.map(tableEdge));
    for (const path of paths) for (const edge of edgesOf(path)) expect(legal).toContain(edge);
  });

  it.each(NON_FINAL)('getSimplePaths from %s are exactly the simple paths of the table', (start) => {
    const paths = getSimplePaths(requestMachine, { events, fromState: snapshotAt(start, context) }) as unknown as Path[];
    expect(paths.map(describePath).sort()).toEqual(tableSimplePaths(start));
  });

  it('every legal row is a step of some simple path', () => {
    const exercised = new Set<string>();
    for (const start of NON_FINAL) {
      const paths = getSimplePaths(requestMachine, { events, fromState: snapshotAt(start, context) }) as unknown as Path[];
      for (const path of paths) for (const edge of edgesOf(path)) exercised.add(edge);
    }
    expect(sorted(exercised)).toEqual(sorted(LEGAL.map(tableEdge)));
  });

  it('with bare events (no payloads) every guard holds a new request where it is', () => {
    const paths = getShortestPaths(requestMachine, { input: context }) as unknown as Path[];
    expect(paths.map((path) => statusOf(path.state))).toEqual(['raised']);
  });
});

/* ---------------------------------------------------------------------------------------------- */

interface GuardCase {
  name: string;
  from: RequestStatus;
  facts?: Parameters<typeof requestContext>[0];
  event: RequestEvent;
  failures: Array<[field: string, code: string]>;
}

const GUARD_CASES: GuardCase[] = [
  { name: 'ACCEPT without anything', from: 'raised', event: { type: 'ACCEPT' }, failures: [['category', 'categoryRequired'], ['promisedDate', 'promisedDateRequired']] },
  { name: 'ACCEPT with an unknown list', from: 'raised', event: { type: 'ACCEPT', category: 'urgent', promisedDate: '2024-07-01' }, failures: [['category', 'unknownCategory']] },
  { name: 'ACCEPT promising yesterday', from: 'raised', event: { type: 'ACCEPT', category: 'simple', promisedDate: '2024-06-11' }, failures: [['promisedDate', 'promisedDateInPast']] },
  { name: 'ACCEPT promising today', from: 'raised', event: { type: 'ACCEPT', category: 'simple', promisedDate: REQUEST_TODAY }, failures: [] },
  { name: 'ACCEPT an escalated request with a blank list', from: 'escalated', event: { type: 'ACCEPT', category: ' ', promisedDate: '2024-07-01' }, failures: [['category', 'categoryRequired']] },
  { name: 'RESOLVE without a note', from: 'accepted', event: { type: 'RESOLVE', granted: 10 }, failures: [['note', 'noteRequired']] },
  { name: 'RESOLVE with a blank note', from: 'accepted', event: { type: 'RESOLVE', note: '   ' }, failures: [['note', 'noteRequired']] },
  { name: 'RESOLVE granting nothing stated', from: 'accepted', event: { type: 'RESOLVE', note: '已办' }, failures: [] },
  { name: 'RESOLVE granting 亩 finer than hundredths', from: 'accepted', event: { type: 'RESOLVE', note: '已办', granted: '1.005' }, failures: [['granted', 'quantityTooFine']] },
  { name: 'RESOLVE granting a negative amount', from: 'accepted', event: { type: 'RESOLVE', note: '已办', granted: -3 }, failures: [['granted', 'quantityNegative']] },
  { name: 'RESOLVE granting text', from: 'accepted', event: { type: 'RESOLVE', note: '已办', granted: 'twelve' }, failures: [['granted', 'quantityNotNumber']] },
  { name: 'RESOLVE a 水电气 request with a quantity', from: 'accepted', facts: { kind: 'utilities' }, event: { type: 'RESOLVE', note: '已通电', granted: 1 }, failures: [['granted', 'quantityNotApplicable']] },
  { name: 'RESOLVE an approval request with its date', from: 'accepted', facts: { kind: 'approval', approvalKey: 'environment' }, event: { type: 'RESOLVE', note: '环评已批复', approvalDate: '2024-06-10' }, failures: [] },
  { name: 'RESOLVE an approval request dated tomorrow', from: 'accepted', facts: { kind: 'approval', approvalKey: 'environment' }, event: { type: 'RESOLVE', note: '环评已批复', approvalDate: '2024-06-13' }, failures: [['approvalDate', 'dateInFuture']] },
  { name: 'RESOLVE a land request with an approval date', from: 'accepted', event: { type: 'RESOLVE', note: '已办', approvalDate: '2024-06-10' }, failures: [['approvalDate', 'approvalDateNotApplicable']] },
  { name: 'RESOLVE with neither note nor a valid amount', from: 'escalated', event: { type: 'RESOLVE', granted: '1e2' }, failures: [['note', 'noteRequired'], ['granted', 'quantityNotNumber']] },
  { name: 'RETURN without a reason', from: 'raised', event: { type: 'RETURN' }, failures: [['reason', 'reasonRequired']] },
  { name: 'RETURN with a blank reason', from: 'accepted', event: { type: 'RETURN', reason: '  ' }, failures: [['reason', 'reasonRequired']] },
  { name: 'FEEDBACK without anything', from: 'resolved', event: { type: 'FEEDBACK' }, failures: [['method', 'methodRequired'], ['date', 'dateRequired']] },
  { name: 'FEEDBACK by pigeon', from: 'resolved', event: { type: 'FEEDBACK', method: 'pigeon', date: '2024-06-12' }, failures: [['method', 'unknownMethod']] },
  { name: 'FEEDBACK told tomorrow', from: 'resolved', event: { type: 'FEEDBACK', method: 'visit', date: '2024-06-13' }, failures: [['date', 'dateInFuture']] },
  { name: 'FEEDBACK told before the problem was raised', from: 'resolved', event: { type: 'FEEDBACK', method: 'letter', date: '2024-06-02' }, failures: [['date', 'dateBeforeRaised']] },
  { name: 'FEEDBACK told the day it was raised', from: 'resolved', event: { type: 'FEEDBACK', method: 'online', date: '2024-06-03', note: '平台回复' }, failures: [] },
  { name: 'EVALUATE without a rating', from: 'answered', event: { type: 'EVALUATE' }, failures: [['rating', 'ratingRequired']] },
  { name: 'EVALUATE with an unknown rating', from: 'answered', event: { type: 'EVALUATE', rating: 'great' }, failures: [['rating', 'unknownRating']] },
  { name: 'EVALUATE dissatisfied without a reason', from: 'answered', event: { type: 'EVALUATE', rating: 'dissatisfied' }, failures: [['reason', 'reasonRequired']] },
  { name: 'EVALUATE satisfied without a reason', from: 'answered', event: { type: 'EVALUATE', rating: 'satisfied', respondent: '企业办公室主任' }, failures: [] },
  { name: 'ESCALATE without a reason', from: 'accepted', event: { type: 'ESCALATE', topic: '议题', opinion: '意见' }, failures: [['reason', 'reasonRequired']] },
  { name: 'DECIDE without anything', from: 'escalated', event: { type: 'DECIDE' }, failures: [['decision', 'decisionRequired'], ['responsibleUnit', 'responsibleUnitRequired'], ['deadline', 'deadlineRequired']] },
  { name: 'DECIDE with a deadline already passed', from: 'escalated', event: { type: 'DECIDE', decision: '统筹调剂', responsibleUnit: '市发展改革委', deadline: '2024-06-11' }, failures: [['deadline', 'deadlineInPast']] },
  { name: 'DECIDE due today', from: 'escalated', event: { type: 'DECIDE', decision: '统筹调剂', responsibleUnit: '市发展改革委', deadline: REQUEST_TODAY }, failures: [] },
];

describe('every guard', () => {
  it.each(GUARD_CASES.map((c) => [c.name, c] as const))('%s', (_name, { from, facts, event, failures }) => {
    const context = requestContext(facts);
    const actual = requestGuardFailures(context, event);
    expect(actual.map((f) => [f.field, f.code])).toEqual(failures);
    for (const failure of actual) expect(failure.message.trim()).not.toBe('');
    const snapshot = snapshotAt(from, context);
    expect(acceptedRequestEvents(from)).toContain(event.type);
    expect(snapshot.can(event)).toBe(failures.length === 0);
    if (failures.length) expect(statusOf(nextRequest(snapshot, event))).toBe(from);
  });
});
