import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { IndexEvent } from '../../../src/vscode/productIndex';
import { checkpoint, checkpointsAvailable } from '../checkpoint';
import { activateThroughline, describeDiagnostics, ruleOf, waitFor, waitForDiagnostics } from '../helpers';
import { addMemoryFolder } from './memoryFs';

/**
 * A large folder read for the first time, as a new user opens a big docs repository: while it is
 * read the view says how far it has come, the documents open in the editor get their findings as
 * soon as their product is read, and the output channel sums it up. The folder is slow on purpose
 * (a network share). Runs last in the multi-root suite. (That the view never says "No product docs
 * found" while reading is checked in the empty-workspace suite, where there is no other product.)
 */
describe('A large folder read for the first time', () => {
  const root = vscode.Uri.parse('tlbig:/ledger');
  /** The product, and 120 notes that are no product docs, each taking 25 ms to read. */
  const FILES: Record<string, string> = {
    'spend/vision.md': '# Ledger vision\n\nFinance teams close the month without surprises.\n\n## Pillar: Control {#V1}\n',
    'spend/goals.md': '# Goals\n\n## G1: Cut the monthly close\n\nVision: V1\nMetric: close in 3 working days by Q4\n',
    'spend/roadmap.md': '# Roadmap\n\n## Now\n\n- Close checklist — Goal: G1\n- Card controls\n',
    ...Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`notes/note-${String(i + 1).padStart(3, '0')}.md`, `# Note ${i + 1}\n\nMeeting notes.\n`])),
  };
  const roadmap = vscode.Uri.joinPath(root, 'spend/roadmap.md');
  let remove: (() => Promise<void>) | undefined;

  after(async () => {
    await remove?.();
    // Removed while or after it was read: nothing of it is left, in the view or in the progress.
    const { api } = await activateThroughline();
    await waitFor(
      [api.strategyTree.onDidChangeTreeData, api.index.onDidProgress],
      () => (api.index.progress() === undefined && !api.index.workspaces().some((w) => w.folder.uri.toString() === root.toString()) ? true : undefined),
      'the removed folder forgotten',
      { describe: () => `${JSON.stringify(api.index.progress())}; ${api.index.workspaces().map((w) => w.folder.name).join(', ')}; ${JSON.stringify(api.index.events().slice(-6))}` },
    );
    if (checkpointsAvailable()) {
      await vscode.commands.executeCommand('throughline.showStrategy');
      await checkpoint({ name: 'removed folder gone from the view', waitFor: [{ selector: '.monaco-list-row:has-text("Ledger vision")', state: 'detached' }, { selector: '.monaco-list-row:has-text("alpha")' }] });
    }
  });

  it('says how far it has read, shows the open roadmap’s findings before the rest is read, and sums up in the output channel', async function () {
    this.timeout(90_000);
    const { api } = await activateThroughline();
    // What the view showed while the folder was read: recorded at every change, for the checks below.
    const states: Array<{ message: string; description: string; empty: boolean; indexing: boolean }> = [];
    const recording = api.strategyTree.onDidChangeTreeData(() => states.push(api.strategyTree.state()));
    const eventsBefore = api.index.events().length;
    try {
      remove = await addMemoryFolder('tlbig', root, FILES, 25, async () => {
        // The roadmap is open before the folder is added, as when a window restores its editors.
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(roadmap));
      });
      const ds = await waitForDiagnostics(roadmap, (d) => d.length === 1, 'the open roadmap’s finding', 60_000);
      assert.deepEqual(ds.map(ruleOf), ['untraced-item'], describeDiagnostics(ds));
      await waitFor([api.index.onDidChange], () => (api.index.events().slice(eventsBefore).some((e) => e.kind === 'indexed') ? true : undefined), 'the folder to be read', { timeoutMs: 60_000 });
    } finally {
      recording.dispose();
    }
    const events = api.index.events().slice(eventsBefore) as IndexEvent[];
    const indexedAt = events.findIndex((e) => e.kind === 'indexed');
    const early = events.findIndex((e) => e.kind === 'publish' && !e.complete && e.uris.includes(roadmap.toString()));
    assert.ok(early >= 0 && early < indexedAt, `the roadmap's findings were published before the folder was read: ${JSON.stringify(events.filter((e) => e.kind !== 'progress'))}`);
    const progressBefore = events.slice(0, early).filter((e) => e.kind === 'progress').pop();
    assert.ok(progressBefore && progressBefore.kind === 'progress' && progressBefore.done < progressBefore.total, 'with files still to read');
    const reading = states.filter((s) => s.indexing);
    assert.ok(reading.length > 0, 'the view changed while the folder was read');
    assert.deepEqual(reading.filter((s) => s.empty), [], 'never “No product docs found” while reading');
    assert.ok(reading.some((s) => / Still reading: \d+ of 123 files\.$/.test(s.message)), `the count in the view's header: ${JSON.stringify(reading.slice(0, 3))}`);
    assert.ok(
      api.log.recent().some((l) => /\[index\] ledger: read 123 Markdown files in [\d.]+ s: 3 product docs in 1 product, 1 of 2 roadmap items traced; 1 warning/.test(l)),
      `a summary line in the output channel: ${api.log.recent().slice(-4).join(' | ')}`,
    );
  });
});
