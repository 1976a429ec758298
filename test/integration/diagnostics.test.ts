import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { assertFinding, expectedFindings, FINDINGS, G2_TITLE, G9_MESSAGE, UNTRACED_TITLE } from './fixture';
import {
  activateThroughline,
  deleteFiles,
  describeDiagnostics,
  fixtureUri,
  formatRange,
  readText,
  rangeOn,
  ruleOf,
  throughlineDiagnostics,
  waitForDiagnostics,
  withRule,
  writeText,
} from './helpers';

// The runner loads test files in name order, so this file runs first, before any test opens a
// document: the activation test below relies on that.

type Expected = Awaited<ReturnType<typeof expectedFindings>>;

describe('Diagnostics on a product workspace', () => {
  let fixture: Expected;
  let extension: vscode.Extension<unknown>;

  before(async function () {
    this.timeout(60_000);
    ({ extension } = await activateThroughline());
    fixture = await expectedFindings();
  });

  it('indexes the whole workspace on activation, files nobody opened included', async () => {
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    for (const [name, rules] of Object.entries(FINDINGS)) {
      const uri = fixtureUri(name);
      assert.ok(!open.has(uri.toString()), `${name} is not open in the editor, so its findings come from reading the disk`);
      const ds = await waitForDiagnostics(uri, (d) => d.length >= rules.length, `${rules.length} findings on ${name}`);
      assert.deepEqual(ds.map(ruleOf).sort(), [...rules].sort(), `${name} has exactly its planted findings; got ${describeDiagnostics(ds)}`);
    }
  });

  it('warns at the title of a roadmap item that names no goal (untraced-item)', async () => {
    const diagnostics = await waitForDiagnostics(fixture.roadmap, (ds) => withRule(ds, 'untraced-item').length > 0, 'an untraced-item diagnostic on roadmap.md');
    assertFinding(diagnostics, fixture.untraced);
  });

  it('reports a reference to a goal that does not exist as an error (unknown-reference)', async () => {
    const diagnostics = await waitForDiagnostics(fixture.roadmap, (ds) => withRule(ds, 'unknown-reference').length > 0, 'an unknown-reference diagnostic on roadmap.md');
    const d = assertFinding(diagnostics, fixture.unknown);
    // “Call transcript import” shares no word with any goal: G9 is not G1 misspelt, so nothing is guessed.
    assert.equal(d.message, G9_MESSAGE);
    assert.deepEqual(d.relatedInformation ?? [], [], 'no goal is pointed at');
  });

  it('for a broken ID, points at the goal the item’s words point to, says why, and links it as related information', async () => {
    const plans = fixtureUri('plans-roadmap.md');
    await writeText(plans, '# Plans\n\n- Evidence export — Goal: G12\n');
    try {
      const ds = await waitForDiagnostics(plans, (d) => withRule(d, 'unknown-reference').length === 1, 'the broken G12 reported');
      const d = withRule(ds, 'unknown-reference')[0]!;
      assert.equal(d.message, `No goal has the ID or title “G12”. By its words, this roadmap item may serve G2 “${G2_TITLE}” (both mention “evidence”); choose it or another in the quick fixes.`);
      const related = d.relatedInformation ?? [];
      const goals = fixtureUri('goals.md');
      assert.equal(related[0]?.location.uri.toString(), goals.toString(), 'the related location is in goals.md');
      const g2 = rangeOn(await readText(goals), '## G2', `G2: ${G2_TITLE}`);
      assert.equal(formatRange(related[0]!.location.range), formatRange(g2), 'it is the G2 heading, so a click lands on the goal');
    } finally {
      await deleteFiles([plans]);
      await waitForDiagnostics(plans, (d) => d.length === 0, 'plans-roadmap.md forgotten');
    }
  });

  it('gives every finding the source “Throughline” and a code that links the rule to its page inside the extension', async () => {
    let count = 0;
    for (const name of Object.keys(FINDINGS)) {
      for (const d of throughlineDiagnostics(fixtureUri(name))) {
        count++;
        const code = d.code;
        assert.ok(code !== undefined && typeof code === 'object', `${name}: the code is { value, target }`);
        const rule = String(code.value);
        assert.equal(code.target.toString(true), `command:throughline.openRuleDocs?${JSON.stringify([rule])}`, `${name}: ${rule} links to the command that shows its page`);
        const page = vscode.Uri.joinPath(extension.extensionUri, 'docs', 'rules', `${rule}.md`);
        const stat = await vscode.workspace.fs.stat(page);
        assert.ok(stat.size > 0, `${rule}'s docs page ships with the extension`);
      }
    }
    const expected = Object.values(FINDINGS).reduce((n, rules) => n + rules.length, 0);
    assert.equal(count, expected, 'every planted finding was checked');
  });

  it('reports nothing on traced items, the goals or the vision', () => {
    const roadmap = throughlineDiagnostics(fixture.roadmap);
    assert.equal(roadmap.length, 2, `only the two planted findings on roadmap.md; got ${describeDiagnostics(roadmap)}`);
    for (const name of ['goals.md', 'vision.md']) {
      const ds = throughlineDiagnostics(fixtureUri(name));
      assert.equal(ds.length, 0, `${name} is clean; got ${describeDiagnostics(ds)}`);
    }
  });
});

