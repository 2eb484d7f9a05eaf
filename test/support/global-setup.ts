import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Once per test run: a folder for the seeded databases the tests copy (test-app.ts), removed by global-teardown.ts. */
export default function globalSetup(): void {
  process.env.TRACKER_TEST_TEMPLATES = mkdtempSync(join(tmpdir(), 'tracker-templates-'));
}
