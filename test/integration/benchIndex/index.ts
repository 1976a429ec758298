import { runSuite } from '../runner';

/** Entry point of the `index-2k` and `index-10k` phases (on demand, for `npm run bench`); see test/harness/phases.ts. */
export function run(): Promise<void> {
  return runSuite('benchIndex', __dirname);
}
