import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateThroughline, deleteFiles, fixtureUri, waitFor, writeText } from './helpers';

// The reading markers (docs/format.md §8), as VS Code shows them: inlay hints after each heading, entry
// and row saying what Throughline read it as, and the setting that hides them.

const NESTED = [
  '# Nested roadmap',
  '',
  '## Goals',
  '',
  '### Goal: Faster onboarding',
  '',
  '- Guided setup',
  '- Sample data',
  '',
  '## Background',
  '',
  'Why this roadmap exists.',
  '',
].join('\n');

async function hintsAt(uri: vscode.Uri): Promise<Array<{ line: number; label: string }>> {
  const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, new vscode.Range(0, 0, 100, 0));
  return (hints ?? []).map((h) => ({ line: h.position.line, label: typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('') }));
}

describe('Reading markers', () => {
  const uri = () => fixtureUri('nested-roadmap.md');
  const settings = () => vscode.workspace.getConfiguration('throughline', vscode.workspace.workspaceFolders![0]!.uri);
  let api: Awaited<ReturnType<typeof activateThroughline>>['api'];

  before(async function () {
    this.timeout(60_000);
    ({ api } = await activateThroughline());
    await writeText(uri(), NESTED);
    await vscode.window.showTextDocument(uri());
    await waitFor([api.index.onDidChange], () => (api.index.documentInfo(uri())?.items.length ? true : undefined), 'the nested roadmap to be read');
  });

  after(async () => {
    await settings().update('readingMarkers', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await deleteFiles([uri()]);
  });

  it('a nested roadmap shows on each item the goal it serves and how: nested', async () => {
    const hints = await hintsAt(uri());
    const byLine = new Map(hints.map((h) => [h.line, h.label]));
    assert.equal(byLine.get(6), 'item → Faster onboarding · nested', JSON.stringify(hints));
    assert.equal(byLine.get(7), 'item → Faster onboarding · nested', JSON.stringify(hints));
    assert.match(byLine.get(4) ?? '', /^goal · no vision/, 'the goal says it serves no vision yet');
    assert.match(byLine.get(2) ?? '', /^goals · named Goals/, 'the Goals heading is read as a section of goals');
    assert.match(byLine.get(9) ?? '', /^section · named Background/, 'Background is read as a section');
  });

  it('the throughline.readingMarkers setting hides them, and brings them back', async () => {
    await settings().update('readingMarkers', false, vscode.ConfigurationTarget.Workspace);
    assert.deepEqual(await hintsAt(uri()), [], 'no markers with the setting off');
    await settings().update('readingMarkers', undefined, vscode.ConfigurationTarget.Workspace);
    const back = await hintsAt(uri());
    assert.ok(back.some((h) => h.label.includes('nested')), JSON.stringify(back));
  });
});
