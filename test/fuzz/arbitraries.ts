import * as fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Generators for the fuzz properties: Markdown built from the format's own constructs (and the ways
 * people get them wrong), front matter from valid to hostile, the CommonMark spec's examples and
 * the real corpus as seeds to mutate, and random configs.
 */

const id = fc.constantFrom('G1', 'G2', 'G-3', 'KR1.2', 'OKR-4', 'R12', 'P1', 'V1', 'g1', 'G99', 'X');
const label = fc.constantFrom('Goal', 'Goals', 'Supports', 'Traces to', 'Objective', 'OKR', 'Vision', 'Pillar', 'Theme', 'Serves', 'goal', 'Owner');
const word = fc.constantFrom('Grow', 'retention', 'Faster', 'onboarding', 'Clarity', 'Speed', 'N/A', 'none', '-', 'TBD', '*bold*', '`code`', '[x](goals.md#g1-grow)', '<b>', '&amp;', '\\*', 'é', '👍', '{#G7}', '(goals: G1)', '—', '|', '', ' ');
const words = fc.array(word, { maxLength: 6 }).map((w) => w.join(' '));
const refList = fc
  .tuple(fc.array(fc.oneof(id, words, fc.constantFrom('goals.md#g1-grow-retention', '[G1](goals.md)', '#speed', 'vision.md', '../x.md#y')), { maxLength: 4 }), fc.constantFrom(', ', '; ', ','))
  .map(([refs, separator]) => refs.join(separator));

const line = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 7 }), fc.option(id), words).map(([d, i, t]) => `${'#'.repeat(d)} ${i ? `${i}: ` : ''}${t}`),
  fc.tuple(fc.constantFrom('', '**', '_', '*'), label, refList).map(([e, l, r]) => `${e}${l}${e}: ${r}`),
  fc.tuple(fc.constantFrom('- ', '* ', '1. ', '  - ', '    - ', '- [ ] ', '- [x] ', '> - '), words, fc.option(fc.tuple(label, refList, fc.constantFrom(' — ', ' (', '. ')))).map(
    ([m, t, f]) => `${m}${t}${f ? `${f[2]}${f[0]}: ${f[1]}${f[2] === ' (' ? ')' : ''}` : ''}`,
  ),
  fc.array(fc.oneof(words, refList, label), { minLength: 1, maxLength: 4 }).map((cells) => `| ${cells.join(' | ')} |`),
  fc.constantFrom('| --- | --- |', '|---|:-:|---|', '', '', '', '```', '~~~', '    indented code', '---', '===', '> quote', '<!-- throughline-disable-next-line untraced-item -->', '<!-- throughline-disable -->', '<!-- throughline-enable -->', '<div>', '</div>', '[ret]: goals.md#g1', 'Metric: 40% to 55%', 'Target: TBD', '- KR1.1: 10 users', 'Key results:', '\t- tabbed', '***', 'Goals:', '- **Goals:**', '  - G1', '- Supports: G2', '  continues here — Goal: G1', 'Key Result 1: 10 users', '| Metric | under 1% |', '- Partner with Acme Inc. Team'),
  words,
);

const body = fc.array(line, { maxLength: 40 });

export const frontMatter: fc.Arbitrary<string> = fc.oneof(
  fc.constant(''),
  fc.tuple(fc.constantFrom('vision', 'strategy', 'goals', 'roadmap', 'goal', 'roadmap-item', 'epic', 'okr', 'roadmp', 'post', ''), fc.option(refList), fc.option(words)).map(
    ([kind, goal, title]) => `---\nkind: ${kind}\n${goal !== null ? `goal: ${goal}\n` : ''}${title !== null ? `title: ${JSON.stringify(title)}\n` : ''}---\n`,
  ),
  fc.constantFrom(
    '---\nkind: roadmap\nowner: [Bo\n---\n',
    '---\nkind: goals\ntitle: "open\n---\n',
    '---\n---\n',
    '---\nkind: [roadmap]\n---\n',
    '---\nkind: roadmap\nitemLevel: 2\n---\n',
    '---\nkind: goals\nitemLevel: 99\n---\n',
    '---\ngoals: {a: {b: {c: {d: [1, [2, [3, [4]]]]}}}}\nkind: epic\n---\n',
    '---\n: : :\n---\n',
    '---\nkind: roadmap\n',
  ),
  // Alias expansion: a small "billion laughs".
  fc.integer({ min: 2, max: 12 }).map((n) => {
    const lines = ['kind: goal', 'a0: &a0 [x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < n; i++) lines.push(`a${i}: &a${i} [${Array(8).fill(`*a${i - 1}`).join(', ')}]`);
    return `---\n${lines.join('\n')}\n---\n`;
  }),
  // A long or deeply nested front matter.
  fc.integer({ min: 1, max: 200 }).map((n) => `---\nkind: goals\n${'x:\n'.repeat(0)}${Array.from({ length: n }, (_, i) => `${'  '.repeat(Math.min(i, 60))}k${i}:`).join('\n')} v\n---\n`),
);

/** A document built from the format's constructs, with random line endings and an optional BOM. */
export const document: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), frontMatter, body, fc.constantFrom('\n', '\r\n', '\r', 'mixed'), fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }))
  .map(([bom, fm, lines, eol, coin]) => {
    const text = fm + lines.join('\n') + '\n';
    let n = 0;
    const withEol = eol === 'mixed' ? text.replace(/\n/g, () => (coin[n++ % coin.length] ? '\r\n' : '\n')) : text.replace(/\n/g, eol);
    return (bom ? '\uFEFF' : '') + withEol;
  });

