import { runSuite } from '../runner';

/** Entry point of the `multiroot` phase (bundled to `dist/test/integration/multiroot/index.js`); see test/harness/phases.ts. */
export function run(): Promise<void> {
  return runSuite('multiroot', __dirname);
}
