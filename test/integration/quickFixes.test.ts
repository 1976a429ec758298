import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { G1_TITLE, G2_TITLE, O1_TITLE, UNKNOWN_GOAL, UNTRACED_TITLE, waitForPristine } from './fixture';
import {
  activateThroughline,
  apply,
  baseName,
  codeActionsAt,
  deleteFiles,
  describeDiagnostics,
  fixtureUri,
  linesOf,
  readText,
  restoreFile,
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
 * Applies a fix the way the light bulb does, and checks what the user sees: the document becomes
 * exactly `expected`, the finding goes away, and Undo in the editor puts the text back byte for byte
 * (so the finding comes back).
 */
async function applyCheckAndUndo(uri: vscode.Uri, rule: string, action: vscode.CodeAction, expected: string): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri);
  const document = editor.document;
  const before = document.getText();
  assert.ok(action.edit, `“${action.title}” carries an edit`);
  assert.deepEqual(action.edit.entries().map(([u]) => baseName(u)), [baseName(uri)], `“${action.title}” edits this file and no other`);
  await apply(action.edit);
  assert.equal(JSON.stringify(document.getText()), JSON.stringify(expected), `“${action.title}” changes exactly the intended lines`);
  await waitForDiagnostics(uri, (d) => withRule(d, rule).length === 0, `the ${rule} finding to go away after “${action.title}”`);
  await vscode.commands.executeCommand('undo');
  await waitForText(document, before, `Undo to restore ${baseName(uri)}`);
  assert.equal(document.isDirty, false, 'after Undo the document is back to its saved state');
  await waitForDiagnostics(uri, (d) => withRule(d, rule).length === 1, `the ${rule} finding to come back after Undo`);
}

