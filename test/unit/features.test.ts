import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  RULE_IDS,
  codeLenses,
  completionsAt,
  definitionAt,
  fixAllEdits,
  gapsByRule,
  hoverAt,
  mergeConfig,
  referencesAt,
  renameId,
  renameTargetAt,
  strategyTree,
  workspaceSymbols,
  type Position,
} from '../../src/core';
import { REPO, ROOT, allIssues, applyEdits, findingLines, readFixture, workspaceOf } from './helpers';

const VISION = '# Acme vision\n\nTeams plan with confidence.\n\n## Clarity {#V1}\n\nPlans are easy to read.\n';
const GOALS = '# Goals\n\n## G1: Grow retention\n\nVision: V1\nMetric: 30-day retention from 40% to 55%\n\nKeep teams coming back.\n\n## G2: Enterprise readiness\n';
const ROADMAP = '# Roadmap\n\n## Now\n\n### Retention emails\n\nGoal: G1\n\n## Next\n\n- Win-back offer — Goal: [G1](goals.md#g1-grow-retention)\n- Dark mode\n';
const files = { 'vision.md': VISION, 'goals.md': GOALS, 'roadmap.md': ROADMAP };
const uri = (p: string) => `${ROOT}/${p}`;

/** Position of the first occurrence of `needle` (plus `offset` characters) in a file's text. */
function at(text: string, needle: string, offset = 0): Position {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  return { line, character: lines[line]!.indexOf(needle) + offset };
}

