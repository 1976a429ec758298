import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { checkpoint, requireCheckpoints } from '../checkpoint';
import { activateThroughline, nextEvent } from '../helpers';

/**
 * The Strategy Map of a generated product with 1,000 roadmap items and 20 goals (the `large`
 * phase's workspace): it collapses to one row per goal with counts per horizon, every node is
 * still in the page, and a count expands to its items.
 */
describe('The Strategy Map of a 1,000-item product', () => {
  // One vision in the workspace: the whole folder is the product (scope '').
  const scope = 'section.product[data-scope=""]';

  it('draws one row per goal with its counts per horizon, every node in the page, and expands on click', async function () {
    requireCheckpoints(this);
    this.timeout(120_000);
    const { api } = await activateThroughline();
    const rendered = nextEvent(api.strategyMap.onDidRender);
    await vscode.commands.executeCommand('throughline.openStrategyMap');
    const { map } = await rendered;
    const product = map.products.find((p) => p.scope === '');
    assert.ok(product, 'the generated product is drawn');
    // The generator writes 1,000 items; however many the reader takes, far more than the 120 that collapse a product.
    const items = product.summary.roadmapItems;
    assert.ok(items > 900, `${items} roadmap items read`);
    const goals = [...product.pillars.flatMap((p) => p.goals), ...product.goalsWithoutVision];
    assert.equal(goals.length, 20);

    const shown = await checkpoint({
      name: 'large-collapsed',
      inWebview: true,
      waitFor: [{ selector: `${scope} table.map.collapsed` }],
      count: `${scope} .node[data-key]`,
      read: `${scope} th.goal .counts`,
      screenshot: 'strategy-map-large',
    });
    const nodes = 1 + product.pillars.length + goals.length + items; // the vision, pillars, goals, items
    assert.ok((shown.count ?? 0) >= nodes, `${shown.count} nodes in the page for ${nodes} in the product`);
    assert.equal((shown.texts ?? []).length, goals.filter((g) => g.total > 0).length);
    for (const text of shown.texts ?? []) assert.match(text, /^(Now|Next|Later) \d+( · (Next|Later) \d+)*$/);
    const hidden = await checkpoint({ name: 'large-items-hidden', inWebview: true, waitFor: [{ selector: `${scope} .node.item`, state: 'hidden' }] });
    assert.ok(hidden.ok, 'the items wait behind their counts');

    // A checkpoint waits before it clicks: the click, then the wait for what it opened.
    await checkpoint({ name: 'large-expand', inWebview: true, click: `${scope} td.lane.now details > summary` });
    const expanded = await checkpoint({
      name: 'large-expanded',
      inWebview: true,
      waitFor: [{ selector: `${scope} td.lane.now details[open] .node.item` }],
      count: `${scope} td.lane.now details[open] .node.item`,
      screenshot: 'strategy-map-large-expanded',
    });
    const first = goals.find((g) => g.counts.now > 0)!;
    assert.equal(expanded.count, first.counts.now, 'the first goal’s Now items, and only those');
  });
});
