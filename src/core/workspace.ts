import { IncrementalState, analyzeDocument, type DocumentInfo } from './analyze/document';
import type { Config } from './config';
import { detectKind, excludeMatcher, frontMatterMayNameKind, kindFromFileName, kindFromFolders, kindMatchers, type KindMatchers, type KindResult } from './kind';
import { buildGraph, type Graph } from './graph';
import { link, type LinkedModel } from './link';
import { RULES } from './rules';
import type { Rule } from './rules/rule';
import { isSuppressed } from './suppress';
import type { Fix, Issue, Position, RuleId } from './types';

export interface Summary {
  /** Files with a kind (product docs). */
  files: number;
  goals: number;
  roadmapItems: number;
  tracedItems: number;
  /** tracedItems / roadmapItems, two decimals; null when there are no roadmap items. */
  alignment: number | null;
}

export interface CheckResult {
  /** Issues by document URI, sorted by position. Documents with none are absent. */
  issues: Map<string, Issue[]>;
  summary: Summary;
  model: LinkedModel;
  /** Rules that threw (a bug): each was skipped, the others ran. For the log, not the user's files. */
  failures: Array<{ rule: RuleId; message: string }>;
}

/**
 * One workspace folder: the product docs in it, analysed one by one and linked together. Documents
 * come in as text; the caller decides how to read files (the CLI from disk, the editor through
 * `workspace.fs` and open documents).
 */
export class Workspace {
  private readonly docs = new Map<string, DocumentInfo>();
  /** Per-document incremental state, so an edit re-parses and re-extracts only what it touched. */
  private readonly incremental = new Map<string, IncrementalState>();
  private result: CheckResult | undefined;
  /** Counts changes to the documents and config: a check that paused knows whether it is still current. */
  private generation = 0;
  private matchers: KindMatchers;
  private excluded: (relPath: string) => boolean;

  constructor(
    readonly rootUri: string,
    private config: Config,
    private readonly options: {
      /** Keep each document's parse for incremental re-parsing (the editor); the CLI reads each file once. */
      incremental?: boolean;
      /** The rules to run: all of them, unless a test needs others. */
      rules?: readonly Rule[];
      /** The day dated horizons and goal timeframes are judged against; the clock's by default (the CLI honours SOURCE_DATE_EPOCH). */
      today?: Date;
    } = {},
  ) {
    this.matchers = kindMatchers(config);
    this.excluded = excludeMatcher(config);
  }

  getConfig(): Config {
    return this.config;
  }

  /** Replaces the config: every document is re-analysed, since kinds, labels and names may change. */
  setConfig(config: Config): void {
    this.config = config;
    this.matchers = kindMatchers(config);
    this.excluded = excludeMatcher(config);
    const texts = [...this.docs.values()].map((d) => [d.uri, d.text] as const);
    this.docs.clear();
    // What was extracted under the old config (labels, names, kinds) cannot be reused.
    this.incremental.clear();
    for (const [uri, text] of texts) this.update(uri, text);
  }

  /** The path of `uri` relative to this folder, or undefined when it lies outside. */
  relativePath(uri: string): string | undefined {
    const root = this.rootUri.endsWith('/') ? this.rootUri : this.rootUri + '/';
    if (!uri.startsWith(root)) return undefined;
    try {
      return decodeURIComponent(uri.slice(root.length));
    } catch {
      return uri.slice(root.length);
    }
  }

  isExcluded(relPath: string): boolean {
    return this.excluded(relPath);
  }

  /**
   * Whether a file can be a product doc: its name or a config glob gives it a kind, or the start of
   * its text (`peek`, read only when needed) has front matter naming one. False means: skip it.
   */
  mayHaveKind(relPath: string, peek: () => string): boolean {
    if (this.excluded(relPath)) return false;
    if (kindFromFileName(relPath) || kindFromFolders(relPath) || this.matchers.some(([, isMatch]) => isMatch(relPath))) return true;
    // Its front matter, title or a section heading in its first part may name a kind (docs/format.md §8).
    const head = peek();
    return frontMatterMayNameKind(head) || this.detect(relPath, head).kind !== null;
  }

  /** Kind detection only, for deciding whether a file is worth keeping (no Markdown parse). */
  detect(relPath: string, text: string): KindResult {
    return detectKind(relPath, text, this.config, this.matchers);
  }

