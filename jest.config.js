/** Jest 30 in native ESM mode (see docs/development.md). */

/**
 * End-to-end specs whose servers run on SQLite files of their own whatever the backend (their subject is
 * the files' modes, the worker pool for heavy work, the request log), so a PostgreSQL run would repeat
 * them unchanged: they run in the SQLite run only (docs/development.md "Tests";
 * test/suite-backends.spec.ts checks that none of them reaches TEST_DATABASE_URL).
 */
export const SQLITE_ONLY_SPECS = ['file-modes.e2e-spec.ts', 'heavy-work.e2e-spec.ts', 'request-logs.e2e-spec.ts'];

const escaped = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/seeds'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/*.browser-spec.ts', '**/*.pg-spec.ts'],
  // Specs of several servers on one PostgreSQL run in the PostgreSQL run of the suite (npm run test:pg) only,
  // and the SQLite-only specs above in the SQLite run only.
  testPathIgnorePatterns: [
    '/node_modules/',
    ...(process.env.TEST_DATABASE_URL ? SQLITE_ONLY_SPECS.map((name) => `/test/${escaped(name)}$`) : ['\\.pg-spec\\.ts$']),
  ],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  testTimeout: 60000,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};
