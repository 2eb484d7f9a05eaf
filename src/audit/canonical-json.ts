import { createHash } from 'node:crypto';

/** The previous hash of the first entry of the chain. */
export const ZERO_HASH = '0'.repeat(64);

/** A JSON value as the audit log stores it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Canonical JSON: object keys sorted (by UTF-16 code unit, JavaScript's default sort) at
 * every depth, no whitespace, `undefined` members left out, dates as their ISO text.
 * Two values that mean the same serialise to the same bytes, so a hash over this text
 * changes exactly when the meaning does.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalValue(value, '$'));
}

function canonicalValue(value: unknown, path: string): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`audit JSON: ${path} is not a finite number (${value})`);
    return value;
  }
  if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol')
    throw new TypeError(`audit JSON: ${path} has a ${typeof value}, which JSON cannot carry`);
  if (Array.isArray(value)) return value.map((item, index) => canonicalValue(item, `${path}[${index}]`));
  const withToJson = value as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === 'function') return canonicalValue(withToJson.toJSON(), path);
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) out[key] = canonicalValue(member, `${path}.${key}`);
  }
  return out;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** What an entry's hash covers: every stored field but the hash itself. */
export interface ChainFields {
  seq: number;
  actor: string;
  at: string;
  entity: string;
  entityId: string;
  action: string;
  before: Json;
  after: Json;
  reason: string | null;
  prevHash: string;
}

/** SHA-256 (hex) of the canonical JSON of the entry's fields and the previous entry's hash. */
export function chainHash(fields: ChainFields): string {
  const { seq, actor, at, entity, entityId, action, before, after, reason, prevHash } = fields;
  return sha256Hex(canonicalJson({ seq, actor, at, entity, entityId, action, before, after, reason, prevHash }));
}
