import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../helpers';

/**
 * A file system only the extension host knows, in memory, with no search provider: a virtual
 * workspace folder (`findFiles` finds nothing there), optionally slow to read.
 */
export class MemoryFileSystem implements vscode.FileSystemProvider {
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

/**
 * Adds a folder on a memory file system holding `files` to the workspace (after `beforeAdding`,
 * which may open documents in it); returns what undoes it.
 */
export async function addMemoryFolder(scheme: string, root: vscode.Uri, files: Record<string, string>, readDelayMs = 0, beforeAdding?: () => Promise<void>): Promise<() => Promise<void>> {
  const fs = new MemoryFileSystem(readDelayMs);
  const registration = vscode.workspace.registerFileSystemProvider(scheme, fs, { isCaseSensitive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFile(vscode.Uri.joinPath(root, name), new TextEncoder().encode(text));
  await beforeAdding?.();
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

