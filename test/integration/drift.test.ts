import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import type { ThroughlineApi } from '../../src/vscode/extension';
import type { PrioritiseElement } from '../../src/vscode/prioritiseView';
import { checkpoint, checkpointsAvailable } from './checkpoint';
import { waitForPristine } from './fixture';
import { inWebWorker } from './host';
import { activateThroughline, apply, baseName, codeActionsAt, deleteFiles, fixtureUri, nextEvent, waitFor, waitForDiagnostics, waitForText, withRule, writeText } from './helpers';

/**
 * Priorities and drift in a real VS Code (docs/format.md §12): a second product, `drift/`, written
 * for these tests and removed after them, that ranks and dates its work. One quick fix of each new
 * rule is applied the way the light bulb applies it, checked, and undone; the Prioritise view, the
 * status bar's tooltip and the Alignment Over Time panel (from a repository made here) show it.
 */
const VISION = '# Drift vision\n\nFinance teams close their books without late nights.\n\n## Pillar: Fast close {#V1}\n';
const STRATEGY = '# Drift strategy\n\n## Who we serve\n\nFinance teams at companies with 50 to 500 people.\n\n## Problem\n\nClosing the month takes eight days of spreadsheets.\n\n## Why it matters\n\nLate numbers mean late decisions.\n';
const GOALS = [
  '# Drift goals', '',
  '## D1: Cut the monthly close', '', 'Vision: V1', 'Priority: high', 'Metric: close in 3 days instead of 8', '',
  '## D2: Launch the mobile app', '', 'Vision: V1', 'Priority: low', 'Metric: shipped by Q3 2019', '',
  '## D3: Win mid-market finance teams', '', 'Vision: V1', 'Priority: medium', 'Metric: 40 new mid-market accounts by Q2 2019', '',
].join('\n');
const ROADMAP = [
  '# Drift roadmap', '',
  '## Now', '', '### Bank feeds', '', 'Goal: D2', 'Impact: high', '', '### Dark mode', '', 'Urgency: high', '', '### Close checklist', '', 'Goal: D3', '',
  '## Next', '', '### Approvals', '', 'Goal: D2', '',
  '## Later', '', '### Reconciliation rules', '', 'Goal: D1', '',
].join('\n');
const FILES: Record<string, string> = { 'drift/vision.md': VISION, 'drift/strategy.md': STRATEGY, 'drift/goals.md': GOALS, 'drift/roadmap.md': ROADMAP };

const goals = () => fixtureUri('drift/goals.md');
const roadmap = () => fixtureUri('drift/roadmap.md');

/** The finding of `rule` on `uri` whose message matches, and the quick fixes the light bulb offers there. */
async function fixesFor(uri: vscode.Uri, rule: string, message: RegExp = /./): Promise<{ diagnostic: vscode.Diagnostic; actions: vscode.CodeAction[] }> {
  await vscode.window.showTextDocument(uri, { preview: false });
  const ds = await waitForDiagnostics(uri, (d) => withRule(d, rule).some((x) => message.test(x.message)), `the ${rule} finding on ${baseName(uri)}`);
  const diagnostic = withRule(ds, rule).find((x) => message.test(x.message))!;
  const quickFix = (a: vscode.CodeAction) => a.kind?.value === vscode.CodeActionKind.QuickFix.value;
  const actions = (await codeActionsAt(uri, diagnostic.range, undefined, (list) => list.some(quickFix))).filter(quickFix);
  return { diagnostic, actions };
}

function only(actions: readonly vscode.CodeAction[], title: string): vscode.CodeAction {
  const found = actions.filter((a) => a.title === title);
  assert.equal(found.length, 1, `one action “${title}”; offered: ${actions.map((a) => a.title).join(' | ')}`);
  assert.notEqual(found[0]!.isPreferred, true, `“${title}” is a choice, never applied by Fix All`);
  return found[0]!;
}

/** Undo in the editor of `uri`, until its text is `original` again. */
async function undoTo(uri: vscode.Uri, original: string): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  await vscode.commands.executeCommand('undo');
  await waitForText(editor.document, original, `Undo to restore ${baseName(uri)}`);
  if (editor.document.isDirty) await editor.document.save();
}

