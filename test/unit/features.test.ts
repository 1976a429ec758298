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
  type TreeNode,
  type Workspace,
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
  const result = ws.check();
  const model = result.model;

  it('hover on a roadmap item shows its why-chain: item → goal (with metric) → vision', () => {
    const hover = hoverAt(result, uri('roadmap.md'), at(ROADMAP, 'Retention emails', 2))!;
    assert.match(hover.markdown, /\*\*Roadmap item\*\* Retention emails/);
    assert.match(hover.markdown, /\*\*Goal\*\* G1 Grow retention · `goals\.md:3`/);
    assert.match(hover.markdown, /Metric: 30\\-day retention from 40% to 55%/);
    assert.match(hover.markdown, /\*\*Vision\*\* V1 Clarity · `vision\.md:5`/);
    assert.match(hover.markdown, /part of Acme vision: Teams plan with confidence\\\./);
  });

  it('hover on an untraced item says so; on a goal lists its vision and items; on a reference shows the target', () => {
    assert.match(hoverAt(result, uri('roadmap.md'), at(ROADMAP, 'Dark mode'))!.markdown, /\$\(warning\) Roadmap item “Dark mode” traces to no goal/);
    const goal = hoverAt(result, uri('goals.md'), at(GOALS, 'Grow retention'))!.markdown;
    assert.match(goal, /Serves \*\*Clarity\*\*/);
    assert.match(goal, /\*\*2 roadmap items:\*\*/);
    assert.match(goal, /- Win\\-back offer · `roadmap\.md:11`/);
    const ref = hoverAt(result, uri('roadmap.md'), at(ROADMAP, 'Goal: G1', 6))!;
    assert.match(ref.markdown, /^→ \*\*Goal\*\* G1 Grow retention/);
    assert.deepEqual(ref.range, { start: { line: 6, character: 6 }, end: { line: 6, character: 8 } });
  });

  it('hover on an item with a broken trace shows that finding, as the Problems panel says it', () => {
    const broken = workspaceOf({ ...files, 'roadmap.md': '# Roadmap\n\n### Retention survey\n\nGoal: G9\n' });
    const hover = hoverAt(broken.check(), uri('roadmap.md'), { line: 2, character: 6 })!.markdown;
    assert.match(hover, /\$\(error\) No goal has the ID or title “G9”/);
    const quiet = workspaceOf({ ...files, 'roadmap.md': '# Roadmap\n\n### Retention survey\n\nGoal: G9\n' }, { rules: { 'unknown-reference': 'off' } });
    assert.doesNotMatch(hoverAt(quiet.check(), uri('roadmap.md'), { line: 2, character: 6 })!.markdown, /G9/, 'a rule switched off is not mentioned');
  });

  it('escapes document text in hovers, so a title cannot inject markup', () => {
    const evil = workspaceOf({ 'goals.md': '# Goals\n\n## G1: `<img src=x onerror=alert(1)>` \\[click\\](command:evil)\n' });
    const hover = hoverAt(evil.check(), uri('goals.md'), { line: 2, character: 8 })!;
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

  const outline = (nodes: readonly TreeNode[], depth = 0): string[] =>
    nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.gaps.length ? `${n.gaps.map((g) => g.badge).join(' · ')} — ` : ''}${n.itemId ? `${n.itemId} ` : ''}${n.label} [${n.description}]`, ...outline(n.children, depth + 1)]);

  it('builds the strategy tree: vision → pillar → goal → items, with gaps, and the stray goals and items', () => {
    const [product] = strategyTree(result, mergeConfig(), { today: new Date(2026, 5, 1) });
    assert.equal(product!.label, 'Acme vision');
    assert.deepEqual(product!.summary, { files: 3, goals: 2, roadmapItems: 3, tracedItems: 2, alignment: 0.67 });
    assert.deepEqual(outline(product!.nodes), [
      'Acme vision [1 goal]',
      '  V1 Clarity [1 goal]',
      '    G1 Grow retention [2 items]',
      '      Retention emails [Now]',
      '      Win-back offer [Next]',
      'Goals with no vision [1]',
      '  no vision · no items · no metric — G2 Enterprise readiness [0 items]',
      'Roadmap items with no goal [1]',
      '  no goal — Dark mode [Next]',
    ]);
    assert.deepEqual(product!.horizons, [{ bucket: 'now', traced: 1, total: 1 }, { bucket: 'next', traced: 1, total: 2 }]);
    assert.equal(product!.gapCount, 4);
  });

  it('shows on each node exactly the findings the rules report: a rule off, or a suppressed finding, shows no gap', () => {
    const quiet = workspaceOf(files, { rules: { 'goal-missing-metric': 'off' } });
    assert.ok(outline(strategyTree(quiet.check(), quiet.getConfig())[0]!.nodes).includes('  no vision · no items — G2 Enterprise readiness [0 items]'));
    const suppressed = workspaceOf({ ...files, 'roadmap.md': ROADMAP.replace('- Dark mode', '<!-- throughline-disable-next-line untraced-item -->\n- Dark mode') });
    const lines = outline(strategyTree(suppressed.check(), suppressed.getConfig())[0]!.nodes);
    assert.ok(lines.includes('  Dark mode [Next]'), `a suppressed item sits with the items that trace nowhere, with no gap: ${lines.join('\n')}`);
    // The view and the findings agree node by node: every gap is a finding, every finding on an item is a gap.
    assertTreeMatchesFindings(suppressed);
    assertTreeMatchesFindings(quiet);
  });

  it('groups the findings by rule for the gaps view, under the rules’ titles, the notices included', () => {
    const groups = gapsByRule(allIssues(ws), RULE_IDS);
    assert.deepEqual(groups.map((g) => [g.title, g.issues.length]), [['Roadmap items with no goal', 1], ['Goals that serve no part of the vision', 1], ['Goals nothing on the roadmap moves', 1], ['Goals with no measurable target', 1]]);
    const skipped = workspaceOf({ ...files });
    skipped.skip(uri('other-goals.md'), 'it could not be read (EACCES)');
    assert.deepEqual(gapsByRule(allIssues(skipped), RULE_IDS).map((g) => g.rule).slice(-1), ['file-skipped']);
  });

  it('fix all writes no trace a person did not choose: broken IDs and untraced items are left as they are', () => {
    const { files: example, config } = readFixture(path.join(REPO, 'examples'));
    const ex = workspaceOf(example, config);
    const roadmapUri = uri('loop/roadmap.md');
    assert.deepEqual(fixAllEdits(allIssues(ex), roadmapUri), [], 'G6 and G5 are not G3 or G1 misspelt; the untraced items need a choice');
  });

  it('fix all applies each certain fix once and never two edits at the same place', () => {
    const text = '# Roadmap\n\n- Emails — Goal: g-1, G-1\n- Exports — Goal: Grow retenton\n- Survey — Goal: [G1](goals.md#g1-grow-retentoin)\n';
    const ex = workspaceOf({ ...files, 'roadmap.md': text });
    const edits = fixAllEdits(allIssues(ex), uri('roadmap.md'));
    const fixed = applyEdits(text, edits);
    assert.equal(fixed, '# Roadmap\n\n- Emails — Goal: G1, G1\n- Exports — Goal: G1\n- Survey — Goal: [G1](goals.md#g1-grow-retention)\n');
    assert.deepEqual(findingLines(workspaceOf({ ...files, 'roadmap.md': fixed }), 'unknown-reference'), []);
  });
});

/**
 * The Strategy view and the findings never disagree: every gap on a node is one of the findings,
 * on that node's item (its title, or one of its references), and every finding on an item's title or
 * reference appears as a gap on each node of that item.
 */
export function assertTreeMatchesFindings(ws: Workspace): void {
  const result = ws.check();
  const issues = [...result.issues.values()].flat();
  const nodes: TreeNode[] = [];
  const walk = (list: readonly TreeNode[]) => list.forEach((n) => (nodes.push(n), walk(n.children)));
  for (const product of strategyTree(result, ws.getConfig())) walk(product.nodes);
  for (const node of nodes) for (const gap of node.gaps) assert.ok(issues.includes(gap.issue), `a gap on “${node.label}” that no rule reported: ${gap.issue.message}`);
  for (const [item, linked] of result.model.items) {
    if (item.kind !== 'roadmap-item' && item.kind !== 'goal' && item.kind !== 'vision-section') continue;
    const places = [item.range, ...linked.resolutions.filter((r) => r.problem).map((r) => r.ref.range)];
    const own = issues.filter((i) => i.uri === item.uri && places.some((p) => JSON.stringify(p) === JSON.stringify(i.range)) && i.rule !== 'missing-vision');
    for (const node of nodes.filter((n) => n.location && n.location.uri === item.uri && JSON.stringify(n.location.range) === JSON.stringify(item.range))) {
      assert.deepEqual(node.gaps.map((g) => g.issue.message).sort(), own.map((i) => i.message).sort(), `the gaps of “${node.label}” are its findings`);
    }
  }
}
