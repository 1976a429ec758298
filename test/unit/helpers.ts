import * as fs from 'node:fs';
import * as path from 'node:path';
import { Workspace, mergeConfig, parseConfigText, type ConfigFile, type Issue, type TextEdit } from '../../src/core';

/** The repository root, from the bundled test file in dist/test/unit/. */
export const REPO = path.resolve(__dirname, '../../..');
export const FIXTURES = path.join(REPO, 'test', 'fixtures');
export const ROOT = 'file:///ws';

/** The day the tests judge dates against, so dated horizons and goal timeframes read the same in every year. */
export const TODAY = new Date(2026, 11, 3);

/** A workspace holding the given files (path → text) under ROOT, judged on `TODAY`. */
export function workspaceOf(files: Record<string, string>, config: ConfigFile = {}, today: Date = TODAY): Workspace {
  const ws = new Workspace(ROOT, mergeConfig(config), { today });
  for (const [p, text] of Object.entries(files)) ws.update(`${ROOT}/${p}`, text);
  return ws;
}

/** Reads a fixture folder into a path → text map (Markdown and the config file). */
export function readFixture(dir: string): { files: Record<string, string>; config: ConfigFile } {
  const files: Record<string, string> = {};
  let config: ConfigFile = {};
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(md|markdown)$/.test(entry.name)) files[path.relative(dir, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
      else if (entry.name === '.throughline.yaml') config = parseConfigText(fs.readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return { files, config };
}

/** Every finding as `path:line rule` (one-based line), sorted: easy to compare with a list. */
export function findingLines(ws: Workspace, rule?: string): string[] {
  return allIssues(ws)
    .filter((i) => !rule || i.rule === rule)
    .map((i) => `${relPath(i.uri)}:${i.range.start.line + 1} ${i.rule}`)
    .sort();
}

export function allIssues(ws: Workspace): Issue[] {
  return [...ws.check().issues.values()].flat();
}

export function issuesOf(ws: Workspace, rule: string): Issue[] {
  return allIssues(ws).filter((i) => i.rule === rule);
}

export function relPath(uri: string): string {
  return uri.slice(ROOT.length + 1);
}

/** One-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split(/\r\n|\r|\n/).findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" not found`);
  return i + 1;
}

/** Applies text edits (LSP-style ranges) to a text, last first so positions stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') {
      starts.push(i + 2);
      i++;
    } else if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  const offset = (p: { line: number; character: number }) => starts[p.line]! + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