describe('Editing a roadmap in the editor', () => {
  let fixture: Expected;
  let editor: vscode.TextEditor;
  /** Where the edit inserts its `Goal:` line: the blank line under the untraced item's heading. */
  let insertAt: vscode.Position;
  const inserted = '\nGoal: G1\n';

  before(async function () {
    this.timeout(60_000);
    await activateThroughline();
    fixture = await expectedFindings();
    await waitForDiagnostics(fixture.roadmap, (ds) => withRule(ds, 'untraced-item').length === 1, 'the untraced-item warning before editing');
    editor = await vscode.window.showTextDocument(fixture.roadmap);
    const heading = rangeOn(fixture.text, `### ${UNTRACED_TITLE}`, UNTRACED_TITLE);
    insertAt = new vscode.Position(heading.start.line + 1, 0);
  });

  it('clears the untraced-item warning once the item names a goal, without saving', async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(fixture.roadmap, insertAt, inserted);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
    assert.ok(editor.document.isDirty, 'the edit is unsaved: diagnostics follow the editor, not the disk');
    const after = await waitForDiagnostics(fixture.roadmap, (ds) => withRule(ds, 'untraced-item').length === 0, 'the untraced-item warning to go away after the edit');
    // The file was re-checked, not just cleared: the unrelated error is still reported, two lines further down.
    const unknown = withRule(after, 'unknown-reference');
    assert.equal(unknown.length, 1, `the unknown-reference error stays; got ${describeDiagnostics(after)}`);
    assert.equal(unknown[0]!.range.start.line, fixture.unknown.range.start.line + 2, 'the error moved down with the two inserted lines');
  });

  it('brings the warning back when the edit is taken out again', async () => {
    const edit = new vscode.WorkspaceEdit();
    const end = new vscode.Position(insertAt.line + 2, 0);
    assert.equal(editor.document.getText(new vscode.Range(insertAt, end)), inserted, 'the inserted lines are where the first edit put them');
    edit.delete(fixture.roadmap, new vscode.Range(insertAt, end));
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
    const back = await waitForDiagnostics(fixture.roadmap, (ds) => withRule(ds, 'untraced-item').length === 1, 'the untraced-item warning to come back');
    assertFinding(back, fixture.untraced);
    assertFinding(back, fixture.unknown);
    // Leave the editor clean (same text as on disk) for the next tests and the harness's screenshot.
    assert.ok(await editor.document.save(), 'the restored document saves');
  });
});
