import * as assert from 'node:assert/strict';
import { defaultConfig, detectKind } from '../../src/core';
import { findingLines, issuesOf, workspaceOf } from './helpers';

// How Throughline reads docs nobody wrote for it (docs/format.md "How Throughline reads docs it was
// not written for", docs/format.md §8): one synthetic doc per rule, each the smallest case that shows it.

/** What a workspace reads: `kind line title` per node, and `from → to (via)` per trace, by line. */
function reading(files: Record<string, string>): { nodes: string[]; traces: string[] } {
  const graph = workspaceOf(files).graph();
  const byKey = new Map(graph.nodes.map((n) => [n.key, n]));
  const where = (key: string) => {
    const n = byKey.get(key)!;
    return `${n.file}:${n.line}`;
  };
  return {
    nodes: graph.nodes.filter((n) => n.kind === 'goal' || n.kind === 'roadmap-item').map((n) => `${n.kind === 'goal' ? 'goal' : 'item'} ${n.file}:${n.line} ${n.title}`),
    traces: graph.edges.map((e) => `${where(e.from)} → ${where(e.to)} (${e.via})`),
  };
}

const kind = (path: string, text = '') => detectKind(path, text, defaultConfig()).kind;

describe('reading real docs (docs/format.md §8)', () => {
  describe('§2 which docs are product docs', () => {
    it('an index or README takes its folder’s kind, and any file its nearest folder’s', () => {
      assert.equal(kind('roadmap/index.md'), 'roadmap');
      assert.equal(kind('docs/roadmap/2024-12-play-on.md'), 'roadmap');
      assert.equal(kind('handbook/strategy/payments/index.md'), 'strategy');
      assert.equal(kind('team/goals/q2.md'), 'goals');
      assert.equal(kind('docs/intro/README.md', '# Product vision\n'), null);
    });

    it('a title that names a kind gives it, among its first or last words', () => {
      assert.equal(kind('ipfs.md', '# IPFS Go Core Dev Team - Roadmap 2019\n'), 'roadmap');
      assert.equal(kind('x.md', '# Product vision\n'), 'vision');
      assert.equal(kind('x.md', '# OKRs for Q3\n'), 'goals');
      assert.equal(kind('x.md', '---\ntitle: Strategy overview\n---\n'), 'strategy');
      assert.equal(kind('plan.md', '# Plan for Entity Framework Core 8\n'), 'roadmap');
      assert.equal(kind('x.md', '# Throughline example: two products and a set of company OKRs\n'), null);
    });

    it('a doc that is not one by name but holds a Roadmap or Initiatives section is read there only', () => {
      const text = '# Community\n\n## Contributing\n\n- Read the guide\n- Open an issue\n\n## Strategic initiatives\n\n| Initiative | Champion |\n| --- | --- |\n| Mentorship | @a |\n| Outreach | @b |\n';
      assert.equal(kind('README.md', text), 'roadmap');
      assert.deepEqual(reading({ 'README.md': text }).nodes, ['item README.md:12 Mentorship', 'item README.md:13 Outreach']);
    });

    it('negated words, templates, changelogs, ADRs and issue templates are never product docs', () => {
      assert.equal(kind('non-goals.md'), null);
      assert.equal(kind('anti-roadmap.md'), null);
      assert.equal(kind('ROADMAP_TEMPLATE.md'), null);
      assert.equal(kind('strategy/CHANGELOG.md', '# Changes to our strategy\n'), null);
      assert.equal(kind('docs/adr/0001-use-roadmaps.md'), null);
      assert.equal(kind('.github/ISSUE_TEMPLATE/roadmap.md'), null);
      assert.equal(kind('notes.md', '# Roadmap choice\n\n## Context\n\nx\n\n## Decision\n\ny\n\n## Consequences\n\nz\n'), null);
      assert.equal(kind('roadmap.md', '---\nkind: none\n---\n# Roadmap\n'), null);
    });

    it('a doc read by its name in which nothing of its kind is found gets one information finding', () => {
      const ws = workspaceOf({ 'objectives.md': '# Objectives and key results\n\n## How to set OKRs\n\nWrite them with the team.\n' });
      assert.deepEqual(findingLines(ws), ['objectives.md:1 nothing-found']);
    });
  });

  describe('§3 groups or items, by content', () => {
    it('a heading holding sub-headings or a list of entries is a group; its entries are the items', () => {
      const text = '# Roadmap\n\n## Platform\n\n- Single sign-on\n- Audit log\n\n## Insights\n\n### Weekly digest\n\nA summary every Monday.\n';
      assert.deepEqual(reading({ 'roadmap.md': text }).nodes, ['item roadmap.md:5 Single sign-on', 'item roadmap.md:6 Audit log', 'item roadmap.md:10 Weekly digest']);
    });

    it('a heading about one thing (prose, fields, a detail) is the item, whatever its level', () => {
      const text = '# Roadmap\n\n## Offline mode\n\nStatus: In progress\n\nWorks on a plane.\n\n- sync queue\n- conflict resolution\n';
      assert.deepEqual(reading({ 'roadmap.md': text }).nodes, ['item roadmap.md:3 Offline mode']);
    });

    it('horizon, release, status and date headings are groups at any level', () => {
      const text = '# Roadmap\n\n#### Now\n\n- A\n\n### v1.3 (October)\n\n- B\n\n## In progress 🚧\n\n- C\n\n## Q3 2026\n\n- D\n';
      assert.deepEqual(reading({ 'roadmap.md': text }).nodes.map((n) => n.split(' ').pop()), ['A', 'B', 'C', 'D']);
    });

    it('an entry naming an area over its deliverables is a group; an entry ending in a colon owns its details', () => {
      const text = '# Roadmap\n\n- Catalog\n  - Versioned tasks\n  - Task testing\n- Deciding our release policy with regard to:\n  - coordinated releases\n  - LTS\n';
      assert.deepEqual(reading({ 'roadmap.md': text }).nodes, ['item roadmap.md:4 Versioned tasks', 'item roadmap.md:5 Task testing', 'item roadmap.md:6 Deciding our release policy with regard to']);
    });

    it('plain entries under a paragraph or a sentence that explains the heading describe it; a tagline does not explain', () => {
      const explained = '# Roadmap\n\n## Engine enhancements\n\nThe engine is a library that implements reconciliation and diffing.\n\nMany features are still missing from it. The following have to be contributed to it:\n\n* health assessment\n* diffing customization\n';
      assert.deepEqual(reading({ 'roadmap.md': explained }).nodes, ['item roadmap.md:3 Engine enhancements']);
      const tagline = '# Roadmap\n\n## API evolution\n\n***The public API should support new front ends.***\n\n*Benefits: faster support for new frameworks.*\n\n- Create a core API specification\n- Decouple the code from Qt\n';
      assert.deepEqual(reading({ 'roadmap.md': tagline }).nodes, ['item roadmap.md:9 Create a core API specification', 'item roadmap.md:10 Decouple the code from Qt']);
    });

    it('a checkbox entry is work, its sub-entries its steps; an entry may be titled by a heading inside it', () => {
      const text = '# Roadmap\n\n## Backlog\n\n- [ ] Amazing examples\n  - [x] Create a node\n  - [ ] Add files\n- [ ] IPNS\n\n## Planning\n\n* ### Anomaly detection\n\nUses kernel events to spot odd behaviour.\n\n* ### Registry integration\n';
      assert.deepEqual(reading({ 'roadmap.md': text }).nodes, ['item roadmap.md:5 Amazing examples', 'item roadmap.md:8 IPNS', 'item roadmap.md:12 Anomaly detection', 'item roadmap.md:16 Registry integration']);
    });

    it('sub-headings written as field labels (`### Leads:`, `### Notes: NA`) are the item’s fields', () => {
      const text = '# Roadmap\n\n# Milestone - Awesome IPLD\n\n### Leads:\n\n- David\n\n### Tasks:\n\n- [x] Resolver PR\n\n### Requirements by other projects:\n\n- everyone waits\n\n### Notes: `NA`\n\n# Cached milestones (to re-evaluate)\n\n- [ ] Revisit the spec\n- [ ] Pinning API\n';
      assert.deepEqual(reading({ 'roadmap.md': text }).nodes, ['item roadmap.md:3 Milestone - Awesome IPLD', 'item roadmap.md:21 Revisit the spec', 'item roadmap.md:22 Pinning API']);
    });

    it('a table lists things when its rows name them; child rows (↳) are the work of the row above, a goal', () => {
      const text = '# Roadmap\n\n| Release | Scenario | Notes |\n| --- | --- | --- |\n| V1 | Tabs | x |\n| V1 | ↳ Tab tear-off | y |\n| V1 | ↳ tbd | |\n| V1 | Panes | z |\n';
      const { nodes, traces } = reading({ 'roadmap.md': text });
      assert.deepEqual(nodes, ['goal roadmap.md:5 Tabs', 'item roadmap.md:6 ↳ Tab tear-off', 'item roadmap.md:8 Panes']);
      assert.deepEqual(traces, ['roadmap.md:6 → roadmap.md:5 (nesting)']);
    });
  });

  describe('§4 what is never an item or a goal', () => {
    it('navigation, metadata, calendars and legends', () => {
      const text = [
        '# Roadmap',
        '',
        '- [Now](#now)',
        '- [Later](#later)',
        '',
        '## Now',
        '',
        '- Start Date: 2018-01-29',
        '- Owner: @bo',
        '',
        'Meeting notes:',
        '',
        '* [Jan 2022](notes/jan.md)',
        '* [Feb 2022](notes/feb.md)',
        '',
        '| State | Meaning |',
        '| --- | --- |',
        '| ✔️ | shipped |',
        '',
        'Planned:',
        '',
        '+ Real work',
      ].join('\n');
      assert.deepEqual(reading({ 'roadmap.md': text }).nodes, ['item roadmap.md:22 Real work']);
    });

    it('sections by name hold no items, but a table of items inside one is read', () => {
      const text = '# Roadmap\n\n## Background\n\n- We started in 2019\n- Then we grew\n\n## Risks\n\n### Scope creep\n\nIt happens.\n\n## Overview\n\n| Item | Goal |\n| --- | --- |\n| Search | G1 |\n';
      assert.deepEqual(reading({ 'roadmap.md': text }).nodes, ['item roadmap.md:18 Search']);
    });

    it('work left out (Non-goals, Out of scope, What we are not doing) is never read', () => {
      const text = '# Roadmap\n\n## Next\n\n- Export\n\n## What we are not doing\n\n- Mobile app\n\n## Out of scope for 2026\n\n- On-prem\n';
      assert.deepEqual(reading({ 'roadmap.md': text }).nodes, ['item roadmap.md:5 Export']);
    });
  });

  describe('§5 goals wherever they are written', () => {
    it('a Goals section in a roadmap holds goals, and the work nested in each serves it', () => {
      const text = '# Roadmap\n\n## 2026 Goals\n\n### Goal: Cultivate a healthy community\n\n- Mentorship program\n- Contributor docs\n';
      const { nodes, traces } = reading({ 'roadmap.md': text });
      assert.deepEqual(nodes, ['goal roadmap.md:5 Cultivate a healthy community', 'item roadmap.md:7 Mentorship program', 'item roadmap.md:8 Contributor docs']);
      assert.deepEqual(traces, ['roadmap.md:7 → roadmap.md:5 (nesting)', 'roadmap.md:8 → roadmap.md:5 (nesting)']);
    });

    it('entries led by an ID or an Objective label are goals, their key results a metric', () => {
      const text = '# Team OKRs\n\n## Sales\n\n1. **OBJECTIVE: Land large customers**\n   - KR: 5 new logos\n1. **OBJECTIVE: Shorten the cycle**\n   - KR: Shared playbook written\n';
      const ws = workspaceOf({ 'okrs.md': text });
      assert.deepEqual(reading({ 'okrs.md': text }).nodes, ['goal okrs.md:5 Land large customers', 'goal okrs.md:7 Shorten the cycle']);
      assert.deepEqual(findingLines(ws, 'goal-missing-metric'), ['okrs.md:7 goal-missing-metric']);
    });

    it('a sentence that says what a list holds (four big themes) makes it goals', () => {
      const text = '# Roadmap 2023\n\nThere are four big themes we want to tackle this year:\n\n1. **Our APIs.** A stable library.\n2. **Streaming.** Low latency.\n';
      assert.deepEqual(reading({ 'roadmap.md': text }).nodes, ['goal roadmap.md:5 Our APIs', 'goal roadmap.md:6 Streaming']);
    });

    it('a goal stated in a list and worked out under a heading of the same name: the work traces to it', () => {
      const text = '# Roadmap\n\n## Areas\n\n1. **Correctness**. Error rates must not increase when scaling from zero.\n1. **Speed**. Latency stays reasonable under variable load.\n\n### Correctness\n\n1. **End-to-end tests** for regressions\n\n### Speed\n\n1. **Load tests** anyone can run\n';
      const { nodes, traces } = reading({ 'roadmap.md': text });
      assert.deepEqual(nodes, ['goal roadmap.md:5 Correctness', 'goal roadmap.md:6 Speed', 'item roadmap.md:10 End-to-end tests', 'item roadmap.md:14 Load tests']);
      assert.deepEqual(traces, ['roadmap.md:10 → roadmap.md:5 (nesting)', 'roadmap.md:14 → roadmap.md:6 (nesting)']);
    });

    it('a heading labelled with its period (`2026 goal: …`) is a goal; a sentence introducing goals makes its list goals', () => {
      const text = '# Roadmap\n\n## 2026 goal: analyze baseline vs. metal\n\nWe implement both and will compare them.\n\n## General changes to expect\n\nThe following are general goals in the 1-2 year horizon:\n\n* Add more locales\n* Reduce monthly hosting costs\n';
      assert.deepEqual(reading({ 'roadmap.md': text }).nodes, ['goal roadmap.md:3 analyze baseline vs. metal', 'goal roadmap.md:11 Add more locales', 'goal roadmap.md:12 Reduce monthly hosting costs']);
    });

    it('a goal labelled `Objective 1:` answers to `O1` as well', () => {
      const goals = '# OKRs\n\n## Objective 1: Grow self-serve revenue\n\n- KR: 30% of revenue self-serve\n\n## Objective 2: Cut support load\n\n- KR: 20% fewer tickets\n';
      const roadmap = '# Roadmap\n\n## Now\n\n### Checkout redesign\n\nGoal: O1\n';
      const ws = workspaceOf({ 'okrs.md': goals, 'roadmap.md': roadmap });
      assert.deepEqual(reading({ 'okrs.md': goals, 'roadmap.md': roadmap }).traces, ['roadmap.md:5 → okrs.md:3 (field)']);
      assert.deepEqual(findingLines(ws, 'unknown-reference'), []);
    });

    it('a `Goal:` line that is a sentence states its own section’s goal', () => {
      const text = '# Autoscaling roadmap\n\n## Performance\n\n### Sub-second cold start\n\nCold starts take 10 seconds today.\n\n**Goal**: Achieve sub-second average cold starts.\n';
      const ws = workspaceOf({ 'roadmap.md': text });
      assert.deepEqual(reading({ 'roadmap.md': text }).nodes, ['goal roadmap.md:5 Sub-second cold start']);
      assert.deepEqual(findingLines(ws, 'unknown-reference'), []);
    });
  });

  describe('§6 the vision wherever it is written', () => {
    it('a Vision or Mission heading in any doc is a vision section: its lists are never items', () => {
      const text = '# Roadmap\n\n## Mission and vision\n\n- Be the standard\n- A rich catalog\n\n## Goals\n\n### Goal: Adoption\n\nIn alignment with our mission, more users.\n';
      const ws = workspaceOf({ 'roadmap.md': text });
      const { nodes, traces } = reading({ 'roadmap.md': text });
      assert.deepEqual(nodes, ['goal roadmap.md:10 Adoption']);
      assert.deepEqual(traces, ['roadmap.md:10 → roadmap.md:3 (prose)']);
      assert.deepEqual(findingLines(ws, 'missing-vision'), []);
    });
  });

  describe('§7 traces a reader sees', () => {
    const GOALS = '# Goals\n\n## G1: Package managers\n\nMetric: 3 ecosystems\n\n## G2: Consumable\n\nMetric: 50% adoption\n';

    it('legend tokens: a symbol the doc defines as a goal traces the items that carry it', () => {
      const roadmap = '# Roadmap\n\n| Symbol | Goal |\n| --- | --- |\n| 📦 | Package managers |\n\n## Now\n\n- 📦 Lockfile v2\n- Docs site\n';
      assert.deepEqual(reading({ 'goals.md': GOALS, 'roadmap.md': roadmap }).traces, ['roadmap.md:9 → goals.md:3 (legend)']);
    });

    it('a goal named in parentheses or after a dash traces; a name that leads nowhere is a broken reference', () => {
      const roadmap = '# Roadmap\n\n- Lockfile v2 (Package managers)\n- Registry mirror — Package managers\n- Stable API (Consumable)\n- Plugin store (Consumabel)\n';
      assert.deepEqual(reading({ 'goals.md': GOALS, 'roadmap.md': roadmap }).traces, [
        'roadmap.md:3 → goals.md:3 (parenthetical)',
        'roadmap.md:4 → goals.md:3 (parenthetical)',
        'roadmap.md:5 → goals.md:7 (parenthetical)',
      ]);
      const [broken] = issuesOf(workspaceOf({ 'goals.md': GOALS, 'roadmap.md': roadmap }), 'unknown-reference');
      assert.match(broken!.message, /“Consumabel”.*Did you mean G2 “Consumable”/);
    });

    it('asides in parentheses are not references when the doc does not name goals that way', () => {
      const roadmap = '# Roadmap\n\n- Design system (DLS)\n- Cost insights (Spotify)\n';
      const ws = workspaceOf({ 'goals.md': GOALS, 'roadmap.md': roadmap });
      assert.deepEqual(findingLines(ws, 'unknown-reference'), []);
      assert.deepEqual(findingLines(ws, 'untraced-item'), ['roadmap.md:3 untraced-item', 'roadmap.md:4 untraced-item']);
    });

    it('prose naming the goal traces; a title sharing words with one does not', () => {
      const roadmap = '# Roadmap\n\n- Registry mirror\n\n  This supports *Package managers* for offline installs.\n- Package managers page\n';
      assert.deepEqual(reading({ 'goals.md': GOALS, 'roadmap.md': roadmap }).traces, ['roadmap.md:3 → goals.md:3 (prose)']);
    });

    it('a field the item writes wins over where it sits', () => {
      const roadmap = '# Roadmap\n\n## Goals\n\n### Goal: Faster builds\n\n- Incremental linking — Goal: G2\n- Parallel front end\n';
      assert.deepEqual(reading({ 'goals.md': GOALS, 'roadmap.md': roadmap }).traces, ['roadmap.md:7 → goals.md:7 (field)', 'roadmap.md:8 → roadmap.md:5 (nesting)']);
    });
  });

  describe('§8 one cause, one finding', () => {
    it('a product with items and no goals gets one finding at the roadmap, and titles read as written', () => {
      const ws = workspaceOf({ 'roadmap.md': '# Roadmap\n\n## Ongoing work 🚧\n\n- 🐣 **Phase 1:** Platform (Done ✅)\n- Search\n' });
      assert.deepEqual(findingLines(ws), ['roadmap.md:1 product-without-goals']);
      assert.deepEqual(workspaceOf({ 'roadmap.md': '# Roadmap\n\n- 🐣 **Phase 1:** Platform (Done ✅)\n' }).graph().nodes.map((n) => n.title), ['Phase 1: Platform (Done)']);
    });
  });

  describe('§9 remedies for a misread', () => {
    it('a comment says how to read the heading or list below it', () => {
      const text = '# Roadmap\n\n<!-- throughline-read-as: group -->\n## Search revamp\n\nWe rebuild search.\n\n- Indexer\n\n<!-- throughline-read-as: ignore -->\n- Not work\n- Also not work\n';
      assert.deepEqual(reading({ 'roadmap.md': text }).nodes, ['item roadmap.md:8 Indexer']);
    });
  });
});
