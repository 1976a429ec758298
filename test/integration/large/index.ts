import { runSuite } from '../runner';

/** Entry point of the `large` phase (bundled to `dist/test/integration/large/index.js`); see test/harness/phases.ts. */
export function run(): Promise<void> {
  return runSuite('large', __dirname);
}
