import * as vscode from 'vscode';
import { HostError, MAX_FILE_BYTES, type DirEntry, type FileHead, type HostErrorCode, type ProjectHost } from '../core';

/** How long a virtual folder's search may take before the folder is walked instead. */
const SEARCH_TIMEOUT_MS = 2000;

/**
 * The project layer's host on `vscode.workspace.fs`: local folders, remote ones and virtual file
 * systems alike. Every call is a round trip to where the files are, so the index keeps many in
 * flight at once (`readDocuments`' concurrency).
 */
export const workspaceHost: ProjectHost = {
  async readDirectory(uri) {
    const dir = vscode.Uri.parse(uri);
    let entries: Array<[string, vscode.FileType]>;
    try {
      entries = await vscode.workspace.fs.readDirectory(dir);
    } catch (e) {
      throw hostError(e);
    }
    return entries.map(([name, type]): DirEntry => ({
      name,
      uri: vscode.Uri.joinPath(dir, name).toString(),
      kind: type & vscode.FileType.Directory ? 'directory' : type & vscode.FileType.File ? 'file' : 'other',
      symlink: (type & vscode.FileType.SymbolicLink) !== 0,
    }));
  },

  /**
   * `findFiles` needs a search provider for the folder's scheme, which a virtual file system may
   * not have (the search then never answers): there the folder is walked instead.
   */
  async findMarkdown(uri) {
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(uri));
    if (!folder) return undefined;
    const search = vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.{md,markdown}'), '**/{node_modules,.git}/**');
    if (folder.uri.scheme === 'file') return (await search).map((u) => u.toString());
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), SEARCH_TIMEOUT_MS)));
    const found = await Promise.race([search.then((r) => r, () => undefined), timeout]);
    clearTimeout(timer);
    return found && found.length > 0 ? found.map((u) => u.toString()) : undefined;
  },

  /** `workspace.fs` reads whole files only: the head of a file small enough to read is all of it. */
  async readHead(uri): Promise<FileHead> {
    const file = vscode.Uri.parse(uri);
    try {
      const { size } = await vscode.workspace.fs.stat(file);
      if (size > MAX_FILE_BYTES) return { bytes: new Uint8Array(), size };
      const bytes = await vscode.workspace.fs.readFile(file);
      return { bytes, size: bytes.length };
    } catch (e) {
      throw hostError(e);
    }
  },

  async readFile(uri) {
    try {
      return await vscode.workspace.fs.readFile(vscode.Uri.parse(uri));
    } catch (e) {
      throw hostError(e);
    }
  },

  async exists(uri) {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.parse(uri));
      return true;
    } catch {
      return false;
    }
  },

  join(dir, name) {
    return vscode.Uri.joinPath(vscode.Uri.parse(dir), name).toString();
  },

  parent(uri) {
    const file = vscode.Uri.parse(uri);
    const up = vscode.Uri.joinPath(file, '..');
    return up.toString() === file.toString() ? undefined : up.toString();
  },
};

function hostError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  const code: HostErrorCode =
    e instanceof vscode.FileSystemError
      ? e.code === 'FileNotFound'
        ? 'not-found'
        : e.code === 'NoPermissions'
          ? 'permission'
          : e.code === 'FileIsADirectory'
            ? 'is-directory'
            : 'other'
      : 'other';
  return new HostError(code, e instanceof Error ? e.message : String(e));
}
