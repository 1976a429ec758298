import * as assert from 'node:assert/strict';
import { findingLines, issuesOf, workspaceOf } from './helpers';

const VISION = '# Vision\n\n## Clarity {#V1}\n\n## Speed\n';
const GOALS = [
  '# Goals',
  '',
  'Vision: Vision',
  '',
  '## G1: Grow retention',
  '',
  'Metric: 55%',
  '',
  '### KR1.2 Weekly check-ins',
  '',
  '## Build, test and ship faster',
  '',
  'Metric: 2x',
].join('\n');

/** The goal keys each roadmap item traces to, with how the trace was written. */
function traces(roadmap: string, extra: Record<string, string> = {}): Record<string, string[]> {
  const ws = workspaceOf({ 'vision.md': VISION, 'goals.md': GOALS, 'roadmap.md': roadmap, ...extra });
  const graph = ws.graph();
  const out: Record<string, string[]> = {};
  for (const node of graph.nodes.filter((n) => n.kind === 'roadmap-item')) {
    out[node.title] = graph.edges.filter((e) => e.from === node.key).map((e) => `${e.to} (${e.via})`);
  }
  return out;
}

const G1 = 'goals.md#g1-grow-retention';
const G2 = 'goals.md#build-test-and-ship-faster';

describe('trace references (docs/format.md §3)', () => {
  it('reads a field on its own line, in any label and emphasis', () => {
    const labels = ['Goal', 'Goals', 'Supports', 'Traces to', 'Serves', 'Objective', 'Objectives', 'OKR', 'goal', 'TRACES  TO'];
    const emphasis = ['X: G1', '**X:** G1', '**X**: G1', '_X_: G1', '*X:* G1'];
    let n = 0;
    const sections: string[] = [];
    for (const label of labels) for (const form of emphasis) sections.push(`### Item ${++n}\n\n${form.replace('X', label)}\n`);
    const result = traces(`# Roadmap\n\n## Now\n\n${sections.join('\n')}`);
    assert.equal(Object.keys(result).length, labels.length * emphasis.length);
    for (const [title, edges] of Object.entries(result)) assert.deepEqual(edges, [`${G1} (field)`], title);
  });

  it('reads a field as a list item, at the end of a list item, in parentheses, and as a heading', () => {
    const roadmap = [
      '# Roadmap',
      '## Now',
      '### As a list item',
      '- Goal: G1',
      '### As a heading',
      '##### OKR: Grow retention',
      '## Next',
      '- Dark mode — Goal: G1',
      '- Sync - goals: G1; KR1.2',
      '- Offline mode (goals: G1)',
    ].join('\n\n');
    assert.deepEqual(traces(roadmap), {
      'As a list item': [`${G1} (field)`],
      'As a heading': [`${G1} (field)`],
      'Dark mode': [`${G1} (field)`],
      Sync: [`${G1} (field)`],
      'Offline mode': [`${G1} (field)`],
    });
  });

  it('reads a field whose value is the list below it, as a list item or on its own line', () => {
    const roadmap = [
      '# Roadmap',
      '## Now',
      '### Session replay',
      '- **Goals:**\n  - G1\n  - Build, test and ship faster',
      '### Funnels',
      'Goals:\n- G1',
      '### Heatmaps',
      'Owner: Bo\nSupports:\n\n- [retention](goals.md#g1-grow-retention)',
      '### Placeholder',
      'Goals:\n- TBD',
    ].join('\n\n');
    assert.deepEqual(traces(roadmap), {
      'Session replay': [`${G1} (field)`, `${G2} (field)`],
      Funnels: [`${G1} (field)`],
      Heatmaps: [`${G1} (field)`],
      Placeholder: [],
    });
    const ws = workspaceOf({ 'vision.md': VISION, 'goals.md': GOALS, 'roadmap.md': roadmap });
    const untraced = issuesOf(ws, 'untraced-item').map((i) => i.message);
    assert.deepEqual(untraced.length, 1);
    assert.match(untraced[0]!, /“Placeholder” is marked as serving no goal \(“TBD”\)/);
  });

  it('takes a list below a document-wide field as its values, not as roadmap items', () => {
    const result = traces('# Roadmap\n\nGoals:\n\n- G1\n\n## Now\n\n### Search box\n');
    assert.deepEqual(result, { 'Search box': [`${G1} (field)`] });
    // A field written as a list item before the first heading is the document's too.
    assert.deepEqual(traces('# Roadmap\n\n- Ship it\n- Goal: G1\n\n## Now\n\n### Search box\n'), { 'Ship it': [`${G1} (field)`], 'Search box': [`${G1} (field)`] });
  });

  it('applies a field under a horizon heading to the items of that horizon that state no trace', () => {
    const roadmap = [
      '# Roadmap',
      '## Now',
      'Goal: G1',
      '### Search box',
      '### Filters',
      'Goal: Build, test and ship faster',
      '## Next',
      '- Import from CSV',
      '- Sharing links — Goal: G1',
      '- Supports: Build, test and ship faster',
      '## Later',
      '### Export',
    ].join('\n\n');
    assert.deepEqual(traces(roadmap), {
      'Search box': [`${G1} (field)`],
      Filters: [`${G2} (field)`],
      'Import from CSV': [`${G2} (field)`],
      'Sharing links': [`${G1} (field)`],
      Export: [],
    });
  });

  it('lets the nearest group with a trace win, then the document', () => {
    const roadmap = '---\nitemLevel: 4\ngoal: G1\n---\n# Roadmap\n\n## 2026\n\nGoals:\n\n- Build, test and ship faster\n\n### Q1\n\n#### Search box\n\n### Q2\n\nGoal: G1\n\n#### Filters\n\n## 2027\n\n#### Export\n';
    assert.deepEqual(traces(roadmap), { 'Search box': [`${G2} (field)`], Filters: [`${G1} (field)`], Export: [`${G1} (front-matter)`] });
  });

  it('applies a field under a group heading in a goals document to the goals of that group', () => {
    const goals = '---\nitemLevel: 3\n---\n# Goals\n\nVision: Vision\n\n## Team A\n\nVision: V1\n\n### G1: One\n\n## Team B\n\n### G2: Two\n';
    const ws = workspaceOf({ 'vision.md': VISION, 'goals.md': goals });
    assert.deepEqual(ws.graph().edges.map((e) => `${e.from} → ${e.to}`), ['goals.md#g1-one → vision.md#clarity-v1', 'goals.md#g2-two → vision.md']);
  });

  it('reads a field at the end of a list item whose paragraph wraps onto more lines', () => {
    const roadmap = [
      '# Roadmap',
      '## Now',
      '- Alpha item\n  continues here — Goal: G1',
      '- Delta item that wraps onto\n  a second line (goals: G1)',
      '- Gamma item, its separator\n  — Goal: G1',
      '- Epsilon item — Goal: G1\n  and a description after the field',
    ].join('\n\n');
    assert.deepEqual(traces(roadmap), {
      'Alpha item continues here': [`${G1} (field)`],
      'Delta item that wraps onto a second line': [`${G1} (field)`],
      'Gamma item, its separator': [`${G1} (field)`],
      'Epsilon item': [`${G1} (field)`],
    });
  });

  it('reads a two-column metadata row and a trace column', () => {
    const roadmap = [
      '# Roadmap',
      '## Now',
      '### Metadata row',
      '| Field | Value |\n| --- | --- |\n| Owner | Bo |\n| Goal | G1 |',
      '## Later',
      '| Item | Supports |\n| --- | --- |\n| Column item | Grow retention |',
    ].join('\n\n');
    assert.deepEqual(traces(roadmap), { 'Metadata row': [`${G1} (field)`], 'Column item': [`${G1} (column)`] });
  });

  it('reads front matter goal, goals and supports, as a string or a list', () => {
    const files = {
      'items/a.md': '---\nkind: initiative\ngoal: G1\n---\n# A\n',
      'items/b.md': '---\nkind: epic\ngoals: [G1, "Build, test and ship faster"]\n---\n# B\n',
      'items/c.md': '---\nkind: feature\nsupports:\n  - ../goals.md#g1-grow-retention\n---\n# C\n',
      'items/d.md': '---\nkind: feature\nsupports: goals.md#g1-grow-retention\n---\n# D, linked from the workspace folder\n',
    };
    const result = traces('# Roadmap\n', files);
    assert.deepEqual(result, {
      A: [`${G1} (front-matter)`],
      B: [`${G1} (front-matter)`, `${G2} (front-matter)`],
      C: [`${G1} (front-matter)`],
      'D, linked from the workspace folder': [`${G1} (front-matter)`],
    });
  });

  it('splits a front matter string at commas like a body field, and still takes a title with a comma whole', () => {
    const files = {
      'items/e.md': '---\nkind: initiative\ngoals: G1; Build test and ship faster\n---\n# E\n',
      'items/f.md': '---\nkind: initiative\ngoal: Build, test and ship faster\n---\n# F\n',
    };
    const ws = workspaceOf({ 'vision.md': VISION, 'goals.md': GOALS, 'roadmap.md': '# Roadmap\n', ...files });
    assert.deepEqual(traces('# Roadmap\n', files), { E: [`${G1} (front-matter)`, `${G2} (front-matter)`], F: [`${G2} (front-matter)`] });
    assert.deepEqual(issuesOf(ws, 'unknown-reference'), [], 'no part of either value is reported');
  });

  it('finds a path in a trace field or front matter from the folders above the file, nearest first', () => {
    const files = {
      'product/vision.md': VISION,
      'product/goals.md': GOALS,
      'product/okr/audit.md': '---\nkind: goal\nsupports: vision.md\nmetric: 2 audits\n---\n# Pass the audit\n',
      'product/items/deep/g.md': '---\nkind: initiative\ngoal: goals.md#g1-grow-retention\n---\n# G\n',
    };
    const ws = workspaceOf(files);
    const graph = ws.graph();
    const edgesOf = (title: string) => graph.edges.filter((e) => e.from === graph.nodes.find((n) => n.title === title)?.key).map((e) => `${e.to} (${e.via})`);
    assert.deepEqual(edgesOf('Pass the audit'), ['product/vision.md (front-matter)']);
    assert.deepEqual(edgesOf('G'), ['product/goals.md#g1-grow-retention (front-matter)']);
    assert.deepEqual(issuesOf(ws, 'unknown-reference'), []);
  });

  it('reads any link in the item that resolves to a goal; other links are not traces', () => {
    const roadmap = [
      '# Roadmap',
      '## Now',
      '### Inline link',
      'This moves [retention](goals.md#g1-grow-retention).',
      '### Reference link',
      'This moves [retention][ret].',
      '[ret]: ./goals.md#g1-grow-retention',
      '### Link to a sub-heading of a goal',
      'See [check-ins](goals.md#kr12-weekly-check-ins).',
      '### Ordinary links',
      'See [the vision](vision.md) and [the web](https://example.com/goals.md#g1-grow-retention).',
    ].join('\n\n');
    assert.deepEqual(traces(roadmap), {
      'Inline link': [`${G1} (link)`],
      'Reference link': [`${G1} (link)`],
      'Link to a sub-heading of a goal': [`${G1} (link)`],
      'Ordinary links': [],
    });
  });

  it('resolves by ID, by link target and by title, with case, spacing and punctuation folded', () => {
    const roadmap = [
      '# Roadmap',
      '## Now',
      '- By ID — Goal: G1',
      '- By sub-ID — Goal: kr1.2',
      '- By ID and title — Goal: G1 Grow retention',
      '- By title with its ID in parentheses — Goal: Grow retention (G1)',
      '- By file and slug — Goal: goals.md#g1-grow-retention',
      '- By link — Goal: [x](goals.md#g1-grow-retention)',
      '- By folded title — Goal: GROW   retention!',
      '- By a title that holds a comma — Goal: Build, test and ship faster',
    ].join('\n\n');
    const result = traces(roadmap);
    for (const [title, edges] of Object.entries(result)) {
      const expected = title.includes('comma') ? G2 : G1;
      assert.deepEqual(edges.map((e) => e.split(' ')[0]), [expected], title);
    }
    assert.equal(Object.keys(result).length, 8);
  });

  it('resolves the doc-site link forms without .md in a field: page#anchor, folder/#anchor, folder/README#anchor', () => {
    const roadmap = [
      '# Roadmap',
      '## Now',
      '- Page and anchor — Goal: goals#g1-grow-retention',
      '- Folder index — Goal: okrs/#o1-faster-onboarding',
      '- Folder README — Goal: okrs/README#o1-faster-onboarding',
    ].join('\n\n');
    const okrs = { 'okrs/README.md': '---\nkind: goals\n---\n# OKRs\n\n## O1: Faster onboarding\n\nVision: V1\n' };
    assert.deepEqual(traces(roadmap, okrs), {
      'Page and anchor': [`${G1} (field)`],
      'Folder index': ['okrs/README.md#o1-faster-onboarding (field)'],
      'Folder README': ['okrs/README.md#o1-faster-onboarding (field)'],
    });
  });

  it('lets a goal with a leading ID and an {#id} attribute answer to both', () => {
    const goals = '# Goals\n\n## G7: Faster setup {#setup}\n\nVision: V1\n';
    const ws = workspaceOf({ 'vision.md': VISION, 'goals.md': goals, 'roadmap.md': '# Roadmap\n\n- By ID — Goal: G7\n- By attribute — Goal: setup\n- By anchor — Goal: goals.md#setup\n' });
    assert.deepEqual(ws.graph().edges.map((e) => `${e.from.split('#')[1]} → ${e.to}`).filter((e) => !e.startsWith('g7')), [
      'by-id → goals.md#g7-faster-setup-setup',
      'by-attribute → goals.md#g7-faster-setup-setup',
      'by-anchor → goals.md#g7-faster-setup-setup',
    ]);
    assert.deepEqual(ws.graph().nodes.find((n) => n.kind === 'goal')?.id, 'G7');
  });

  it('treats N/A, none, - and an empty value as a deliberate missing trace', () => {
    const roadmap = ['# Roadmap', '## Now', '- A — Goal: N/A', '- B — Goal: none', '- C — Goal: -', '- D (goal: )'].join('\n\n');
    const ws = workspaceOf({ 'vision.md': VISION, 'goals.md': GOALS, 'roadmap.md': roadmap });
    assert.deepEqual(findingLines(ws, 'untraced-item'), ['roadmap.md:5', 'roadmap.md:7', 'roadmap.md:9', 'roadmap.md:11'].map((l) => `${l} untraced-item`).sort());
    assert.deepEqual(findingLines(ws, 'unknown-reference'), []);
  });

  it('reads goal → vision traces by ID, title, alias and link', () => {
    const goals = [
      '# Goals',
      '## G1: By ID\n\nVision: V1',
      '## G2: By title\n\nPillar: Speed',
      '## G3: By document title\n\nTheme: Vision',
      '## G4: By link\n\nSupports: [speed](vision.md#speed)',
      '## G5: Objective labels name goals, not the vision\n\nObjective: Speed',
    ].join('\n\n');
    const ws = workspaceOf({ 'vision.md': VISION, 'goals.md': goals });
    const edges = ws.graph().edges.map((e) => `${e.from.split('#')[1]} → ${e.to}`);
    assert.deepEqual(edges, [
      'g1-by-id → vision.md#clarity-v1',
      'g2-by-title → vision.md#speed',
      'g3-by-document-title → vision.md',
      'g4-by-link → vision.md#speed',
    ]);
    assert.deepEqual(findingLines(ws, 'goal-without-vision'), ['goals.md:19 goal-without-vision']);
  });
});

