import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ThroughlineApi } from '../../src/vscode/extension';
import type { StrategyElement } from '../../src/vscode/tree';
import { ALIGNMENT, FINDINGS, G1_TITLE, G2_TITLE, O1_TITLE, UNTRACED_TITLE, waitForPristine } from './fixture';
import { checkpoint, clickOpensStrategyView, requireCheckpoints } from './checkpoint';
import { activateThroughline, baseName, fixtureUri, formatRange, insertText, readText, rangeOn, restoreFile, ruleOf, throughlineDiagnostics, waitFor } from './helpers';

/** A tree as indented lines, `label — description`, children expanded: what a user sees with every node open. */
async function outline<T>(provider: vscode.TreeDataProvider<T>, element?: T, depth = 0): Promise<string[]> {
  const lines: string[] = [];
  for (const child of (await provider.getChildren(element)) ?? []) {
    const item = await provider.getTreeItem(child);
    const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    lines.push(`${'  '.repeat(depth)}${label} — ${String(item.description ?? '')}`);
    lines.push(...(await outline(provider, child, depth + 1)));
  }
  return lines;
}

async function findElement(provider: vscode.TreeDataProvider<StrategyElement>, label: string, element?: StrategyElement): Promise<StrategyElement | undefined> {
  for (const child of (await provider.getChildren(element)) ?? []) {
    const item = await provider.getTreeItem(child);
    if (item.label === label) return child;
    const found = await findElement(provider, label, child);
    if (found) return found;
  }
  return undefined;
}

const aligned = (traced: number, total: number) => `${Math.round((traced / total) * 100)}% aligned · ${traced} of ${total} items traced`;

describe('Strategy view', () => {
  let api: ThroughlineApi;
  let roadmap: vscode.Uri;
  let original: string;

  before(async function () {
    this.timeout(60_000);
    ({ api } = await activateThroughline());
    roadmap = fixtureUri('roadmap.md');
    original = await readText(roadmap);
  });

  after(async () => {
    await restoreFile(roadmap, original);
    await waitForPristine();
  });

  it('shows vision → pillars → goals → roadmap items, and what is left out, with each gap', async () => {
    assert.deepEqual(await outline(api.strategyTree), [
      'Beacon vision — vision.md:1',
      '  V1 One inbox for every request — vision.md:5',
      `    G1 ${G1_TITLE} — 2 items`,
      '      Email and chat connectors — Now',
      '      Inbox rules — Now',
      '  V2 Priorities you can defend — vision.md:9',
      `    G2 ${G2_TITLE} — 1 item`,
      '      Evidence score on each request — Next',
      'Goals with no vision — 1',
      `  O1 ${O1_TITLE} — no vision · no items · no metric`,
      'Roadmap items with no goal — 2',
      `  ${UNTRACED_TITLE} — untraced`,
      '  Call transcript import — broken trace',
    ]);
  });

  it('shows the alignment next to the view title', () => {
    assert.equal(api.strategyView.description, aligned(ALIGNMENT.traced, ALIGNMENT.total));
  });

  it('has an activity-bar icon of its own that opens it, and shows the alignment in its header', async function () {
    requireCheckpoints(this);
    const { extension } = await activateThroughline();
    const manifest = extension.packageJSON as { contributes: { viewsContainers: { activitybar: Array<{ id: string; icon: string }> } } };
    const icon = manifest.contributes.viewsContainers.activitybar.find((c) => c.id === 'throughline')?.icon;
    assert.ok(icon, 'the manifest declares the Throughline activity-bar container and its icon');
    await vscode.workspace.fs.stat(vscode.Uri.joinPath(extension.extensionUri, icon)); // throws when the icon is missing
    await clickOpensStrategyView(api.strategyView, 'click the Throughline activity-bar icon', '.activitybar .action-item a[aria-label^="Throughline"]');
    const header = await checkpoint({ name: 'read the Strategy view header', waitFor: [{ selector: '.pane-header .description' }], read: '.pane-header .description' });
    assert.ok(header.texts?.some((t) => t.includes(aligned(ALIGNMENT.traced, ALIGNMENT.total))), `the header shows the alignment; it shows: ${JSON.stringify(header.texts)}`);
  });

  it('opens with the Show Strategy View command', async () => {
    await vscode.commands.executeCommand('throughline.showStrategy');
    await waitFor([api.strategyView.onDidChangeVisibility], () => (api.strategyView.visible ? true : undefined), 'the Strategy view to be visible');
  });

  it('refreshes after an edit: the item moves under its goal and the alignment goes up', async () => {
    await vscode.window.showTextDocument(roadmap);
    const heading = rangeOn(original, `### ${UNTRACED_TITLE}`, UNTRACED_TITLE);
    const refreshed = waitFor([api.strategyTree.onDidChangeTreeData], () => (api.strategyView.description === aligned(ALIGNMENT.traced + 1, ALIGNMENT.total) ? true : undefined), 'the tree to refresh', {
      describe: () => api.strategyView.description ?? '',
    });
    await insertText(roadmap, new vscode.Position(heading.start.line + 1, 0), '\nGoal: G2\n');
    await refreshed;
    const lines = await outline(api.strategyTree);
    const g2 = lines.indexOf(`    G2 ${G2_TITLE} — 2 items`);
    assert.ok(g2 >= 0, lines.join('\n'));
    assert.deepEqual(lines.slice(g2 + 1, g2 + 3).map((l) => l.trim()).sort(), ['Evidence score on each request — Next', `${UNTRACED_TITLE} — Now`]);
    assert.ok(!lines.some((l) => l.includes(`${UNTRACED_TITLE} — untraced`)), 'it left the “no goal” group');
    await restoreFile(roadmap, original);
    await waitForPristine();
  });

  it('reveals a node’s item in the editor, selected, when the node is clicked', async () => {
    const g1 = await findElement(api.strategyTree, `G1 ${G1_TITLE}`);
    assert.ok(g1, 'the G1 node');
    const command = (await api.strategyTree.getTreeItem(g1)).command;
    assert.equal(command?.command, 'throughline.reveal');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = await waitFor([vscode.window.onDidChangeActiveTextEditor], () => (vscode.window.activeTextEditor?.document.uri.path.endsWith('/goals.md') ? vscode.window.activeTextEditor : undefined), 'goals.md in the editor');
    const title = rangeOn(await readText(fixtureUri('goals.md')), '## G1', `G1: ${G1_TITLE}`);
    assert.equal(formatRange(editor.selection), formatRange(title), 'the goal’s title is selected');
  });

  it('paints a node with its own gaps only, never with its file’s problem count', async function () {
    requireCheckpoints(this);
    // roadmap.md has two findings; “Email and chat connectors” in it traces fine and must look it.
    const label = 'Email and chat connectors';
    await vscode.commands.executeCommand('throughline.showStrategy');
    const element = await findElement(api.strategyTree, label);
    assert.ok(element);
    await api.strategyView.reveal(element, { select: false, focus: false, expand: false });
    const row = `.monaco-list-row:has-text("${label}")`;
    const seen = await checkpoint({ name: 'strategy-row', waitFor: [{ selector: row }], read: row, readHtml: row });
    const texts = seen.texts ?? [];
    assert.equal(texts.length, 1, `one row for ${label}`);
    assert.match(texts[0]!.trim(), new RegExp(`^${label}\\s*Now$`), 'the row shows the title and the horizon, and nothing else');
    const html = (seen.html ?? []).join('\n');
    assert.doesNotMatch(html, /monaco-decoration|label-decoration|errorForeground|warningForeground/, `no file decoration (problem count or colour) on the row:\n${html}`);
  });

  it('can reveal, select and expand any node (TreeView.reveal, which needs getParent)', async () => {
    const label = 'Evidence score on each request';
    const item = await findElement(api.strategyTree, label);
    assert.ok(item);
    await api.strategyView.reveal(item, { select: true, focus: false, expand: true });
    // The selection comes back as the view's own element objects: compare what they show.
    await waitFor(
      [api.strategyView.onDidChangeSelection],
      () => (api.strategyView.selection.some((e) => api.strategyTree.getTreeItem(e).label === label) ? true : undefined),
      `“${label}” to be selected in the view`,
      { describe: () => api.strategyView.selection.map((e) => String(api.strategyTree.getTreeItem(e).label)).join(', ') },
    );
  });
});

