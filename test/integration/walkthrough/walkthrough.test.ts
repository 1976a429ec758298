import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateThroughline, codeActionsAt, formatRange, ruleOf, waitFor } from '../helpers';
import { ENV } from '../report';

/**
 * A new user's first session, automated: the packaged extension installed from its .vsix, the
 * repository's examples/ opened, and every finding fixed with the quick fixes the extension offers,
 * one at a time, first finding first, until none is left. The steps taken are written next to the
 * report (walkthrough.md), so a person can read what was done.
 */
describe('Fixing every finding in examples/ with quick fixes only', () => {
  it('ends with zero findings', async function () {
    this.timeout(240_000);
    const { api } = await activateThroughline();
    const steps: string[] = [];
    const root = vscode.workspace.workspaceFolders![0]!.uri;
    const relative = (uri: vscode.Uri) => uri.path.slice(root.path.length + 1);
    const findings = () =>
      vscode.languages
        .getDiagnostics()
        .flatMap(([uri, list]) => list.filter((d) => d.source === 'Throughline').map((d) => ({ uri, d })))
        .sort((a, b) => relative(a.uri).localeCompare(relative(b.uri)) || a.d.range.start.line - b.d.range.start.line);
    const initial = findings().length;
    assert.ok(initial >= 15, `the example starts with its planted findings; saw ${initial}`);
    steps.push(`Opened examples/ with the installed extension: ${initial} findings.`, '');

    for (let step = 1; step <= 60; step++) {
      const [next] = findings();
      if (!next) break;
      const { uri, d } = next;
      await vscode.window.showTextDocument(uri, { preview: false });
      const forFinding = (a: vscode.CodeAction) => (a.diagnostics ?? []).some((x) => x.message === d.message);
      const actions = await codeActionsAt(uri, d.range, vscode.CodeActionKind.QuickFix.value, (list) => list.some((a) => a.edit));
      // Actions for other findings at the same range come too; an action VS Code returns without its
      // diagnostics (one that only creates a file) is matched by being the only kind left.
      const withEdit = actions.filter((a) => a.edit);
      const forThis = withEdit.filter(forFinding);
      const fixes = forThis.length > 0 ? forThis : withEdit.filter((a) => !a.diagnostics?.length);
      assert.ok(fixes.length > 0, `no quick fix offered for ${ruleOf(d)} on ${relative(uri)}:${formatRange(d.range)}: ${d.message}; got ${JSON.stringify(actions.map((a) => [a.title, typeof a.edit, a.diagnostics]))}`);
      const fix = fixes.find((a) => a.isPreferred) ?? fixes[0]!;
      assert.ok(await vscode.workspace.applyEdit(fix.edit!), `the fix “${fix.title}” applies`);
      await vscode.workspace.saveAll(false);
      steps.push(`${step}. \`${ruleOf(d)}\` on ${relative(uri)}:${d.range.start.line + 1}: ${d.message}`, `   → **${fix.title}**${fixes.length > 1 ? ` (first of ${fixes.length} offered)` : ''}`);
      await waitFor(
        [vscode.languages.onDidChangeDiagnostics],
        () => (findings().some((f) => f.uri.toString() === uri.toString() && f.d.message === d.message && f.d.range.isEqual(d.range)) ? undefined : true),
        `the finding “${d.message}” to go away after “${fix.title}”`,
      );
    }

    const left = findings();
    steps.push('', `Findings left: ${left.length}.`);
    const report = process.env[ENV.report];
    if (report) fs.writeFileSync(path.join(path.dirname(report), 'walkthrough.md'), `${steps.join('\n')}\n`);
    assert.deepEqual(left.map((f) => `${relative(f.uri)}:${f.d.range.start.line + 1} ${f.d.message}`), []);
    const issues = api.index.workspaces().flatMap(({ workspace }) => [...workspace.check().issues.values()].flat());
    assert.deepEqual(issues.map((i) => i.message), [], 'the index agrees: nothing left to report');
  });
});
