import type { List, Root, RootContent } from 'mdast';
import { parseMarkdown } from '../markdown';
import { plainParse } from './plainParse';
import { detach } from '../text';

/**
 * Incremental parsing. A document is cut into chunks at lines where any Markdown parser must start
 * a new top-level block whatever came before: an unindented ATX heading after a blank line, outside
 * fenced code, HTML blocks and front matter. Each chunk then parses on its own to exactly what the
 * whole-document parse would give for those lines, so after an edit only the chunks whose text
 * changed are parsed again; the others are reused, their positions shifted.
 */

interface Chunk {
  text: string;
  /** Offset and zero-based line where the chunk starts in the document. */
  offset: number;
  line: number;
  /** The chunk starts with the next item of a top-level bullet list that the previous chunk began. */
  continuesList?: boolean;
}

/** A chunk's parsed nodes and where they were last placed, so they can be moved instead of re-parsed. */
interface Parsed {
  nodes: RootContent[];
  offset: number;
  line: number;
}

const HEADING = /^#{1,6}(?:[ \t]|\r?$)/;
/** A top-level bullet item with content; lists are split between such items (see `splitChunks`). */
const BULLET = /^([-*+])[ \t]+\S/;
/** Characters a line can open a block, list, fence, heading or HTML with (after its indentation): the rest is text. */
const MAY_START_BLOCK: boolean[] = [];
for (const c of '#-*+_`~<>|=0123456789[') MAY_START_BLOCK[c.charCodeAt(0)] = true;

