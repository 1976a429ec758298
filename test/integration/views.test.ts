import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ThroughlineApi } from '../../src/vscode/extension';
import type { StrategyElement } from '../../src/vscode/tree';
import { ALIGNMENT, FINDINGS, G1_TITLE, G2_TITLE, O1_TITLE, UNTRACED_TITLE, waitForPristine } from './fixture';
import { checkpoint, checkpointsAvailable, clickOpensStrategyView, requireCheckpoints } from './checkpoint';
import { activateThroughline, baseName, deleteFiles, fixtureUri, formatRange, insertText, readText, rangeOn, restoreFile, ruleOf, throughlineDiagnostics, waitFor, writeText } from './helpers';

/** A tree item's label as shown, whether a string or a label with highlights. */
function labelText(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** A tree as indented lines, `label — description`, children expanded: what a user sees with every node open. */
export async function outline<T>(provider: vscode.TreeDataProvider<T>, element?: T, depth = 0): Promise<string[]> {
  const lines: string[] = [];
  for (const child of (await provider.getChildren(element)) ?? []) {
    const item = await provider.getTreeItem(child);
    lines.push(`${'  '.repeat(depth)}${labelText(item)} — ${String(item.description ?? '')}`);
    lines.push(...(await outline(provider, child, depth + 1)));
  }
  return lines;
}

/** `outline` at once, for probes that run on every tree change: this provider answers synchronously. */
function outlineNow(api: ThroughlineApi, element?: StrategyElement, depth = 0): string[] {
  const lines: string[] = [];
  for (const child of (api.strategyTree.getChildren(element) ?? []) as StrategyElement[]) {
    const item = api.strategyTree.getTreeItem(child);
    lines.push(`${'  '.repeat(depth)}${labelText(item)} — ${String(item.description ?? '')}`);
    lines.push(...outlineNow(api, child, depth + 1));
  }
  return lines;
}

async function findElement(provider: vscode.TreeDataProvider<StrategyElement>, label: string | RegExp, element?: StrategyElement): Promise<StrategyElement | undefined> {
  for (const child of (await provider.getChildren(element)) ?? []) {
    const item = await provider.getTreeItem(child);
    const text = labelText(item);
    if (typeof label === 'string' ? text === label : label.test(text)) return child;
    const found = await findElement(provider, label, child);
    if (found) return found;
  }
  return undefined;
}

/** Every Throughline finding in the fixture, as the Problems panel counts them. */
const GAPS = Object.values(FINDINGS).reduce((n, rules) => n + rules.length, 0);
/** The view's header: items traced per horizon (roadmap.md has Now and Next), and the gaps. */
const HEADER = (nowTraced: number) => `Traced to a goal: Now ${nowTraced} of 3 (${Math.round((nowTraced / 3) * 100)}%) · Next 1 of 2 (50%). ${GAPS} gaps to close (Gaps by Rule lists them).`;

const OUTLINE = [
  'Beacon vision — 2 goals',
  '  V1 One inbox for every request — 1 goal',
  `    G1 ${G1_TITLE} — 2 items`,
  '      Email and chat connectors — Now',
  '      Inbox rules — Now',
  '  V2 Priorities you can defend — 1 goal',
  `    G2 ${G2_TITLE} — 1 item`,
  '      Evidence score on each request — Next',
  'unanswered — Beacon strategy — 1 of 3 answered',
  '  Who — Who we serve',
  '  What — not answered',
  '  Why — not answered',
  'Goals with no vision — 1',
  `  no vision +2 — O1 ${O1_TITLE} — 0 items`,
  'Roadmap items with no goal — 2',
  `  no goal — ${UNTRACED_TITLE} — Now`,
  '  G9? — Call transcript import — Next',
];

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

  it('shows vision → pillars → goals → roadmap items, the strategy’s who / what / why, and what is left out, each gap before the title', async () => {
    assert.deepEqual(await outline(api.strategyTree), OUTLINE);
  });

  it('shows a pillar with its own icon and without a repeated “Pillar:” label, and a roadmap item’s horizon, never its file and line', async () => {
    const pillar = await findElement(api.strategyTree, 'V1 One inbox for every request');
    assert.ok(pillar);
    const item = api.strategyTree.getTreeItem(pillar);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'layers', 'a pillar has a pillar-like icon, not a code symbol');
    assert.doesNotMatch(await outline(api.strategyTree).then((l) => l.join('\n')), /\.md:\d/, 'no row shows a file and line');
  });

  it('sums up in its header: traced items per horizon, and the gaps (never “aligned”, which reads as “no gaps”)', () => {
    assert.equal(api.strategyView.message, HEADER(ALIGNMENT.traced - 1));
    assert.equal(api.strategyView.description, `${GAPS} gaps`);
  });

  it('has an activity-bar icon of its own that opens it, and shows the gaps in its header', async function () {
    requireCheckpoints(this);
    const { extension } = await activateThroughline();
    const manifest = extension.packageJSON as { contributes: { viewsContainers: { activitybar: Array<{ id: string; icon: string }> } } };
    const icon = manifest.contributes.viewsContainers.activitybar.find((c) => c.id === 'throughline')?.icon;
    assert.ok(icon, 'the manifest declares the Throughline activity-bar container and its icon');
    await vscode.workspace.fs.stat(vscode.Uri.joinPath(extension.extensionUri, icon)); // throws when the icon is missing
    await clickOpensStrategyView(api.strategyView, 'click the Throughline activity-bar icon', '.activitybar .action-item a[aria-label^="Throughline"]');
    const header = await checkpoint({ name: 'read the Strategy view header', waitFor: [{ selector: '.tree-explorer-viewlet-tree-view > .message' }], read: '.tree-explorer-viewlet-tree-view > .message' });
    assert.ok(header.texts?.some((t) => t.includes(HEADER(ALIGNMENT.traced - 1))), `the header shows the traced items and the gaps; it shows: ${JSON.stringify(header.texts)}`);
  });

  it('reads at 300 px: the gaps before each title stay in view, the header wraps instead of being cut', async function () {
    requireCheckpoints(this);
    await vscode.commands.executeCommand('throughline.showStrategy');
    const row = strategyRow(UNTRACED_TITLE);
    const seen = await checkpoint({
      name: 'strategy at 300 px',
      waitFor: [{ selector: row }],
      drag: { selector: '.part.sidebar', edge: 'right', to: 300 },
      measure: '.part.sidebar',
      read: '.tree-explorer-viewlet-tree-view > .message',
      screenshot: 'strategy-300px',
      clip: '.part.sidebar',
    });
    assert.ok(seen.size && Math.abs(seen.size.width - 300) <= 2, `the side bar is 300 px wide: ${JSON.stringify(seen.size)}`);
    const sidebarRight = seen.size.x + seen.size.width;
    assert.ok(seen.texts?.[0]?.includes('gaps to close'), `the header's whole text is there: ${JSON.stringify(seen.texts)}`);
    const header = await checkpoint({ name: 'header box', measure: '.tree-explorer-viewlet-tree-view > .message' });
    assert.ok(header.size!.x + header.size!.width <= sidebarRight + 1, `the header fits the side bar: ${JSON.stringify(header.size)}`);
    // The badge is the highlighted start of the label: it must be inside the side bar, not cut off.
    const badge = await checkpoint({ name: 'badge box', waitFor: [{ selector: `${row} .highlight` }], measure: `${row} .highlight`, read: `${row} .highlight` });
    assert.deepEqual(badge.texts, ['no goal']);
    assert.ok(badge.size!.x + badge.size!.width <= sidebarRight, `the badge “no goal” is in view at 300 px: ${JSON.stringify(badge.size)} in a side bar ending at ${sidebarRight}`);
    const broken = await checkpoint({ name: 'broken badge box', waitFor: [{ selector: `${strategyRow('Call transcript import')} .highlight` }], measure: `${strategyRow('Call transcript import')} .highlight`, read: `${strategyRow('Call transcript import')} .highlight` });
    assert.deepEqual(broken.texts, ['G9?'], 'the badge names the broken reference');
    assert.ok(broken.size!.x + broken.size!.width <= sidebarRight);
  });

  it('names the finding and its fix in full in a node’s tooltip', async () => {
    const element = await findElement(api.strategyTree, /G9\? — Call transcript import/);
    assert.ok(element);
    const item = await api.strategyTree.resolveTreeItem(api.strategyTree.getTreeItem(element), element);
    const tooltip = (item.tooltip as vscode.MarkdownString).value.replace(/\\([\\`*_{}[\]()#+\-.!|~$])/g, '$1');
    assert.match(tooltip, /No goal has the ID or title “G9”/);
    assert.match(tooltip, /Fix: Change to goal… · Create goal G9 “Call transcript import” in goals\.md/);
  });

  it('opens with the Show Strategy View command', async () => {
    await vscode.commands.executeCommand('throughline.showStrategy');
    await waitFor([api.strategyView.onDidChangeVisibility], () => (api.strategyView.visible ? true : undefined), 'the Strategy view to be visible');
  });

  it('refreshes after an edit: the item moves under its goal and the header counts it', async () => {
    await vscode.window.showTextDocument(roadmap);
    const heading = rangeOn(original, `### ${UNTRACED_TITLE}`, UNTRACED_TITLE);
    const refreshed = waitFor([api.strategyTree.onDidChangeTreeData], () => (api.strategyView.message === HEADER(ALIGNMENT.traced).replace(`${GAPS} gaps`, `${GAPS - 1} gaps`) ? true : undefined), 'the tree to refresh', {
      describe: () => api.strategyView.message ?? '',
    });
    await insertText(roadmap, new vscode.Position(heading.start.line + 1, 0), '\nGoal: G2\n');
    await refreshed;
    const lines = await outline(api.strategyTree);
    const g2 = lines.indexOf(`    G2 ${G2_TITLE} — 2 items`);
    assert.ok(g2 >= 0, lines.join('\n'));
    assert.deepEqual(lines.slice(g2 + 1, g2 + 3).map((l) => l.trim()).sort(), ['Evidence score on each request — Next', `${UNTRACED_TITLE} — Now`]);
    assert.ok(!lines.some((l) => l.includes(`no goal — ${UNTRACED_TITLE}`)), 'it left the “no goal” group');
    await restoreFile(roadmap, original);
    await waitForPristine();
  });

  it('keeps what the user expanded across edits, even while a goal loses its only item for a moment', async function () {
    requireCheckpoints(this);
    await vscode.commands.executeCommand('throughline.showStrategy');
    const g2 = await findElement(api.strategyTree, `G2 ${G2_TITLE}`);
    assert.ok(g2);
    await api.strategyView.reveal(g2, { expand: true, select: false, focus: false });
    const row = strategyRow(G2_TITLE);
    await checkpoint({ name: 'G2 expanded', waitFor: [{ selector: `${row}[aria-expanded="true"]` }, { selector: strategyRow('Evidence score on each request') }] });
    // Retyping G2's only item's trace: for a moment the item traces nowhere and G2 has no item.
    await vscode.window.showTextDocument(roadmap);
    const trace = rangeOn(original, 'Goal: G2', 'G2');
    // Where the item sits: under G2, or among the items with no goal.
    const strayed = () => {
      const lines = outlineNow(api);
      const group = lines.findIndex((l) => l.startsWith('Roadmap items with no goal'));
      const item = lines.findIndex((l) => l.includes('Evidence score on each request'));
      return group >= 0 && item > group;
    };
    const broken = waitFor([api.strategyTree.onDidChangeTreeData], () => (strayed() ? true : undefined), 'G2 without items', { describe: () => outlineNow(api).join('\n') });
    const edit = new vscode.WorkspaceEdit();
    edit.replace(roadmap, new vscode.Range(trace.start.translate(0, 1), trace.end), '');
    await vscode.workspace.applyEdit(edit);
    await broken;
    await checkpoint({ name: 'G2 with no item', waitFor: [{ selector: `${row}:not([aria-expanded])` }] });
    const back = waitFor([api.strategyTree.onDidChangeTreeData], () => (!strayed() ? true : undefined), 'G2 with its item again', { describe: () => outlineNow(api).join('\n') });
    await insertText(roadmap, trace.start.translate(0, 1), '2');
    await back;
    const after = await checkpoint({ name: 'G2 still expanded', waitFor: [{ selector: `${row}[aria-expanded="true"]`, timeoutMs: 5000 }], readHtml: row });
    assert.match((after.html ?? []).join('\n'), /aria-expanded="true"/, 'G2 is still expanded');
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

  it('Reveal in Problems selects the node’s finding in its file', async () => {
    const element = await findElement(api.strategyTree, `no goal — ${UNTRACED_TITLE}`);
    assert.ok(element);
    assert.equal(api.strategyTree.getTreeItem(element).contextValue, 'roadmap-item located gaps traceable');
    await vscode.commands.executeCommand('throughline.revealInProblems', element);
    await waitFor([vscode.window.onDidChangeActiveTextEditor, vscode.window.onDidChangeTextEditorSelection], () => {
      const e = vscode.window.activeTextEditor;
      return e && baseName(e.document.uri) === 'roadmap.md' && e.document.getText(e.selection) === UNTRACED_TITLE ? true : undefined;
    }, 'the finding selected in roadmap.md');
  });

  it('offers Open, Trace to Goal… and Reveal in Problems on a node with a gap (its context menu)', async function () {
    requireCheckpoints(this);
    const element = await findElement(api.strategyTree, `no goal — ${UNTRACED_TITLE}`);
    assert.ok(element);
    await vscode.commands.executeCommand('throughline.showStrategy');
    await api.strategyView.reveal(element, { select: false, focus: false });
    const row = strategyRow(UNTRACED_TITLE);
    const menu = await checkpoint({ name: 'context menu', waitFor: [{ selector: row }], rightClick: row, read: '.context-view .action-label' });
    await checkpoint({ name: 'close the menu', press: ['Escape'] });
    for (const entry of ['Open', 'Trace to Goal…', 'Reveal in Problems']) assert.ok(menu.texts?.includes(entry), `the menu offers ${entry}: ${JSON.stringify(menu.texts)}`);
  });

  it('paints a node with its own gaps only, never with its file’s problem count', async function () {
    requireCheckpoints(this);
    // roadmap.md has two findings; “Email and chat connectors” in it traces fine and must look it.
    const label = 'Email and chat connectors';
    await vscode.commands.executeCommand('throughline.showStrategy');
    const element = await findElement(api.strategyTree, label);
    assert.ok(element);
    await api.strategyView.reveal(element, { select: false, focus: false, expand: false });
    const row = strategyRow(label);
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
      () => (api.strategyView.selection.some((e) => labelText(api.strategyTree.getTreeItem(e)) === label) ? true : undefined),
      `“${label}” to be selected in the view`,
      { describe: () => api.strategyView.selection.map((e) => labelText(api.strategyTree.getTreeItem(e))).join(', ') },
    );
  });

  it('shows only what has gaps when asked (and the nodes above them), and everything again', async () => {
    await vscode.commands.executeCommand('throughline.showGapsOnly');
    try {
      assert.deepEqual(await outline(api.strategyTree), [
        'unanswered — Beacon strategy — 1 of 3 answered',
        '  Who — Who we serve',
        '  What — not answered',
        '  Why — not answered',
        'Goals with no vision — 1',
        `  no vision +2 — O1 ${O1_TITLE} — 0 items`,
        'Roadmap items with no goal — 2',
        `  no goal — ${UNTRACED_TITLE} — Now`,
        '  G9? — Call transcript import — Next',
      ]);
    } finally {
      await vscode.commands.executeCommand('throughline.showAll');
    }
    assert.deepEqual(await outline(api.strategyTree), OUTLINE);
  });

  it('shows a one-item file’s horizon from its front matter', async () => {
    const offline = fixtureUri('initiatives/offline-mode.md');
    await writeText(offline, '---\nkind: initiative\nhorizon: Later\ngoal: G1\n---\n\n# Offline mode\n\nWork without a connection.\n');
    try {
      await waitFor([api.strategyTree.onDidChangeTreeData], () => (outlineNow(api).includes('      Offline mode — Later') ? true : undefined), 'the initiative under G1 with its horizon', { describe: () => outlineNow(api).join('\n') });
    } finally {
      await deleteFiles([offline]);
      await vscode.workspace.fs.delete(fixtureUri('initiatives'), { recursive: true }).then(undefined, () => undefined);
    }
  });
});

describe('Gaps view', () => {
  let api: ThroughlineApi;

  before(async function () {
    this.timeout(60_000);
    ({ api } = await activateThroughline());
  });

  it('groups every finding under its rule’s title, in the order the rules are documented', async () => {
    const shown = ((await api.gapsTree.getChildren()) ?? []).map((g) => {
      const item = api.gapsTree.getTreeItem(g);
      return `${String(item.label)} (${String(item.description)})`;
    });
    const counts = new Map<string, number>();
    for (const name of Object.keys(FINDINGS)) for (const d of throughlineDiagnostics(fixtureUri(name))) counts.set(ruleOf(d)!, (counts.get(ruleOf(d)!) ?? 0) + 1);
    // The order of the rules table in README.md and docs/rules/, each under its title.
    const documented: Array<[string, string]> = [
      ['untraced-item', 'Roadmap items with no goal'],
      ['unknown-reference', 'Broken traces'],
      ['goal-without-vision', 'Goals that serve no part of the vision'],
      ['goal-without-items', 'Goals nothing on the roadmap moves'],
      ['missing-vision', 'Products with no vision doc'],
      ['strategy-missing-section', 'Strategy questions not answered'],
      ['goal-missing-metric', 'Goals with no measurable target'],
      ['duplicate-id', 'IDs used twice'],
      ['invalid-front-matter', 'Front matter that cannot be read'],
      ['unknown-kind', 'Unknown document kinds'],
    ];
    assert.deepEqual(shown, documented.filter(([r]) => counts.has(r)).map(([r, title]) => `${title} (${counts.get(r)})`));
  });

  it('lists each finding under its rule, and a click reveals it', async () => {
    const groups = (await api.gapsTree.getChildren()) ?? [];
    const untraced = groups.find((g) => api.gapsTree.getTreeItem(g).label === 'Roadmap items with no goal');
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

  it('opens a rule’s page rendered, read-only, from its group and from a finding’s link', async () => {
    const groups = (await api.gapsTree.getChildren()) ?? [];
    const untraced = groups.find((g) => api.gapsTree.getTreeItem(g).label === 'Roadmap items with no goal')!;
    assert.equal(api.gapsTree.getTreeItem(untraced).contextValue, 'rule', 'the group offers “Open Rule Documentation”');
    const diagnostic = throughlineDiagnostics(fixtureUri('roadmap.md')).find((d) => ruleOf(d) === 'untraced-item')!;
    const target = (diagnostic.code as { target: vscode.Uri }).target;
    // What VS Code does when the rule's link in the Problems panel or the hover is clicked.
    await vscode.commands.executeCommand(target.path, ...(JSON.parse(decodeURIComponent(target.query)) as unknown[]));
    const tab = await waitFor(
      [vscode.window.tabGroups.onDidChangeTabs],
      () => {
        const active = vscode.window.tabGroups.activeTabGroup.activeTab;
        return active?.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(active.input.viewType) ? active : undefined;
      },
      'the rule page in a Markdown preview',
      { describe: () => `${vscode.window.tabGroups.activeTabGroup.activeTab?.label}` },
    );
    assert.match(tab.label, /untraced-item\.md/);
    if (checkpointsAvailable()) {
      // Rendered: the page's title as a heading inside the preview, not Markdown source.
      await checkpoint({ name: 'rule page rendered', waitFor: [{ selector: 'h1:has-text("untraced-item")', frames: ['iframe.webview.ready', 'iframe#active-frame'] }] });
    }
    assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document.uri.path.endsWith('/docs/rules/untraced-item.md')), 'the page’s source is not opened for editing');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});

/** The Strategy view's row showing `label`: the Prioritise view, open beside it, lists the same items. */
function strategyRow(label: string): string {
  return `.pane:has(.pane-header h3.title:text-is("Strategy")) .monaco-list-row:has-text("${label}")`;
}
