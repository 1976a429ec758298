import * as fc from 'fast-check';
import { applyEdit, configValue, document, edit, frontMatter, mutatedSeed, plainText, seeds } from './arbitraries';
import { checkConfig, checkDeterministic, checkIncremental, checkPlainParse, checkWorkspace } from './properties';

/** The fuzz properties, run with a given number of cases each and a seed, so every run can be replayed. */
export interface FuzzOptions {
  runs: number;
  seed: number;
  repoRoot: string;
}

export interface FuzzResult {
  property: string;
  runs: number;
}

type Property = [name: string, build: (seedTexts: string[]) => fc.IPropertyWithHooks<never> | fc.IProperty<never> | fc.IAsyncProperty<never>];

const layout = (vision: string, goals: string, roadmap: string, item: string) => ({
  'vision.md': vision,
  'goals.md': goals,
  'roadmap.md': roadmap,
  'items/one.md': item,
});

export const PROPERTIES: Property[] = [
  [
    'generated workspaces: no throw, in time, every range inside its document',
    () => fc.property(document, document, document, document, (v, g, r, i) => void checkWorkspace(layout(v, g, r, i))) as never,
  ],
  [
    'mutated CommonMark examples and real docs: no throw, in time, ranges inside',
    (s) => fc.property(mutatedSeed(s), mutatedSeed(s), (a, b) => void checkWorkspace({ 'goals.md': a, 'roadmap.md': b })) as never,
  ],
  [
    'front matter, valid to hostile: no throw, in time, ranges inside',
    () => fc.property(frontMatter, document, (fm, d) => void checkWorkspace({ 'roadmap.md': fm + d, 'x.md': fm })) as never,
  ],
  ['the same text analysed twice gives the same result', () => fc.property(document, document, (g, r) => checkDeterministic({ 'goals.md': g, 'roadmap.md': r })) as never],
  [
    'incremental analysis after edits equals a from-scratch analysis',
    (s) =>
      fc.property(fc.oneof(document, mutatedSeed(s)), fc.array(edit, { minLength: 1, maxLength: 8 }), document, (start, edits, goals) => {
        const versions: string[] = [];
        let text = start;
        for (const e of edits) versions.push((text = applyEdit(text, e)));
        checkIncremental({ 'goals.md': goals, 'roadmap.md': start }, 'roadmap.md', versions);
      }) as never,
  ],
  [
    'the plain fast path builds exactly the tree remark builds, or declines',
    () => fc.property(plainText, (text) => checkPlainParse(text)) as never,
  ],
  ['configs: accepted and usable, or refused with a message naming the key', () => fc.property(configValue, (v) => checkConfig(v)) as never],
];

export function runFuzz(options: FuzzOptions, only?: RegExp): FuzzResult[] {
  const seedTexts = seeds(options.repoRoot);
  const results: FuzzResult[] = [];
  for (const [name, build] of PROPERTIES) {
    if (only && !only.test(name)) continue;
    fc.assert(build(seedTexts) as fc.IProperty<unknown>, { numRuns: options.runs, seed: options.seed, endOnFailure: true });
    results.push({ property: name, runs: options.runs });
  }
  return results;
}
