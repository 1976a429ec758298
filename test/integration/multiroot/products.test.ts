import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { StrategyElement } from '../../../src/vscode/tree';
import { checkpoint, checkpointsAvailable } from '../checkpoint';
import { activateThroughline, waitFor } from '../helpers';
import { addMemoryFolder } from './memoryFs';

/**
 * Fifty products in one repository, each with a vision titled “Loop vision” (a team copied the
 * template fifty times): the Strategy view must tell them apart. They are in a folder added to the
 * multi-root window, read as a new window reads a repository.
 */
describe('Fifty products in one folder', () => {
  const root = vscode.Uri.parse('tlfifty:/teams');
  const TEAMS = Array.from({ length: 50 }, (_, i) => `team-${String(i + 1).padStart(2, '0')}`);
  const FILES: Record<string, string> = Object.fromEntries(
    TEAMS.flatMap((team) => [
      [`${team}/vision.md`, '# Loop vision\n\nEvery team hears its customers.\n\n## Pillar: Signal over noise {#V1}\n'],
      [`${team}/goals.md`, '# Goals\n\n## G1: Make patterns obvious\n\nVision: V1\nMetric: 70% grouped by Q4\n'],
      [`${team}/roadmap.md`, '# Roadmap\n\n## Now\n\n- Smart grouping — Goal: G1\n'],
    ]),
  );
  let remove: (() => Promise<void>) | undefined;

  after(async () => remove?.());

  it('names each product by its folder, with its vision’s title beside it, not fifty times “Loop vision”', async function () {
    this.timeout(90_000);
    const { api } = await activateThroughline();
    remove = await addMemoryFolder('tlfifty', root, FILES);
    const label = (e: StrategyElement) => {
      const l = api.strategyTree.getTreeItem(e).label;
      return typeof l === 'string' ? l : (l?.label ?? '');
    };
    const top = await waitFor(
      [api.strategyTree.onDidChangeTreeData],
      () => {
        const elements = (api.strategyTree.getChildren() ?? []) as StrategyElement[];
        return elements.filter((e) => label(e).startsWith('team-')).length === 50 ? elements : undefined;
      },
      'the fifty products in the view',
      { timeoutMs: 60_000, describe: () => ((api.strategyTree.getChildren() ?? []) as StrategyElement[]).map(label).join(', ') },
    );
    const labels = top.map(label);
    assert.deepEqual(labels.filter((l) => l.startsWith('team-')), TEAMS, 'each product named by its folder');
    assert.equal(new Set(labels).size, labels.length, `no two products share a name: ${labels.join(', ')}`);
    const first = top.find((e) => label(e) === 'team-01')!;
    assert.equal(api.strategyTree.getTreeItem(first).description, 'Loop vision · no gaps', 'the vision’s title and the gaps beside the folder');
    assert.equal(api.strategyTree.getTreeItem(first).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, 'so many products start collapsed: one row each');
    if (checkpointsAvailable()) {
      await vscode.commands.executeCommand('throughline.showStrategy');
      await checkpoint({
        name: 'fifty products',
        waitFor: [{ selector: '.monaco-list-row:has-text("team-01")' }, { selector: '.monaco-list-row:has-text("team-02")' }],
        drag: { selector: '.part.sidebar', edge: 'right', to: 300 },
        screenshot: 'fifty-products',
        clip: '.part.sidebar',
      });
    }
  });
});