/** A line that starts a block rather than continuing a paragraph lazily; anything unusual counts. */
const BLOCK_START = /^(?:[>|<=]|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|#{1,6}(?:[ \t]|$)|`{3,}|~{3,}|[-_*](?:[ \t]*[-_*]){2,}[ \t]*$)/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** HTML blocks that end at a marker rather than at a blank line (CommonMark types 1 to 5). */
const HTML_BLOCK: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
/** A link reference definition can be used anywhere in the document: such documents are parsed whole. */
const DEFINITION = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:/m;

/**
 * Whether the text opens front matter that never closes. micromark then reads the rest of the
 * document differently (a list can become a paragraph), so the same lines do not parse the same
 * way as in a document without it.
 */
export function opensUnclosedFrontMatter(text: string, bodyStart: number): boolean {
  return bodyStart === 0 && /^---[ \t]*(\r\n|\r|\n)/.test(text);
}

/** Splits text into chunks; `bodyStart` is where the body starts (after front matter). */
export function splitChunks(text: string, bodyStart: number): Chunk[] {
  // An opening `---` that never closes sends micromark's front matter construct to the end of the
  // document, which changes how later lines parse (a list can become a paragraph): parse it whole.
  // Lone CRs (old Mac line breaks) are line breaks to the parser but not to this line scan.
  if (DEFINITION.test(text) || /\r(?!\n)/.test(text) || opensUnclosedFrontMatter(text, bodyStart)) {
    return [{ text, offset: 0, line: 0 }];
  }
  const chunks: Chunk[] = [];
  let chunkOffset = 0;
  let chunkLine = 0;
  let fence: { char: string; length: number } | undefined;
  let htmlEnd: RegExp | undefined;
  let htmlUntilBlank = false;
  let previousBlank = true;
  /** The bullet of the top-level list the scan is in, if any. */
  let bullet: string | undefined;
  /** Where the text of that list's current item starts: lines indented this far belong to it. */
  let contentColumn = 0;
  /** Whether the chunk being scanned starts with an item that continues the previous chunk's list. */
  let continues = false;
  let offset = 0;
  let line = 0;
  /** Enters the state for a fence or a marker-ended HTML block that `content` opens; whether it did. */
  const opensBlock = (content: string): boolean => {
    const open = FENCE.exec(content);
    if (open) {
      fence = { char: open[1]![0]!, length: open[1]!.length };
      htmlUntilBlank = false;
      return true;
    }
    const html = HTML_BLOCK.find(([start]) => start.test(content));
    if (!html || html[1].test(content.slice(content.search(html[0]) + 1))) return false;
    htmlEnd = html[1];
    htmlUntilBlank = false;
    return true;
  };
  while (offset < text.length) {
    let end = text.indexOf('\n', offset);
    const next = end < 0 ? text.length : end + 1;
    if (end < 0) end = text.length;
    // Most lines of a roadmap are text, or blank: their only effect on the scan is decided here,
    // from the first character after the indentation, without slicing the line or any regex.
    let first = offset;
    let tab = false;
    while (first < end && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) tab = text.charCodeAt(first++) === 9 || tab;
    const blank = first === end || (first === end - 1 && text.charCodeAt(first) === 13);
    if (offset >= bodyStart && !htmlEnd && (blank || !MAY_START_BLOCK[text.charCodeAt(first)])) {
      if (blank) htmlUntilBlank = false;
      else if (!fence && !htmlUntilBlank && previousBlank && (tab || first - offset < contentColumn)) bullet = undefined;
      previousBlank = blank;
      offset = next;
      line++;
      continue;
    }
    // The other common lines, an unindented ATX heading or a bullet item with text, are also read
    // here when no fence or HTML block is open; what they do is what the full scan below does.
    if (offset >= bodyStart && first === offset && !fence && !htmlEnd && !htmlUntilBlank) {
      const c = text.charCodeAt(offset);
      if (c === 35) {
        let hashes = 1;
        while (hashes < 7 && text.charCodeAt(offset + hashes) === 35) hashes++;
        const after = offset + hashes;
        const isHeading = hashes <= 6 && (after === end || text.charCodeAt(after) === 32 || text.charCodeAt(after) === 9 || (after === end - 1 && text.charCodeAt(after) === 13));
        if (isHeading) {
          if (previousBlank && offset > chunkOffset && offset > bodyStart) {
            chunks.push(chunkAt(text, chunkOffset, offset, chunkLine, continues));
            chunkOffset = offset;
            chunkLine = line;
            continues = false;
            bullet = undefined;
          }
          if (contentColumn > 0) bullet = undefined; // a heading ends a list it is not inside
          previousBlank = false;
          offset = next;
          line++;
          continue;
        }
      } else if (c === 45 || c === 42 || c === 43) {
        let text0 = offset + 1;
        let spaces = 0;
        let tabbed = false;
        while (text0 < end && (text.charCodeAt(text0) === 32 || text.charCodeAt(text0) === 9)) {
          tabbed = text.charCodeAt(text0) === 9 || tabbed;
          text0++;
          spaces++;
        }
        const t = text.charCodeAt(text0);
        // A marker, spaces, then text that is not the marker again (`- - -` may be a break).
        if (spaces > 0 && text0 < end && t !== c && !isWhitespace(t)) {
          const marker = text[offset]!;
          if (marker === bullet && offset > chunkOffset && offset > bodyStart) {
            chunks.push(chunkAt(text, chunkOffset, offset, chunkLine, continues));
            chunkOffset = offset;
            chunkLine = line;
            continues = true;
          }
          bullet = marker;
          contentColumn = tabbed ? Number.POSITIVE_INFINITY : spaces <= 4 ? 1 + spaces : 2;
          previousBlank = false;
          offset = next;
          line++;
          continue;
        }
      }
    }
    const content = text.slice(offset, end).replace(/\r$/, '');
    if (offset >= bodyStart) {
      if (fence) {
        const close = FENCE.exec(content);
        if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length && content.trim() === close[1]) fence = undefined;
      } else if (htmlEnd) {
        if (htmlEnd.test(content)) htmlEnd = undefined;
      } else if (htmlUntilBlank) {
        // Other HTML blocks (a `<div>`, a `</div>`) run to the next blank line. But the line that
        // looked like one may have been text (`<x!--` starts no HTML block), and then a fence or a
        // comment opened here runs past that blank line: follow it as if it did, which only ever
        // splits less.
        if (content.trim() === '') htmlUntilBlank = false;
        else opensBlock(content);
      } else {
        const item = THEMATIC_BREAK.test(content) ? null : BULLET.exec(content);
        if (previousBlank && HEADING.test(content) && offset > chunkOffset && offset > bodyStart) {
          chunks.push(chunkAt(text, chunkOffset, offset, chunkLine, continues));
          chunkOffset = offset;
          chunkLine = line;
          continues = false;
          bullet = undefined;
        } else if (item && item[1] === bullet && offset > chunkOffset && offset > bodyStart) {
          // The next item of the same top-level list: parsed on its own, merged back in `parse`, so a
          // long list re-parses only the item an edit touched.
          chunks.push(chunkAt(text, chunkOffset, offset, chunkLine, continues));
          chunkOffset = offset;
          chunkLine = line;
          continues = true;
        }
        // Which top-level bullet list the scan is in: a bullet item starts or continues one. A line
        // outside the item's content column ends it when it follows a blank line or starts a block
        // (a quote, another list, a break, a heading…); only text there is a lazy continuation.
        if (item) {
          bullet = item[1];
          contentColumn = contentColumnOf(content);
        } else if (content.trim() !== '') {
          const indent = /^[ \t]*/.exec(content)![0];
          const outside = indent.includes('\t') || indent.length < contentColumn;
          if (outside && (previousBlank || BLOCK_START.test(content.slice(indent.length)))) bullet = undefined;
        }
        if (!opensBlock(content) && /^ {0,3}</.test(content) && !HTML_BLOCK.some(([start]) => start.test(content))) htmlUntilBlank = true;
      }
    }
    previousBlank = content.trim() === '';
    offset = next;
    line++;
  }
  chunks.push(chunkAt(text, chunkOffset, text.length, chunkLine, continues));
  return chunks;
}

