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
    for (const key of ['documentKinds', 'exclude', 'traceLabels', 'strategySections', 'sectionHeadings', 'labelsThatAreNotIDs', 'notIds']) await settings().update(key, undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(fixtureUri('plans.md')).then(undefined, () => undefined);
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

  describe('every other setting changes what is read', () => {
    const reset = (key: string) => settings().update(key, undefined, vscode.ConfigurationTarget.Workspace);
    const set = (key: string, value: unknown) => settings().update(key, value, vscode.ConfigurationTarget.Workspace);

    it('throughline.documentKinds gives a file a kind by glob', async () => {
      const plans = fixtureUri('plans.md');
      await writeText(plans, '# Plans\n\n- Export to PDF\n');
      await set('documentKinds', { roadmap: ['plans.md'] });
      const ds = await waitForDiagnostics(plans, (d) => withRule(d, 'untraced-item').length === 1, 'plans.md read as a roadmap');
      assert.match(withRule(ds, 'untraced-item')[0]!.message, /Export to PDF/);
      await reset('documentKinds');
      await waitForDiagnostics(plans, (d) => d.length === 0, 'plans.md a plain note again');
      await vscode.workspace.fs.delete(plans);
    });

    it('throughline.exclude leaves files out', async () => {
      const typo = fixtureUri('kind-typo.md');
      await set('exclude', ['kind-typo.md']);
      await waitForDiagnostics(typo, (d) => d.length === 0, 'kind-typo.md not read');
      await reset('exclude');
      await waitForDiagnostics(typo, (d) => withRule(d, 'unknown-kind').length === 1, 'kind-typo.md read again');
    });

    it('throughline.strategySections adds headings that answer who, what and why', async () => {
      const strategy = fixtureUri('strategy.md');
      await set('strategySections', { what: ['Who we serve'], why: ['Who we serve'] });
      await waitForDiagnostics(strategy, (d) => d.length === 0, 'the strategy answers all three with the extra headings');
      await reset('strategySections');
      await waitForDiagnostics(strategy, (d) => withRule(d, 'strategy-missing-section').length === 1, 'what and why missing again');
    });

    it('throughline.sectionHeadings makes a heading a section, not a roadmap item', async () => {
      await set('sectionHeadings', ['Weekly digest for the team']);
      const ds = await waitForDiagnostics(roadmap, (d) => withRule(d, 'untraced-item').length === 0, 'the digest heading no longer an item');
      assert.equal(withRule(ds, 'unknown-reference').length, 1, describeDiagnostics(ds));
      await reset('sectionHeadings');
      await waitForDiagnostics(roadmap, (d) => withRule(d, 'untraced-item').length === 1, 'the digest an item again');
    });

    it('throughline.labelsThatAreNotIDs makes a token a label, not an ID', async () => {
      const teamGoals = fixtureUri('team-goals.md');
      await set('labelsThatAreNotIDs', ['O1']);
      // Without the ID, the goal is named by its whole heading: `Goal “O1: Answer…”`, not `Goal O1 “Answer…”`.
      await waitForDiagnostics(teamGoals, (d) => d.length > 0 && d.every((x) => !/Goal O1 “/.test(x.message)) && d.some((x) => x.message.includes('“O1: Answer')), 'O1 no longer taken for an ID');
      await reset('labelsThatAreNotIDs');
      await waitForDiagnostics(teamGoals, (d) => d.some((x) => /Goal O1 “/.test(x.message)), 'O1 an ID again');
    });

    it('a setting under its old name (throughline.notIds) still works', async () => {
      const teamGoals = fixtureUri('team-goals.md');
      await set('notIds', ['O1']);
      await waitForDiagnostics(teamGoals, (d) => d.length > 0 && d.some((x) => x.message.includes('“O1: Answer')), 'O1 taken for a label through the old name');
      await reset('notIds');
      await waitForDiagnostics(teamGoals, (d) => d.some((x) => /Goal O1 “/.test(x.message)), 'O1 an ID again');
    });

    it('throughline.traceLabels adds a label a trace can be written with', async () => {
      const plans = fixtureUri('plans.md');
      await writeText(plans, '---\nkind: roadmap\n---\n# Plans\n\n- Export to PDF — Parent: G1\n');
      await waitForDiagnostics(plans, (d) => withRule(d, 'untraced-item').length === 1, '“Parent:” is not a trace label by default');
      await set('traceLabels', { goal: ['Parent'] });
      await waitForDiagnostics(plans, (d) => d.length === 0, 'the item traces to G1 through “Parent:”');
      await reset('traceLabels');
      await vscode.workspace.fs.delete(plans);
    });
  });
});
