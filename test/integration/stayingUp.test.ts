import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FINDINGS, waitForPristine } from './fixture';
import { activateThroughline, fixtureUri, insertText, readText, restoreFile, throughlineDiagnostics, waitFor, waitForDiagnostics, withRule } from './helpers';

/**
 * A bug in the analysis of one file must not take the extension down: the file shows what went
 * wrong, the output channel says it, and every other file keeps its findings. The bug is simulated
 * through the extension's own API, by making the index's analysis of one document throw.
 */
describe('Staying up when analysing a file fails', () => {
  it('reports the failure on that file and in the output channel, and keeps every other file checked', async function () {
    this.timeout(60_000);
    const { api } = await activateThroughline();
    const roadmap = fixtureUri('roadmap.md');
    const original = await readText(roadmap);
    const { workspace } = api.index.workspaces()[0]!;
    const update = workspace.update.bind(workspace);
    workspace.update = (uri, text) => {
      if (uri === roadmap.toString() && text.includes('trigger the bug')) throw new Error('simulated analysis bug');
      return update(uri, text);
    };
    try {
      await vscode.window.showTextDocument(roadmap);
      await insertText(roadmap, new vscode.Position(1, 0), '\ntrigger the bug\n');
      const ds = await waitForDiagnostics(roadmap, (list) => withRule(list, 'internal-error').length === 1, 'an internal-error finding on roadmap.md');
      assert.match(withRule(ds, 'internal-error')[0]!.message, /simulated analysis bug/);
      assert.equal(withRule(ds, 'untraced-item').length, 0, 'nothing stale is left from before the failure');
      assert.ok(
        api.log.recent().some((line) => line.startsWith('[analyse] roadmap.md') && line.includes('simulated analysis bug')),
        `the output channel names the file and the error; it has: ${api.log.recent().join(' | ')}`,
      );
      // Every other file is still checked: the same findings as before, except that with the roadmap
      // unreadable, nothing moves G1 and G2 any more, which goals.md now says.
      for (const [name, rules] of Object.entries(FINDINGS)) {
        if (name === 'roadmap.md') continue;
        const expected = name === 'goals.md' ? ['goal-without-items', 'goal-without-items'] : [...rules].sort();
        const found = throughlineDiagnostics(fixtureUri(name)).map((d) => (typeof d.code === 'object' ? d.code.value : d.code));
        assert.deepEqual([...found].sort(), expected, `${name} is still checked`);
      }
    } finally {
      // Once the bug is gone, the next edit is analysed again.
      workspace.update = update;
      await restoreFile(roadmap, original);
    }
    await waitFor([vscode.languages.onDidChangeDiagnostics], () => (withRule(throughlineDiagnostics(roadmap), 'internal-error').length === 0 ? true : undefined), 'the internal-error finding to go');
    await waitForPristine();
  });
});