describe('product scopes (docs/format.md §1)', () => {
  it('resolves inside the scope first, then in the whole workspace folder', () => {
    const ws = workspaceOf({
      'a/vision.md': '# A vision',
      'a/goals.md': '# A goals\n\n## G1: A one\n\nVision: A vision',
      'a/roadmap.md': '# A roadmap\n\n- Item — Goal: G1\n- Shared — Goal: G9',
      'b/vision.md': '# B vision',
      'b/goals.md': '# B goals\n\n## G1: B one\n\nVision: B vision\n\n## G9: Only in B\n\nVision: B vision',
    });
    const graph = ws.graph();
    const edges = graph.edges.filter((e) => e.from.startsWith('a/roadmap.md')).map((e) => `${e.from} → ${e.to}`);
    assert.deepEqual(edges, ['a/roadmap.md#item → a/goals.md#g1-a-one', 'a/roadmap.md#shared → b/goals.md#g9-only-in-b']);
    assert.deepEqual([...new Set(graph.nodes.map((n) => n.scope))].sort(), ['a', 'b']);
  });

  it('makes the whole folder one product when there is a single vision doc, wherever it is', () => {
    const ws = workspaceOf({ 'docs/vision.md': '# V', 'planning/goals.md': '# Goals\n\n## G1: One\n\nVision: V' });
    assert.deepEqual([...new Set(ws.graph().nodes.map((n) => n.scope))], ['.']);
    assert.deepEqual(findingLines(ws, 'missing-vision'), []);
  });
});
