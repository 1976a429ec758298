import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { StrategyMap } from '../../src/core';
import type { ThroughlineApi } from '../../src/vscode/extension';
import { checkpoint, checkpointsAvailable, requireCheckpoints } from './checkpoint';
import { activateThroughline, fixtureUri, nextEvent, readText, waitFor } from './helpers';

/** Every node key the map data holds (vision, pillars, goals, items), once each. */
function keysOf(map: StrategyMap): Set<string> {
  const keys = new Set<string>();
  for (const p of map.products) {
    if (p.vision) keys.add(p.vision.key);
    for (const pillar of p.pillars) {
      keys.add(pillar.node.key);
      for (const g of pillar.goals) keys.add(g.key);
    }
    for (const g of p.goalsWithoutVision) keys.add(g.key);
    for (const g of [...p.pillars.flatMap((x) => x.goals), ...p.goalsWithoutVision]) for (const list of Object.values(g.items)) for (const i of list) keys.add(i.key);
    for (const list of Object.values(p.untracedItems)) for (const i of list) keys.add(i.key);
  }
  return keys;
}

/** The roadmap items in a rendered map, by title. */
function itemTitles(map: StrategyMap): string[] {
  return map.products.flatMap((p) => [...p.pillars.flatMap((x) => x.goals), ...p.goalsWithoutVision].flatMap((g) => Object.values(g.items).flat()).concat(Object.values(p.untracedItems).flat())).map((i) => i.title);
}

describe('The Strategy Map view (webview)', () => {
  let api: ThroughlineApi;

  before(async function () {
    this.timeout(60_000);
    ({ api } = await activateThroughline());
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens from its command, and its page (its own script, under the CSP) draws every node of the workspace', async function () {
    this.timeout(60_000);
    const rendered = nextEvent(api.strategyMap.onDidRender);
    await vscode.commands.executeCommand('throughline.openStrategyMap');
    const { map } = await rendered;
    const panel = api.strategyMap.webviewPanel;
    assert.ok(panel, 'the panel is open');
    assert.equal(panel.viewType, 'throughline.strategyMap');
    const html = panel.webview.html;
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-([0-9a-f]{36})'; script-src 'nonce-\1';/);
    assert.doesNotMatch(html, /https?:\/\/|vscode-resource|\bsrc=/, 'no remote or local resource is loaded');
    assert.deepEqual(panel.webview.options.localResourceRoots, []);
    const expected = api.index.workspaces().flatMap(({ workspace }) => workspace.graph().nodes.filter((n) => n.kind !== 'strategy').map((n) => n.key));
    const keys = keysOf(map);
    assert.deepEqual(expected.filter((k) => !keys.has(k)), [], 'graph nodes missing from the map');
  });

  it('shows the map in the webview: every node on screen, and a finding where the rules put it', async function () {
    requireCheckpoints(this);
    const expected = keysOf(api.strategyMap.map);
    const seen = await checkpoint({
      name: 'map-nodes',
      inWebview: true,
      waitFor: [{ selector: '.node[data-key="roadmap.md#weekly-digest-for-the-team"] .gap.warning' }],
      count: '.node[data-key]',
      read: '.node[data-key="roadmap.md#weekly-digest-for-the-team"] .gap',
    });
    assert.ok((seen.count ?? 0) >= expected.size, `${seen.count} nodes drawn for ${expected.size} in the map`);
    assert.match((seen.texts ?? [])[0] ?? '', /^untraced/);
  });

  it('shows the why-chain on hover, and opens a node’s file at its line on click', async function () {
    requireCheckpoints(this);
    this.timeout(60_000);
    const hovered = await checkpoint({
      name: 'map-hover',
      inWebview: true,
      hover: '.node[data-key="roadmap.md#email-and-chat-connectors"] a.open',
      read: '.node[data-key="roadmap.md#email-and-chat-connectors"] .why',
    });
    assert.match((hovered.texts ?? []).join('\n'), /Serves goal G1 Collect every request in one inbox[\s\S]*Beacon vision/);
    const opened = waitFor(
      [vscode.window.onDidChangeActiveTextEditor, vscode.window.onDidChangeTextEditorSelection],
      () => {
        const e = vscode.window.activeTextEditor;
        return e && e.document.uri.path.endsWith('/roadmap.md') && e.selection.start.line === 18 ? e : undefined;
      },
      'roadmap.md to open at “Evidence score on each request” after the click',
    );
    await checkpoint({ name: 'map-click', inWebview: true, click: '.node[data-key="roadmap.md#evidence-score-on-each-request"] a.open' });
    await opened;
  });

  it('follows edits: an item added to the roadmap is drawn, as untraced, without reopening', async function () {
    this.timeout(60_000);
    const roadmap = fixtureUri('roadmap.md');
    const document = await vscode.workspace.openTextDocument(roadmap);
    const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.Beside);
    const original = document.getText();
    let latest: StrategyMap | undefined;
    const sub = api.strategyMap.onDidRender(({ map }) => (latest = map));
    try {
      await editor.edit((b) => b.insert(document.lineAt(document.lineCount - 1).range.end, '\n\n### Dark mode for the inbox\n'));
      await waitFor([api.strategyMap.onDidRender], () => (latest && itemTitles(latest).includes('Dark mode for the inbox') ? true : undefined), 'the map to show the new item');
      const untraced = latest!.products.flatMap((p) => Object.values(p.untracedItems).flat()).find((i) => i.title === 'Dark mode for the inbox');
      assert.ok(untraced, 'drawn among the items that serve no goal');
      assert.deepEqual(untraced.gaps.map((g) => g.rule), ['untraced-item'], 'with the gap the rule reports');
      if (checkpointsAvailable()) {
        await checkpoint({ name: 'map-live', inWebview: true, waitFor: [{ selector: 'tbody.untraced .node:has-text("Dark mode for the inbox") .gap.warning' }] });
      }
    } finally {
      sub.dispose();
      await editor.edit((b) => b.replace(new vscode.Range(0, 0, document.lineCount, 0), original));
      await document.save();
    }
    await waitFor([api.strategyMap.onDidRender], () => (!itemTitles(api.strategyMap.map).includes('Dark mode for the inbox') ? true : undefined), 'the map to drop the item again');
  });

  it('exports the same map as a self-contained HTML report, links relative to where it is saved', async () => {
    const target = fixtureUri('exported/strategy-map.html');
    const saved = (await vscode.commands.executeCommand('throughline.exportReport', target)) as vscode.Uri | undefined;
    assert.equal(saved?.toString(), target.toString());
    try {
      const html = await readText(target);
      assert.doesNotMatch(html, /<script|\bsrc=/, 'a report runs no script and loads nothing');
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
      for (const key of keysOf(api.strategyMap.map)) assert.ok(html.includes(`data-key="${key}"`), `the report holds ${key}`);
      assert.match(html, /href="\.\.\/roadmap\.md#L5"/, 'a node links to its file and line, relative to the report');
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(target, '..'), { recursive: true });
    }
  });
});