  /**
   * Analyses a document's text and keeps it if it is a product doc (or names an unknown kind, which
   * is reported). Returns the analysis, or undefined when the file is not one Throughline reads.
   */
  update(uri: string, text: string): DocumentInfo | undefined {
    const relPath = this.relativePath(uri);
    if (relPath === undefined || this.excluded(relPath)) return undefined;
    const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const existing = this.docs.get(uri);
    if (existing && existing.text === clean) return existing;
    const kind = this.detect(relPath, clean);
    if (!kind.kind && !kind.unknownKind) {
      if (existing) this.remove(uri);
      return undefined;
    }
    let state = this.incremental.get(uri);
    if (!state && this.options.incremental !== false) this.incremental.set(uri, (state = new IncrementalState()));
    const info = analyzeDocument({ uri, relPath, text: clean, config: this.config, kind, ...(state ? { incremental: state } : {}) });
    this.docs.set(uri, info);
    this.invalidate();
    return info;
  }

  /**
   * Keeps a document analysed elsewhere, under the same rules as `update`: only product docs and
   * files naming an unknown kind. Returns whether it was kept.
   */
  adopt(info: DocumentInfo): boolean {
    if (this.relativePath(info.uri) === undefined || this.excluded(info.relPath) || (!info.kind && !info.unknownKind)) return false;
    this.incremental.delete(info.uri);
    this.docs.set(info.uri, info);
    this.invalidate();
    return true;
  }

  /**
   * Records a file that could not be read (too large to load, unreadable) as skipped, so the user
   * sees why it is missing; only when its name or a config glob says it is a product doc, or its
   * `start` (the first few KB, when they could be read) has front matter naming a kind.
   */
  skip(uri: string, reason: string, start = ''): boolean {
    const relPath = this.relativePath(uri);
    if (relPath === undefined || !this.mayHaveKind(relPath, () => start)) return false;
    // Only the kind counts: nothing else in a file that was not read is analysed.
    const { kind, source } = this.detect(relPath, start);
    if (!kind) return false;
    const info = analyzeDocument({ uri, relPath, text: '', config: this.config, kind: { kind, source }, skipped: reason });
    this.incremental.delete(uri);
    this.docs.set(uri, info);
    this.invalidate();
    return true;
  }

  /**
   * Records a document whose analysis threw outside the core's own guard (a bug), so the failure is
   * reported on the file instead of the file silently keeping stale findings.
   */
  fail(uri: string, reason: string): void {
    const relPath = this.relativePath(uri);
    if (relPath === undefined) return;
    const kind = kindFromFileName(relPath) ?? this.docs.get(uri)?.kind ?? null;
    if (!kind) return;
    const info = analyzeDocument({ uri, relPath, text: '', config: this.config, kind: { kind, source: 'file-name' }, failure: reason });
    this.incremental.delete(uri);
    this.docs.set(uri, info);
    this.invalidate();
  }

  remove(uri: string): boolean {
    this.incremental.delete(uri);
    const removed = this.docs.delete(uri);
    if (removed) this.invalidate();
    return removed;
  }

  get(uri: string): DocumentInfo | undefined {
    return this.docs.get(uri);
  }

  documents(): DocumentInfo[] {
    return [...this.docs.values()];
  }

  private invalidate(): void {
    this.result = undefined;
    this.generation++;
  }

  /** Links all documents and runs every enabled rule. Cached until a document or the config changes. */
  check(): CheckResult {
    if (this.result) return this.result;
    const steps = this.checkSteps();
    let step = steps.next();
    while (!step.done) step = steps.next();
    this.result = step.value;
    return this.result;
  }

  /**
   * The same check, pausing (`pause`) whenever a step has run for `sliceMs`, so a host that shares
   * its thread (the extension host) stays responsive. The steps are linking, then one rule each.
   * Returns undefined, keeping nothing, when a document or the config changed while it paused.
   */
  async checkInSlices(options: { sliceMs: number; pause: () => Promise<void>; sliced?: (ms: number) => void }): Promise<CheckResult | undefined> {
    if (this.result) return this.result;
    const generation = this.generation;
    const steps = this.checkSteps();
    let sliceStart = Date.now();
    for (;;) {
      const step = steps.next();
      if (step.done) {
        options.sliced?.(Date.now() - sliceStart);
        if (generation !== this.generation) return undefined;
        this.result = step.value;
        return this.result;
      }
      if (Date.now() - sliceStart >= options.sliceMs) {
        options.sliced?.(Date.now() - sliceStart);
        await options.pause();
        if (generation !== this.generation) return undefined;
        // Something asked for the result meanwhile and ran the check to the end.
        if (this.result) return this.result;
        sliceStart = Date.now();
      }
    }
  }

