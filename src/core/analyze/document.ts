import { slug as githubSlug } from 'github-slugger';
import type { Heading, Node, Parent, Root, RootContent } from 'mdast';
import type { Config } from '../config';
import type { FrontMatter } from '../frontMatter';
import { detectKind, type KindResult } from '../kind';
import { contentSpan, endOf, plainText, startOf } from '../markdown';
import { normalizeLabel } from '../referenceText';
import { parseSuppressions, type Suppressions } from '../suppress';
import { syntaxFor } from '../syntax';
import { LineIndex, detectEol } from '../text';
import type { DocKind, Item, Range } from '../types';
import { ChunkedParser, opensUnclosedFrontMatter, parseOnce } from './chunks';
import type { DocContext } from './content';
import { collectDefinitions } from './nodes';
import type { FieldProblem } from './frontMatterTraces';
import { extractItems } from './layouts';
import type { ReadingMark } from '../read/reader';
import { ItemCache } from '../read/itemCache';

/** A root-level heading with what every layout needs to know about it. */
export interface HeadingInfo {
  node: Heading;
  index: number;
  depth: number;
  /** Plain text, Markdown marks dropped. */
  text: string;
  /** GitHub-style anchor, deduplicated like GitHub does. */
  slug: string;
  /** Offsets of the heading's text, without `#` marks. */
  span: [number, number];
}

/** Everything the core knows about one document on its own, before linking across files. */
export interface DocumentInfo {
  uri: string;
  /** Path relative to the workspace folder, with `/` separators. */
  relPath: string;
  kind: DocKind | null;
  kindSource: KindResult['source'];
  /** The text analysed (without a byte order mark). Kept for fixes and hovers. */
  text: string;
  lines: LineIndex;
  eol: string;
  frontMatter?: FrontMatter;
  unknownKind?: KindResult['unknownKind'];
  /** Front matter fields whose values cannot be used (`itemLevel: 9`), reported as invalid-front-matter. */
  frontMatterProblems?: FieldProblem[];
  title: string;
  /** Where document-level findings go: the title heading, else the first line. */
  titleRange: Range;
  /** The document's own node (vision, strategy) or the file item (goal, roadmap-item). */
  root?: Item;
  /** Goals, roadmap items and vision sections, in document order. */
  items: Item[];
  /** Link anchors (lower-cased) of this document and the item each one addresses. */
  anchors: Map<string, Item>;
  /** Strategy docs: which of who / what / why a section answers. */
  strategy?: { who: boolean; what: boolean; why: boolean };
  suppressions: Suppressions;
  /** Set when analysing the document threw: the message, so it can be reported instead of lost. */
  failure?: string;
  /** How the reader read the document's groups, sections and left-out lists (docs/format.md §8 markers). */
  readings?: ReadingMark[];
  /** Every heading's anchor (GitHub slug, `{#id}`), lower-cased: what a link's `#fragment` may name. */
  headingAnchors?: Set<string>;
  /** Links to a heading of a product doc (`other.md#section`, `#section`), to check they still lead somewhere. */
  anchorLinks?: Array<{ url: string; range: Range }>;
  /** Set when the document is not analysed at all, and why (too large, binary, nested too deeply). */
  skipped?: string;
}

/** Product docs are written by hand: anything larger is not one, and parsing it would stall the editor. */
export const MAX_DOCUMENT_CHARS = 2_000_000;
/** Deeper than this, nesting is generated or broken text, and parse time grows steeply with depth. */
const MAX_QUOTE_DEPTH = 40;
const MAX_LIST_INDENT = 120;

/** Why a text is not analysed, or undefined when it is fine to parse. Linear and cheap. */
export function unreadableReason(text: string): string | undefined {
  if (text.length > MAX_DOCUMENT_CHARS) return `it is larger than ${MAX_DOCUMENT_CHARS / 1_000_000} million characters`;
  if (text.includes('\u0000')) return 'it is binary (it holds NUL bytes)';
  const quotes = /^(?:[ \t]*>){41}/m;
  if (quotes.test(text)) return `it nests quotes more than ${MAX_QUOTE_DEPTH} levels deep`;
  const deepList = new RegExp(`^[ \\t]{${MAX_LIST_INDENT},}(?:[-*+]|\\d+[.)])[ \\t]`, 'm');
  if (deepList.test(text)) return `it nests lists more than ${MAX_LIST_INDENT} columns deep`;
  return undefined;
}

