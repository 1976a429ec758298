import * as assert from 'node:assert/strict';
import {
  ConfigError,
  Workspace,
  codeLenses,
  completionsAt,
  definitionAt,
  fixAllEdits,
  hoverAt,
  mergeConfig,
  parseConfigText,
  referencesAt,
  renameId,
  renameTargetAt,
  strategyTree,
  validateConfig,
  workspaceSymbols,
  type ConfigFile,
  type Issue,
  type Range,
} from '../../src/core';
import { ChunkedParser, parseOnce } from '../../src/core/analyze/chunks';
import { plainParse } from '../../src/core/analyze/plainParse';
import { parseMarkdown } from '../../src/core/markdown';
import { findFrontMatter } from '../../src/core/frontMatter';

/** The properties every input must satisfy. Each throws (an assertion error) when one is broken. */

export const ROOT = 'file:///fuzz';
/** No single document may take longer than this to analyse (generous: CI machines are slow). */
export const TIME_BOUND_MS = 3000;

export function workspaceOf(files: Record<string, string>, config: ConfigFile = {}): Workspace {
  const ws = new Workspace(ROOT, mergeConfig(config));
  for (const [p, text] of Object.entries(files)) ws.update(`${ROOT}/${p}`, text);
  return ws;
}

/** Everything observable about a workspace's analysis, as plain data, for comparisons. */
export function snapshot(ws: Workspace): unknown {
  const { issues, summary } = ws.check();
  const byUri = [...issues.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([uri, list]) => [uri, list.map(plainIssue)]);
  return { issues: byUri, summary, graph: ws.graph() };
}

function plainIssue(i: Issue): unknown {
  return { rule: i.rule, severity: i.severity, message: i.message, range: i.range, related: i.related, fixes: i.fixes };
}

/** Analyses the files, exercising every feature, and checks: no throw, within time, ranges inside. */
export function checkWorkspace(files: Record<string, string>, config: ConfigFile = {}): Workspace {
  const started = performance.now();
  const ws = workspaceOf(files, config);
  const result = ws.check();
  const { issues, model } = result;
  ws.graph();
  strategyTree(result, ws.getConfig());
  workspaceSymbols(model, 'g');
  const elapsed = performance.now() - started;
  assert.ok(elapsed < TIME_BOUND_MS * Object.keys(files).length, `analysis took ${elapsed.toFixed(0)} ms`);
  const texts = new Map(ws.documents().map((d) => [d.uri, d.text]));
  // "Never throws" includes the throws the core catches and reports as internal-error findings.
  for (const doc of ws.documents()) assert.equal(doc.failure, undefined, `analysing ${doc.relPath} threw: ${doc.failure}`);
  for (const list of issues.values()) {
    for (const issue of list) {
      assert.notEqual(issue.rule, 'internal-error', issue.message);
      assertInside(texts, issue.uri, issue.range, `${issue.rule}: ${issue.message}`);
      for (const r of issue.related ?? []) assertInside(texts, r.uri, r.range, `related of ${issue.rule}`);
      for (const fix of issue.fixes ?? []) {
        for (const e of fix.edits) assertInside(texts, e.uri, e.range, `fix “${fix.title}”`);
        for (const o of fix.pick?.options ?? []) for (const e of o.edits) assertInside(texts, e.uri, e.range, `fix “${fix.title}” → ${o.label}`);
      }
    }
  }
  for (const doc of ws.documents()) {
    for (const item of doc.items) {
      assertInside(texts, doc.uri, item.range, `item ${item.key}`);
      assertInside(texts, doc.uri, item.contentRange, `content of ${item.key}`);
      for (const ref of item.references) assertInside(texts, doc.uri, ref.range, `reference ${ref.text}`);
    }
    // Every feature that takes a position answers for every line without throwing, and every
    // range it hands the editor lies inside a document.
    const lines = doc.lines.lineCount;
    for (let line = 0; line < Math.min(lines, 60); line++) {
      const position = { line, character: Math.min(3, doc.lines.lineText(line).length) };
      hoverAt(result, doc.uri, position);
      for (const c of completionsAt(model, ws.getConfig(), doc, position)) assertInside(texts, doc.uri, c.range, `completion ${c.label}`);
      const definition = definitionAt(model, doc.uri, position);
      if (definition) assertInside(texts, definition.uri, definition.range, 'definition');
      for (const r of referencesAt(model, doc.uri, position, true)) assertInside(texts, r.uri, r.range, 'reference location');
      const rename = renameTargetAt(model, doc.uri, position);
      if (rename) {
        assertInside(texts, doc.uri, rename.range, 'rename range');
        for (const e of renameId(model, rename.item, 'ZZ9')) assertInside(texts, e.uri, e.range, 'rename edit');
      }
    }
    for (const lens of codeLenses(model, doc.uri)) assertInside(texts, doc.uri, lens.range, `code lens ${lens.title}`);
    for (const e of fixAllEdits(issues.get(doc.uri) ?? [], doc.uri)) assertInside(texts, e.uri, e.range, 'fix-all edit');
  }
  return ws;
}

