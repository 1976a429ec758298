import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { expectedFindings, UNTRACED_TITLE, waitForPristine } from './fixture';
import {
  activateThroughline,
  apply,
  baseName,
  deleteFiles,
  describeDiagnostics,
  fixtureUri,
  insertText,
  readText,
  restoreFile,
  ruleOf,
  throughlineDiagnostics,
  waitFor,
  waitForDiagnostics,
  withRule,
  writeText,
} from './helpers';

describe('Diagnostics follow typing: debounced, and always for the text as it is', () => {
  let roadmap: vscode.Uri;
  let original: string;
  let unknownLine: number;

  before(async function () {
    this.timeout(60_000);
    await activateThroughline();
    const fixture = await expectedFindings();
    ({ roadmap, text: original } = fixture);
    unknownLine = fixture.unknown.range.start.line;
  });

  after(async () => {
    await restoreFile(roadmap, original);
    await waitForPristine();
  });

  it('checks a burst of edits once, when typing pauses, and publishes ranges that match the text as it is', async () => {
    const { api } = await activateThroughline();
    const editor = await vscode.window.showTextDocument(roadmap);
    const document = editor.document;
    await waitForDiagnostics(roadmap, (ds) => ds.length === 2, 'the two planted findings before typing');
    // The index publishes synchronously and then fires onDidChange: at that moment the findings must
    // describe the document's current text. A range that does not underline what it names would be
    // a result computed for an older version of the text.
    let publishes = 0;
    const stale: string[] = [];
    const subscription = api.index.onDidChange(() => {
      publishes++;
      for (const d of throughlineDiagnostics(roadmap)) {
        const underlined = document.getText(d.range);
        const expected = ruleOf(d) === 'unknown-reference' ? 'G9' : ruleOf(d) === 'untraced-item' ? UNTRACED_TITLE : undefined;
        if (expected !== undefined && underlined !== expected) stale.push(`${ruleOf(d)} underlines “${underlined}” at version ${document.version}`);
      }
    });
    const edits = 6;
    try {
      // Six lines of notes under the title, sent together the way fast typing arrives.
      await Promise.all(
        Array.from({ length: edits }, (_, i) => {
          const edit = new vscode.WorkspaceEdit();
          edit.insert(roadmap, new vscode.Position(1, 0), `Note ${i + 1}\n`);
          return vscode.workspace.applyEdit(edit);
        }),
      );
      const finalVersion = document.version;
      const ds = await waitForDiagnostics(
        roadmap,
        (d) => withRule(d, 'unknown-reference').some((u) => u.range.start.line === unknownLine + edits),
        'the findings to move down by the six typed lines',
      );
      assert.equal(document.version, finalVersion, 'nothing edited the document meanwhile');
      assert.equal(ds.length, 2, `still exactly the two findings; got ${describeDiagnostics(ds)}`);
    } finally {
      subscription.dispose();
    }
    assert.deepEqual(stale, [], 'no published finding described an older version of the text');
    assert.ok(publishes >= 1 && publishes <= 2, `six quick edits were checked once or twice (debounced), not ${publishes} times`);
  });
});

