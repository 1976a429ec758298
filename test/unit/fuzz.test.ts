import { PROPERTIES, runFuzz } from '../fuzz/suite';
import { REPO } from './helpers';

// A fast, fixed slice of the fuzz properties on every test run; `npm run fuzz` runs many more.
describe('fuzz properties (fast slice, seed 20261123)', function () {
  this.timeout(120_000);
  for (const [name] of PROPERTIES) {
    it(name, () => {
      runFuzz({ runs: 40, seed: 20261123, repoRoot: REPO }, new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    });
  }
});
