import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { G2_TITLE, UNTRACED_TITLE, waitForPristine } from './fixture';
import { checkpoint, requireCheckpoints } from './checkpoint';
import {
  activateThroughline,
  apply,
  baseName,
  codeActionsAt,
  deleteFiles,
  describeDiagnostics,
  fixtureUri,
  insertText,
  linesOf,
  readText,
  restoreFile,
  throughlineDiagnostics,
  waitFor,
  waitForDiagnostics,
  waitForText,
  withRule,
  writeText,
} from './helpers';

const METRIC_PROMPT = 'Metric: _what you will measure, from what baseline to what target, by when_';
const WHAT = ['## What', '', '_What are they trying to accomplish? Describe the job, the problem and how they get it done today._'];
const WHY = ['## Why', '', '_Why does it matter to them, and why now? Say what changes for them when we succeed._'];

/** The quick fixes VS Code offers at a finding of `rule` on `uri` (what the light bulb lists). */
async function quickFixesFor(uri: vscode.Uri, rule: string): Promise<{ diagnostic: vscode.Diagnostic; actions: vscode.CodeAction[] }> {
  await vscode.window.showTextDocument(uri); // the light bulb is in an editor
  const ds = await waitForDiagnostics(uri, (d) => withRule(d, rule).length === 1, `one ${rule} finding on ${baseName(uri)}`);
  const diagnostic = withRule(ds, rule)[0]!;
  const all = await codeActionsAt(uri, diagnostic.range, undefined, (list) => list.some((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value));
  const actions = all.filter((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value);
  return { diagnostic, actions };
}

function titles(actions: readonly vscode.CodeAction[]): string[] {
  return actions.map((a) => a.title);
}

function only(actions: readonly vscode.CodeAction[], title: string): vscode.CodeAction {
  const found = actions.filter((a) => a.title === title);
  assert.equal(found.length, 1, `one action titled “${title}”; offered: ${titles(actions).join(' | ')}`);
  return found[0]!;
}

/** `text` with `added` lines inserted after line `after` (0-based), in the text's own line breaks. */
function withLinesAfter(text: string, after: number, added: readonly string[]): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = linesOf(text);
  lines.splice(after + 1, 0, ...added);
  return lines.join(eol);
}

function lineIndex(text: string, prefix: string): number {
  const i = linesOf(text).findIndex((l) => l.startsWith(prefix));
  assert.ok(i >= 0, `a line starting with “${prefix}”`);
  return i;
}

/**
 * Applies a fix the way the light bulb does (its edit, then its command), and checks what the user
 * sees: the document becomes exactly `expected`, the finding goes away (or, for a fix that writes a
 * prompt, becomes `afterwards`: the prompt is no answer), the text the fix asks to select is selected,
 * and Undo in the editor puts the text back byte for byte (so the finding comes back as it was).
 */
async function applyCheckAndUndo(uri: vscode.Uri, rule: string, action: vscode.CodeAction, expected: string, afterwards?: { message: RegExp; selected?: string }): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri);
  const document = editor.document;
  const before = document.getText();
  const message = withRule(throughlineDiagnostics(uri), rule)[0]?.message;
  assert.ok(action.edit, `“${action.title}” carries an edit`);
  assert.deepEqual(action.edit.entries().map(([u]) => baseName(u)), [baseName(uri)], `“${action.title}” edits this file and no other`);
  await apply(action.edit);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  assert.equal(JSON.stringify(document.getText()), JSON.stringify(expected), `“${action.title}” changes exactly the intended lines`);
  if (afterwards) {
    await waitForDiagnostics(uri, (d) => withRule(d, rule).some((x) => afterwards.message.test(x.message)), `the ${rule} finding to say what is left to write after “${action.title}”`);
    if (afterwards.selected !== undefined) assert.equal(vscode.window.activeTextEditor?.document.getText(vscode.window.activeTextEditor.selection), afterwards.selected, 'the prompt is selected, to write over');
  } else {
    await waitForDiagnostics(uri, (d) => withRule(d, rule).length === 0, `the ${rule} finding to go away after “${action.title}”`);
  }
  await vscode.commands.executeCommand('undo');
  await waitForText(document, before, `Undo to restore ${baseName(uri)}`);
  assert.equal(document.isDirty, false, 'after Undo the document is back to its saved state');
  await waitForDiagnostics(uri, (d) => withRule(d, rule).length === 1 && (!message || withRule(d, rule)[0]!.message === message), `the ${rule} finding to come back after Undo`);
}

