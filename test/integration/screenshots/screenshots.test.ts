import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ThroughlineApi } from '../../../src/vscode/extension';
import type { StrategyElement } from '../../../src/vscode/tree';
import { checkpoint, requireCheckpoints } from '../checkpoint';
import { activateThroughline, fixtureUri, nextEvent, rangeOn, readText, waitFor, waitForDiagnostics, withRule, writeText } from '../helpers';

/**
 * The README's pictures, taken on a copy of the repository's `examples/`: the suite puts the
 * workbench in each state through the API, then asks the harness to wait until the state is on
 * screen and photograph it. Screenshots named `readme-*` are the ones `npm run screenshots` copies
 * into media/screenshots/. Each test also checks that what it shows really rendered.
 */
describe('README screenshots (examples/)', () => {
  let api: ThroughlineApi;
  let roadmap: vscode.Uri;
  let roadmapText: string;

  before(async function () {
    this.timeout(60_000);
    requireCheckpoints(this);
    ({ api } = await activateThroughline());
    roadmap = fixtureUri('loop/roadmap.md');
    roadmapText = await readText(roadmap);
    await waitForDiagnostics(roadmap, (ds) => withRule(ds, 'untraced-item').length > 0, 'the example roadmap’s findings');
  });

  /** The element whose tree item has `label`, searched depth first under `parent`. */
  async function find(label: string, parent?: StrategyElement): Promise<StrategyElement | undefined> {
    for (const child of (await api.strategyTree.getChildren(parent)) ?? []) {
      const shown = api.strategyTree.getTreeItem(child).label;
      if ((typeof shown === 'string' ? shown : shown?.label) === label) return child;
      const found = await find(label, child);
      if (found) return found;
    }
    return undefined;
  }

  async function showAt(needle: string, linePrefix: string): Promise<vscode.TextEditor> {
    const at = rangeOn(roadmapText, linePrefix, needle).start;
    const editor = await vscode.window.showTextDocument(roadmap, { selection: new vscode.Selection(at, at), preview: false });
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.AtTop);
    return editor;
  }

  it('the Strategy view beside the roadmap, at 300 px: Loop expanded from its vision down to the roadmap items, each gap before its title', async () => {
    await showAt('Loop roadmap', '# Loop roadmap');
    await vscode.commands.executeCommand('throughline.showStrategy');
    await waitFor([api.strategyView.onDidChangeVisibility], () => (api.strategyView.visible ? true : undefined), 'the Strategy view to be visible');
    // The whole side bar for the Strategy view, at the width a product manager leaves it.
    await vscode.commands.executeCommand('throughline.gaps.removeView');
    await vscode.commands.executeCommand('throughline.prioritise.removeView');
    // Products, visions and pillars start expanded and goals collapsed; open Loop's goals and its
    // untraced items, so the picture runs from the vision down to roadmap items and their gaps.
    const loop = await find('loop');
    assert.ok(loop, 'the Loop product, named by its folder');
    for (const goal of ['G1 Capture feedback where it happens', 'G2 Make patterns obvious', 'G3 Close the loop with customers', 'Roadmap items with no goal']) {
      const element = await find(goal, loop);
      assert.ok(element, goal);
      await api.strategyView.reveal(element, { expand: true, select: false, focus: false });
    }
    await checkpoint({
      name: 'strategy',
      drag: { selector: '.part.sidebar', edge: 'right', to: 300 },
      waitFor: [
        { selector: '.monaco-list-row:has-text("Zendesk and Intercom connectors")' },
        { selector: '.monaco-list-row:has-text("Public changelog page")' },
      ],
      screenshot: 'readme-strategy',
    });
  });

  it('the Prioritise view beside the roadmap, at 300 px: Loop’s Now ranked, its drift beside the items', async () => {
    await showAt('Loop roadmap', '# Loop roadmap');
    // The Prioritise view alone in the side bar, Pulse's horizons and both products' Later collapsed.
    await vscode.commands.executeCommand('throughline.strategy.removeView');
    await vscode.commands.executeCommand('throughline.showPrioritise');
    await waitFor([api.prioritiseView.onDidChangeVisibility], () => (api.prioritiseView.visible ? true : undefined), 'the Prioritise view to be visible');
    await checkpoint({
      name: 'prioritise',
      drag: { selector: '.part.sidebar', edge: 'right', to: 300 },
      waitFor: [{ selector: '.monaco-list-row:has-text("In-app feedback widget")' }, { selector: '.monaco-list-row:has-text("Audit log export")' }],
      screenshot: 'readme-prioritise',
    });
    await vscode.commands.executeCommand('workbench.action.openView', 'throughline.strategy');
    await vscode.commands.executeCommand('workbench.action.openView', 'throughline.gaps');
  });

  it('the why-chain hover on a roadmap item', async () => {
    await showAt('Zendesk and Intercom connectors', '### Zendesk');
    await vscode.commands.executeCommand('editor.action.showHover');
    await checkpoint({
      name: 'hover',
      waitFor: [{ selector: '.monaco-hover:has-text("Why it is on the roadmap"):has-text("Capture feedback where it happens")' }],
      screenshot: 'readme-hover',
    });
  });

  it('the reading markers on a roadmap nobody wrote for Throughline', async () => {
    // The README's "Docs you already have" example: goals under Priorities, items nested under them.
    const inherited = fixtureUri('platform/roadmap.md');
    await writeText(
      inherited,
      [
        '# Platform Roadmap 2026',
        '',
        '## Priorities',
        '',
        '### Make installs boring',
        '- **Lockfile v2** - reproducible installs',
        '- **Mirror support** - for air-gapped teams',
        '',
        '### Faster CI',
        '- **Remote cache** - share build outputs between runners',
        '',
        '## Later',
        '- Plugin marketplace',
        '',
        '## How to contribute',
        'Open an issue first.',
        '',
      ].join('\n'),
    );
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.window.showTextDocument(inherited, { preview: false });
    await waitFor([api.index.onDidChange], () => (api.index.documentInfo(inherited)?.items.length === 6 ? true : undefined), 'the platform roadmap to be read');
    await checkpoint({
      name: 'reading-markers',
      waitFor: [
        { selector: '.view-lines:has-text("→ Faster CI · nested")' },
        { selector: '.view-lines:has-text("section · named How to contribute")' },
      ],
      screenshot: 'readme-reading-markers',
    });
    // Out of the next pictures: they show the example as it is.
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(fixtureUri('platform'), { recursive: true });
    await waitFor([api.index.onDidChange], () => (api.index.documentInfo(inherited) === undefined ? true : undefined), 'the platform roadmap to leave the index');
  });

  it('the Problems panel, and the quick fixes for an untraced roadmap item', async () => {
    await showAt('Public changelog page', '- **Public changelog page**');
    await vscode.commands.executeCommand('workbench.action.closeSidebar'); // room for the Problems rows
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    // Only the roadmap's problems, so its rows are on screen beside it.
    await vscode.commands.executeCommand('workbench.actions.workbench.panel.markers.view.toggleActiveFile');
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await vscode.commands.executeCommand('editor.action.quickFix');
    await checkpoint({
      name: 'problems',
      waitFor: [
        { selector: '.markers-panel .monaco-list-row:has-text("Public changelog page")' },
        { selector: '.action-widget:has-text("Trace to goal")' },
      ],
      screenshot: 'readme-problems',
    });
  });

  it('the Strategy Map: pillars, goals and the roadmap by horizon, gaps where they are', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    const rendered = nextEvent(api.strategyMap.onDidRender);
    await vscode.commands.executeCommand('throughline.openStrategyMap');
    await rendered;
    await checkpoint({
      name: 'map',
      inWebview: true,
      waitFor: [{ selector: 'section.product[data-scope="loop"] .node:has-text("Public changelog page") .gap' }],
      screenshot: 'readme-map',
    });
  });
});