/** Seeds to mutate: the CommonMark spec's examples and every real document in the corpus. */
export function seeds(repoRoot: string): string[] {
  const out = commonMarkExamples(fs.readFileSync(path.join(repoRoot, 'node_modules', 'commonmark-spec', 'spec.txt'), 'utf8'));
  // The spec has 652 examples: far fewer means the extraction broke and the fuzzing lost its seeds.
  if (out.length < 600) throw new Error(`only ${out.length} CommonMark examples were read from commonmark-spec/spec.txt`);
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md')) out.push(fs.readFileSync(full, 'utf8'));
    }
  };
  walk(path.join(repoRoot, 'test', 'fixtures', 'corpus', 'real'));
  walk(path.join(repoRoot, 'examples'));
  return out;
}

/** The Markdown of each example in the CommonMark spec (its `example` blocks, tabs written as →). */
function commonMarkExamples(spec: string): string[] {
  const fence = '`'.repeat(32);
  const out: string[] = [];
  const re = new RegExp(`^${fence} example\\n([\\s\\S]*?)^\\.\\n`, 'gm');
  for (const m of spec.matchAll(re)) out.push(m[1]!.replace(/→/g, '\t'));
  return out;
}

/** One edit: insert, delete or replace a span, with text drawn from the constructs. */
export interface Edit {
  at: number;
  remove: number;
  insert: string;
}

const insertText = fc.oneof(fc.constantFrom('x', '\n', '#', '- ', '|', '`', '*', ':', '---', '\n\n# Head\n', 'Goal: G1', '\r\n', ' ', '>', '[', ']('), line.map((l) => `${l}\n`));

export const edit: fc.Arbitrary<Edit> = fc.record({ at: fc.nat(), remove: fc.nat({ max: 20 }), insert: insertText });

export function applyEdit(text: string, e: Edit): string {
  const at = text.length === 0 ? 0 : e.at % (text.length + 1);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

/** A mutated seed: a real or spec document with a few random edits, given a product doc's kind. */
export function mutatedSeed(all: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...all), fc.array(edit, { maxLength: 6 }), fc.constantFrom('roadmap', 'goals', 'vision', 'strategy', 'epic'))
    .map(([seed, edits, kind]) => `---\nkind: ${kind}\n---\n${edits.reduce(applyEdit, seed)}`);
}

/** Configs, well- and ill-formed, as a parsed YAML value would be. */
export const configValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.record(
    {
      rules: fc.dictionary(fc.constantFrom('untraced-item', 'unknown-reference', 'nope', 'duplicate-id'), fc.oneof(fc.constantFrom('error', 'warn', 'off', 'loud', 'info'), fc.anything({ maxDepth: 1 }))),
      kinds: fc.dictionary(fc.constantFrom('roadmap', 'goal', 'roadmaps'), fc.oneof(fc.array(fc.constantFrom('*.md', '**/x/*.md', '[', '{a,b}')), fc.string(), fc.integer())),
      exclude: fc.oneof(fc.array(fc.string()), fc.string(), fc.boolean()),
      traceLabels: fc.oneof(fc.array(fc.string()), fc.dictionary(fc.constantFrom('goal', 'vision', 'any', 'other'), fc.array(fc.string()))),
      sections: fc.dictionary(fc.constantFrom('who', 'what', 'why', 'how'), fc.array(fc.string())),
      nonItemHeadings: fc.array(fc.string()),
      notIds: fc.array(fc.string()),
    },
    { requiredKeys: [] },
  ),
);

/** Text near the plain fast path's edge: plain lines mixed with the ones it must decline. */
export const plainText: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(
      fc.oneof(
        fc.constantFrom('', '', '', '# T', '## R1: Title', '### x {#G7}', '#', '##', '#tag', '## C#', '## x #', '####### seven', '- a', '- R2: b — Goal: G1', '-x', '- - x', '- # h', '- 1. x', 'Goal: G1', 'text line', '2026. plan', '---', '===', '- ', '-', '  indented', 'trailing ', '#  two', '+ plus', '> q', '<div>', 'a | b'),
        // The inline syntax the fast path builds, and its near misses, which it must decline.
        fc.constantFrom(
          '- **R3: Title** — Goal: G1', '**Bold** intro', '*em*', '- [link](https://a.b/c_d) x', '`code`', 'a *b* c', '**a**b', 'a**b**', '- **x**: y [l](http://a.b/c_d) *e* `f`.',
          '*a *b*', '**', '* * *', '***', '_x_', '[a]: /u', '- [ ] task', '- [x] done', '![img](x)', '&amp;', 'x \\* y', '**a** **b**', '*a**', '**a*', '[a](b "t")', '[a] b',
          '`a``b`', '`` a ``', 'a `b c` d', '**foo.**bar', '*(a)*', 'a*b*c', '**[x](y)**', '[**x**](y)', '## **Now**', '### `R4`: *x*', '- *a* — Goal: [G](goals.md#g1)', '[a](b)(c)',
          '| ID | Goal |', '| --- | :-: |', '|---|---|', '| G1 | **Grow** [x](y) |', '|G2|b|', '| a |', '|---|', '| |', '| 1 | 2 |', '| a \\| b |', '| `a|b` |', '|', '| a', 'a |', '| :- | -: |', '| x | y | z |',
          '**a\nb**', '[a\nb](c)', 'a ` b` c', '- **a**: *b', '***a***', '*a*b', 'b*a*', '_', '`', ']', '[', '(x)', '[x](<y>)', '[](y)', '[ a](y)', 'x*', '*x', '** x**', '**x **', '!', 'a & b', '&#35;',
        ),
        line,
        fc.string({ maxLength: 10 }),
      ),
      { maxLength: 16 },
    ),
    fc.boolean(),
  )
  .map(([lines, trailing]) => lines.join('\n') + (trailing ? '\n' : ''));