describe('Quick fixes', () => {
  const originals = new Map<string, string>();
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

  it('strategy-missing-section: one fix for all missing sections (preferred, listed first), and one per section', async () => {
    const { actions } = await quickFixesFor(fixtureUri('strategy.md'), 'strategy-missing-section');
    // VS Code lists the preferred fix first.
    assert.deepEqual(titles(actions), ['Add “What” and “Why” sections', 'Add a “What” section', 'Add a “Why” section']);
    assert.deepEqual(actions.map((a) => a.isPreferred === true), [true, false, false], 'the fix that adds every missing section is the preferred one');
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
    await applyCheckAndUndo(uri, 'strategy-missing-section', fix, after);
  });

  it('strategy-missing-section: leaves a blank line before the new section in a CRLF file, as it does with LF', async () => {
    const uri = fixtureUri('strategy.md');
    const original = originals.get('strategy.md')!;
    const { actions } = await quickFixesFor(uri, 'strategy-missing-section');
    const fix = only(actions, 'Add “What” and “Why” sections');
    const expected = original + ['', ...WHAT, '', ...WHY, ''].join('\r\n');
    await applyCheckAndUndo(uri, 'strategy-missing-section', fix, expected);
  });

  it('strategy-missing-section: each one-section fix adds only its own section, and the two together clear the finding', async () => {
    const uri = fixtureUri('strategy.md');
    const original = originals.get('strategy.md')!;
    const section = (lines: readonly string[]) => ['', ...lines, ''].join('\r\n');
    const document = (await vscode.window.showTextDocument(uri)).document;
    const first = await quickFixesFor(uri, 'strategy-missing-section');
    await apply(only(first.actions, 'Add a “Why” section').edit!);
    assert.equal(JSON.stringify(document.getText()), JSON.stringify(original + section(WHY)), 'only the Why section, in CRLF');
    const left = await waitForDiagnostics(uri, (d) => withRule(d, 'strategy-missing-section').some((x) => !/why it matters/.test(x.message)), 'the finding to ask for What alone');
    assert.match(withRule(left, 'strategy-missing-section')[0]!.message, /what they are trying to accomplish/);
    const second = await quickFixesFor(uri, 'strategy-missing-section');
    assert.deepEqual(titles(second.actions), ['Add a “What” section'], 'with one section missing, one fix');
    await apply(second.actions[0]!.edit!);
    assert.equal(JSON.stringify(document.getText()), JSON.stringify(original + section(WHY) + section(WHAT)));
    await waitForDiagnostics(uri, (d) => withRule(d, 'strategy-missing-section').length === 0, 'the strategy to answer who, what and why');
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
      assert.ok(toH7, `a fix tracing to H7; offered: ${titles(untraced.actions).join(' | ')}`);
      await applyCheckAndUndo(roadmap, 'untraced-item', toH7, withLinesAfter(ROADMAP, 2, ['', 'Goal: H7']));
      const vision = await quickFixesFor(goals, 'goal-without-vision');
      const toVision = vision.actions.find((a) => a.title.startsWith('Trace to vision section V1'));
      assert.ok(toVision, `a fix tracing to V1; offered: ${titles(vision.actions).join(' | ')}`);
      await applyCheckAndUndo(goals, 'goal-without-vision', toVision, withLinesAfter(GOALS, 2, ['', 'Vision: V1']));
      const metric = await quickFixesFor(goals, 'goal-missing-metric');
      await applyCheckAndUndo(goals, 'goal-missing-metric', only(metric.actions, 'Add a “Metric:” line'), withLinesAfter(GOALS, 2, ['', METRIC_PROMPT]));
    } finally {
      await deleteFiles([roadmap, goals]);
      // Gone from the index too, so H7 is offered to no later test.
      await waitForDiagnostics(goals, (d) => d.length === 0, 'crlf-goals.md to be forgotten');
    }
  });

  it('untraced-item: offers several goals, best match first, and writes a Goal: line under the heading', async () => {
    const uri = fixtureUri('roadmap.md');
    const original = originals.get('roadmap.md')!;
    const { actions } = await quickFixesFor(uri, 'untraced-item');
    // The item speaks of requests and their evidence: G2 “Rank requests by evidence” fits best.
    assert.deepEqual(titles(actions), [`Trace to goal G2 “${G2_TITLE}”`, `Trace to goal O1 “${O1_TITLE}”`, `Trace to goal G1 “${G1_TITLE}”`]);
    assert.ok(actions.every((a) => !a.isPreferred), 'which goal an item serves is the user’s choice: none is preferred');
    const expected = withLinesAfter(original, lineIndex(original, `### ${UNTRACED_TITLE}`), ['', 'Goal: G2']);
    await applyCheckAndUndo(uri, 'untraced-item', actions[0]!, expected);
  });

  it('unknown-reference: replaces the reference with the goal it most likely meant', async () => {
    const uri = fixtureUri('roadmap.md');
    const original = originals.get('roadmap.md')!;
    const { actions } = await quickFixesFor(uri, 'unknown-reference');
    const fix = only(actions, `Change to G1 “${G1_TITLE}”`);
    assert.equal(fix.isPreferred, true, 'the did-you-mean fix is the one obvious fix');
    const expected = original.replace(`Goal: ${UNKNOWN_GOAL}`, 'Goal: G1');
    await applyCheckAndUndo(uri, 'unknown-reference', fix, expected);
  });

  it('goal-without-vision: offers the vision and its pillars, and writes a Vision: line under the goal', async () => {
    const uri = fixtureUri('team-goals.md');
    const original = originals.get('team-goals.md')!;
    const { actions } = await quickFixesFor(uri, 'goal-without-vision');
    const offered = titles(actions).filter((t) => t.startsWith('Trace to'));
    assert.deepEqual(
      [...offered].sort(),
      ['Trace to the vision “Beacon vision”', 'Trace to vision section V1 “One inbox for every request”', 'Trace to vision section V2 “Priorities you can defend”'].sort(),
    );
    const fix = only(actions, 'Trace to vision section V1 “One inbox for every request”');
    const expected = withLinesAfter(original, lineIndex(original, '## O1'), ['', 'Vision: V1']);
    await applyCheckAndUndo(uri, 'goal-without-vision', fix, expected);
  });

  it('goal-missing-metric: adds a Metric: prompt line under the goal', async () => {
    const uri = fixtureUri('team-goals.md');
    const original = originals.get('team-goals.md')!;
    const { actions } = await quickFixesFor(uri, 'goal-missing-metric');
    const fix = only(actions, 'Add a “Metric:” line');
    assert.equal(fix.isPreferred, true);
    const expected = withLinesAfter(original, lineIndex(original, '## O1'), ['', METRIC_PROMPT]);
    await applyCheckAndUndo(uri, 'goal-missing-metric', fix, expected);
  });

  it('unknown-kind: corrects the kind, and the file is checked from then on', async () => {
    const uri = fixtureUri('kind-typo.md');
    const original = originals.get('kind-typo.md')!;
    const { actions } = await quickFixesFor(uri, 'unknown-kind');
    const fix = only(actions, 'Change the kind to “roadmap”');
    assert.equal(fix.isPreferred, true);
    await applyCheckAndUndo(uri, 'unknown-kind', fix, original.replace('kind: roadmp', 'kind: roadmap'));
  });

  it('fix-all (source.fixAll.throughline) applies only the obvious fixes, and is not offered in the light bulb', async () => {
    const uri = fixtureUri('roadmap.md');
    const original = originals.get('roadmap.md')!;
    const ds = await waitForDiagnostics(uri, (d) => d.length === 2, 'the two findings on roadmap.md');
    const whole = new vscode.Range(0, 0, linesOf(original).length, 0);
    const lightBulb = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, withRule(ds, 'unknown-reference')[0]!.range);
    assert.ok(!lightBulb.some((a) => a.kind?.value.startsWith('source.fixAll')), `no fix-all among the light bulb's actions: ${titles(lightBulb).join(' | ')}`);
    const fixAll = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, whole, 'source.fixAll.throughline');
    assert.deepEqual(titles(fixAll), ['Fix all Throughline findings that have one obvious fix']);
    assert.equal(fixAll[0]!.kind?.value, 'source.fixAll.throughline');
    const editor = await vscode.window.showTextDocument(uri);
    await apply(fixAll[0]!.edit!);
    // The did-you-mean is obvious; which goal the untraced item serves is not, so it stays.
    assert.equal(editor.document.getText(), original.replace(`Goal: ${UNKNOWN_GOAL}`, 'Goal: G1'));
    const after = await waitForDiagnostics(uri, (d) => withRule(d, 'unknown-reference').length === 0, 'the unknown reference to be fixed');
    assert.equal(withRule(after, 'untraced-item').length, 1, describeDiagnostics(after));
    await vscode.commands.executeCommand('undo');
    await waitForText(editor.document, original, 'Undo to restore roadmap.md');
  });
});
