import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Once per test run: a folder for the seeded databases the tests copy (test-app.ts), removed by
 * global-teardown.ts; and a clean folder for this run's record of answers the OpenAPI document
 * does not declare (openapi-validator.ts), merged by global-teardown.ts.
 */
export default function globalSetup(): void {
  process.env.TRACKER_TEST_TEMPLATES = mkdtempSync(join(tmpdir(), 'tracker-templates-'));
  rmSync(join(process.cwd(), 'test-artifacts', 'openapi-undeclared'), { recursive: true, force: true });
}
