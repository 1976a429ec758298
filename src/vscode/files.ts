import * as vscode from 'vscode';

const MARKDOWN = /\.(md|markdown)$/i;
/** Larger files are not loaded at all: no one writes a product doc this size by hand. */
const MAX_READ_BYTES = 5 * 1024 * 1024;
const NEVER_READ = new Set(['node_modules', '.git']);

/** How long a virtual folder's search may take before the folder is walked instead. */
const SEARCH_TIMEOUT_MS = 2000;

/**
 * The Markdown files of a workspace folder. `findFiles` needs a search provider for the folder's
 * scheme, which a virtual file system may not have (the search then never answers); there the
 * folder is walked through `workspace.fs` instead (symbolic links to folders are not followed, so a
 * loop cannot trap it).
 */
export async function listMarkdownFiles(folder: vscode.WorkspaceFolder): Promise<vscode.Uri[]> {
  const search = vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.{md,markdown}'), '**/{node_modules,.git}/**');
  if (folder.uri.scheme === 'file') return search;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), SEARCH_TIMEOUT_MS)));
  const found = await Promise.race([search.then((r) => r, () => undefined), timeout]);
  clearTimeout(timer);
  if (found && found.length > 0) return found;
  const out: vscode.Uri[] = [];
  const walk = async (dir: vscode.Uri): Promise<void> => {
    let entries: Array<[string, vscode.FileType]>;
    try {
      entries = await vscode.workspace.fs.readDirectory(dir);
    } catch {
      return; // unreadable or gone: nothing to list there
    }
    for (const [name, type] of entries) {
      const uri = vscode.Uri.joinPath(dir, name);
      if (type & vscode.FileType.SymbolicLink) {
        if (type & vscode.FileType.File && MARKDOWN.test(name)) out.push(uri);
      } else if (type & vscode.FileType.Directory) {
        if (!NEVER_READ.has(name)) await walk(uri);
      } else if (MARKDOWN.test(name)) out.push(uri);
    }
  };
  await walk(folder.uri);
  return out;
}

/**
 * A file's text; or why it was not read (too large, unreadable), with the error when there was one;
 * or neither when it is gone. Binary content is decoded like any other, and the core reports it.
 */
export async function readFileText(uri: vscode.Uri): Promise<{ text?: string; skipped?: string; error?: string }> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_READ_BYTES) return { skipped: `it is larger than ${MAX_READ_BYTES / 1024 / 1024} MB` };
    return { text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)) };
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return {};
    const error = e instanceof Error ? e.message : String(e);
    return { skipped: `it could not be read (${error})`, error };
  }
}