  /** The check, one step at a time: it yields after linking and after each rule. */
  private *checkSteps(): Generator<void, CheckResult, void> {
    const model = link([...this.docs.values()], this.rootUri);
    yield;
    const issues = new Map<string, Issue[]>();
    const seen = new Set<string>();
    const failures: CheckResult['failures'] = [];
    for (const rule of this.options.rules ?? RULES) {
      const severity = this.config.rules[rule.id];
      if (severity === 'off') continue;
      let findings: ReturnType<Rule['check']>;
      try {
        findings = rule.check({ model, config: this.config, ...(this.options.today ? { today: this.options.today } : {}) });
      } catch (e) {
        // One broken rule must not take the others down with it.
        failures.push({ rule: rule.id, message: e instanceof Error ? e.message : String(e) });
        continue;
      }
      for (const finding of findings) {
        if (isSuppressed(finding.doc.suppressions, rule.id, finding.range.start.line)) continue;
        // Inherited references can yield the same finding for several items: say it once.
        const key = `${finding.doc.uri}\u0000${rule.id}\u0000${pos(finding.range.start)}\u0000${finding.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const issue: Issue = {
          uri: finding.doc.uri,
          rule: rule.id,
          severity,
          message: finding.message,
          range: finding.range,
          ...(finding.related?.length ? { related: finding.related } : {}),
          ...(finding.variant ? { variant: finding.variant } : {}),
        };
        if (finding.fixes) defineFixes(issue, finding.fixes);
        const list = issues.get(issue.uri);
        if (list) list.push(issue);
        else issues.set(issue.uri, [issue]);
      }
      yield;
    }
    // Files not read, or not analysed, are said so on the file itself rather than left silent.
    for (const doc of model.docs) {
      const notice: Pick<Issue, 'rule' | 'severity' | 'message'> | undefined = doc.skipped
        ? { rule: 'file-skipped', severity: 'warning', message: `Throughline skipped this file: ${doc.skipped}. Nothing in it is checked, and nothing can trace to it.` }
        : doc.failure
          ? { rule: 'internal-error', severity: 'error', message: `Throughline could not analyse this file (${doc.failure}); other files are still checked. Please report this.` }
          : undefined;
      if (!notice) continue;
      const list = issues.get(doc.uri) ?? [];
      list.push({ uri: doc.uri, range: doc.titleRange, ...notice });
      issues.set(doc.uri, list);
    }
    for (const list of issues.values()) list.sort(compareIssues);
    return { issues, summary: summarize(model), model, failures };
  }

  /** The trace graph (the JSON contract in README.md): every node and every resolved trace. */
  graph(): Graph {
    return buildGraph(this.check().model);
  }
}

/** Counts for the docs `include` accepts (all by default): what the summary line and JSON report. */
export function summarize(model: LinkedModel, include: (doc: DocumentInfo) => boolean = () => true): Summary {
  let goals = 0;
  let roadmapItems = 0;
  let tracedItems = 0;
  for (const linked of model.items.values()) {
    if (!include(linked.doc)) continue;
    if (linked.item.kind === 'goal') goals++;
    else if (linked.item.kind === 'roadmap-item') {
      roadmapItems++;
      if (linked.traces.length > 0) tracedItems++;
    }
  }
  return {
    files: model.docs.filter((d) => d.kind !== null && !d.skipped && include(d)).length,
    goals,
    roadmapItems,
    tracedItems,
    alignment: roadmapItems === 0 ? null : Math.round((tracedItems / roadmapItems) * 100) / 100,
  };
}

/** Sets `issue.fixes`, computing them on first read when they were given as a function. */
function defineFixes(issue: Issue, fixes: Fix[] | (() => Fix[])): void {
  if (Array.isArray(fixes)) {
    if (fixes.length) issue.fixes = fixes;
    return;
  }
  Object.defineProperty(issue, 'fixes', {
    enumerable: true,
    configurable: true,
    get() {
      const computed = fixes();
      Object.defineProperty(issue, 'fixes', { enumerable: true, configurable: true, writable: true, value: computed.length ? computed : undefined });
      return issue.fixes;
    },
  });
}

function pos(p: Position): string {
  return `${p.line}:${p.character}`;
}

function compareIssues(a: Issue, b: Issue): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule);
}
