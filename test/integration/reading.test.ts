import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitForPristine } from './fixture';
import { activateThroughline, deleteFiles, describeDiagnostics, fixtureUri, rangeOn, waitForDiagnostics, withRule, writeText } from './helpers';

/** Docs written the way product managers write them, read as they meant them. */
describe('Reading docs as people write them', () => {
  before(async function () {
    this.timeout(60_000);
    await activateThroughline();
  });

  after(async () => waitForPristine());

  it('reads the words of strategy templates as who, what and why: Target market, ICP, Jobs to be done, Why now…', async () => {
    const strategy = fixtureUri('market-strategy.md');
    try {
      await writeText(strategy, '# Market strategy\n\n## Target market\n\nMid-size finance teams.\n');
      const partial = await waitForDiagnostics(strategy, (d) => withRule(d, 'strategy-missing-section').length === 1, 'the strategy read');
      assert.match(withRule(partial, 'strategy-missing-section')[0]!.message, /^This strategy doesn't say what they are trying to accomplish or why it matters to them:/, 'Target market answers who');
      await writeText(strategy, '# Market strategy\n\n## ICP\n\nMid-size finance teams.\n\n## Jobs to be done\n\nClose the books fast.\n\n## Why now\n\nAuditors arrive in March.\n');
      const ds = await waitForDiagnostics(strategy, (d) => withRule(d, 'strategy-missing-section').length === 0, 'ICP, Jobs to be done and Why now to answer the three questions');
      assert.equal(ds.length, 0, describeDiagnostics(ds));
    } finally {
      await deleteFiles([strategy]);
    }
  });

  it('folds a possessive apostrophe in a title: “Win the CFOs trust” leads to “Win the CFO’s trust”', async () => {
    const goals = fixtureUri('finance-goals.md');
    const roadmap = fixtureUri('finance-roadmap.md');
    const roadmapText = '# Finance roadmap\n\n- Audit trail — Goal: Win the CFOs trust\n- Untraced on purpose\n';
    try {
      await writeText(goals, "# Finance goals\n\n## F1: Win the CFO's trust\n\nVision: V1\nMetric: finance NPS above 40\n");
      await writeText(roadmap, roadmapText);
      const ds = await waitForDiagnostics(roadmap, (d) => d.length === 1, 'the roadmap checked: one untraced item, the CFO reference resolved');
      assert.deepEqual(ds.map((d) => d.message.slice(0, 40)), ['Roadmap item “Untraced on purpose” trace'], describeDiagnostics(ds));
      const at = rangeOn(roadmapText, '- Audit trail', 'Win the CFOs trust').start.translate(0, 3);
      const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', roadmap, at);
      assert.deepEqual(found.map((l) => l.uri.toString()), [goals.toString()], 'Go to Definition lands on the goal');
    } finally {
      await deleteFiles([roadmap, goals]);
      await waitForDiagnostics(roadmap, (d) => d.length === 0, 'finance-roadmap.md forgotten');
    }
  });
});