function assertInside(texts: Map<string, string>, uri: string, range: Range, what: string): void {
  const text = texts.get(uri);
  assert.ok(text !== undefined, `${what}: points into ${uri}, which is not a document of the workspace`);
  const lines = text.split(/\r\n|\r|\n/);
  const ok = (p: Range['start']) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line]!.length;
  assert.ok(ok(range.start) && ok(range.end), `${what}: range ${JSON.stringify(range)} lies outside the document`);
  const before = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(before, `${what}: range ${JSON.stringify(range)} ends before it starts`);
}

/** The same text analysed twice, in two fresh workspaces, gives the same result. */
export function checkDeterministic(files: Record<string, string>): void {
  assert.deepEqual(snapshot(workspaceOf(files)), snapshot(workspaceOf(files)));
}

/**
 * Incremental analysis (one workspace, edited step by step, re-using parsed chunks) ends where a
 * from-scratch analysis of the final text does; and the chunked parse equals the whole parse.
 */
export function checkIncremental(files: Record<string, string>, edited: string, versions: string[]): void {
  const ws = workspaceOf(files);
  ws.check();
  for (const text of versions) {
    ws.update(`${ROOT}/${edited}`, text);
    ws.check();
  }
  const final = versions[versions.length - 1]!;
  assert.deepEqual(snapshot(ws), snapshot(workspaceOf({ ...files, [edited]: final })));
  const clean = final.charCodeAt(0) === 0xfeff ? final.slice(1) : final;
  const bodyStart = findFrontMatter(clean)?.end ?? 0;
  const whole = JSON.parse(JSON.stringify(parseMarkdown(clean).children));
  const parser = new ChunkedParser();
  for (const text of versions) {
    const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    parser.parse(t, findFrontMatter(t)?.end ?? 0);
  }
  assert.deepEqual(JSON.parse(JSON.stringify(parser.parse(clean, bodyStart).children)), whole);
  assert.deepEqual(JSON.parse(JSON.stringify(parseOnce(clean, bodyStart).children)), whole);
}

/** The plain fast path, when it accepts a text, builds exactly remark's tree for it. */
export function checkPlainParse(text: string): void {
  const fast = plainParse(text);
  if (fast) assert.equal(JSON.stringify(fast), JSON.stringify(parseMarkdown(text).children));
}

/** A config value is either accepted or refused with a ConfigError naming the problem; nothing else. */
export function checkConfig(value: unknown): void {
  let config: ConfigFile;
  try {
    config = validateConfig(value);
  } catch (e) {
    assert.ok(e instanceof ConfigError, `validateConfig threw ${String(e)}`);
    assert.ok(e.message.length > 0);
    return;
  }
  // An accepted config must be usable.
  checkWorkspace({ 'roadmap.md': '# R\n\n- Item — Goal: G1\n', 'goals.md': '# Goals\n\n## G1: One\n' }, config);
  try {
    parseConfigText(JSON.stringify(value) ?? 'null');
  } catch (e) {
    assert.ok(e instanceof ConfigError, `parseConfigText threw ${String(e)}`);
  }
}