/** What `\s` matches, for one character code. */
function isWhitespace(code: number): boolean {
  return code <= 32 ? code === 32 || (code >= 9 && code <= 13) : code >= 160 && /\s/.test(String.fromCharCode(code));
}

function chunkAt(text: string, from: number, to: number, line: number, continuesList: boolean): Chunk {
  const chunk: Chunk = { text: text.slice(from, to), offset: from, line };
  if (continuesList) chunk.continuesList = true;
  return chunk;
}

/** The column where a bullet item's text starts (`-   x` → 4); a tab makes it unknowable, so nothing is inside. */
function contentColumnOf(line: string): number {
  const spaces = /^[-*+]([ \t]+)/.exec(line)![1]!;
  if (spaces.includes('\t')) return Number.POSITIVE_INFINITY;
  return spaces.length <= 4 ? 1 + spaces.length : 2;
}

/** A chunk's nodes, positioned as if the chunk were the whole document: the plain fast path, else remark. */
function parseChunk(text: string): RootContent[] {
  return plainParse(text) ?? parseMarkdown(text).children;
}

/**
 * Parses a document once (the CLI): plain chunks take the fast path, and each run of other chunks is
 * parsed by remark in one go, since per-chunk calls cost more than they save when nothing is reused.
 */
export function parseOnce(text: string, bodyStart: number): Root {
  const chunks = splitChunks(text, bodyStart);
  const root = (children: RootContent[]): Root => ({ type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text) } });
  if (chunks.length === 1) return root(parseChunk(text));
  const children: RootContent[] = [];
  const merged = new Set<List>();
  const append = (nodes: RootContent[], chunk: Chunk) => {
    move({ nodes, offset: 0, line: 0 }, chunk.offset, chunk.line);
    const last = children[children.length - 1];
    const first = nodes[0];
    let from = 0;
    if (chunk.continuesList && last?.type === 'list' && first?.type === 'list' && !last.ordered && !first.ordered) {
      children[children.length - 1] = mergeLists(last, first, text, merged);
      from = 1;
    }
    for (let i = from; i < nodes.length; i++) children.push(nodes[i]!);
  };
  const plain = chunks.map((c) => plainParse(c.text));
  for (let i = 0; i < chunks.length; ) {
    const chunk = chunks[i]!;
    const nodes = plain[i];
    if (nodes) {
      append(nodes, chunk);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < chunks.length && !plain[j]) j++;
    const end = j < chunks.length ? chunks[j]!.offset : text.length;
    append(parseMarkdown(text.slice(chunk.offset, end)).children, chunk);
    i = j;
  }
  return root(children);
}