describe('Typing in two documents, and typing while findings are published', () => {
  const first = () => fixtureUri('typing-first-roadmap.md');
  const second = () => fixtureUri('typing-second-roadmap.md');
  const textOf = (title: string) => `# Roadmap\n\n### ${title}\n\nNo trace yet.\n`;

  before(async function () {
    this.timeout(60_000);
    await activateThroughline();
    await writeText(first(), textOf('Offline drafts'));
    await writeText(second(), textOf('Bulk export'));
    for (const uri of [first(), second()]) await waitForDiagnostics(uri, (d) => withRule(d, 'untraced-item').length === 1, `the untraced item in ${baseName(uri)}`);
  });

  after(async () => deleteFiles([first(), second()]));

  /** The line the untraced-item finding on `uri` starts at, once it is there. */
  const untracedLine = (uri: vscode.Uri): number | undefined => withRule(throughlineDiagnostics(uri), 'untraced-item')[0]?.range.start.line;

  it('debounces each document on its own: an edit in one never swallows a pending edit in another', async () => {
    const [a, b] = await Promise.all([vscode.workspace.openTextDocument(first()), vscode.workspace.openTextDocument(second())]);
    const before = { a: untracedLine(first())!, b: untracedLine(second())! };
    // One edit in each, well inside one debounce period: a single shared timer would check only the
    // second document, and the first one's finding would stay where it was.
    await insertText(a.uri, new vscode.Position(1, 0), 'Drafted by Mia\n');
    await insertText(b.uri, new vscode.Position(1, 0), 'Drafted by Sam\nReviewed by Ana\n');
    await waitForDiagnostics(first(), () => untracedLine(first()) === before.a + 1, 'the finding in the first document to move down one line');
    await waitForDiagnostics(second(), () => untracedLine(second()) === before.b + 2, 'the finding in the second document to move down two lines');
  });

  it('never publishes findings for an older version, even when edits land while a check is due', async () => {
    const { api } = await activateThroughline();
    const document = await vscode.workspace.openTextDocument(first());
    const stale: string[] = [];
    let publishes = 0;
    const subscription = api.index.onDidChange(() => {
      publishes++;
      for (const d of withRule(throughlineDiagnostics(first()), 'untraced-item')) {
        const underlined = document.getText(d.range);
        if (underlined !== 'Offline drafts') stale.push(`untraced-item underlines “${underlined}” at version ${document.version}`);
      }
    });
    try {
      // Edits spaced around the debounce period, so some land just before a check and some just after
      // one: whichever way the timing falls, every published range must fit the text of that moment.
      for (let i = 0; i < 8; i++) {
        await insertText(first(), new vscode.Position(1, 0), `Note ${i + 1}\n`);
        await new Promise((resolve) => setTimeout(resolve, 180 + (i % 3) * 60));
      }
      const expectedLine = document.getText().split('\n').findIndex((l) => l === '### Offline drafts');
      await waitForDiagnostics(first(), () => untracedLine(first()) === expectedLine, 'the finding to follow the eight typed lines');
    } finally {
      subscription.dispose();
    }
    assert.deepEqual(stale, [], 'no published finding described an older version of the text');
    assert.ok(publishes >= 2, `edits spaced around the debounce were checked more than once (${publishes})`);
  });
});

