import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ThroughlineApi } from '../../src/vscode/extension';
import { ALIGNMENT, UNTRACED_TITLE, waitForPristine } from './fixture';
import { clickOpensStrategyView, requireCheckpoints } from './checkpoint';
import { activateThroughline, fixtureUri, insertText, readText, rangeOn, restoreFile, waitFor } from './helpers';

const percent = (traced: number, total: number) => `$(target) ${Math.round((traced / total) * 100)}% traced`;

describe('Status bar alignment', () => {
  let api: ThroughlineApi;
  let roadmap: vscode.Uri;
  let original: string;

  const statusBecomes = (text: string, what: string) =>
    waitFor([api.index.onDidChange, vscode.window.onDidChangeActiveTextEditor], () => (api.status.text === text ? true : undefined), what, { describe: () => api.status.text });

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

  it('shows how many roadmap items of the active product trace to a goal', async () => {
    await vscode.window.showTextDocument(roadmap);
    await statusBecomes(percent(ALIGNMENT.traced, ALIGNMENT.total), `“${percent(ALIGNMENT.traced, ALIGNMENT.total)}” with roadmap.md active`);
    assert.equal(api.status.command, 'throughline.showStrategy', 'a click runs Show Strategy View');
  });

  it('opens the Strategy view when clicked', async function () {
    requireCheckpoints(this);
    await clickOpensStrategyView(api.strategyView, 'click the status bar alignment', '.statusbar-item:has-text("% traced")');
  });

  it('goes up as soon as an edit traces another item, before saving', async () => {
    const heading = rangeOn(original, `### ${UNTRACED_TITLE}`, UNTRACED_TITLE);
    await insertText(roadmap, new vscode.Position(heading.start.line + 1, 0), '\nGoal: G2\n');
    const expected = percent(ALIGNMENT.traced + 1, ALIGNMENT.total);
    await statusBecomes(expected, `“${expected}” after tracing ${UNTRACED_TITLE}`);
    assert.ok(vscode.window.activeTextEditor?.document.isDirty, 'the edit is not saved');
  });

  it('goes back down when the edit is undone', async () => {
    await vscode.commands.executeCommand('undo');
    await statusBecomes(percent(ALIGNMENT.traced, ALIGNMENT.total), 'the alignment from before the edit');
  });
});