describe('Priorities and drift', () => {
  let api: ThroughlineApi;

  before(async function () {
    this.timeout(60_000);
    ({ api } = await activateThroughline());
    for (const [name, text] of Object.entries(FILES)) await writeText(fixtureUri(name), text);
    await waitForDiagnostics(roadmap(), (d) => withRule(d, 'urgent-unaligned').length === 2, 'the drift product read, with its two urgent-unaligned findings');
  });

  after(async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await deleteFiles(Object.keys(FILES).map((name) => fixtureUri(name)));
    await vscode.workspace.fs.delete(fixtureUri('drift'), { recursive: true }).then(undefined, () => undefined);
    await waitFor([api.index.onDidChange], () => (api.index.workspaces().every(({ workspace }) => workspace.documents().every((d) => !d.relPath.startsWith('drift/'))) ? true : undefined), 'the drift product to leave the index');
    await waitForPristine();
  });

  it('reports each drift rule where a writer would look for it', async () => {
    const inRoadmap = (await waitForDiagnostics(roadmap(), (d) => withRule(d, 'horizon-misaligned').length === 1, 'horizon-misaligned on Now')).map((d) => `${d.range.start.line + 1} ${String((d.code as { value: string }).value)}`);
    assert.deepEqual(inRoadmap.sort(), ['10 untraced-item', '10 urgent-unaligned', '3 horizon-misaligned', '5 urgent-unaligned'].sort());
    const inGoals = (await waitForDiagnostics(goals(), (d) => withRule(d, 'stale-goal').length === 2, 'two goals past their date')).map((d) => `${d.range.start.line + 1} ${String((d.code as { value: string }).value)}`);
    assert.deepEqual(inGoals.sort(), ['3 goal-neglected', '9 goal-is-output', '9 stale-goal', '15 stale-goal'].sort());
  });

  it('goal-is-output: “Add an outcome template” is a snippet naming the strategy’s customers, Tab goes from blank to blank, and the finding says the outcome is still a prompt', async () => {
    const { actions } = await fixesFor(goals(), 'goal-is-output');
    const fix = only(actions, 'Add an outcome template (from … to … by …)');
    const editor = vscode.window.activeTextEditor!;
    await apply(fix.edit!);
    const line = 'Metric: from … to … by …, for finance teams at companies with 50 to 500 people';
    assert.equal(editor.document.getText(), GOALS.replace('## D2: Launch the mobile app\n', `## D2: Launch the mobile app\n\n${line}\n`));
    // The snippet's first blank is selected; Tab (the next placeholder) selects the second.
    const at = GOALS.split('\n').indexOf('## D2: Launch the mobile app') + 2;
    assert.deepEqual([editor.selection.start.line, editor.document.getText(editor.selection)], [at, '…']);
    const first = editor.selection.start.character;
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.deepEqual([editor.selection.start.line, editor.document.getText(editor.selection)], [at, '…']);
    assert.ok(editor.selection.start.character > first, 'Tab moved to the next blank');
    await waitForDiagnostics(goals(), (d) => withRule(d, 'goal-is-output').some((x) => /outcome is still a prompt/.test(x.message)), 'the finding to say the outcome is still a prompt');
    await vscode.commands.executeCommand('leaveSnippet');
    await undoTo(goals(), GOALS);
    await waitForDiagnostics(goals(), (d) => withRule(d, 'goal-is-output').some((x) => /is worded as an output/.test(x.message)), 'the finding back after Undo');
  });

  it('urgent-unaligned: “Move “Dark mode” to Next” cuts it from Now and writes it under Next; Undo puts it back', async () => {
    const { actions } = await fixesFor(roadmap(), 'urgent-unaligned', /Dark mode/);
    // The light bulb lists untraced-item's fixes too (same range): its “Trace to goal…” is there twice.
    assert.ok(actions.some((a) => a.title === 'Trace to goal…'), actions.map((a) => a.title).join(' | '));
    only(actions, 'Move “Dark mode” to Later');
    await apply(only(actions, 'Move “Dark mode” to Next').edit!);
    const moved = ROADMAP.replace('### Dark mode\n\nUrgency: high\n\n', '').replace('### Approvals\n\nGoal: D2\n', '### Approvals\n\nGoal: D2\n\n### Dark mode\n\nUrgency: high\n');
    const document = vscode.window.activeTextEditor!.document;
    await waitForText(document, moved, 'Dark mode under Next');
    await waitForDiagnostics(roadmap(), (d) => !withRule(d, 'urgent-unaligned').some((x) => /Dark mode/.test(x.message)) && withRule(d, 'horizon-misaligned').length === 0, 'Dark mode no longer urgent in Now, and Now back on target');
    await undoTo(roadmap(), ROADMAP);
    await waitForDiagnostics(roadmap(), (d) => withRule(d, 'urgent-unaligned').length === 2, 'both findings back after Undo');
  });

  it('goal-neglected: “Move “Reconciliation rules” to Next” brings the top goal’s work forward, on the roadmap', async () => {
    const { actions } = await fixesFor(goals(), 'goal-neglected');
    assert.match((await waitForDiagnostics(goals(), (d) => withRule(d, 'goal-neglected').length === 1, 'D1 neglected')).find((d) => withRule([d], 'goal-neglected').length)!.message, /^Top-priority goal D1 “Cut the monthly close” has nothing in Now or Next/);
    await apply(only(actions, 'Move “Reconciliation rules” to Next').edit!);
    await waitForDiagnostics(goals(), (d) => withRule(d, 'goal-neglected').length === 0, 'D1 no longer neglected');
    const moved = (await vscode.workspace.openTextDocument(roadmap())).getText();
    assert.match(moved, /## Next\n\n### Approvals\n\nGoal: D2\n\n### Reconciliation rules\n\nGoal: D1\n\n## Later\n/);
    await undoTo(roadmap(), ROADMAP);
    await waitForDiagnostics(goals(), (d) => withRule(d, 'goal-neglected').length === 1, 'the finding back after Undo');
  });

  it('stale-goal: “Go to the date” selects the date that passed, to write the new one', async () => {
    const { actions } = await fixesFor(goals(), 'stale-goal', /D3/);
    const go = only(actions, 'Go to the date of D3 “Win mid-market finance teams” (Q2 2019)');
    assert.equal(go.edit, undefined, 'it changes nothing itself');
    await vscode.commands.executeCommand(go.command!.command, ...(go.command!.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(baseName(editor.document.uri), 'goals.md');
    assert.equal(editor.document.getText(editor.selection), 'Q2 2019');
  });

  it('horizon-misaligned: on the Now heading, “Trace “Dark mode” to goal…” offers every goal, and tracing it brings Now back on target', async () => {
    const { actions } = await fixesFor(roadmap(), 'horizon-misaligned');
    const trace = only(actions, 'Trace “Dark mode” to goal…');
    assert.equal(trace.command?.command, 'throughline.pickFix');
    const options = (trace.command!.arguments![0] as { options: Array<{ label: string; edits: Array<{ uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }> }> }).options;
    const d1 = options.find((o) => o.label.startsWith('D1 '));
    assert.ok(d1, options.map((o) => o.label).join(', '));
    const edit = new vscode.WorkspaceEdit();
    for (const e of d1.edits) edit.replace(vscode.Uri.parse(e.uri), new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
    await apply(edit);
    await waitForDiagnostics(roadmap(), (d) => withRule(d, 'horizon-misaligned').length === 0 && withRule(d, 'untraced-item').length === 0, 'Now at 100 %');
    await undoTo(roadmap(), ROADMAP);
    await waitForDiagnostics(roadmap(), (d) => withRule(d, 'horizon-misaligned').length === 1, 'the finding back after Undo');
  });

  it('the Prioritise view ranks each horizon, says the formula, and shows drift beside the items', async function () {
    this.timeout(30_000);
    const lines = await waitFor([api.prioritiseTree.onDidChangeTreeData], () => {
      const all = outline(api);
      return all.some((l) => l.includes('Close checklist')) ? all : undefined;
    }, 'the drift product in the Prioritise view');
    const start = lines.findIndex((l) => /^Drift vision/.test(l));
    assert.ok(start >= 0, lines.join('\n'));
    assert.deepEqual(lines.slice(start, start + 6), [
      'Drift vision — Now 67% serve a goal',
      '  Now — 67% serve a goal (2 of 3) · target 80% · under target',
      '    1. Close checklist — 0.13 · D3',
      '    2. Bank feeds — 0.12 · D2 · lowest goal only',
      '    3. Dark mode — 0.00 · no goal · urgent, no goal',
      '  Next — 100% serve a goal (1 of 1)',
    ]);
    assert.equal(api.prioritiseView.message, 'score = alignment × impact × urgency: each factor from 0 to 1, an unstated one 0.5 (hover an item for its factors; weights in the priorityWeights setting).');
    const bank = findItem(api, 'Bank feeds')!;
    // As the hover shows it: Markdown's escapes dropped.
    const tip = (api.prioritiseTree.getTreeItem(bank).tooltip as vscode.MarkdownString).value.replace(/\\(.)/g, '$1');
    assert.match(tip, /score \*\*0\.12\*\* = 0\.30 × 0\.80 × 0\.50/);
    assert.match(tip, /alignment 0\.30: D2 Priority: low/);
    assert.match(tip, /impact 0\.80: Impact: high/);
    assert.match(tip, /urgency 0\.50: not stated, counted as 0\.5/);
    if (checkpointsAvailable()) {
      await vscode.commands.executeCommand('throughline.showPrioritise');
      await vscode.commands.executeCommand('workbench.actions.treeView.throughline.prioritise.collapseAll');
      await api.prioritiseView.reveal(findItem(api, 'Dark mode')!, { select: false, focus: true, expand: true });
      // The row revealed, in the Prioritise view's own pane (the Strategy view lists the same item); the pane may be too short for its neighbours.
      await checkpoint({ name: 'prioritise view', waitFor: [{ selector: '.pane:has(.pane-header h3.title:text-is("Prioritise")) .monaco-list-row:has-text("Dark mode")' }], screenshot: 'prioritise-view' });
    }
  });

  it('the status bar’s tooltip gives the share per horizon and the target', async () => {
    await vscode.window.showTextDocument(roadmap());
    const tooltip = await waitFor([api.index.onDidChange, vscode.window.onDidChangeActiveTextEditor], () => {
      const t = api.status.tooltip;
      return t.includes('By horizon') ? t : undefined;
    }, 'the tooltip for the drift product');
    assert.match(tooltip, /By horizon: Now 2 of 3 \(67%\) · Next 1 of 1 \(100%\) · Later 1 of 1 \(100%\); target 80% for the nearest\./);
  });

  it('Alignment Over Time reads the folder’s git history and draws it', async function () {
    this.timeout(60_000);
    if (inWebWorker()) {
      // A browser runs no program: the panel says so, and where the trend can be read instead.
      await showTrend(api);
      assert.deepEqual(api.trend.shown.trends, []);
      assert.match(api.trend.shown.problems.join('\n'), /git, which VS Code in a browser \(vscode\.dev, github\.dev\) cannot run; open the folder in VS Code on the desktop, or run `throughline trend`/);
      return;
    }
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const git = (args: string[], env: Record<string, string> = {}) => execFileSync('git', args, { cwd: folder.fsPath, env: { ...process.env, ...env }, stdio: 'pipe' });
    const gitConfig = vscode.workspace.getConfiguration('git');
    const wasEnabled = gitConfig.inspect<boolean>('enabled')?.globalValue;
    // VS Code's own git support would lock the index while the test commits.
    await gitConfig.update('enabled', false, vscode.ConfigurationTarget.Global);
    try {
      git(['init', '-q']);
      git(['config', 'user.email', 'pm@example.invalid']);
      git(['config', 'user.name', 'PM']);
      const now = new Date();
      const daysAgo = (n: number) => new Date(now.getTime() - n * 24 * 3600 * 1000).toISOString();
      const steps: Array<[number, string]> = [
        [20, ROADMAP.replace('### Dark mode\n\nUrgency: high\n\n', '')],
        [13, ROADMAP],
        [1, ROADMAP.replace('### Close checklist\n\nGoal: D3\n', '### Close checklist\n\nGoal: D3\n\n### Custom exports\n\nUrgency: high\n')],
      ];
      for (const [ago, text] of steps) {
        await writeText(roadmap(), text);
        git(['add', '-A']);
        git(['commit', '-q', '-m', `${ago} days ago`], { GIT_AUTHOR_DATE: daysAgo(ago), GIT_COMMITTER_DATE: daysAgo(ago) });
      }
      await showTrend(api);
      const { trends, problems } = api.trend.shown;
      assert.deepEqual(problems, []);
      const drift = trends[0]!.points.map((p) => p.products['drift']?.lanes.now?.alignment);
      assert.deepEqual(drift.slice(-3), [1, 0.67, 0.5], 'Now drifts: 2 of 2, 2 of 3, 2 of 4');
      assert.match(api.trend.webviewPanel!.webview.html, /<svg class="trend-chart"/);
      assert.doesNotMatch(api.trend.webviewPanel!.webview.html, /<script/, 'the page runs no script');
      if (checkpointsAvailable()) await checkpoint({ name: 'trend panel', inWebview: true, waitFor: [{ selector: 'figure.trend-product:has-text("Drift vision") svg.trend-chart' }], count: 'polyline.series.now', screenshot: 'trend-panel' });
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, '.git'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
      await writeText(roadmap(), ROADMAP);
      await gitConfig.update('enabled', wasEnabled, vscode.ConfigurationTarget.Global);
    }
  });
});

/** Runs “Show Alignment Over Time” and waits until the panel shows what it read. */
async function showTrend(api: ThroughlineApi): Promise<void> {
  const shown = nextEvent(api.trend.onDidShow);
  await vscode.commands.executeCommand('throughline.showTrend');
  await shown;
}

/** The Prioritise view as indented lines, `label — description`, everything expanded. */
function outline(api: ThroughlineApi, element?: PrioritiseElement, depth = 0): string[] {
  const out: string[] = [];
  for (const child of api.prioritiseTree.getChildren(element)) {
    const item = api.prioritiseTree.getTreeItem(child);
    const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    out.push(`${'  '.repeat(depth)}${label} — ${String(item.description ?? '')}`);
    out.push(...outline(api, child, depth + 1));
  }
  return out;
}

function findItem(api: ThroughlineApi, title: string, element?: PrioritiseElement): PrioritiseElement | undefined {
  for (const child of api.prioritiseTree.getChildren(element)) {
    if (child.type === 'item' && child.item.title === title) return child;
    const found = findItem(api, title, child);
    if (found) return found;
  }
  return undefined;
}
