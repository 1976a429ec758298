import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ThroughlineApi } from '../../../src/vscode/extension';
import { checkpoint, requireCheckpoints } from '../checkpoint';
import { activateThroughline, baseName, describeDiagnostics, fixtureUri, readText, ruleOf, throughlineDiagnostics, waitFor, waitForDiagnostics, writeText } from '../helpers';

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

  it('never says “No product docs found” while it is reading the folder', async () => {
    const states: Array<ReturnType<ThroughlineApi['strategyTree']['state']>> = [];
    const recording = api.strategyTree.onDidChangeTreeData(() => states.push(api.strategyTree.state()));
    const before = api.index.events().length;
    const settings = vscode.workspace.getConfiguration('throughline', vscode.workspace.workspaceFolders![0]!.uri);
    try {
      // A setting change reads the folder again, as opening it did.
      await settings.update('exclude', ['archive/**'], vscode.ConfigurationTarget.Workspace);
      await waitFor([api.index.onDidChange, api.index.onDidProgress], () => (api.index.events().slice(before).some((e) => e.kind === 'indexed') ? true : undefined), 'the folder read again');
    } finally {
      recording.dispose();
      const again = api.index.events().length;
      await settings.update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
      // Read again once more, with the setting gone: wait, so the next test sees the folder at rest.
      await waitFor([api.index.onDidChange, api.index.onDidProgress], () => (api.index.events().slice(again).some((e) => e.kind === 'indexed') ? true : undefined), 'the folder read again without the setting');
    }
    const reading = states.filter((s) => s.indexing);
    assert.ok(reading.length > 0, `the view changed while reading: ${JSON.stringify(states)}`);
    assert.deepEqual(reading.filter((s) => s.empty), [], 'the welcome (“No product docs found”) is hidden while reading');
    assert.ok(reading.some((s) => /^Reading product docs: \d+ of \d+ files…$/.test(s.message)), JSON.stringify(reading));
    assert.equal(api.strategyTree.state().empty, true, 'once read, the folder has no product docs: the welcome shows');
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

  it('indexes the new docs, and reports what is left to write in them: their answers are all prompts', async () => {
    const uris = TEMPLATES.map((name) => vscode.Uri.joinPath(product(), name));
    await waitFor([api.index.onDidChange], () => (uris.every((u) => api.index.documentInfo(u)) ? true : undefined), 'the four new docs in the index', {
      describe: () => uris.filter((u) => !api.index.documentInfo(u)).map(baseName).join(', ') + ' missing',
    });
    const strategy = await waitForDiagnostics(vscode.Uri.joinPath(product(), 'strategy.md'), (d) => d.length === 1, 'the strategy’s prompts reported');
    assert.equal(strategy[0]!.message, "This strategy's “Who”, “What” and “Why” sections are still prompts: write who the target customers are, what they are trying to accomplish and why it matters to them.");
    const goals = throughlineDiagnostics(vscode.Uri.joinPath(product(), 'goals.md'));
    assert.deepEqual(goals.map((d) => `${ruleOf(d)} ${d.range.start.line + 1}`).sort(), ['goal-missing-metric 11', 'goal-missing-metric 6', 'goal-without-items 11', 'goal-without-items 6'], describeDiagnostics(goals));
    assert.ok(goals.every((d) => /still (?:a )?prompts?/.test(d.message)), describeDiagnostics(goals));
    for (const name of ['vision.md', 'roadmap.md']) assert.equal(describeDiagnostics(throughlineDiagnostics(vscode.Uri.joinPath(product(), name))), '(none)', name);
    // Never “100% aligned” for a product nobody has written yet.
    assert.equal(api.strategyView.description, '5 gaps');
    assert.equal(api.strategyView.message, 'Traced to a goal: Now 1 of 1 (100%) · Next 1 of 1 (100%) · Later 1 of 1 (100%). 5 gaps to close (Gaps by Rule lists them).');
    const top = ((await api.strategyTree.getChildren()) ?? []).map((e) => { const l = api.strategyTree.getTreeItem(e).label; return typeof l === 'string' ? l : l?.label; });
    assert.deepEqual(top, ['Product vision', 'unwritten — Product strategy']);
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
    const row = (name: string) => `.quick-input-widget .monaco-list-row:has-text("${name}")`;
    // Type only once the picker has listed the folder it opens on (the workspace, with the chosen
    // folder in it): until then it may still reset the box to that folder, over what was typed.
    await checkpoint({ name: 'pick the folder', waitFor: [{ selector: input }, { selector: row('picked') }], fill: { selector: input, text: `${chosen.path}/` } });
    // Accept once the picker lists the folder: its own file is shown and the workspace's notes.md is
    // not (a list being redrawn can lack notes.md before it shows the new folder).
    // Its OK button (“Create product docs here”) accepts the path typed, as a user clicking it would;
    // Enter could instead open the folder row the list has made active.
    const ok = '.quick-input-widget .quick-input-action .monaco-button:has-text("Create product docs here")';
    await checkpoint({ name: 'accept the folder', waitFor: [{ selector: row('listed-here') }, { selector: row('notes.md'), state: 'detached' }, { selector: ok }], click: ok });
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
    const roadmap = await readText(vscode.Uri.joinPath(product(), 'roadmap.md'));
    assert.match(roadmap, /^### New item for “First goal”$/m, 'each roadmap item is a prompt to name the work');
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
