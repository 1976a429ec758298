import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { checkpoint, checkpointsAvailable } from '../checkpoint';
import { activateThroughline, describeDiagnostics, hoverText, ruleOf, waitForDiagnostics } from '../helpers';
import { addMemoryFolder } from './memoryFs';

/**
 * A virtual workspace folder: product docs on a file system only the extension host knows
 * (`tlmem:`), with no search provider, so `findFiles` finds nothing there. Throughline must list,
 * read and check them through `workspace.fs` alone. It runs in the multi-root window, where adding
 * a folder does not restart the extension host.
 */
const FILES: Record<string, string> = {
  'vision.md': '# Orbit vision\n\nEvery team sees where it is going.\n\n## Pillar: Clear direction {#V1}\n',
  'goals.md': '# Goals\n\n## G1: Plans everyone reads\n\nVision: V1\n\nMetric: weekly readers from 20% to 60%\n',
  'roadmap.md': '# Roadmap\n\n## Now\n\n### Plan digest email\n\nGoal: G1\n\n### Confetti on save\n',
};

describe('Virtual workspace folder (no search provider, files only through workspace.fs)', () => {
  const root = vscode.Uri.parse('tlmem:/orbit');
  let remove: (() => Promise<void>) | undefined;

  before(async function () {
    this.timeout(60_000);
    await activateThroughline();
    remove = await addMemoryFolder('tlmem', root, FILES);
  });

  after(async () => remove?.());

  it('finds and checks the product docs there: the untraced item is reported, the traced one is not', async () => {
    const roadmap = vscode.Uri.joinPath(root, 'roadmap.md');
    const { api } = await activateThroughline();
    const ds = await waitForDiagnostics(roadmap, (list) => list.length > 0, `findings on tlmem:/orbit/roadmap.md (log: ${api.log.recent().join(' | ')})`);
    assert.deepEqual(ds.map(ruleOf), ['untraced-item'], describeDiagnostics(ds));
    assert.match(ds[0]!.message, /Confetti on save/);
  });

  it('shows the why-chain there, read through workspace.fs', async () => {
    const roadmap = vscode.Uri.joinPath(root, 'roadmap.md');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(roadmap));
    const line = text.split('\n').findIndex((l) => l.startsWith('### Plan digest email'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', roadmap, new vscode.Position(line, 6));
    const shown = hoverText(hovers);
    assert.match(shown, /Plans everyone reads/, shown);
    assert.match(shown, /Clear direction/, shown);
  });
});

describe('A folder that takes over a second to index', () => {
  const root = vscode.Uri.parse('tlslow:/atlas');
  /**
   * 40 roadmaps at 60 ms a read: indexing takes well over the one second after which progress shows.
   * The product has a goal, so each untraced launch is its own finding.
   */
  const SLOW_FILES = {
    'goals.md': '# Goals\n\n## G1: Launch often\n\nMetric: 40 launches a year\n',
    ...Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`roadmap-${i + 1}.md`, `# Roadmap ${i + 1}\n\n### Launch ${i + 1}\n`])),
  };
  const toast = '.notifications-toasts .notification-list-item:has-text("Throughline: reading product docs")';
  let remove: (() => Promise<void>) | undefined;

  after(async () => remove?.());

  it('shows a progress notification while it is read, and the findings once it is done', async function () {
    this.timeout(60_000);
    const { api } = await activateThroughline();
    remove = await addMemoryFolder('tlslow', root, SLOW_FILES, 60);
    if (checkpointsAvailable()) {
      const seen = await checkpoint({ name: 'indexing progress notification', waitFor: [{ selector: toast }, { selector: `${toast}:has-text("of 41 files")` }], read: toast });
      // The count of files read, not just a spinner: “12 of 41 files”.
      assert.match(seen.texts?.join(' ') ?? '', /Throughline: reading product docs[\s\S]*\d+ of 41 files/);
    }
    const last = vscode.Uri.joinPath(root, 'roadmap-40.md');
    const ds = await waitForDiagnostics(last, (d) => d.length === 1, 'the last slow file to be checked', 20_000);
    assert.deepEqual(ds.map(ruleOf), ['untraced-item'], describeDiagnostics(ds));
    assert.ok(
      api.log.recent().some((l) => l.includes('takes over a second: showing progress')),
      `the output channel says progress was shown; it holds: ${api.log.recent().slice(-5).join(' | ')}`,
    );
    if (checkpointsAvailable()) {
      await checkpoint({ name: 'indexing progress notification gone', waitFor: [{ selector: toast, state: 'detached' }] });
    }
  });
});
