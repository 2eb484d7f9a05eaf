// What `import { describe, it, expect, … } from '@jest/globals'` gives a spec file in this suite's runner.
//
// The suite runs the built specs (dist/) in plain Node processes with jest-light-runner, so the
// app's modules load once per worker instead of once per spec file (docs/development.md "Where the
// suite's time goes"). That runner sets Jest's globals but does not serve `@jest/globals`, and it
// does not time tests out: jest-globals-hook.mjs sends the import here, and each test and hook gets
// Jest's timeout back (the third argument, or TEST_TIMEOUT_MS below), so a test that hangs fails
// with a message instead of holding the run until CI's limit.
import * as circus from 'jest-circus';
import { bind } from 'jest-each';
import { jestExpect } from '@jest/expect';

/** Jest's `testTimeout` for this suite: a test or hook that takes longer fails. */
export const TEST_TIMEOUT_MS = 60_000;

/** `fn` (no done callback in this suite) failing after `ms` if it has not settled. */
function timed(fn, ms, what) {
  const limit = ms ?? TEST_TIMEOUT_MS;
  return function () {
    let timer;
    const overdue = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${limit} ms (pass a longer timeout as its last argument if it needs one)`)), limit);
    });
    return Promise.race([Promise.resolve().then(() => fn.call(this)), overdue]).finally(() => clearTimeout(timer));
  };
}

function testFunction(base) {
  const wrapped = (name, fn, ms) => base(name, fn && timed(fn, ms, `the test "${name}"`), ms);
  wrapped.only = (name, fn, ms) => base.only(name, fn && timed(fn, ms, `the test "${name}"`), ms);
  wrapped.skip = base.skip;
  wrapped.todo = base.todo;
  wrapped.each = bind(wrapped);
  return wrapped;
}

export const it = testFunction(circus.it);
export const test = it;
export const describe = Object.assign((name, fn) => circus.describe(name, fn), {
  only: circus.describe.only,
  skip: circus.describe.skip,
  each: bind(circus.describe, false),
});
export const beforeAll = (fn, ms) => circus.beforeAll(timed(fn, ms, 'a beforeAll hook'), ms);
export const afterAll = (fn, ms) => circus.afterAll(timed(fn, ms, 'an afterAll hook'), ms);
export const beforeEach = (fn, ms) => circus.beforeEach(timed(fn, ms, 'a beforeEach hook'), ms);
export const afterEach = (fn, ms) => circus.afterEach(timed(fn, ms, 'an afterEach hook'), ms);
export const expect = jestExpect;
/** The runner's `jest` object (jest.fn, jest.spyOn, …), set before any spec file is imported. */
export const jest = globalThis.jest;
