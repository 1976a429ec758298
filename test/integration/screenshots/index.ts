import { runSuite } from '../runner';

/** Entry point of the `screenshots` phase (bundled to `dist/test/integration/screenshots/index.js`); see test/harness/phases.ts. */
export function run(): Promise<void> {
  return runSuite('screenshots', __dirname);
}
