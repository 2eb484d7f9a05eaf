import { describe, expect, it } from '@jest/globals';
import { snapshot } from './support/row-snapshots.js';

/**
 * The shortcut for "nothing changed" comparisons (test/support/row-snapshots.ts) says "equal" only
 * where Jest's deep equality would: a difference anywhere still fails, with Jest's diff.
 */
const state = (rows: Record<string, unknown>[]) => snapshot({ project: snapshot(rows), audit: snapshot([{ seq: 1, at: '2024-06-30' }]) });

describe('row snapshots', () => {
  it('equal rows are equal', () => {
    expect(state([{ id: 1, name: '甲', amount: 100, note: null }])).toEqual(state([{ id: 1, name: '甲', amount: 100, note: null }]));
  });

  it('a changed value, an added row or a changed key fails, naming the difference', () => {
    const before = state([{ id: 1, name: '甲', amount: 100 }]);
    expect(() => expect(state([{ id: 1, name: '甲', amount: 101 }])).toEqual(before)).toThrow(/101/);
    expect(() => expect(state([{ id: 1, name: '甲', amount: 100 }, { id: 2, name: '乙', amount: 1 }])).toEqual(before)).toThrow(/乙/);
    expect(() => expect(state([{ id: 1, label: '甲', amount: 100 }])).toEqual(before)).toThrow(/label/);
  });

  it('keeps apart what JSON blurs: -0 and 0, Infinity and null, undefined and a marker-like string', () => {
    expect(() => expect(state([{ id: 1, amount: -0 }])).toEqual(state([{ id: 1, amount: 0 }]))).toThrow();
    expect(() => expect(state([{ id: 1, amount: Infinity }])).toEqual(state([{ id: 1, amount: null }]))).toThrow();
    expect(() => expect(state([{ id: 1, note: '\u0000undefined' }])).toEqual(state([{ id: 1, note: undefined }]))).toThrow();
  });

  it('the same rows with their columns in another order are still equal (Jest decides)', () => {
    expect(state([{ id: 1, name: '甲' }])).toEqual(state([{ name: '甲', id: 1 }]));
  });
});
