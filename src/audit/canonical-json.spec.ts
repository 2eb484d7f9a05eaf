import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { canonicalJson, chainHash, ZERO_HASH } from './canonical-json.js';

describe('canonical JSON (what the audit hash covers)', () => {
  it('sorts keys at every depth, keeps array order, and has no whitespace', () => {
    const value = { b: 1, a: { d: [3, { z: 1, y: 2 }], c: '中文' }, aa: null };
    expect(canonicalJson(value)).toBe('{"a":{"c":"中文","d":[3,{"y":2,"z":1}]},"aa":null,"b":1}');
  });

  it('gives the same text for the same meaning, whatever the key order', () => {
    expect(canonicalJson({ x: 1, y: [1, 2] })).toBe(canonicalJson({ y: [1, 2], x: 1 }));
    expect(canonicalJson({ x: 1 })).not.toBe(canonicalJson({ x: 2 }));
  });

  it('drops undefined members, writes dates as ISO text, and refuses what JSON cannot carry', () => {
    expect(canonicalJson({ a: undefined, b: new Date('2024-06-30T04:00:00.000Z') })).toBe('{"b":"2024-06-30T04:00:00.000Z"}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/finite/);
    expect(() => canonicalJson({ a: Number.POSITIVE_INFINITY })).toThrow(/finite/);
    expect(() => canonicalJson({ a: 10n })).toThrow(/bigint/);
  });

  it('escapes strings as JSON does', () => {
    expect(canonicalJson({ s: 'a"b\\c\n' })).toBe('{"s":"a\\"b\\\\c\\n"}');
  });
});

describe('chain hash', () => {
  const fields = {
    seq: 1,
    actor: 'admin',
    at: '2024-06-30T04:00:00.000Z',
    entity: 'report',
    entityId: '7',
    action: 'file',
    before: null,
    after: { month: '2024-05', amount: 1200 },
    reason: null,
    prevHash: ZERO_HASH,
  };

  it('is SHA-256 over the sorted, whitespace-free JSON of the fields and the previous hash', () => {
    const text =
      '{"action":"file","actor":"admin","after":{"amount":1200,"month":"2024-05"},"at":"2024-06-30T04:00:00.000Z",' +
      `"before":null,"entity":"report","entityId":"7","prevHash":"${'0'.repeat(64)}","reason":null,"seq":1}`;
    expect(chainHash(fields)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    expect(chainHash(fields)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when any field changes, including the previous hash', () => {
    const base = chainHash(fields);
    const variants = [
      { seq: 2 },
      { actor: 'admin2' },
      { at: '2024-06-30T04:00:00.001Z' },
      { entity: 'project' },
      { entityId: '8' },
      { action: 'update' },
      { before: { amount: 1200 } },
      { after: { month: '2024-05', amount: 1201 } },
      { reason: '更正' },
      { prevHash: '1'.repeat(64) },
    ];
    for (const change of variants) expect(chainHash({ ...fields, ...change })).not.toBe(base);
  });
});
