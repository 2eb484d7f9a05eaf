import { describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { issueToken, verifyToken } from './token.js';

const KEY = Buffer.from('a'.repeat(32));
const OTHER_KEY = Buffer.from('b'.repeat(32));
/** Issued at 1,000,000 s for 3,600 s: good through 1,003,599, expired from 1,003,600. */
const NOW = 1_000_000;
const claims = { sub: 7, tv: 2, sid: 41 };

describe('verifyToken: a signature is checked once per token and key, the expiry on every use', () => {
  it('answers the claims of a good token, again from the kept check, and null once it has expired', () => {
    const token = issueToken(claims, KEY, NOW, 3600);
    expect(verifyToken(token, KEY, NOW)).toEqual({ ...claims, iat: 1_000_000, exp: 1_003_600 });
    expect(verifyToken(token, KEY, NOW + 3599)).toEqual({ ...claims, iat: 1_000_000, exp: 1_003_600 });
    expect(verifyToken(token, KEY, NOW + 3600)).toBeNull();
  });

  it('a token checked under one key is refused under another (a new key starts with nothing kept)', () => {
    const token = issueToken({ ...claims, sid: 42 }, KEY, NOW, 3600);
    expect(verifyToken(token, KEY, NOW)?.sid).toBe(42);
    expect(verifyToken(token, OTHER_KEY, NOW)).toBeNull();
  });

  it('a changed payload or signature is refused, also after the genuine token was checked', () => {
    const token = issueToken({ ...claims, sid: 43 }, KEY, NOW, 3600);
    expect(verifyToken(token, KEY, NOW)?.sid).toBe(43);
    const [header, payload, signature] = token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, sub: 1, sid: 43, iat: NOW, exp: NOW + 3600 })).toString('base64url');
    expect(verifyToken(`${header}.${forgedPayload}.${signature}`, KEY, NOW)).toBeNull();
    const flipped = (signature.startsWith('A') ? 'B' : 'A') + signature.slice(1);
    expect(verifyToken(`${header}.${payload}.${flipped}`, KEY, NOW)).toBeNull();
    // Signed by hand with the right key: the check itself, not the kept answer, accepts it.
    const resigned = createHmac('sha256', KEY).update(`${header}.${forgedPayload}`).digest('base64url');
    expect(verifyToken(`${header}.${forgedPayload}.${resigned}`, KEY, NOW)?.sub).toBe(1);
  });
});
