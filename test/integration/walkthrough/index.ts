import { runSuite } from '../runner';

/** Entry point of the `walkthrough` phase (bundled to `dist/test/integration/walkthrough/index.js`); see test/harness/phases.ts. */
export function run(): Promise<void> {
  return runSuite('walkthrough', __dirname);
}
