import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { RetryLater } from '../common/index.js';
import { ConcurrencyGate } from './concurrency-gate.js';

/**
 * Password hashing with scrypt at an OWASP-recommended cost (Password Storage Cheat
 * Sheet: N=2^17,r=8,p=1 or an equivalent such as N=2^14,r=8,p=5, used here: same work,
 * 16 MiB of memory per hash instead of 128). Parameters are stored with each hash so
 * they can be raised later without breaking old hashes.
 */
export const PASSWORD_COST: Readonly<ScryptCost> = { N: 2 ** 14, r: 8, p: 5 };
const KEY_LENGTH = 32;

interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** The cost new hashes get in this process: PASSWORD_COST, unless the test suite lowered it. */
let COST: Readonly<ScryptCost> = PASSWORD_COST;

/**
 * The test suite only (test/support/test-app.ts): new hashes and the unknown user's dummy at a
 * lower cost in this process, so that a sign-in costs milliseconds instead of ~0.3 s of a core.
 * Checks still read the cost stored with each hash. The specs about the cost itself and about
 * sign-in under load keep PASSWORD_COST (docs/development.md "Where the suite's time goes").
 */
export function setPasswordCostForTests(cost: Readonly<ScryptCost>): void {
  COST = cost;
  DUMMY_HASH = dummyHash();
}

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize('NFC'), salt, KEY_LENGTH, { ...options, maxmem: 256 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/**
 * Password checks at sign-in (and own-password change) are what an anonymous burst can
 * trigger. Each takes ~0.3 s of one core in libuv's thread pool (4 threads), which static
 * files and other I/O also need: unbounded, 100 attempts kept every thread and core busy
 * for seconds and a signed-in read waited behind them. So at most one check per spare core
 * runs at a time (one on a two-core machine). A check from an address with no attempt in the
 * window (the limiter says so: nothing failed, nothing in flight from it, so one per address)
 * waits in the first line, which is never refused and goes first; the others wait in an
 * ordinary line of 16 (a few seconds at most; enough for one user name's LOGIN_ATTEMPTS), and
 * beyond it are refused at once with 503 and Retry-After. A burst from some addresses thus
 * fills its own line and is refused there, never the sign-in of an address that has not failed.
 */
const CHECKS_AT_ONCE = Math.max(1, availableParallelism() - 1);
const VERIFY_GATE = new ConcurrencyGate(CHECKS_AT_ONCE, Math.max(16, 8 * CHECKS_AT_ONCE));

export class PasswordCheckBusy extends RetryLater {
  constructor() {
    super(503, '登录请求过多，服务繁忙，请稍后再试', [{ code: 'busy', message: '同时进行的密码校验过多' }], 1);
  }
}

/** Hashing a new password: an admin's or the user's own signed-in action, so it waits rather than being refused. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, COST);
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/**
 * Whether a password matches its stored hash; throws PasswordCheckBusy when too many checks are
 * waiting in the ordinary line (`first`: the check of an address with no attempt in the window).
 */
export async function verifyPassword(password: string, stored: string, options: { first?: boolean } = {}): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const outcome = await VERIFY_GATE.run(() => scrypt(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) }), options);
  if (outcome.refused) throw new PasswordCheckBusy();
  return outcome.value.length === expected.length && timingSafeEqual(outcome.value, expected);
}

/** A hash of nothing anyone knows, at the cost new hashes get, for answering an unknown user as slowly as a known one. */
export let DUMMY_HASH = dummyHash();

function dummyHash(): string {
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`;
}
