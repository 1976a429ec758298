import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateThroughline, codeActionsAt, formatRange, ruleOf, waitFor } from '../helpers';
import { ENV } from '../report';

/** What a fix that needs a choice carries: the options of its pick (`throughline.pickFix`). */
interface Pick {
  options: Array<{ label: string; edits: Array<{ uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }> }>;
}

/** Fixes that name what they write: the ones a user picks when the light bulb offers them. */
const NAMED = /^(?:Trace to (?:goal|vision section|the vision) [^…]|Change to [^…]|Renumber|Change the kind|Close the|Create .*vision|Add )/;

/**
 * A new user's first session, automated: the packaged extension installed from its .vsix, the
 * repository's examples/ opened, and every finding fixed with the quick fixes the extension offers,
 * one at a time, first finding first: the fix Throughline prefers (certain), else one that names
 * its target, else the first choice of “Trace to goal…”. Findings whose only fix selects a prompt
 * (or a goal's past date) to write over are left for a person: a prompt is not an answer, and a new
 * date is the goal owner's to set, so no quick fix can close them.
 * The steps taken are written next to the report (walkthrough.md), so a person can read them.
 */
describe('Fixing every finding in examples/ with quick fixes only', () => {
  it('ends with only the prompts a person has to write', async function () {
    this.timeout(240_000);
    const { api } = await activateThroughline();
    const steps: string[] = [];
    const root = vscode.workspace.workspaceFolders![0]!.uri;
    const relative = (uri: vscode.Uri) => uri.path.slice(root.path.length + 1);
    const key = (f: { uri: vscode.Uri; d: vscode.Diagnostic }) => `${f.uri.toString()} ${f.d.message}`;
    const findings = () =>
      vscode.languages
        .getDiagnostics()
        .flatMap(([uri, list]) => list.filter((d) => d.source === 'Throughline').map((d) => ({ uri, d })))
        .sort((a, b) => relative(a.uri).localeCompare(relative(b.uri)) || a.d.range.start.line - b.d.range.start.line);
    const initial = findings().length;
    assert.ok(initial >= 15, `the example starts with its planted findings; saw ${initial}`);
    steps.push(`Opened examples/ with the installed extension: ${initial} findings.`, '');
    const forPerson = new Set<string>();

    for (let step = 1; step <= 80; step++) {
      const next = findings().find((f) => !forPerson.has(key(f)));
      if (!next) break;
      const { uri, d } = next;
      await vscode.window.showTextDocument(uri, { preview: false });
      // The light bulb's fixes at the finding: `executeCodeActionProvider` does not say which finding
      // each is for, so those of other findings on the same range come too. Either way one is applied.
      const fixes = await codeActionsAt(uri, d.range, vscode.CodeActionKind.QuickFix.value, (list) => list.length > 0);
      const withEdit = fixes.filter((a) => a.edit);
      const pick = fixes.find((a) => a.command?.command === 'throughline.pickFix');
      const chosen = withEdit.find((a) => a.isPreferred) ?? withEdit.find((a) => NAMED.test(a.title));
      const before = JSON.stringify(findings().map((f) => [f.uri.toString(), f.d.message, formatRange(f.d.range)]));
      let did: string;
      if (chosen) {
        assert.ok(await vscode.workspace.applyEdit(chosen.edit!), `the fix “${chosen.title}” applies`);
        did = chosen.title;
      } else if (pick) {
        const option = (pick.command!.arguments![0] as Pick).options[0]!;
        const edit = new vscode.WorkspaceEdit();
        for (const e of option.edits) edit.replace(vscode.Uri.parse(e.uri), new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
        assert.ok(await vscode.workspace.applyEdit(edit), `“${pick.title}” → ${option.label} applies`);
        did = `${pick.title} → ${option.label}`;
      } else {
        forPerson.add(key(next));
        steps.push(`${step}. \`${ruleOf(d)}\` on ${relative(uri)}:${d.range.start.line + 1}: ${d.message}`, `   → left for a person (${fixes.map((a) => a.title).join(', ') || 'no fix'})`);
        continue;
      }
      await vscode.workspace.saveAll(false);
      steps.push(`${step}. \`${ruleOf(d)}\` on ${relative(uri)}:${d.range.start.line + 1}: ${d.message}`, `   → **${did}**${fixes.length > 1 ? ` (of ${fixes.length} offered)` : ''}`);
      await waitFor(
        [vscode.languages.onDidChangeDiagnostics],
        () => (JSON.stringify(findings().map((f) => [f.uri.toString(), f.d.message, formatRange(f.d.range)])) === before ? undefined : true),
        `the findings to change after “${did}” (for “${d.message}”)`,
      );
    }

    const left = findings();
    steps.push('', `Findings left: ${left.length}, each a prompt for a person to write.`);
    const report = process.env[ENV.report];
    if (report) fs.writeFileSync(path.join(path.dirname(report), 'walkthrough.md'), `${steps.join('\n')}\n`);
    assert.deepEqual(left.filter((f) => !forPerson.has(key(f))).map((f) => f.d.message), [], 'every finding with a fix was fixed');
    // A prompt to write, or a goal's date that has passed (stale-goal: only its owner can set the new one).
    for (const f of left) assert.match(f.d.message, /still a prompt|still prompts|placeholder item|which has passed/, `only prompts and dates are left: ${relative(f.uri)}: ${f.d.message}`);
    assert.ok(left.length < initial, `fewer findings than at the start (${left.length} of ${initial})`);
    const issues = api.index.workspaces().flatMap(({ workspace }) => [...workspace.check().issues.values()].flat());
    assert.equal(issues.length, left.length, 'the index agrees');
  });
});
