import * as path from 'node:path';
import { PROPERTIES, runFuzz } from './suite';

// The long fuzz run: `npm run fuzz -- [--runs N] [--seed S] [--only REGEX]`. Reproducible: the same
// seed replays the same cases; a failure prints the seed and the counterexample's path.
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const runs = Number(option('runs', '2000'));
const seed = Number(option('seed', String(Date.now() % 1_000_000)));
const only = args.includes('--only') ? new RegExp(option('only', '.')) : undefined;
const repoRoot = path.resolve(__dirname, '../../..');

console.log(`fuzz: ${PROPERTIES.length} properties × ${runs} cases, seed ${seed}`);
const started = Date.now();
let total = 0;
for (const [name] of PROPERTIES) {
  if (only && !only.test(name)) continue;
  const t = Date.now();
  runFuzz({ runs, seed, repoRoot }, new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  total += runs;
  console.log(`  ✔ ${name}: ${runs} cases in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
console.log(`fuzz: ${total} cases, every property held, in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${seed})`);
