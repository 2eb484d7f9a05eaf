/**
 * Jest 30 with jest-light-runner: the specs run built (scripts/build-tests.mjs compiles src/, seeds/
 * and test/ into dist/) in plain Node processes, two at a time, each process running spec files one
 * after another with the app's modules loaded once (docs/development.md "Tests").
 */

/**
 * End-to-end specs whose servers run on SQLite files of their own whatever the backend (their subject is
 * the files' modes, the worker pool for heavy work, the request log, the bench's server start), so a PostgreSQL run would repeat
 * them unchanged: they run in the SQLite run only (docs/development.md "Tests";
 * test/suite-backends.spec.ts checks that none of them reaches TEST_DATABASE_URL).
 */
export const SQLITE_ONLY_SPECS = ['bench-server.e2e-spec.ts', 'file-modes.e2e-spec.ts', 'heavy-work.e2e-spec.ts', 'request-logs.e2e-spec.ts'];

const escaped = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const built = (name) => name.replace(/\.ts$/, '.js');

export default {
  // jest-light-runner's worker in child processes, not worker threads: specs set the umask and start servers of their own.
  runner: '<rootDir>/test/support/suite-runner.mjs',
  testEnvironment: 'node',
  roots: ['<rootDir>/dist/src', '<rootDir>/dist/test', '<rootDir>/dist/seeds'],
  testMatch: ['**/*.spec.js', '**/*.e2e-spec.js', '**/*.browser-spec.js', '**/*.pg-spec.js'],
  // Specs of several servers on one PostgreSQL run in the PostgreSQL run of the suite (npm run test:pg) only,
  // and the SQLite-only specs above in the SQLite run only.
  testPathIgnorePatterns: [
    '/node_modules/',
    ...(process.env.TEST_DATABASE_URL ? SQLITE_ONLY_SPECS.map((name) => `/test/${escaped(built(name))}$`) : ['\\.pg-spec\\.js$']),
  ],
  globalSetup: '<rootDir>/dist/test/support/global-setup.js',
  globalTeardown: '<rootDir>/dist/test/support/global-teardown.js',
};
