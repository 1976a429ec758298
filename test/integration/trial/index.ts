import { runSuite } from '../runner';

/** The trial of issue 12 on a product of its own (fixtures/trial/: Spendly), with screenshots. */
export function run(): Promise<void> {
  return runSuite('trial', __dirname);
}
