import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { expectedFindings } from './fixture';
import { activateThroughline, describeDiagnostics, fixtureUri, waitForDiagnostics, withRule, writeText } from './helpers';

const severityOf = (ds: readonly vscode.Diagnostic[], rule: string) => withRule(ds, rule).map((d) => vscode.DiagnosticSeverity[d.severity]);

describe('Configuration changes re-check the workspace', () => {
  let roadmap: vscode.Uri;
  const yaml = () => fixtureUri('.throughline.yaml');
  const settings = () => vscode.workspace.getConfiguration('throughline', vscode.workspace.workspaceFolders![0]!.uri);

  before(async function () {
    this.timeout(60_000);
    await activateThroughline();
    ({ roadmap } = await expectedFindings());
    await waitForDiagnostics(roadmap, (ds) => severityOf(ds, 'untraced-item').join() === 'Warning', 'the default untraced-item warning');
  });

  after(async () => {
    await settings().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(yaml()).then(undefined, () => undefined);
    await waitForDiagnostics(roadmap, (ds) => severityOf(ds, 'untraced-item').join() === 'Warning' && severityOf(ds, 'unknown-reference').join() === 'Error', 'the default severities again');
  });

  it('.throughline.yaml raises a rule to error', async () => {
    await writeText(yaml(), 'rules:\n  untraced-item: error\n');
    await waitForDiagnostics(roadmap, (ds) => severityOf(ds, 'untraced-item').join() === 'Error', 'untraced-item as an error');
  });

  it('.throughline.yaml switches a rule off, and only that rule', async () => {
    await writeText(yaml(), 'rules:\n  untraced-item: off\n');
    const ds = await waitForDiagnostics(roadmap, (d) => withRule(d, 'untraced-item').length === 0, 'untraced-item to disappear');
    assert.deepEqual(severityOf(ds, 'unknown-reference'), ['Error'], `the other finding is still reported: ${describeDiagnostics(ds)}`);
  });

  it('deleting .throughline.yaml brings the defaults back', async () => {
    await vscode.workspace.fs.delete(yaml());
    await waitForDiagnostics(roadmap, (ds) => severityOf(ds, 'untraced-item').join() === 'Warning', 'the untraced-item warning again');
  });

  it('the throughline.rules setting (workspace) switches a rule off', async () => {
    await settings().update('rules', { 'unknown-reference': 'off' }, vscode.ConfigurationTarget.Workspace);
    const ds = await waitForDiagnostics(roadmap, (d) => withRule(d, 'unknown-reference').length === 0, 'unknown-reference to disappear');
    assert.deepEqual(severityOf(ds, 'untraced-item'), ['Warning'], describeDiagnostics(ds));
  });

  it('settings are merged over .throughline.yaml: a rule set in both follows the setting, the others the file', async () => {
    await writeText(yaml(), 'rules:\n  untraced-item: off\n  unknown-reference: hint\n  goal-missing-metric: error\n');
    await settings().update('rules', { 'untraced-item': 'error' }, vscode.ConfigurationTarget.Workspace);
    const teamGoals = fixtureUri('team-goals.md');
    const ds = await waitForDiagnostics(
      roadmap,
      (d) => severityOf(d, 'untraced-item').join() === 'Error' && severityOf(d, 'unknown-reference').join() === 'Hint',
      'untraced-item as an error (setting) and unknown-reference as a hint (file)',
    );
    assert.equal(ds.length, 2, describeDiagnostics(ds));
    await waitForDiagnostics(teamGoals, (d) => severityOf(d, 'goal-missing-metric').join() === 'Error', 'goal-missing-metric as an error (file) on team-goals.md');
  });
});
