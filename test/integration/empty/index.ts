import { runSuite } from '../runner';

/** Entry point of the `empty` phase (bundled to `dist/test/integration/empty/index.js`); see test/harness/phases.ts. */
export function run(): Promise<void> {
  return runSuite('empty', __dirname);
}
