import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ThroughlineApi } from '../../../src/vscode/extension';
import { checkpoint, requireCheckpoints } from '../checkpoint';
import { activateThroughline, baseName, describeDiagnostics, fixtureUri, readText, throughlineDiagnostics, waitFor, writeText } from '../helpers';

/** The Strategy view's welcome content, shown while `throughline.empty` is true (package.json `viewsWelcome`). */
const WELCOME = '.welcome-view-content:has-text("No product docs found")';
const TEMPLATES = ['vision.md', 'strategy.md', 'goals.md', 'roadmap.md'];

/** A workspace folder with Markdown in it but no product docs (`fixtures/empty/`). */
describe('Empty workspace: the welcome view and Create Product Docs', () => {
  let api: ThroughlineApi;
  const product = () => fixtureUri('product');

  before(async function () {
    this.timeout(60_000);
    ({ api } = await activateThroughline());
  });

  it('has no products: the Strategy view is empty and nothing is reported', async () => {
    assert.deepEqual(await api.strategyTree.getChildren(), []);
    assert.deepEqual(throughlineDiagnostics(fixtureUri('notes.md')), [], 'a Markdown file that is not a product doc is not checked');
  });

  it('shows the welcome content with the Create Product Docs button (the throughline.empty context)', async function () {
    requireCheckpoints(this);
    await vscode.commands.executeCommand('workbench.view.extension.throughline');
    const seen = await checkpoint({ name: 'empty-welcome', waitFor: [{ selector: WELCOME }], read: WELCOME });
    const text = (seen.texts ?? []).join('\n');
    assert.match(text, /Create Product Docs/, text);
    assert.match(text, /who \/ what \/ why/, text);
  });

  it('writes vision, strategy, goals and roadmap into the chosen folder, and opens the strategy', async () => {
    await vscode.workspace.fs.createDirectory(product());
    const created = await vscode.commands.executeCommand<vscode.Uri[]>('throughline.createProductDocs', product());
    assert.deepEqual(created.map(baseName), TEMPLATES);
    for (const uri of created) assert.equal(uri.toString(), vscode.Uri.joinPath(product(), baseName(uri)).toString(), 'inside the chosen folder');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), vscode.Uri.joinPath(product(), 'strategy.md').toString(), 'the strategy is open, to start writing');
  });

  it('indexes the new docs, and the templates themselves have no findings', async () => {
    const uris = TEMPLATES.map((name) => vscode.Uri.joinPath(product(), name));
    await waitFor([api.index.onDidChange], () => (uris.every((u) => api.index.documentInfo(u)) ? true : undefined), 'the four new docs in the index', {
      describe: () => uris.filter((u) => !api.index.documentInfo(u)).map(baseName).join(', ') + ' missing',
    });
    for (const uri of uris) assert.equal(describeDiagnostics(throughlineDiagnostics(uri)), '(none)', `${baseName(uri)} as written by the template has no findings`);
    assert.equal(api.strategyView.description, '100% aligned · 3 of 3 items traced');
    const top = ((await api.strategyTree.getChildren()) ?? []).map((e) => api.strategyTree.getTreeItem(e).label);
    assert.deepEqual(top, ['Product vision']);
  });

  it('hides the welcome content once there are product docs', async function () {
    requireCheckpoints(this);
    await vscode.commands.executeCommand('workbench.view.extension.throughline');
    await checkpoint({
      name: 'welcome-gone',
      waitFor: [
        { selector: WELCOME, state: 'detached' },
        { selector: '.monaco-list-row:has-text("Product vision")' },
      ],
    });
  });

  it('asks for the folder when run from the welcome button, and writes the templates there', async function () {
    requireCheckpoints(this);
    const chosen = fixtureUri('picked');
    await vscode.workspace.fs.createDirectory(chosen);
    // A folder only the chosen folder holds (the picker lists folders only): it has listed the chosen
    // folder once it shows it.
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(chosen, 'listed-here'));
    const running = vscode.commands.executeCommand<vscode.Uri[]>('throughline.createProductDocs');
    // VS Code's own folder picker: type the folder's path into its box and accept it.
    const input = '.quick-input-widget .quick-input-box input';
    await checkpoint({ name: 'pick the folder', waitFor: [{ selector: input }], fill: { selector: input, text: `${chosen.path}/` } });
    // Accept once the picker lists the folder: its own file is shown and the workspace's notes.md is
    // not (a list being redrawn can lack notes.md before it shows the new folder).
    const row = (name: string) => `.quick-input-widget .monaco-list-row:has-text("${name}")`;
    await checkpoint({ name: 'accept the folder', waitFor: [{ selector: row('listed-here') }, { selector: row('notes.md'), state: 'detached' }], press: ['Enter'] });
    const created = await running;
    assert.deepEqual(created.map((u) => u.toString()), TEMPLATES.map((name) => vscode.Uri.joinPath(chosen, name).toString()), 'written into the folder picked');
  });

  it('writes the strategy questions as prompts: who, what and why, and a metric and trace prompt for each goal', async () => {
    const strategy = await readText(vscode.Uri.joinPath(product(), 'strategy.md'));
    for (const heading of ['## Who', '## What', '## Why']) assert.ok(strategy.includes(heading), `strategy.md has ${heading}`);
    assert.match(strategy, /_Who are our target customers\?/);
    assert.match(strategy, /_What are they trying to accomplish\?/);
    assert.match(strategy, /_Why does it matter to them, and why now\?/);
    const goals = await readText(vscode.Uri.joinPath(product(), 'goals.md'));
    assert.equal((goals.match(/^Vision: V\d$/gm) ?? []).length, 2, 'each goal names the pillar it serves');
    assert.equal((goals.match(/^Metric: _what you will measure/gm) ?? []).length, 2, 'each goal prompts for its metric');
  });

  it('never overwrites a file that exists: only the missing ones are written', async () => {
    const goals = vscode.Uri.joinPath(product(), 'goals.md');
    const mine = '# Our goals\n\n## G1: Keep what I wrote\n\nVision: V1\nMetric: nothing gets overwritten, 100% of the time\n';
    await writeText(goals, mine);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(product(), 'roadmap.md'));
    const vision = await readText(vscode.Uri.joinPath(product(), 'vision.md'));
    const created = await vscode.commands.executeCommand<vscode.Uri[]>('throughline.createProductDocs', product());
    assert.deepEqual(created.map(baseName), ['roadmap.md'], 'only the deleted roadmap is written again');
    assert.equal(await readText(goals), mine, 'goals.md keeps its text');
    assert.equal(await readText(vscode.Uri.joinPath(product(), 'vision.md')), vision, 'vision.md keeps its text');
  });
});
