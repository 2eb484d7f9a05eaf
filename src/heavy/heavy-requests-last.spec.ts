import { describe, expect, it } from '@jest/globals';
import type { Request, Response } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import { heavyRequestsLast } from './heavy-requests-last.js';

/** Requests that may be heavy go in after the others, one per turn of the event loop (docs/operations.md "Heavy work"). */
describe('heavyRequestsLast', () => {
  const request = (url: string) => ({ originalUrl: url }) as Request;
  const response = {} as Response;
  const turn = () => new Promise((resolve) => setImmediate(resolve));

  it('lets every other request through at once and the ones that may be heavy in one per turn, behind any that arrive meanwhile', async () => {
    const gate = heavyRequestsLast();
    const order: string[] = [];
    for (const i of [1, 2, 3]) gate(request(`/api/dashboard/2024?month=9&asOf=2024-10-0${i}T00:00:00Z`), response, () => order.push(`replay ${i}`));
    gate(request('/api/health'), response, () => order.push('health'));
    expect(order).toEqual(['health']);
    await turn();
    expect(order).toEqual(['health', 'replay 1']);
    gate(request('/api/projects?page=2'), response, () => order.push('list'));
    expect(order).toEqual(['health', 'replay 1', 'list']);
    await turn();
    expect(order).toEqual(['health', 'replay 1', 'list', 'replay 2']);
    await turn();
    expect(order).toEqual(['health', 'replay 1', 'list', 'replay 2', 'replay 3']);
    // The line is empty again: the next one goes in on the next turn.
    gate(request('/api/exports/bulletins/2024/9.docx'), response, () => order.push('word'));
    expect(order).toHaveLength(5);
    await turn();
    expect(order.at(-1)).toBe('word');
  });

  it('tells the requests that may be heavy by their address: a file export or anything asOf', async () => {
    const gate = heavyRequestsLast();
    const passedAtOnce = (url: string) => {
      let passed = false;
      gate(request(url), response, () => (passed = true));
      return passed;
    };
    expect(passedAtOnce('/api/dashboard/2024?month=9')).toBe(true);
    expect(passedAtOnce('/api/projects/12')).toBe(true);
    expect(passedAtOnce('/api/board/chains/health?year=2024')).toBe(true);
    expect(passedAtOnce('/api/dashboard/2024?asOf=2024-10-01T00:00:00Z')).toBe(false);
    expect(passedAtOnce('/api/dashboard/2024/curve?month=3&asOf=2024-10-01T00:00:00Z')).toBe(false);
    expect(passedAtOnce('/api/audit/exports/history.csv')).toBe(false);
    expect(passedAtOnce('/api/audit/exports/history.xlsx?from=2024-01-01')).toBe(false);
    expect(passedAtOnce('/api/exports/bulletins/2024/9.docx')).toBe(false);
    await turn();
    await turn();
    await turn();
    await turn();
    await turn();
  });

  it('continues each waiting request in its own async context (the per-caller limits ask it who is calling)', async () => {
    const gate = heavyRequestsLast();
    const caller = new AsyncLocalStorage<string>();
    const seen: (string | undefined)[] = [];
    for (const name of ['display:一号屏', 'display:二号屏']) caller.run(name, () => gate(request('/api/dashboard/2024?asOf=2024-10-01T00:00:00Z'), response, () => seen.push(caller.getStore())));
    await turn();
    await turn();
    expect(seen).toEqual(['display:一号屏', 'display:二号屏']);
  });
});