export interface AnalyzeInput {
  uri: string;
  relPath: string;
  /** The document text without a byte order mark. */
  text: string;
  config: Config;
  /** A kind already detected (the CLI and the index detect kinds before deciding to parse). */
  kind?: KindResult;
  /** What the document's previous version left to reuse (editor only): its parsed chunks. */
  incremental?: IncrementalState;
  /** Why the file was not read (too large to load, unreadable): it is kept as skipped, not parsed. */
  skipped?: string;
  /** Why analysing the file failed elsewhere: it is kept as failed, not parsed. */
  failure?: string;
}

/** Per-document state carried from one version to the next, so an edit re-parses and re-reads only what it touched. */
export class IncrementalState {
  parser = new ChunkedParser();
  items = new ItemCache();

  /** Forgets everything, after a failure left the caches half-written. */
  reset(): void {
    this.parser = new ChunkedParser();
    this.items = new ItemCache();
  }
}

export function analyzeDocument(input: AnalyzeInput): DocumentInfo {
  const { uri, relPath, text, config } = input;
  const kind = input.kind ?? detectKind(relPath, text, config);
  const lines = new LineIndex(text);
  const info: DocumentInfo = {
    uri,
    relPath,
    kind: kind.kind,
    kindSource: kind.source,
    text,
    lines,
    eol: detectEol(text),
    ...(kind.frontMatter ? { frontMatter: kind.frontMatter } : {}),
    ...(kind.unknownKind ? { unknownKind: kind.unknownKind } : {}),
    title: fileTitle(relPath),
    titleRange: lines.range(0, lines.lineEnd(0)),
    items: [],
    anchors: new Map(),
    suppressions: parseSuppressions(text, lines),
  };
  // Files without a kind are not parsed: in a large docs repo most files are not product docs.
  if (!kind.kind) return info;
  if (input.failure) {
    info.failure = input.failure;
    return info;
  }
  const skipped = input.skipped ?? unreadableReason(text);
  if (skipped) {
    info.skipped = skipped;
    return info;
  }
  try {
    const bodyStart = kind.frontMatter?.block.end ?? 0;
    const tree = input.incremental ? input.incremental.parser.parse(text, bodyStart) : parseOnce(text, bodyStart);
    // Link reference definitions are rare; a text scan spares walking the whole tree for them.
    const definitions = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:/m.test(text) ? collectDefinitions(tree) : new Map<string, string>();
    const ctx: DocContext = { text, lines, syntax: syntaxFor(config), definitions, contextSensitive: opensUnclosedFrontMatter(text, bodyStart) };
    // Only real HTML comments switch rules off, not ones quoted in code: that takes the parse.
    if (info.suppressions.regions.length > 0) info.suppressions = parseSuppressions(text, lines, htmlSpans(tree));
    const headings = collectHeadings(tree);
    const titleHeading = findTitleHeading(headings, kind.kind, tree);
    const fmTitle = kind.frontMatter?.data['title'];
    info.title = typeof fmTitle === 'string' && fmTitle.trim() ? fmTitle.trim() : titleHeading ? titleHeading.text : info.title;
    if (titleHeading) info.titleRange = lines.range(titleHeading.span[0], titleHeading.span[1]);
    else if (typeof fmTitle === 'string' && kind.frontMatter) info.titleRange = frontMatterValueRange(kind.frontMatter, 'title', lines) ?? info.titleRange;
    extractItems(info, { ctx, tree, headings, titleHeading, kind: kind.kind, config, ...(input.incremental ? { cache: input.incremental.items } : {}) });
    info.headingAnchors = new Set(headings.flatMap((h) => [h.slug, ...(/\{#([^\s}]+)\}\s*$/.exec(h.text) ? [/\{#([^\s}]+)\}\s*$/.exec(h.text)![1]!.toLowerCase()] : [])]));
    info.anchorLinks = anchorLinksOf(tree, definitions, lines);
    // The title's own anchor addresses the whole document.
    if (titleHeading && info.root && !info.anchors.has(titleHeading.slug)) info.anchors.set(titleHeading.slug, info.root);
  } catch (e) {
    input.incremental?.reset();
    info.items = [];
    info.anchors = new Map();
    delete info.root;
    delete info.frontMatterProblems;
    info.failure = e instanceof Error ? e.message : String(e);
  }
  return info;
}

/** Relative links with a `#fragment` (no scheme), where they are written. */
function anchorLinksOf(tree: Root, definitions: Map<string, string>, lines: LineIndex): Array<{ url: string; range: Range }> {
  const out: Array<{ url: string; range: Range }> = [];
  const visit = (node: Node): void => {
    if (node.type === 'link' || node.type === 'linkReference') {
      const ref = node as unknown as { url?: string; label?: string | null; identifier?: string };
      const url = node.type === 'link' ? ref.url : definitions.get(normalizeLabel(ref.label ?? ref.identifier ?? ''));
      if (url && url.includes('#') && !/^[a-z][a-z0-9+.-]*:/i.test(url)) out.push({ url, range: lines.range(startOf(node), endOf(node)) });
      return;
    }
    for (const child of (node as Parent).children ?? []) visit(child);
  };
  visit(tree);
  return out;
}

/** The offsets of every HTML node (block or inline) in the tree. */
function htmlSpans(tree: Root): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const visit = (node: Node): void => {
    if (node.type === 'html') spans.push([startOf(node), endOf(node)]);
    for (const child of (node as Parent).children ?? []) visit(child);
  };
  visit(tree);
  return spans;
}

/**
 * GitHub's heading anchors: the title's slug, then `-1`, `-2`… for repeats (as github-slugger
 * numbers them), with each title's base slug computed once.
 */
class Slugger {
  private readonly occurrences = new Map<string, number>();

  slug(text: string): string {
    let base = slugCache.get(text);
    if (base === undefined) {
      if (slugCache.size > 50_000) slugCache.clear();
      slugCache.set(text, (base = githubSlug(text)));
    }
    let slug = base;
    while (this.occurrences.has(slug)) {
      const n = this.occurrences.get(base)! + 1;
      this.occurrences.set(base, n);
      slug = `${base}-${n}`;
    }
    this.occurrences.set(slug, 0);
    return slug;
  }
}

const slugCache = new Map<string, string>();

/** Heading nodes are reused across versions by the incremental parser; their text is computed once. */
const headingTexts = new WeakMap<Heading, string>();

function collectHeadings(tree: Root): HeadingInfo[] {
  const slugger = new Slugger();
  const out: HeadingInfo[] = [];
  tree.children.forEach((node: RootContent, index) => {
    if (node.type !== 'heading') return;
    let text = headingTexts.get(node);
    if (text === undefined) headingTexts.set(node, (text = plainText(node)));
    const span = contentSpan(node) ?? [startOf(node), startOf(node)];
    out.push({ node, index, depth: node.depth, text, slug: slugger.slug(text), span });
  });
  return out;
}

/**
 * The document title: the only `#` heading when there is exactly one; for one-item files the first
 * heading. Other headings are the document's sections.
 */
function findTitleHeading(headings: HeadingInfo[], kind: DocKind, tree: Root): HeadingInfo | undefined {
  if (kind === 'goal' || kind === 'roadmap-item') return headings[0];
  const h1 = headings.filter((h) => h.depth === 1);
  if (h1.length === 1 && h1[0] === headings[0]) return h1[0];
  // A `#` heading that opens the document titles it even when other `#` headings follow (blog-style
  // posts use `#` for their sections), unless it is a goal of its own (`# G1: …`).
  const first = headings[0];
  const firstBlock = tree.children.findIndex((n) => n.type !== 'yaml' && n.type !== 'html' && n.type !== 'definition');
  if (first && first.depth === 1 && first.index === firstBlock && !/^\s*[A-Z]{1,5}[-.]?\d+(?:\.\d+)?[:.\-—–\s]/.test(first.text)) return first;
  return undefined;
}

/** The range of a front matter key's value on its line (`title: Offline mode` → `Offline mode`). */
function frontMatterValueRange(frontMatter: FrontMatter, key: string, lines: LineIndex): Range | undefined {
  const m = new RegExp(`^${key}[ \\t]*:[ \\t]*(.*?)[ \\t]*$`, 'm').exec(frontMatter.block.yaml);
  if (!m) return undefined;
  const start = frontMatter.block.yamlStart + m.index + m[0].length - m[1]!.length - (m[0].length - m[0].trimEnd().length);
  return lines.range(start, start + m[1]!.length);
}

function fileTitle(relPath: string): string {
  const base = relPath.slice(relPath.lastIndexOf('/') + 1).replace(/\.(md|markdown)$/i, '');
  return base.replace(/[-_]+/g, ' ').trim() || relPath;
}
