import { rmSync } from 'node:fs';

/** Removes the run's seeded databases (global-setup.ts). */
export default function globalTeardown(): void {
  if (process.env.TRACKER_TEST_TEMPLATES) rmSync(process.env.TRACKER_TEST_TEMPLATES, { recursive: true, force: true });
}
