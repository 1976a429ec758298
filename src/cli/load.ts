import { fileURLToPath } from 'node:url';
import { discoverMarkdown, readDocuments, type Workspace } from '../core';
import { InputError, fileUri, isDirectory, isWithin } from './files';
import { nodeHost } from './nodeHost';

export interface LoadOptions {
  /** One line on stderr that does not stop the run (an unreadable folder, a skipped doc elsewhere), after the run. */
  warn: (message: string) => void;
  /** Shows an absolute path the way the user reads it (relative to the current folder). */
  show: (absPath: string) => string;
  /**
   * Called with every file listed, before any is read. A seam for tests: a file deleted, made
   * unreadable or replaced by a folder between listing and reading must not stop the run.
   */
  afterListing?: (files: readonly string[]) => void;
}

/**
 * Reads every product doc under `root` into the workspace, so references resolve, and returns the
 * URIs of the documents under the named paths (the ones reported). A file the user named that
 * cannot be read stops the run (exit 2); any other is recorded as skipped when its name or a config
 * glob makes it a product doc (a `file-skipped` finding, as in the editor) and ignored otherwise.
 */
export async function loadProject(workspace: Workspace, root: string, absPaths: readonly string[], options: LoadOptions): Promise<Set<string>> {
  const named = new Set(absPaths.filter((p) => !isDirectory(p)));
  // Warnings wait for the end: when a named path stops the run, its line is the only one.
  const warnings: string[] = [];
  const files = await listProject(workspace, root, absPaths, named, (dir, why) => warnings.push(`cannot read folder ${options.show(dir)}: ${why}; the files in it are not checked`));
  options.afterListing?.(files);
  const reported = new Set<string>();
  const uris = files.map(fileUri);
  const namedUris = new Set([...named].map(fileUri));
  await readDocuments(workspace, nodeHost, uris, {
    named: namedUris,
    outcome: (uri, outcome) => {
      const file = fileURLToPath(uri);
      if (outcome.kind === 'unreadable') {
        if (namedUris.has(uri)) throw new InputError('cannot read', file, outcome.detail);
        // Listed, then gone before it was read: said on the file, like any doc that was not read.
        if (!outcome.gone || !workspace.skip(uri, 'it was deleted while being checked')) return;
      } else if (outcome.kind === 'ignored') return;
      if (absPaths.some((p) => isWithin(file, p))) reported.add(uri);
      else {
        const skipped = workspace.get(uri)?.skipped;
        // Outside the paths checked, so not a finding; but references to it cannot resolve: say why.
        if (skipped) warnings.push(`skipped ${options.show(file)}: ${skipped}; nothing can trace to it`);
      }
    },
  });
  for (const warning of warnings) options.warn(`warning: ${warning}`);
  return reported;
}

/** Every Markdown file under the root, then the files named on the command line (even when not .md). */
async function listProject(workspace: Workspace, root: string, absPaths: readonly string[], named: ReadonlySet<string>, warn: (dir: string, reason: string) => void): Promise<string[]> {
  const unreadable = new Map<string, string>();
  const list = async (folder: string) =>
    (
      await discoverMarkdown(
        nodeHost,
        fileUri(folder),
        (uri) => workspace.relativePath(uri),
        (rel) => workspace.isExcluded(rel),
        (dir, why) => unreadable.set(fileURLToPath(dir), why),
      )
    ).map((uri) => fileURLToPath(uri));
  const files = new Set(await list(root));
  for (const p of absPaths) {
    if (named.has(p)) files.add(p);
    // Below a folder that could not be listed, but reachable: list it on its own.
    else if (!unreadable.has(p) && [...unreadable.keys()].some((dir) => isWithin(p, dir))) {
      for (const file of await list(p)) files.add(file);
    }
    const why = unreadable.get(p);
    if (why !== undefined) throw new InputError('cannot read folder', p, why);
  }
  for (const [dir, why] of unreadable) warn(dir, why);
  return [...files];
}