describe('Diagnostics follow the files on disk', () => {
  const launch = () => fixtureUri('launch-roadmap.md');
  const renamed = () => fixtureUri('q3-roadmap.md');
  const extraGoals = () => fixtureUri('extra-goals.md');
  const LAUNCH = '# Launch roadmap\n\n### Status page\n\nGoal: G3\n\n### Press kit\n\nShare the story with journalists.\n';
  const EXTRA_GOALS = '# Extra goals\n\n## G3: Keep customers informed\n\nVision: V1\nMetric: 95% of incidents announced within 10 minutes\n';

  before(async function () {
    this.timeout(60_000);
    await activateThroughline();
  });

  after(async () => {
    for (const uri of [launch(), renamed(), extraGoals()]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('checks a new file as soon as it is created', async () => {
    await writeText(launch(), LAUNCH);
    const ds = await waitForDiagnostics(launch(), (d) => d.length === 2, 'findings on the new launch-roadmap.md');
    assert.deepEqual(ds.map(ruleOf).sort(), ['unknown-reference', 'untraced-item'], describeDiagnostics(ds));
    assert.match(withRule(ds, 'untraced-item')[0]!.message, /Press kit/);
    assert.match(withRule(ds, 'unknown-reference')[0]!.message, /G3/);
  });

  it('re-checks other files when a created file defines what they reference', async () => {
    await writeText(extraGoals(), EXTRA_GOALS);
    const ds = await waitForDiagnostics(launch(), (d) => withRule(d, 'unknown-reference').length === 0, 'G3 to resolve once extra-goals.md exists');
    assert.deepEqual(ds.map(ruleOf), ['untraced-item'], 'only the untraced item is left');
  });

  it('moves findings with a renamed file (WorkspaceEdit.renameFile)', async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(launch(), renamed());
    await apply(edit);
    await waitForDiagnostics(launch(), (d) => d.length === 0, 'no findings left on the old name');
    const ds = await waitForDiagnostics(renamed(), (d) => d.length === 1, 'the finding on the new name');
    assert.match(ds[0]!.message, /Press kit/);
  });

  it('re-checks other files when a file they depend on is deleted', async () => {
    await vscode.workspace.fs.delete(extraGoals());
    const ds = await waitForDiagnostics(renamed(), (d) => withRule(d, 'unknown-reference').length === 1, 'G3 to be unknown again once extra-goals.md is gone');
    assert.match(withRule(ds, 'unknown-reference')[0]!.message, /“G3”/);
  });

  it('forgets a deleted file whose editor is still open, even when the editor asks about it', async () => {
    await writeText(extraGoals(), EXTRA_GOALS);
    await waitForDiagnostics(renamed(), (d) => withRule(d, 'unknown-reference').length === 0, 'G3 to resolve once extra-goals.md is back');
    await vscode.window.showTextDocument(extraGoals());
    await vscode.workspace.fs.delete(extraGoals());
    await waitForDiagnostics(renamed(), (d) => withRule(d, 'unknown-reference').length === 1, 'G3 to be unknown once extra-goals.md is deleted');
    // The editor stays open on the deleted file and keeps asking for hovers and reading markers:
    // answering must not bring the file back into the index.
    await vscode.commands.executeCommand('vscode.executeInlayHintProvider', extraGoals(), new vscode.Range(0, 0, 10, 0));
    await vscode.commands.executeCommand('vscode.executeHoverProvider', extraGoals(), new vscode.Position(2, 5));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal(withRule(throughlineDiagnostics(renamed()), 'unknown-reference').length, 1, 'G3 stays unknown: the open editor of a deleted file is not a product doc');
    assert.deepEqual(throughlineDiagnostics(extraGoals()), [], 'no findings on the deleted file');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('forgets every file of a deleted folder', async () => {
    const folder = fixtureUri('launch-folder');
    const inside = vscode.Uri.joinPath(folder, 'roadmap.md');
    await writeText(inside, '# Roadmap\n\n### Confetti\n');
    await waitForDiagnostics(inside, (d) => withRule(d, 'untraced-item').length === 1, 'the roadmap in the new folder to be checked');
    await vscode.workspace.fs.delete(folder, { recursive: true });
    await waitForDiagnostics(inside, (d) => d.length === 0, 'no findings once its folder is deleted');
    const { api } = await activateThroughline();
    await waitFor([api.index.onDidChange], () => (api.index.documentInfo(inside) === undefined ? true : undefined), 'the folder’s roadmap to leave the index');
  });

  it('forgets a deleted file', async () => {
    await vscode.workspace.fs.delete(renamed());
    await waitForDiagnostics(renamed(), (d) => d.length === 0, 'no findings on the deleted file');
  });
});

describe('Closing a document', () => {
  const closing = () => fixtureUri('closing-roadmap.md');
  const TEXT = '# Closing roadmap\n\n### Offline mode\n\nWork without a connection.\n';

  before(async function () {
    this.timeout(60_000);
    await activateThroughline();
    await writeText(closing(), TEXT);
    await waitForDiagnostics(closing(), (d) => withRule(d, 'untraced-item').length === 1, 'the untraced item in closing-roadmap.md');
  });

  after(async () => vscode.workspace.fs.delete(closing()).then(undefined, () => undefined));

  /**
   * Opens the file the way a user does (`vscode.open`, not `openTextDocument`, which would keep
   * the document alive for minutes after its editor closes), and returns once it is the active editor.
   */
  async function openLikeAUser(uri: vscode.Uri): Promise<vscode.TextDocument> {
    await vscode.commands.executeCommand('vscode.open', uri);
    return waitFor(
      [vscode.window.onDidChangeActiveTextEditor],
      () => (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() ? vscode.window.activeTextEditor.document : undefined),
      `${baseName(uri)} in the active editor`,
    );
  }

  function closed(uri: vscode.Uri): Promise<void> {
    return waitFor([vscode.workspace.onDidCloseTextDocument], () => (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()) ? undefined : true), `${baseName(uri)} to close`).then(() => undefined);
  }

  it('keeps the findings of a file whose editor is closed', async () => {
    await openLikeAUser(closing());
    const before = throughlineDiagnostics(closing());
    const isClosed = closed(closing());
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await isClosed;
    // The extension re-reads a closed file from disk. Reading it here too, after it, means that
    // re-read has finished (same file system, first come first served): no timer involved.
    assert.equal(await readText(closing()), TEXT);
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.equal(describeDiagnostics(throughlineDiagnostics(closing())), describeDiagnostics(before), 'the findings are still shown after the editor closed');
  });

  it('falls back to the text on disk when an unsaved edit is discarded on close', async () => {
    const document = await openLikeAUser(closing());
    const edit = new vscode.WorkspaceEdit();
    edit.insert(closing(), new vscode.Position(3, 0), 'Goal: G1\n\n');
    await apply(edit);
    await waitForDiagnostics(closing(), (d) => d.length === 0, 'the unsaved Goal: line to clear the finding');
    assert.ok(document.isDirty);
    const isClosed = closed(closing());
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await isClosed;
    const ds = await waitForDiagnostics(closing(), (d) => withRule(d, 'untraced-item').length === 1, 'the finding from the saved text to come back');
    assert.match(ds[0]!.message, /Offline mode/);
  });
});
