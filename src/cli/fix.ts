import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixAllEdits, type TextEdit, type Workspace } from '../core';

/** Rounds of fixing at most: a fix can make another finding appear whose fix is certain too. */
const MAX_ROUNDS = 10;

export interface FixReport {
  /** Findings fixed, counted by the edits applied. */
  fixed: number;
  /** Files written, relative to the project root. */
  files: string[];
}

/**
 * `throughline check --fix`: applies, to each reported document, the fixes whose answer is certain
 * (the ones Fix All applies in the editor, `fixAllEdits`), writes the file back (its byte order mark
 * and line breaks kept), and checks again, until nothing is left to fix. Nothing that needs a
 * choice is ever written: which goal an item serves stays the writer's decision.
 */
export function applyCertainFixes(workspace: Workspace, root: string, reported: ReadonlySet<string>, uriToPath: (uri: string) => string): FixReport {
  const written = new Set<string>();
  let fixed = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const result = workspace.check();
    let changed = false;
    for (const [uri, issues] of result.issues) {
      if (!reported.has(uri)) continue;
      const doc = workspace.get(uri);
      if (!doc || doc.skipped || doc.failure) continue;
      const edits = fixAllEdits(issues, uri);
      if (edits.length === 0) continue;
      const text = applyEdits(doc.text, edits, (p) => doc.lines.offset(p));
      const file = uriToPath(uri);
      const bom = hasBom(file);
      fs.writeFileSync(file, (bom ? '\uFEFF' : '') + text);
      workspace.update(uri, text);
      written.add(path.relative(root, file).split(path.sep).join('/'));
      fixed += edits.length;
      changed = true;
    }
    if (!changed) break;
  }
  return { fixed, files: [...written].sort() };
}

/** Applies non-overlapping edits, last first so earlier offsets stay valid. */
function applyEdits(text: string, edits: readonly TextEdit[], offset: (p: TextEdit['range']['start']) => number): string {
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

function hasBom(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(3);
      const n = fs.readSync(fd, head, 0, 3, 0);
      return n === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}
