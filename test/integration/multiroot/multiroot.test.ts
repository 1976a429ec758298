import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ThroughlineApi } from '../../../src/vscode/extension';
import { activateThroughline, baseName, describeDiagnostics, fixtureUri, readText, rangeOn, ruleOf, waitFor, waitForDiagnostics, withRule } from '../helpers';

/**
 * A multi-root workspace (`fixtures/multiroot/products.code-workspace`): folders `alpha` and `beta`,
 * each its own product with its own G1. Beta's G2 must not satisfy alpha's `Goal: G2`, and beta's
 * folder settings (`.vscode/settings.json`: untraced-item is an error) must not apply to alpha.
 */
describe('Multi-root workspace: one product per folder', () => {
  let api: ThroughlineApi;

  before(async function () {
    this.timeout(60_000);
    ({ api } = await activateThroughline());
  });

  it('opens both folders', () => {
    assert.deepEqual(vscode.workspace.workspaceFolders?.map((f) => f.name), ['alpha', 'beta']);
  });

  it('resolves IDs within each folder: alpha’s G2 is unknown although beta has a G2', async () => {
    const alpha = fixtureUri('roadmap.md', 'alpha');
    const ds = await waitForDiagnostics(alpha, (d) => d.length === 2, 'two findings on alpha/roadmap.md');
    const unknown = withRule(ds, 'unknown-reference');
    assert.equal(unknown.length, 1, describeDiagnostics(ds));
    // Beta's G2 is not offered; nor is alpha's G1, which is not G2 misspelt and shares no word with “Call queue”.
    assert.equal(unknown[0]!.message, 'No goal has the ID or title “G2”. No goal shares its words: choose the one it serves in the quick fixes.');
    assert.deepEqual(unknown[0]!.relatedInformation ?? [], []);
    const beta = await waitForDiagnostics(fixtureUri('roadmap.md', 'beta'), (d) => d.length === 1, 'one finding on beta/roadmap.md');
    assert.deepEqual(beta.map(ruleOf), ['untraced-item'], 'beta’s G1 and G2 both resolve in beta');
  });

  it('applies a folder’s settings to that folder only', async () => {
    const alpha = await waitForDiagnostics(fixtureUri('roadmap.md', 'alpha'), (d) => withRule(d, 'untraced-item').length === 1, 'alpha’s untraced item');
    const beta = await waitForDiagnostics(fixtureUri('roadmap.md', 'beta'), (d) => withRule(d, 'untraced-item').length === 1, 'beta’s untraced item');
    assert.equal(vscode.DiagnosticSeverity[withRule(alpha, 'untraced-item')[0]!.severity], 'Warning', 'alpha: the default');
    assert.equal(vscode.DiagnosticSeverity[withRule(beta, 'untraced-item')[0]!.severity], 'Error', 'beta: its .vscode/settings.json');
  });

  it('goes to each folder’s own G1', async () => {
    for (const folder of ['alpha', 'beta']) {
      const roadmap = fixtureUri('roadmap.md', folder);
      const ref = rangeOn(await readText(roadmap), 'Goal: G1', 'G1');
      const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', roadmap, ref.start);
      assert.deepEqual(found.map((l) => l.uri.toString()), [fixtureUri('goals.md', folder).toString()], `${folder}'s G1 is in ${folder}/goals.md`);
      const g1 = rangeOn(await readText(fixtureUri('goals.md', folder)), '## G1', 'G1');
      assert.equal(found[0]!.range.start.line, g1.start.line);
    }
  });

  it('shows one product per folder in the Strategy view, each with its alignment', async () => {
    const products = (await api.strategyTree.getChildren()) ?? [];
    const shown = products.map((p) => {
      const item = api.strategyTree.getTreeItem(p);
      return `${String(item.label)} — ${String(item.description)}`;
    });
    // Named by folder; the vision's title and the gaps after it.
    assert.deepEqual(shown, ['alpha — Alpha vision · 2 gaps', 'beta — Beta vision · 1 gap']);
    assert.equal(api.strategyView.description, '3 gaps', 'the view title sums up both');
    assert.equal(api.strategyView.message, 'Traced to a goal: Now 3 of 6 (50%). 3 gaps to close (Gaps by Rule lists them).');
  });

  it('shows the alignment of the active editor’s folder in the status bar', async () => {
    for (const [folder, text] of [['alpha', '$(target) 33% traced'], ['beta', '$(target) 67% traced']] as const) {
      await vscode.window.showTextDocument(fixtureUri('roadmap.md', folder));
      await waitFor([api.index.onDidChange, vscode.window.onDidChangeActiveTextEditor], () => (api.status.text === text ? true : undefined), `“${text}” with ${folder}/roadmap.md active`, {
        describe: () => api.status.text,
      });
    }
  });

  it('shows the first folder’s alignment when no editor is open', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor([api.index.onDidChange, vscode.window.onDidChangeActiveTextEditor], () => (!vscode.window.activeTextEditor && api.status.text === '$(target) 33% traced' ? true : undefined), 'alpha’s alignment with no editor open', {
      describe: () => `${api.status.text} (active editor: ${vscode.window.activeTextEditor?.document.uri.path ?? 'none'})`,
    });
  });

  it('lists both G1s in Go to Symbol in Workspace, each in its folder', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'G1');
    const goals = symbols.filter((s) => s.kind === vscode.SymbolKind.Key);
    assert.deepEqual(
      goals.map((s) => `${s.name} @ ${vscode.workspace.getWorkspaceFolder(s.location.uri)?.name}/${baseName(s.location.uri)}`).sort(),
      ['G1 Answer in minutes @ alpha/goals.md', 'G1 Bill by usage @ beta/goals.md'],
    );
  });
});
