import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Once per test run: a folder for the seeded databases the tests copy (test-app.ts), removed by
 * global-teardown.ts; and a clean folder for this run's record of answers the OpenAPI document
 * does not declare (openapi-validator.ts), merged by global-teardown.ts: `openapi-undeclared`, or
 * `openapi-undeclared-postgres` for a run on PostgreSQL, so that a run on each backend at once
 * (`.ci/run`) never clears or merges the other's. The workers read it from OPENAPI_UNDECLARED_DIR.
 */
export default function globalSetup(): void {
  process.env.TRACKER_TEST_TEMPLATES = mkdtempSync(join(tmpdir(), 'tracker-templates-'));
  process.env.OPENAPI_UNDECLARED_DIR ??= join(process.cwd(), 'test-artifacts', process.env.TEST_DATABASE_URL ? 'openapi-undeclared-postgres' : 'openapi-undeclared');
  rmSync(process.env.OPENAPI_UNDECLARED_DIR, { recursive: true, force: true });
}
