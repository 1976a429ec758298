// Plain data shared by the core, the CLI and the editor adapter. Nothing here knows about VS Code.

/** A document kind from docs/format.md §1. */
export type DocKind = 'vision' | 'strategy' | 'goals' | 'roadmap' | 'goal' | 'roadmap-item';

/** A node kind in the trace graph (the JSON contract in README.md). */
export type NodeKind = 'vision' | 'vision-section' | 'strategy' | 'goal' | 'roadmap-item';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Every severity, the worst first: the order badges, icons and lists show them in. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

import type { RuleId } from './rules';

export type { RuleId };

/** Zero-based line and UTF-16 character, as in LSP and VS Code. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A replacement of `range` in the document `uri` by `newText` (an insertion when the range is empty). */
export interface TextEdit {
  uri: string;
  range: Range;
  newText: string;
  /**
   * The same insertion as a snippet with blanks to tab through (`${1:…}`), for editors that fill
   * snippets in; `newText` is what it reads as when the blanks are left as they are.
   */
  snippet?: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** New files the fix creates (never overwriting one that exists). */
  creates?: Array<{ uri: string; text: string }>;
  /**
   * The fix's answer is certain (VS Code's `isPreferred`): a reference that differs from exactly one
   * target by case, spacing, punctuation or one typo in a long title. Only these are applied by
   * Fix All, on save and by `throughline check --fix`; every other fix is a choice the user makes.
   */
  preferred?: boolean;
  /**
   * A choice the user makes from a list (a searchable pick of every goal): the fix itself has no
   * edits, each option has its own. Never applied without the user choosing.
   */
  pick?: { placeholder: string; options: PickOption[] };
  /** After the fix is applied: the text to select (a prompt to write over, a new item's title). */
  select?: { uri: string; range: Range };
}

/** One choice of a pick fix: what the list shows and what choosing it writes. */
export interface PickOption {
  label: string;
  /** Shown beside the label (where the target is). */
  description?: string;
  /** Shown under the label (a goal's metric). */
  detail?: string;
  edits: TextEdit[];
  select?: { uri: string; range: Range };
}

export interface RelatedLocation {
  uri: string;
  range: Range;
  message: string;
}

/**
 * Besides rule findings: `internal-error` marks a file Throughline failed to analyse (a bug,
 * reported rather than hidden); `file-skipped` a product doc it would not read (too large, binary,
 * nested too deeply).
 */
export type IssueCode = RuleId | 'internal-error' | 'file-skipped';

export interface Issue {
  uri: string;
  rule: IssueCode;
  severity: Severity;
  message: string;
  range: Range;
  related?: RelatedLocation[];
  fixes?: Fix[];
  /**
   * Which case of the rule this is, for views that show a short badge (`marked` for `Goal: N/A`,
   * `prompt` for a section or metric that is still the template's prompt). Not part of the CLI output.
   */
  variant?: IssueVariant;
}

/** The cases a rule tells apart in its findings (see `Issue.variant`). */
export type IssueVariant = 'marked' | 'prompt' | 'empty' | 'no-goals' | 'wrong-layer' | 'dangling-anchor' | 'whole-document' | 'placeholder' | 'low-priority' | 'top-priority';

/**
 * How a trace was written (the JSON contract in README.md `via`): explicitly (`field`, `column`, `front-matter`,
 * `link`), or as a reader sees it (docs/format.md §8): the item sits inside the goal's section
 * (`nesting`), carries a symbol a legend defines (`legend`), names the goal in parentheses or after
 * a dash (`parenthetical`), or its text names the goal (`prose`).
 */
export type TraceVia = 'field' | 'column' | 'front-matter' | 'link' | 'nesting' | 'legend' | 'parenthetical' | 'prose';

/** One written reference from an item to the layer above. */
export interface Reference {
  /** The reference as written, e.g. `G1`, `Grow retention`, `goals.md#g1`. */
  text: string;
  /** Where the reference text is, for diagnostics and replace fixes. */
  range: Range;
  via: TraceVia;
  /** A link target (URL as written) when the reference was a Markdown link or looks like a path. */
  link?: string;
  /**
   * The field's whole value when it was split at `,`/`;` into several references: a title that
   * itself holds a comma (`Goal: Build, test and ship faster`) is tried whole first.
   */
  whole?: { text: string; range: Range };
  /**
   * Links found in prose only count when they resolve to the layer above; references written in
   * fields, columns or front matter are explicit and are reported when they do not resolve.
   */
  explicit: boolean;
  /** Set when the trace was inferred from the document's structure, not written: it has no text to edit. */
  inferred?: boolean;
}

/** A deliberate "no trace" marker (`Goal: N/A`). */
export interface NoTraceMarker {
  text: string;
  range: Range;
}

export interface Item {
  /** Unique, stable key: the file's path for whole-file nodes, else `path#slug`. */
  key: string;
  kind: NodeKind;
  id: string | null;
  /** Where the ID is written (leading token, `{#id}` or front matter `id:`), for renames. */
  idRange?: Range;
  title: string;
  /** Other titles the item answers to: `Pillar: Clarity` is also `Clarity`. */
  aliases?: string[];
  uri: string;
  /** The title's range: where diagnostics about the item go. */
  range: Range;
  /** The item's whole content, from its title to the end of its section, list item or row. */
  contentRange: Range;
  layout: 'document' | 'heading' | 'list' | 'table' | 'file';
  /** Heading depth for heading items. */
  depth?: number;
  /** Anchors (slugs and `{#id}`s) that address this item in links. */
  anchors: string[];
  /** IDs of sub-headings or key results inside the item that resolve to it (e.g. KR1.2 → its goal). */
  subIds: string[];
  references: Reference[];
  noTrace: NoTraceMarker[];
  /** Goals only: whether the goal states a measurable target. */
  hasMetric?: boolean;
  /** Goals only: the first measurable target as written, for hovers. */
  metric?: string;
  /** A short plain-text excerpt of the item's content, for hovers and ranking. */
  excerpt: string;
  /** Where a fix adds a trace or metric line for this item. */
  insertion: InsertionPoint;
  /** Roadmap items: the horizon or theme heading they sit under (Now, Next, Q3…). */
  group?: string;
  /**
   * Roadmap items: the horizon as written, from the nearest group heading that names one (`Now`,
   * `Q3 2026`, `In progress`) or front matter `horizon:`; see `horizonBucket` for Now / Next / Later.
   */
  horizon?: string;
  /** Table rows: the table's shape, so a fix can add a row like this one. */
  row?: { columns: number; titleColumn: number; traceColumn: number };
}

/**
 * Where fixes add text for an item: `line` adds a paragraph after the line holding `at` (a heading,
 * or the closing front matter fence), and `frontMatter.at` is where a front matter key may go instead;
 * `top` adds a paragraph at the start of the file; `suffix` appends to the item's first line (list
 * items, table titles); `cell` fills a table cell.
 */
export type InsertionPoint =
  | { mode: 'line'; at: Position; frontMatter?: { at: Position } }
  | { mode: 'top' }
  | { mode: 'suffix'; at: Position }
  | { mode: 'cell'; at: Range; empty: boolean }
  | { mode: 'none' };
