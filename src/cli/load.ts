import * as path from 'node:path';
import type { Workspace } from '../core';
import { InputError, fileUri, isDirectory, isWithin, listMarkdownFiles, peekMarkdown, readMarkdown, toPosix } from './files';

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
export function loadProject(workspace: Workspace, root: string, absPaths: readonly string[], options: LoadOptions): Set<string> {
  const named = new Set(absPaths.filter((p) => !isDirectory(p)));
  // Warnings wait for the end: when a named path stops the run, its line is the only one.
  const warnings: string[] = [];
  const files = listProject(workspace, root, absPaths, named, (dir, why) => warnings.push(`cannot read folder ${options.show(dir)}: ${why}; the files in it are not checked`));
  options.afterListing?.(files);
  const reported = new Set<string>();
  for (const file of files) {
    const uri = fileUri(file);
    if (!loadFile(workspace, root, file, named.has(file))) continue;
    if (absPaths.some((p) => isWithin(file, p))) reported.add(uri);
    else {
      const skipped = workspace.get(uri)?.skipped;
      // Outside the paths checked, so not a finding; but references to it cannot resolve: say why.
      if (skipped) warnings.push(`skipped ${options.show(file)}: ${skipped}; nothing can trace to it`);
    }
  }
  for (const warning of warnings) options.warn(`warning: ${warning}`);
  return reported;
}

/** Every Markdown file under the root, then the files named on the command line (even when not .md). */
function listProject(
  workspace: Workspace,
  root: string,
  absPaths: readonly string[],
  named: ReadonlySet<string>,
  warn: (dir: string, reason: string) => void,
): string[] {
  const excluded = (rel: string) => workspace.isExcluded(rel);
  const unreadable = new Map<string, string>();
  const onUnreadable = (dir: string, reason: string) => unreadable.set(dir, reason);
  const files = new Set(listMarkdownFiles(root, root, excluded, onUnreadable));
  for (const p of absPaths) {
    if (named.has(p)) files.add(p);
    // Below a folder that could not be listed, but reachable: list it on its own.
    else if (!unreadable.has(p) && [...unreadable.keys()].some((dir) => isWithin(p, dir))) {
      for (const file of listMarkdownFiles(p, root, excluded, onUnreadable)) files.add(file);
    }
    const why = unreadable.get(p);
    if (why !== undefined) throw new InputError('cannot read folder', p, why);
  }
  for (const [dir, why] of unreadable) warn(dir, why);
  return [...files];
}

/** Loads one file; returns whether the workspace now holds it (analysed, or skipped with a notice). */
function loadFile(workspace: Workspace, root: string, file: string, named: boolean): boolean {
  const relPath = toPosix(path.relative(root, file));
  // Most files in a docs repository are not product docs: look at their front matter only.
  if (!named && !workspace.mayHaveKind(relPath, () => peekMarkdown(file))) return false;
  const uri = fileUri(file);
  const read = readMarkdown(file);
  if (read.kind === 'text') return workspace.update(uri, read.text) !== undefined;
  if (named && read.kind === 'unreadable') throw new InputError('cannot read', file, read.detail);
  return workspace.skip(uri, read.reason, read.kind === 'too-large' ? peekMarkdown(file) : '');
}