describe('Gaps view', () => {
  let api: ThroughlineApi;

  before(async function () {
    this.timeout(60_000);
    ({ api } = await activateThroughline());
  });

  it('groups every finding by rule, in the order the rules are documented', async () => {
    const shown = ((await api.gapsTree.getChildren()) ?? []).map((g) => {
      const item = api.gapsTree.getTreeItem(g);
      return `${String(item.label)} (${String(item.description)})`;
    });
    const counts = new Map<string, number>();
    for (const name of Object.keys(FINDINGS)) for (const d of throughlineDiagnostics(fixtureUri(name))) counts.set(ruleOf(d)!, (counts.get(ruleOf(d)!) ?? 0) + 1);
    // The order of the rules table in README.md and docs/rules/.
    const documented = ['untraced-item', 'unknown-reference', 'goal-without-vision', 'goal-without-items', 'missing-vision', 'strategy-missing-section', 'goal-missing-metric', 'duplicate-id', 'invalid-front-matter', 'unknown-kind'];
    assert.deepEqual(shown, documented.filter((r) => counts.has(r)).map((r) => `${r} (${counts.get(r)})`));
  });

  it('lists each finding under its rule, and a click reveals it', async () => {
    const groups = (await api.gapsTree.getChildren()) ?? [];
    const untraced = groups.find((g) => api.gapsTree.getTreeItem(g).label === 'untraced-item');
    assert.ok(untraced);
    const children = (await api.gapsTree.getChildren(untraced)) ?? [];
    assert.equal(children.length, 1);
    const item = api.gapsTree.getTreeItem(children[0]!);
    const diagnostic = throughlineDiagnostics(fixtureUri('roadmap.md')).find((d) => ruleOf(d) === 'untraced-item')!;
    assert.equal(item.label, diagnostic.message);
    assert.equal(item.description, `roadmap.md:${diagnostic.range.start.line + 1}`);
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const editor = await waitFor([vscode.window.onDidChangeActiveTextEditor], () => {
      const e = vscode.window.activeTextEditor;
      return e && baseName(e.document.uri) === 'roadmap.md' && formatRange(e.selection) === formatRange(diagnostic.range) ? e : undefined;
    }, 'roadmap.md with the finding selected', { describe: () => `${vscode.window.activeTextEditor?.document.uri.path} ${vscode.window.activeTextEditor ? formatRange(vscode.window.activeTextEditor.selection) : ''}` });
    assert.equal(editor.document.getText(editor.selection), UNTRACED_TITLE);
  });
});