const originals = new Map<string, string>();

describe('Quick fixes', () => {
  const files = ['roadmap.md', 'team-goals.md', 'strategy.md', 'kind-typo.md'];

  before(async function () {
    this.timeout(60_000);
    await activateThroughline();
    for (const name of files) originals.set(name, await readText(fixtureUri(name)));
  });

  afterEach(async () => {
    for (const name of files) await restoreFile(fixtureUri(name), originals.get(name)!);
    await waitForPristine();
  });

  it('strategy-missing-section: one fix for all missing sections, and one per section; none preferred (a prompt is no answer)', async () => {
    const { actions } = await quickFixesFor(fixtureUri('strategy.md'), 'strategy-missing-section');
    assert.deepEqual(titles(actions), ['Add “What” and “Why” sections', 'Add a “What” section', 'Add a “Why” section']);
    assert.deepEqual(actions.map((a) => a.isPreferred === true), [false, false, false], 'Fix All never writes a prompt');
  });

  it('strategy-missing-section: adds the sections at the end in the file’s CRLF line endings, and Undo restores it', async () => {
    const uri = fixtureUri('strategy.md');
    const original = originals.get('strategy.md')!;
    assert.ok(/\r\n/.test(original) && !/[^\r]\n/.test(original), 'the fixture strategy.md has CRLF line endings (see fixtures/.gitattributes)');
    const { actions } = await quickFixesFor(uri, 'strategy-missing-section');
    const fix = only(actions, 'Add “What” and “Why” sections');
    const edits = fix.edit!.get(uri);
    assert.equal(edits.length, 1);
    const after = original + edits[0]!.newText;
    assert.ok(edits[0]!.range.isEmpty && edits[0]!.range.start.line === linesOf(original).length - 1, 'it inserts at the end and replaces nothing');
    assert.ok(!/[^\r]\n/.test(after), 'every line break in the result is CRLF');
    assert.deepEqual(linesOf(after.slice(original.length)).filter((l) => l !== ''), [WHAT[0], WHAT[2], WHY[0], WHY[2]], 'it adds a What and a Why heading, each with its prompt');
    // The sections are there; their prompts are not answers, so the finding says what is left to write.
    await applyCheckAndUndo(uri, 'strategy-missing-section', fix, after, { message: /^This strategy's “What” and “Why” sections are still prompts/, selected: WHAT[2]!.slice(1, -1) });
  });

  it('strategy-missing-section: leaves a blank line before the new section in a CRLF file, as it does with LF', async () => {
    const uri = fixtureUri('strategy.md');
    const original = originals.get('strategy.md')!;
    const { actions } = await quickFixesFor(uri, 'strategy-missing-section');
    const fix = only(actions, 'Add “What” and “Why” sections');
    const expected = original + ['', ...WHAT, '', ...WHY, ''].join('\r\n');
    await applyCheckAndUndo(uri, 'strategy-missing-section', fix, expected, { message: /still prompts/ });
  });

  it('strategy-missing-section: each one-section fix adds only its own section, and the two together clear the finding', async () => {
    const uri = fixtureUri('strategy.md');
    const original = originals.get('strategy.md')!;
    const section = (lines: readonly string[]) => ['', ...lines, ''].join('\r\n');
    const document = (await vscode.window.showTextDocument(uri)).document;
    const first = await quickFixesFor(uri, 'strategy-missing-section');
    await apply(only(first.actions, 'Add a “Why” section').edit!);
    assert.equal(JSON.stringify(document.getText()), JSON.stringify(original + section(WHY)), 'only the Why section, in CRLF');
    const left = await waitForDiagnostics(uri, (d) => withRule(d, 'strategy-missing-section').some((x) => /^This strategy doesn't say what they are trying to accomplish: .*; its “Why” section is still a prompt/.test(x.message)), 'the finding to ask for What, and for the Why prompt to be written');
    assert.ok(left.length > 0);
    const second = await quickFixesFor(uri, 'strategy-missing-section');
    assert.deepEqual(titles(second.actions), ['Add a “What” section', 'Write the answer under “Why”'], 'with one section missing, one fix; and one that selects the prompt left to write');
    await apply(second.actions[0]!.edit!);
    // What goes before Why, beside its sibling Who, not after Why.
    assert.equal(JSON.stringify(document.getText()), JSON.stringify(original + section(WHAT) + section(WHY)));
    await waitForDiagnostics(uri, (d) => withRule(d, 'strategy-missing-section').some((x) => /^This strategy's “What” and “Why” sections are still prompts/.test(x.message)), 'only the prompts left to write');
  });

  it('strategy-missing-section: writing over the prompts answers the questions, and the finding goes', async () => {
    const uri = fixtureUri('strategy.md');
    const original = originals.get('strategy.md')!;
    const document = (await vscode.window.showTextDocument(uri)).document;
    const { actions } = await quickFixesFor(uri, 'strategy-missing-section');
    await apply(only(actions, 'Add “What” and “Why” sections').edit!);
    await waitForDiagnostics(uri, (d) => withRule(d, 'strategy-missing-section').some((x) => /still prompts/.test(x.message)), 'the prompts reported');
    const answered = document.getText().replace(`_${WHAT[2]!.slice(1, -1)}_`, 'Close the books in three days.').replace(`_${WHY[2]!.slice(1, -1)}_`, 'Auditors arrive in March.');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), answered);
    await apply(edit);
    await waitForDiagnostics(uri, (d) => withRule(d, 'strategy-missing-section').length === 0, 'the strategy answers who, what and why');
    assert.notEqual(answered, original);
  });

  it('Goal:, Vision: and Metric: fixes write their line in a CRLF file’s own line endings', async () => {
    const roadmap = fixtureUri('crlf-roadmap.md');
    const goals = fixtureUri('crlf-goals.md');
    const ROADMAP = ['# Harbor roadmap', '', '### Shared inbox for support', '', 'Route requests to one inbox.', ''].join('\r\n');
    const GOALS = ['# Harbor goals', '', '## H7: Collect requests in a shared inbox', '', 'Everything in one place.', ''].join('\r\n');
    // The goals first, so the roadmap's fixes are offered with H7 already known.
    await writeText(goals, GOALS);
    await waitForDiagnostics(goals, (d) => withRule(d, 'goal-without-vision').length === 1, 'crlf-goals.md to be checked');
    await writeText(roadmap, ROADMAP);
    try {
      const untraced = await quickFixesFor(roadmap, 'untraced-item');
      const toH7 = untraced.actions.find((a) => a.title.startsWith('Trace to goal H7'));
      assert.ok(toH7, `a fix tracing to H7, whose words it shares; offered: ${titles(untraced.actions).join(' | ')}`);
      await applyCheckAndUndo(roadmap, 'untraced-item', toH7, withLinesAfter(ROADMAP, 2, ['', 'Goal: H7']));
      const vision = await quickFixesFor(goals, 'goal-without-vision');
      const toVision = vision.actions.find((a) => a.title.startsWith('Trace to vision section V1'));
      assert.ok(toVision, `a fix tracing to V1, whose words it shares; offered: ${titles(vision.actions).join(' | ')}`);
      await applyCheckAndUndo(goals, 'goal-without-vision', toVision, withLinesAfter(GOALS, 2, ['', 'Vision: V1']));
      const metric = await quickFixesFor(goals, 'goal-missing-metric');
      await applyCheckAndUndo(goals, 'goal-missing-metric', only(metric.actions, 'Add a “Metric:” line'), withLinesAfter(GOALS, 2, ['', METRIC_PROMPT]), {
        message: /metric is still a prompt/,
        selected: 'what you will measure, from what baseline to what target, by when',
      });
    } finally {
      await deleteFiles([roadmap, goals]);
      // Gone from the index too, so H7 is offered to no later test.
      await waitForDiagnostics(goals, (d) => d.length === 0, 'crlf-goals.md to be forgotten');
    }
  });

  it('untraced-item: names only the goal its words point to, then every goal, N/A and a new goal; writes a Goal: line under the heading', async () => {
    const uri = fixtureUri('roadmap.md');
    const original = originals.get('roadmap.md')!;
    const { actions } = await quickFixesFor(uri, 'untraced-item');
    // The item speaks of requests and their evidence: every goal mentions requests, only G2 evidence.
    assert.deepEqual(titles(actions), [`Trace to goal G2 “${G2_TITLE}”`, 'Trace to goal…', 'Mark as deliberately untraced (Goal: N/A)', `Create goal G3 “${UNTRACED_TITLE}” in goals.md`]);
    assert.ok(actions.every((a) => !a.isPreferred), 'which goal an item serves is the user’s choice: none is preferred');
    const expected = withLinesAfter(original, lineIndex(original, `### ${UNTRACED_TITLE}`), ['', 'Goal: G2']);
    await applyCheckAndUndo(uri, 'untraced-item', actions[0]!, expected);
  });

  it('untraced-item: “Mark as deliberately untraced” writes the documented N/A, and the finding says so', async () => {
    const uri = fixtureUri('roadmap.md');
    const original = originals.get('roadmap.md')!;
    const { actions } = await quickFixesFor(uri, 'untraced-item');
    const expected = withLinesAfter(original, lineIndex(original, `### ${UNTRACED_TITLE}`), ['', 'Goal: N/A']);
    await applyCheckAndUndo(uri, 'untraced-item', only(actions, 'Mark as deliberately untraced (Goal: N/A)'), expected, { message: /is marked as serving no goal \(“N\/A”\)/ });
  });

  it('unknown-reference: a broken ID is not guessed from its spelling; the user chooses, or creates the goal', async () => {
    const { actions } = await quickFixesFor(fixtureUri('roadmap.md'), 'unknown-reference');
    assert.deepEqual(titles(actions), ['Change to goal…', 'Create goal G9 “Call transcript import” in goals.md']);
    assert.ok(actions.every((a) => !a.isPreferred), 'G9 is not G1 misspelt: nothing is preferred');
  });

  it('unknown-reference: a reference that can only mean one goal is corrected, and that fix is preferred', async () => {
    const uri = fixtureUri('roadmap.md');
    const original = originals.get('roadmap.md')!;
    const document = (await vscode.window.showTextDocument(uri)).document;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(original.length)), original.replace('Goal: G9', 'Goal: Rank requests by evidense'));
    await apply(edit);
    assert.ok(await document.save());
    const { actions } = await quickFixesFor(uri, 'unknown-reference');
    const fix = actions[0]!;
    assert.equal(fix.title, `Change to G2 “${G2_TITLE}”`);
    assert.equal(fix.isPreferred, true, 'one typo in a long title, and no other goal near: certain');
    await applyCheckAndUndo(uri, 'unknown-reference', fix, original.replace('Goal: G9', 'Goal: G2'));
  });

  it('goal-without-vision: names the part of the vision its words point to, offers every part in a pick, writes a Vision: line', async () => {
    const uri = fixtureUri('team-goals.md');
    const original = originals.get('team-goals.md')!;
    const { actions } = await quickFixesFor(uri, 'goal-without-vision');
    // “Each customer hears back…”: only the vision's own text speaks of customers; every part mentions requests.
    // (The light bulb lists the fixes of O1's other findings on the same title too.)
    assert.deepEqual(titles(actions).filter((t) => t.startsWith('Trace to')), ['Trace to the vision “Beacon vision”', 'Trace to the vision…']);
    const fix = only(actions, 'Trace to the vision “Beacon vision”');
    const expected = withLinesAfter(original, lineIndex(original, '## O1'), ['', 'Vision: [Beacon vision](vision.md)']);
    await applyCheckAndUndo(uri, 'goal-without-vision', fix, expected);
  });

  it('goal-missing-metric: adds a Metric: prompt line under the goal, selected; the prompt is no metric', async () => {
    const uri = fixtureUri('team-goals.md');
    const original = originals.get('team-goals.md')!;
    const { actions } = await quickFixesFor(uri, 'goal-missing-metric');
    const fix = only(actions, 'Add a “Metric:” line');
    assert.equal(fix.isPreferred, false, 'Fix All never writes a prompt');
    const expected = withLinesAfter(original, lineIndex(original, '## O1'), ['', METRIC_PROMPT]);
    await applyCheckAndUndo(uri, 'goal-missing-metric', fix, expected, { message: /metric is still a prompt/, selected: 'what you will measure, from what baseline to what target, by when' });
  });

  it('unknown-kind: corrects the kind, and the file is checked from then on', async () => {
    const uri = fixtureUri('kind-typo.md');
    const original = originals.get('kind-typo.md')!;
    const { actions } = await quickFixesFor(uri, 'unknown-kind');
    const fix = only(actions, 'Change the kind to “roadmap”');
    assert.equal(fix.isPreferred, true);
    await applyCheckAndUndo(uri, 'unknown-kind', fix, original.replace('kind: roadmp', 'kind: roadmap'));
  });

  it('fix-all (source.fixAll.throughline) is not offered in the light bulb, and has nothing to do on the fixture: nothing there is certain', async () => {
    const uri = fixtureUri('roadmap.md');
    const original = originals.get('roadmap.md')!;
    const ds = await waitForDiagnostics(uri, (d) => d.length === 2, 'the two findings on roadmap.md');
    const whole = new vscode.Range(0, 0, linesOf(original).length, 0);
    const lightBulb = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, withRule(ds, 'unknown-reference')[0]!.range);
    assert.ok(!lightBulb.some((a) => a.kind?.value.startsWith('source.fixAll')), `no fix-all among the light bulb's actions: ${titles(lightBulb).join(' | ')}`);
    const fixAll = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, whole, 'source.fixAll.throughline');
    assert.deepEqual(titles(fixAll), [], `G9 and the untraced item need a person's choice: ${describeDiagnostics(ds)}`);
  });
});