/** Parses documents chunk by chunk, reusing the chunks an edit left alone. One per document. */
export class ChunkedParser {
  private cache = new Map<string, Parsed[]>();

  parse(text: string, bodyStart: number): Root {
    const chunks = splitChunks(text, bodyStart);
    if (chunks.length === 1) {
      this.cache = new Map();
      return parseOnce(text, bodyStart);
    }
    const next = new Map<string, Parsed[]>();
    const children: RootContent[] = [];
    /** Lists built here by merging (not cached chunk nodes), so they can grow in place. */
    const merged = new Set<List>();
    for (const chunk of chunks) {
      // A detached copy: the parse's strings (and the cache key) then pin this chunk, not the document.
      const parsed = this.take(chunk) ?? { nodes: parseChunk((chunk.text = detach(chunk.text))), offset: 0, line: 0 };
      move(parsed, chunk.offset, chunk.line);
      const last = children[children.length - 1];
      const first = parsed.nodes[0];
      if (chunk.continuesList && last?.type === 'list' && first?.type === 'list' && !last.ordered && !first.ordered) {
        children[children.length - 1] = mergeLists(last, first, text, merged);
        for (let i = 1; i < parsed.nodes.length; i++) children.push(parsed.nodes[i]!);
      } else for (const node of parsed.nodes) children.push(node);
      const list = next.get(chunk.text);
      if (list) list.push(parsed);
      else next.set(chunk.text, [parsed]);
    }
    this.cache = next;
    const end = endPoint(text);
    return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
  }

  /** A cached parse of the same text not yet used in this document version. */
  private take(chunk: Chunk): Parsed | undefined {
    const list = this.cache.get(chunk.text);
    return list?.pop();
  }
}

/**
 * One list from a list and its continuation parsed separately. A new node: the chunks' own nodes
 * stay as cached. The list is loose (spread) when either part is, or a blank line separates them.
 */
function mergeLists(a: List, b: List, text: string, merged: Set<List>): List {
  const between = text.slice(a.position!.end.offset, b.position!.start.offset);
  // Two line breaks with only spaces between: a blank line (CRLF counts as one break).
  const blank = /(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r(?!\n)|\n)/.test(between);
  const spread = !!a.spread || !!b.spread || blank;
  if (merged.has(a)) {
    // Grow the list this parse already built, rather than copying it once per item.
    for (const item of b.children) a.children.push(item);
    a.spread = spread;
    a.position = { start: a.position!.start, end: b.position!.end };
    return a;
  }
  const list: List = { ...a, spread, children: [...a.children, ...b.children], position: { start: a.position!.start, end: b.position!.end } };
  merged.add(list);
  return list;
}

/** Shifts every position in a parsed chunk to its new place. */
function move(parsed: Parsed, offset: number, line: number): void {
  const dOffset = offset - parsed.offset;
  const dLine = line - parsed.line;
  if (dOffset === 0 && dLine === 0) return;
  for (const node of parsed.nodes) shift(node, dOffset, dLine);
  parsed.offset = offset;
  parsed.line = line;
}

function shift(node: RootContent, dOffset: number, dLine: number): void {
  const p = node.position;
  if (p) {
    p.start.line += dLine;
    p.end.line += dLine;
    if (p.start.offset !== undefined) p.start.offset += dOffset;
    if (p.end.offset !== undefined) p.end.offset += dOffset;
  }
  if ('children' in node) for (const child of node.children as RootContent[]) shift(child, dOffset, dLine);
}

function endPoint(text: string): { line: number; column: number; offset: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: text.length - lineStart + 1, offset: text.length };
}
