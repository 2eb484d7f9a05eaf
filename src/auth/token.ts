import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Bearer tokens: JWT with the algorithm fixed to HS256. The header is not trusted to
 * choose anything: a token whose header is not exactly {"alg":"HS256","typ":"JWT"} is
 * refused, so `alg: none` and algorithm confusion cannot work.
 */
export interface TokenClaims {
  /** user id */
  sub: number;
  /** the user's token version when issued */
  tv: number;
  /** the session (auth_session row) the token belongs to */
  sid: number;
  iat: number;
  exp: number;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

function sign(data: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(data).digest('base64url');
}

export function issueToken(claims: Omit<TokenClaims, 'iat' | 'exp'>, secret: Buffer, nowSeconds: number, ttlSeconds: number): string {
  const payload = Buffer.from(JSON.stringify({ ...claims, iat: nowSeconds, exp: nowSeconds + ttlSeconds })).toString('base64url');
  return `${HEADER}.${payload}.${sign(`${HEADER}.${payload}`, secret)}`;
}

/**
 * Tokens whose signature has been checked, per key: the HMAC is computed once per token, not on
 * every request. What the signature proves does not change while the key stays the same (a new key
 * is a new Buffer, with an empty map); the expiry is checked on every use, and the session, the user
 * and the token version are read from the database on every request (AuthService.authenticate), so
 * a logout or a deactivation is refused at once as before. Never holds a token that failed.
 */
const CHECKED = new WeakMap<Buffer, Map<string, Readonly<TokenClaims>>>();
/** At most this many tokens per key (then the map starts again): a few per signed-in user and day. */
const MAX_CHECKED = 10_000;

/** The claims of a valid, unexpired token; null for anything else. */
export function verifyToken(token: string, secret: Buffer, nowSeconds: number): TokenClaims | null {
  let checked = CHECKED.get(secret);
  const known = checked?.get(token);
  if (known) return known.exp > nowSeconds ? known : null;
  const claims = checkToken(token, secret, nowSeconds);
  if (claims) {
    if (!checked) CHECKED.set(secret, (checked = new Map()));
    if (checked.size >= MAX_CHECKED) checked.clear();
    checked.set(token, Object.freeze(claims));
  }
  return claims;
}

/** The signature, the header and the claims' shape and expiry, checked. */
function checkToken(token: string, secret: Buffer, nowSeconds: number): TokenClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [header, payload, signature] = parts;
  if (header !== HEADER) return null;
  const expected = Buffer.from(sign(`${header}.${payload}`, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const c = claims as Partial<TokenClaims>;
  if (!Number.isInteger(c.sub) || !Number.isInteger(c.tv) || !Number.isInteger(c.sid) || !Number.isInteger(c.exp) || !Number.isInteger(c.iat)) return null;
  if (c.exp! <= nowSeconds) return null;
  return c as TokenClaims;
}