describe('Fixes that never invent a trace', () => {
  const goals = () => fixtureUri('spend-goals.md');
  const roadmap = () => fixtureUri('spend-roadmap.md');
  const GOALS = [
    '# Spend goals',
    '',
    '## S1: Cut the monthly close',
    '',
    'Vision: V1',
    'Metric: close in 3 working days by Q4',
    '',
    "## S2: Win the CFO's trust",
    '',
    'Vision: V1',
    'Metric: finance NPS above 40',
    '',
    '## S3: Grow card spend',
    '',
    'Vision: V2',
    'Metric: card volume from $2M to $5M a month',
    '',
    '## S4: Expand to Germany',
    '',
    'Vision: V2',
    'Metric: 200 German customers by Q4',
    '',
    '## S5: Pass the SOC 2 audit',
    '',
    'Vision: V1',
    'Metric: SOC 2 Type II report by Q3',
    '',
  ].join('\n');
  const ROADMAP = [
    '# Spend roadmap',
    '',
    '## Now',
    '',
    '- SOC 2 evidence collection — Goal: S7',
    '- Expense policies — Goal: S8',
    '- Berlin office — Goal: Open an office in Berlin',
    '- Audit trail — Goal: Win the CFOs trust',
    '- Close checklist — Goal: s-1',
    '- Card controls',
    '',
  ].join('\n');

  before(async function () {
    this.timeout(60_000);
    await activateThroughline();
    await writeText(goals(), GOALS);
    await writeText(roadmap(), ROADMAP);
    await waitForDiagnostics(roadmap(), (d) => withRule(d, 'unknown-reference').length === 4, 'the four broken references on spend-roadmap.md');
  });

  after(async () => {
    await vscode.workspace.getConfiguration('editor', { languageId: 'markdown' }).update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    await deleteFiles([roadmap(), goals()]);
    await waitForDiagnostics(roadmap(), (d) => d.length === 0, 'spend-roadmap.md forgotten');
    await waitForPristine();
  });

  it('Fix All on a roadmap full of broken IDs writes only the one reference that can only mean one goal', async () => {
    await vscode.window.showTextDocument(roadmap());
    const whole = new vscode.Range(0, 0, linesOf(ROADMAP).length, 0);
    const fixAll = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', roadmap(), whole, 'source.fixAll.throughline');
    assert.deepEqual(titles(fixAll), ['Fix all Throughline findings whose fix is certain']);
    const edits = fixAll[0]!.edit!.get(roadmap());
    // s-1 is S1; S7 and S8 are no goal's ID misspelt, and no goal is called “Open an office in Berlin”.
    assert.deepEqual(edits.map((e) => e.newText), ['S1']);
    await vscode.window.showTextDocument(roadmap());
    await apply(fixAll[0]!.edit!);
    const document = vscode.window.activeTextEditor!.document;
    assert.equal(document.getText(), ROADMAP.replace('Goal: s-1', 'Goal: S1'));
    const after = await waitForDiagnostics(roadmap(), (d) => withRule(d, 'unknown-reference').length === 3, 'three broken references left, as written');
    assert.deepEqual(withRule(after, 'unknown-reference').map((d) => document.getText(d.range)), ['S7', 'S8', 'Open an office in Berlin']);
    // “Win the CFOs trust” names S2 “Win the CFO's trust”: the apostrophe does not matter in a title.
    assert.equal(after.filter((d) => d.message.includes('CFO')).length, 0, describeDiagnostics(after));
    await vscode.commands.executeCommand('undo');
    await waitForText(document, ROADMAP, 'Undo to restore spend-roadmap.md');
  });

  it('fix on save (source.fixAll.throughline in codeActionsOnSave) writes no trace a person did not write', async () => {
    const editorSettings = () => vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });
    await editorSettings().update('codeActionsOnSave', { 'source.fixAll.throughline': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    try {
      assert.deepEqual(editorSettings().get('codeActionsOnSave'), { 'source.fixAll.throughline': 'explicit' }, 'the setting is in effect for Markdown');
      const editor = await vscode.window.showTextDocument(roadmap());
      await insertText(roadmap(), new vscode.Position(linesOf(ROADMAP).length - 1, 0), '- Card limits — Goal: S9\n');
      await vscode.commands.executeCommand('workbench.action.files.save');
      // s-1 fixed proves the save ran the fixes; S7, S8, S9 and the Berlin office stay as written.
      const expected = ROADMAP.replace('Goal: s-1', 'Goal: S1') + '- Card limits — Goal: S9\n';
      await waitForText(editor.document, expected, 'the save to fix s-1, and nothing else');
      await waitFor([vscode.workspace.onDidSaveTextDocument], () => (!editor.document.isDirty ? true : undefined), 'the fixed text saved');
      assert.equal(await readText(roadmap()), expected, 'on disk too');
    } finally {
      await editorSettings().update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
      await restoreFile(roadmap(), ROADMAP);
    }
  });

  it('the suggestion for a broken ID is the goal the item’s words point to, with the words, never a spelling guess', async () => {
    const ds = await waitForDiagnostics(roadmap(), (d) => withRule(d, 'unknown-reference').length === 4, 'the broken references');
    const s7 = withRule(ds, 'unknown-reference').find((d) => d.message.includes('“S7”'))!;
    assert.equal(s7.message, 'No goal has the ID or title “S7”. By its words, this roadmap item may serve S5 “Pass the SOC 2 audit” (both mention “soc”); choose it or another in the quick fixes.');
    const { actions } = await quickFixesFor2(roadmap(), s7);
    // S5 first (SOC), then G2, which speaks of evidence; then every goal, or a new S7.
    assert.deepEqual(titles(actions), ['Change to S5 “Pass the SOC 2 audit”', `Change to G2 “${G2_TITLE}”`, 'Change to goal…', 'Create goal S7 “SOC 2 evidence collection” in goals.md']);
    assert.ok(actions.every((a) => !a.isPreferred));
  });

  it('“Trace to goal…” lists every goal with its metric, and reaches the fifth', async function () {
    requireCheckpoints(this);
    const ds = await waitForDiagnostics(roadmap(), (d) => withRule(d, 'untraced-item').length === 1, 'Card controls untraced');
    const { actions } = await quickFixesFor2(roadmap(), withRule(ds, 'untraced-item')[0]!);
    const trace = only(actions, 'Trace to goal…');
    assert.equal(trace.command?.command, 'throughline.pickFix');
    const options = (trace.command!.arguments![0] as { options: Array<{ label: string; detail?: string }> }).options;
    assert.ok(['S1', 'S2', 'S3', 'S4', 'S5'].every((id) => options.some((o) => o.label.startsWith(`${id} `))), options.map((o) => o.label).join(', '));
    assert.equal(options.find((o) => o.label.startsWith('S5 '))!.detail, 'Metric: SOC 2 Type II report by Q3');
    await vscode.window.showTextDocument(roadmap());
    const picked = vscode.commands.executeCommand(trace.command!.command, ...trace.command!.arguments!);
    const input = '.quick-input-widget .quick-input-box input';
    await checkpoint({ name: 'trace to goal pick', waitFor: [{ selector: input }, { selector: '.quick-input-widget .monaco-list-row:has-text("S5 Pass the SOC 2 audit")' }], fill: { selector: input, text: 'SOC 2 audit' }, screenshot: 'trace-to-goal-pick' });
    await checkpoint({ name: 'choose the fifth goal', waitFor: [{ selector: '.quick-input-widget .monaco-list-row.focused:has-text("S5")' }], press: ['Enter'] });
    await picked;
    const document = vscode.window.activeTextEditor!.document;
    assert.equal(document.getText(), ROADMAP.replace('- Card controls', '- Card controls — Goal: S5'));
    await waitForDiagnostics(roadmap(), (d) => withRule(d, 'untraced-item').length === 0, 'Card controls traced to S5');
    await restoreFile(roadmap(), ROADMAP);
  });

  it('“Add a roadmap item” for a goal nothing moves writes a placeholder item, selected to name it; until named, the goal still has no items', async () => {
    const teamGoals = fixtureUri('team-goals.md');
    const ds = await waitForDiagnostics(teamGoals, (d) => withRule(d, 'goal-without-items').length === 1, 'O1 has no items');
    const { actions } = await quickFixesFor2(teamGoals, withRule(ds, 'goal-without-items')[0]!);
    const add = only(actions, 'Add a roadmap item for O1 “Answer every request within a day” to roadmap.md');
    await apply(add.edit!);
    await vscode.commands.executeCommand(add.command!.command, ...(add.command!.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(baseName(editor.document.uri), 'roadmap.md', 'the new item is revealed');
    assert.equal(editor.document.getText(editor.selection), 'New item for “Answer every request within a day”', 'its title is selected, to write over');
    const after = await waitForDiagnostics(teamGoals, (d) => withRule(d, 'goal-without-items').some((x) => /placeholder item/.test(x.message)), 'the finding to say the item is a placeholder');
    assert.equal(withRule(after, 'goal-without-items').length, 1);
    await restoreFile(fixtureUri('roadmap.md'), originals.get('roadmap.md') ?? (await readText(fixtureUri('roadmap.md'))));
  });
});

/**
 * The quick fixes VS Code offers at a finding's range (those of other findings on the same range
 * too: `executeCodeActionProvider` does not say which finding an action is for).
 */
async function quickFixesFor2(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<{ actions: vscode.CodeAction[] }> {
  await vscode.window.showTextDocument(uri);
  const quickFix = (a: vscode.CodeAction) => a.kind?.value === vscode.CodeActionKind.QuickFix.value;
  const all = await codeActionsAt(uri, diagnostic.range, undefined, (list) => list.some(quickFix));
  return { actions: all.filter(quickFix) };
}
