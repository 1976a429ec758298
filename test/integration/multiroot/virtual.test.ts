import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { checkpoint, checkpointsAvailable } from '../checkpoint';
import { activateThroughline, describeDiagnostics, hoverText, ruleOf, waitFor, waitForDiagnostics } from '../helpers';

/**
 * A virtual workspace folder: product docs on a file system only the extension host knows
 * (`tlmem:`), with no search provider, so `findFiles` finds nothing there. Throughline must list,
 * read and check them through `workspace.fs` alone. It runs in the multi-root window, where adding
 * a folder does not restart the extension host.
 */
class MemoryFileSystem implements vscode.FileSystemProvider {
  private readonly files = new Map<string, Uint8Array>();
  /** A slow disk (a network share): each read takes this long. */
  constructor(private readonly readDelayMs = 0) {}

  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => {});
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const file = this.files.get(uri.path);
    if (file) return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: file.byteLength };
    if (this.isDirectory(uri.path)) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  readDirectory(uri: vscode.Uri): Array<[string, vscode.FileType]> {
    const prefix = uri.path.endsWith('/') ? uri.path : `${uri.path}/`;
    const entries = new Map<string, vscode.FileType>();
    for (const path of this.files.keys()) {
      if (!path.startsWith(prefix)) continue;
      const [name, ...rest] = path.slice(prefix.length).split('/');
      entries.set(name!, rest.length > 0 ? vscode.FileType.Directory : vscode.FileType.File);
    }
    return [...entries];
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    if (this.readDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.readDelayMs));
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    const created = !this.files.has(uri.path);
    this.files.set(uri.path, content);
    this.emitter.fire([{ type: created ? vscode.FileChangeType.Created : vscode.FileChangeType.Changed, uri }]);
  }

  createDirectory(): void {}

  delete(uri: vscode.Uri): void {
    this.files.delete(uri.path);
    this.emitter.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions('rename');
  }

  private isDirectory(path: string): boolean {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    return [...this.files.keys()].some((p) => p.startsWith(prefix));
  }
}

const FILES: Record<string, string> = {
  'vision.md': '# Orbit vision\n\nEvery team sees where it is going.\n\n## Pillar: Clear direction {#V1}\n',
  'goals.md': '# Goals\n\n## G1: Plans everyone reads\n\nVision: V1\n\nMetric: weekly readers from 20% to 60%\n',
  'roadmap.md': '# Roadmap\n\n## Now\n\n### Plan digest email\n\nGoal: G1\n\n### Confetti on save\n',
};

/** Adds a folder on a memory file system holding `files` to the workspace; returns what undoes it. */
async function addMemoryFolder(scheme: string, root: vscode.Uri, files: Record<string, string>, readDelayMs = 0): Promise<() => Promise<void>> {
  const fs = new MemoryFileSystem(readDelayMs);
  const registration = vscode.workspace.registerFileSystemProvider(scheme, fs, { isCaseSensitive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFile(vscode.Uri.joinPath(root, name), new TextEncoder().encode(text));
  const isOpen = () => vscode.workspace.workspaceFolders?.some((f) => f.uri.toString() === root.toString()) ?? false;
  const added = waitFor([vscode.workspace.onDidChangeWorkspaceFolders], () => (isOpen() ? true : undefined), `the folder ${root.toString()} to open`);
  assert.ok(vscode.workspace.updateWorkspaceFolders(vscode.workspace.workspaceFolders?.length ?? 0, 0, { uri: root, name: root.path.slice(1) }), 'VS Code accepts the folder');
  await added;
  return async () => {
    const at = vscode.workspace.workspaceFolders?.findIndex((f) => f.uri.toString() === root.toString()) ?? -1;
    if (at >= 0) {
      const removed = waitFor([vscode.workspace.onDidChangeWorkspaceFolders], () => (isOpen() ? undefined : true), `the folder ${root.toString()} to close`);
      vscode.workspace.updateWorkspaceFolders(at, 1);
      await removed;
    }
    registration.dispose();
  };
}

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
  const toast = '.notifications-toasts .notification-list-item:has-text("Throughline: indexing product docs")';
  let remove: (() => Promise<void>) | undefined;

  after(async () => remove?.());

  it('shows a progress notification while it is read, and the findings once it is done', async function () {
    this.timeout(60_000);
    const { api } = await activateThroughline();
    remove = await addMemoryFolder('tlslow', root, SLOW_FILES, 60);
    if (checkpointsAvailable()) {
      const seen = await checkpoint({ name: 'indexing progress notification', waitFor: [{ selector: toast }], read: toast });
      assert.match(seen.texts?.join(' ') ?? '', /Throughline: indexing product docs/);
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