describe('editor features in the core', () => {
  const ws = workspaceOf(files);
  const model = ws.check().model;

  it('hover on a roadmap item shows its why-chain: item → goal (with metric) → vision', () => {
    const hover = hoverAt(model, uri('roadmap.md'), at(ROADMAP, 'Retention emails', 2))!;
    assert.match(hover.markdown, /\*\*Roadmap item\*\* Retention emails/);
    assert.match(hover.markdown, /\*\*Goal\*\* G1 Grow retention · `goals\.md:3`/);
    assert.match(hover.markdown, /Metric: 30\\-day retention from 40% to 55%/);
    assert.match(hover.markdown, /\*\*Vision\*\* V1 Clarity · `vision\.md:5`/);
    assert.match(hover.markdown, /part of Acme vision: Teams plan with confidence\\\./);
  });

  it('hover on an untraced item says so; on a goal lists its vision and items; on a reference shows the target', () => {
    assert.match(hoverAt(model, uri('roadmap.md'), at(ROADMAP, 'Dark mode'))!.markdown, /Traces to no goal/);
    const goal = hoverAt(model, uri('goals.md'), at(GOALS, 'Grow retention'))!.markdown;
    assert.match(goal, /Serves \*\*Clarity\*\*/);
    assert.match(goal, /\*\*2 roadmap items:\*\*/);
    assert.match(goal, /- Win\\-back offer · `roadmap\.md:11`/);
    const ref = hoverAt(model, uri('roadmap.md'), at(ROADMAP, 'Goal: G1', 6))!;
    assert.match(ref.markdown, /^→ \*\*Goal\*\* G1 Grow retention/);
    assert.deepEqual(ref.range, { start: { line: 6, character: 6 }, end: { line: 6, character: 8 } });
  });

  it('escapes document text in hovers, so a title cannot inject markup', () => {
    const evil = workspaceOf({ 'goals.md': '# Goals\n\n## G1: `<img src=x onerror=alert(1)>` \\[click\\](command:evil)\n' });
    const hover = hoverAt(evil.check().model, uri('goals.md'), { line: 2, character: 8 })!;
    assert.doesNotMatch(hover.markdown, /<img|[^\\]\]\(command:/);
    assert.match(hover.markdown, /&lt;img src=x onerror=alert\\\(1\\\)&gt;/);
  });

  it('goes to the definition of a reference, and finds every reference to a goal', () => {
    assert.deepEqual(definitionAt(model, uri('roadmap.md'), at(ROADMAP, 'Goal: G1', 7)), { uri: uri('goals.md'), range: { start: { line: 2, character: 3 }, end: { line: 2, character: 21 } } });
    const refs = referencesAt(model, uri('goals.md'), at(GOALS, 'Grow retention'), false);
    assert.deepEqual(refs.map((r) => `${r.uri.slice(ROOT.length + 1)}:${r.range.start.line + 1}:${r.range.start.character + 1}`), ['roadmap.md:7:7', 'roadmap.md:11:31']);
    assert.equal(referencesAt(model, uri('roadmap.md'), at(ROADMAP, 'Goal: G1', 6), true).length, 3);
  });

  it('renames a goal ID where it is declared, in references by ID, and in link anchors; nothing else', () => {
    const target = renameTargetAt(model, uri('roadmap.md'), at(ROADMAP, 'Goal: G1', 6))!;
    assert.equal(target.item.id, 'G1');
    const edits = renameId(model, target.item, 'G7');
    const renamed: Record<string, string> = { ...files };
    for (const p of Object.keys(renamed)) renamed[p] = applyEdits(renamed[p]!, edits.filter((e) => e.uri === uri(p)));
    assert.match(renamed['goals.md']!, /^## G7: Grow retention$/m);
    assert.equal(renamed['roadmap.md'], ROADMAP.replace('Goal: G1\n', 'Goal: G7\n').replace('goals.md#g1-grow-retention', 'goals.md#g7-grow-retention'));
    assert.equal(renamed['vision.md'], VISION);
    // After the rename every trace still resolves.
    assert.deepEqual(findingLines(workspaceOf(renamed), 'unknown-reference'), []);
  });

  it('completes goal IDs and titles inside a Goal field, and vision sections inside a Vision field', () => {
    const draft = '# Roadmap\n\n- Onboarding tour — Goal: G';
    const ws2 = workspaceOf({ ...files, 'roadmap.md': draft });
    const doc = ws2.get(uri('roadmap.md'))!;
    const items = completionsAt(ws2.check().model, mergeConfig(), doc, { line: 2, character: draft.split('\n')[2]!.length });
    assert.deepEqual(items.map((i) => [i.label, i.insertText]), [['G1 Grow retention', 'G1'], ['G2 Enterprise readiness', 'G2']]);
    assert.deepEqual(items[0]!.range, { start: { line: 2, character: 26 }, end: { line: 2, character: 27 } });
    const goalsDoc = ws2.get(uri('goals.md'))!;
    const vision = completionsAt(ws2.check().model, mergeConfig(), goalsDoc, { line: 4, character: 8 });
    assert.deepEqual(vision.map((i) => i.label), ['Acme vision', 'V1 Clarity']);
    assert.deepEqual(completionsAt(ws2.check().model, mergeConfig(), doc, { line: 0, character: 3 }), []);
  });

  it('puts a lens on each goal counting its roadmap items', () => {
    assert.deepEqual(codeLenses(model, uri('goals.md')).map((l) => [l.range.start.line + 1, l.title, l.locations.length]), [[3, '2 roadmap items', 2], [10, 'no roadmap items', 0]]);
  });

  it('lists goals and items as workspace symbols, filtered by the query', () => {
    assert.deepEqual(workspaceSymbols(model, 'retent').map((s) => s.name), ['G1 Grow retention', 'Retention emails']);
    assert.ok(workspaceSymbols(model, '').length >= 6);
  });

  it('builds the strategy tree: vision → pillar → goal → items, with gaps, and the stray goals and items', () => {
    const [product] = strategyTree(model, mergeConfig());
    assert.equal(product!.label, 'Acme vision');
    assert.deepEqual(product!.summary, { files: 3, goals: 2, roadmapItems: 3, tracedItems: 2, alignment: 0.67 });
    const outline = (nodes: typeof product.nodes, depth = 0): string[] => nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.label} [${n.description}]`, ...outline(n.children, depth + 1)]);
    assert.deepEqual(outline(product!.nodes), [
      'Acme vision [vision.md:1]',
      '  V1 Clarity [vision.md:5]',
      '    G1 Grow retention [2 items]',
      '      Retention emails [Now]',
      '      Win-back offer [Next]',
      'Goals with no vision [1]',
      '  G2 Enterprise readiness [no vision · no items · no metric]',
      'Roadmap items with no goal [1]',
      '  Dark mode [untraced]',
    ]);
    const quiet = strategyTree(model, mergeConfig({ rules: { 'goal-missing-metric': 'off' } }))[0]!;
    assert.equal(quiet.nodes[1]!.children[0]!.description, 'no vision · no items');
  });

  it('groups the findings by rule for the gaps view', () => {
    const groups = gapsByRule(allIssues(ws), RULE_IDS);
    assert.deepEqual(groups.map((g) => [g.rule, g.issues.length]), [['untraced-item', 1], ['goal-without-vision', 1], ['goal-without-items', 1], ['goal-missing-metric', 1]]);
  });

  it('fix all applies each preferred fix once and never two edits at the same place', () => {
    const { files: example, config } = readFixture(path.join(REPO, 'examples'));
    const ex = workspaceOf(example, config);
    const roadmapUri = uri('loop/roadmap.md');
    const edits = fixAllEdits(allIssues(ex), roadmapUri);
    assert.equal(edits.length, 2, 'the two unknown goals are corrected; untraced items need a choice');
    const fixed = applyEdits(example['loop/roadmap.md']!, edits);
    const after = workspaceOf({ ...example, 'loop/roadmap.md': fixed }, config);
    assert.deepEqual(findingLines(after, 'unknown-reference'), []);
  });
});
