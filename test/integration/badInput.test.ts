import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { waitForPristine } from './fixture';
import { checkpoint, checkpointsAvailable } from './checkpoint';
import { nodeOnly } from './host';
import { activateThroughline, fixtureUri, ruleOf, throughlineDiagnostics, waitFor, waitForDiagnostics, writeText } from './helpers';

/**
 * Files nobody should have to think about, in the editor: each is reported for what it is, nothing
 * hangs, and everything else goes on being checked. (The core's side of each is in the unit tests.)
 */
describe('Bad input in the editor', () => {
  const created: vscode.Uri[] = [];

  before(async function () {
    this.timeout(60_000);
    await activateThroughline();
  });

  after(async function () {
    this.timeout(60_000);
    for (const uri of created) await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => undefined);
    await waitForPristine();
  });

  it('skips a product doc over 5 MB with a notice on the file, without reading it', async function () {
    this.timeout(30_000);
    const big = fixtureUri('huge-roadmap.md');
    created.push(big);
    await vscode.workspace.fs.writeFile(big, new TextEncoder().encode(`# Roadmap\n\n${'- An item that serves no goal\n'.repeat(200_000)}`));
    const ds = await waitForDiagnostics(big, (d) => d.length > 0, 'a notice on huge-roadmap.md');
    assert.deepEqual(ds.map(ruleOf), ['file-skipped']);
    assert.match(ds[0]!.message, /larger than 5 MB/);
  });

  it('skips a binary file with a product doc’s name, saying why', async () => {
    const binary = fixtureUri('binary-goals.md');
    created.push(binary);
    await vscode.workspace.fs.writeFile(binary, new Uint8Array([0x23, 0x20, 0x47, 0x00, 0x01, 0xff, 0xfe, 0x00, 0x0a]));
    const ds = await waitForDiagnostics(binary, (d) => d.length > 0, 'a notice on binary-goals.md');
    assert.deepEqual(ds.map(ruleOf), ['file-skipped']);
    assert.match(ds[0]!.message, /binary/);
  });

  it('is not trapped by a symbolic link loop: files created after it are still checked', async function () {
    nodeOnly(this, 'the loop is a symbolic link made with fs.symlinkSync; workspace.fs cannot make one');
    if (process.platform === 'win32') this.skip();
    const loop = fixtureUri('loop');
    created.push(loop);
    fs.mkdirSync(loop.fsPath, { recursive: true });
    fs.symlinkSync('..', `${loop.fsPath}/back`, 'dir');
    const after = fixtureUri('after-loop-roadmap.md');
    created.push(after);
    await writeText(after, '# Roadmap\n\n- Checked although a link loop is in the folder\n');
    const ds = await waitForDiagnostics(after, (d) => d.length > 0, 'findings on a file created after the loop');
    assert.deepEqual(ds.map(ruleOf), ['untraced-item']);
  });

  it('names the key of a config file with wrong types, keeps checking with the defaults, and logs it', async function () {
    this.timeout(30_000);
    const { api } = await activateThroughline();
    const config = fixtureUri('.throughline.yaml');
    created.push(config);
    await writeText(config, 'kinds:\n  roadmap: 3\n');
    await waitFor([api.index.onDidChange], () => (api.log.recent().some((l) => l.startsWith('[config]') && l.includes('"kinds.roadmap"')) ? true : undefined), 'the config error in the output channel', {
      describe: () => api.log.recent().join(' | '),
    });
    // The defaults still apply: the roadmap's findings are there.
    const roadmap = fixtureUri('roadmap.md');
    await waitForDiagnostics(roadmap, (d) => d.map(ruleOf).sort().join() === 'unknown-reference,untraced-item', 'the roadmap checked with the defaults');
    if (checkpointsAvailable()) {
      const toast = await checkpoint({ name: 'config error notification', waitFor: [{ selector: '.notifications-toasts .notification-list-item:has-text("kinds.roadmap")' }], read: '.notifications-toasts .notification-list-item' });
      assert.ok(toast.texts?.some((t) => t.includes('"kinds.roadmap" must be a list of strings') && t.includes('using defaults')), JSON.stringify(toast.texts));
    }
    await vscode.workspace.fs.delete(config);
    await waitFor([api.index.onDidChange], () => (api.index.workspaces()[0]?.configError === undefined ? true : undefined), 'the config error to clear');
  });

  it('keeps up with a file renamed while the folder is being indexed again', async function () {
    this.timeout(30_000);
    const { api } = await activateThroughline();
    const original = fixtureUri('renamed-roadmap.md');
    const renamed = fixtureUri('moved-roadmap.md');
    created.push(original, renamed);
    await writeText(original, '# Roadmap\n\n- Moved mid-index\n');
    await waitForDiagnostics(original, (d) => d.length === 1, 'the file checked under its first name');
    // A settings change re-indexes the folder; the rename lands while that runs.
    const settings = vscode.workspace.getConfiguration('throughline', vscode.workspace.workspaceFolders![0]!.uri);
    const reindex = settings.update('notIds', ['P0', 'P1', 'P2', 'P3'], vscode.ConfigurationTarget.Workspace);
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(original, renamed);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await reindex;
    await waitForDiagnostics(renamed, (d) => d.map(ruleOf).join() === 'untraced-item', 'the findings under the new name');
    await waitFor([api.index.onDidChange, vscode.languages.onDidChangeDiagnostics], () => (throughlineDiagnostics(original).length === 0 ? true : undefined), 'nothing left under the old name');
    await settings.update('notIds', undefined, vscode.ConfigurationTarget.Workspace);
  });
});

