import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { LANES, strategyMap, type MapGap, type MapNode, type StrategyMap } from '../../src/core';
import { renderMapBody } from '../../src/map/render';
import { REPO, allIssues, readFixture, workspaceOf } from './helpers';

/** Every node of a map, once. */
function nodesOf(map: StrategyMap): MapNode[] {
  const seen = new Set<MapNode>();
  for (const p of map.products) {
    if (p.vision) seen.add(p.vision);
    for (const pillar of p.pillars) {
      seen.add(pillar.node);
      for (const g of pillar.goals) [g, ...LANES.flatMap((l) => g.items[l])].forEach((n) => seen.add(n));
    }
    for (const g of p.goalsWithoutVision) [g, ...LANES.flatMap((l) => g.items[l])].forEach((n) => seen.add(n));
    LANES.flatMap((l) => p.untracedItems[l]).forEach((n) => seen.add(n));
  }
  return [...seen];
}

function gapsOf(map: StrategyMap): MapGap[] {
  return [...new Set([...nodesOf(map).flatMap((n) => n.gaps), ...map.products.flatMap((p) => p.otherFindings)])];
}

const examples = readFixture(path.join(REPO, 'examples'));

describe('Strategy Map data (core)', () => {
  it('places every finding of the check once, on the node it is about or among the others, and invents none', () => {
    const ws = workspaceOf(examples.files, examples.config);
    const map = strategyMap(ws.check(), { today: new Date('2026-06-01') });
    const issues = allIssues(ws);
    const gaps = gapsOf(map);
    assert.equal(map.findings, issues.length);
    assert.deepEqual(gaps.map((g) => `${g.file}:${g.line} ${g.rule} ${g.message}`).sort(), issues.map((i) => `${i.uri.slice('file:///ws/'.length)}:${i.range.start.line + 1} ${i.rule} ${i.message}`).sort());
    const dark = nodesOf(map).find((n) => n.title === 'Dark mode')!;
    assert.deepEqual(dark.gaps.map((g) => [g.rule, g.label]), [['untraced-item', 'untraced'], ['urgent-unaligned', 'urgent, no goal']]);
    const strategy = map.products.find((p) => p.scope === 'loop')!.otherFindings.map((g) => g.rule);
    assert.ok(strategy.includes('strategy-missing-section'), 'a strategy doc’s finding is listed with the others');
  });

  it('shows no gap for a rule that is off, or a finding that is suppressed', () => {
    // Dark mode is untraced, and urgent in Now (urgent-unaligned): both off, no badge.
    const off = workspaceOf(examples.files, { ...examples.config, rules: { ...examples.config.rules, 'untraced-item': 'off', 'urgent-unaligned': 'off' } });
    const map = strategyMap(off.check());
    assert.ok(!gapsOf(map).some((g) => g.rule === 'untraced-item'));
    assert.deepEqual(nodesOf(map).find((n) => n.title === 'Dark mode')!.gaps, [], 'the item is still drawn, with no badge');
    const roadmap = examples.files['loop/roadmap.md']!.replace('### Dark mode', '<!-- throughline-disable-next-line -->\n### Dark mode');
    const suppressed = strategyMap(workspaceOf({ ...examples.files, 'loop/roadmap.md': roadmap }, examples.config).check());
    assert.deepEqual(nodesOf(suppressed).find((n) => n.title === 'Dark mode')!.gaps, []);
  });

  it('puts items in lanes by their horizon, dated horizons by the day given', () => {
    const files = {
      'vision.md': '# Vision\n\n## Pillar: Speed {#V1}\n',
      'goals.md': '# Goals\n\n## G1: Faster builds\n\nVision: V1\nMetric: 5 minutes\n',
      'roadmap.md': '# Roadmap\n\n## In progress\n\n- Remote cache — Goal: G1\n\n## Q4 2026\n\n- Build farm — Goal: G1\n\n## Shipped\n\n- Incremental builds — Goal: G1\n- Old thing\n',
    };
    const lanes = (today: string) => {
      const goal = strategyMap(workspaceOf(files).check(), { today: new Date(today) }).products[0]!.pillars[0]!.goals[0]!;
      return Object.fromEntries(LANES.map((l) => [l, goal.items[l].map((i) => i.title)]));
    };
    assert.deepEqual(lanes('2026-02-01'), { now: ['Remote cache'], next: [], later: ['Build farm'], done: ['Incremental builds'], unscheduled: [] });
    assert.deepEqual(lanes('2026-11-01').now, ['Remote cache', 'Build farm']);
    const product = strategyMap(workspaceOf(files).check(), { today: new Date('2026-02-01') }).products[0]!;
    assert.deepEqual(product.lanes, ['now', 'next', 'later', 'done'], 'Done appears because an item is there; No horizon does not');
    assert.deepEqual(product.byLane.done, { items: 2, traced: 1, alignment: 0.5 });
    assert.deepEqual(product.untracedItems.done.map((i) => i.title), ['Old thing']);
  });

  it('draws large products as counts per goal and horizon, with the items behind a <details>', () => {
    const ws = workspaceOf(examples.files, examples.config);
    const map = strategyMap(ws.check());
    const small = renderMapBody(map, { folderName: 'examples' });
    const collapsed = renderMapBody(map, { folderName: 'examples', collapseAbove: 5 });
    assert.doesNotMatch(small, /<details/);
    assert.match(collapsed, /<td class="lane now"><details data-id="[^"]+"><summary>2 items/);
    for (const node of nodesOf(map)) assert.ok(collapsed.includes(`data-key="${node.key}"`), `${node.key} is still in the page`);
  });

  it('escapes every piece of document text', () => {
    const files = { 'vision.md': '# Vision <img src=x onerror=alert(1)>\n', 'roadmap.md': '# Roadmap\n\n## Now\n\n- "Quote" & <script>alert(1)</script>\n' };
    const html = renderMapBody(strategyMap(workspaceOf(files).check()), { folderName: '<b>folder</b>' });
    assert.doesNotMatch(html, /<script|<img|<b>folder/);
    assert.match(html, /&lt;b&gt;folder&lt;\/b&gt;/);
  });
});
