import type { PhrasingContent } from 'mdast';

/**
 * The fast path's inline syntax (README.md "Speed"): the constructs real roadmaps are written in,
 * bold titles, emphasis, `code` and `[links](url)`, each in its plainest form, built exactly as
 * remark builds them (the fuzz tests compare the two). Anything else (underscores, nesting, images,
 * entities, escapes, autolinks, HTML, a `*` that CommonMark's flanking rules make ambiguous)
 * returns undefined and remark parses the text.
 */

interface Point {
  line: number;
  column: number;
  offset: number;
}

/** Where the inline text starts, and where its lines start (for multi-line paragraphs). */
export interface InlineOrigin {
  /** The offset of the text's first character in the chunk, and its line and column. */
  start: Point;
  /** Offsets (in the chunk) where each line after the first begins, with its line number; the text's `\n`s fall just before them. */
  lineStarts: Array<{ offset: number; line: number }>;
}

/** Characters only remark handles, anywhere in inline text. */
const DECLINE = /[_<>\\~|\t\r]|!\[|&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/;

export function plainInline(value: string, origin: InlineOrigin): PhrasingContent[] | undefined {
  if (DECLINE.test(value.replace(/\]\([^()\s<>\\]*\)|`[^`\n]+`/g, ''))) return undefined;
  const at = (i: number): Point => {
    let line = origin.start.line;
    let lineOffset = origin.start.offset;
    let column0 = origin.start.column;
    for (const ls of origin.lineStarts) {
      if (ls.offset - origin.start.offset > i) break;
      line = ls.line;
      lineOffset = ls.offset;
      column0 = 1;
    }
    const offset = origin.start.offset + i;
    return { line, column: column0 + (offset - lineOffset), offset };
  };
  const span = (from: number, to: number) => ({ start: at(from), end: at(to) });
  const out: PhrasingContent[] = [];
  let textFrom = 0;
  const flushText = (to: number) => {
    if (to > textFrom) out.push({ type: 'text', value: value.slice(textFrom, to), position: span(textFrom, to) });
  };
  let i = 0;
  while (i < value.length) {
    const c = value[i]!;
    if (c === '`') {
      const close = value.indexOf('`', i + 1);
      if (close < 0) return undefined;
      const code = value.slice(i + 1, close);
      // One backtick on each side, no padding to strip, on one line: anything else is remark's.
      if (!code || code.includes('\n') || code.startsWith(' ') || code.endsWith(' ') || value[close + 1] === '`') return undefined;
      flushText(i);
      out.push({ type: 'inlineCode', value: code, position: span(i, close + 1) });
      i = textFrom = close + 1;
      continue;
    }
    if (c === '[') {
      const m = /^\[([^[\]`*\n]+)\]\(([^()\s<>\\]+)\)/.exec(value.slice(i));
      if (!m || /^\s|\s$/.test(m[1]!)) return undefined;
      flushText(i);
      const textStart = i + 1;
      const textEnd = textStart + m[1]!.length;
      out.push({ type: 'link', title: null, url: m[2]!, children: [{ type: 'text', value: m[1]!, position: span(textStart, textEnd) }], position: span(i, i + m[0].length) });
      i = textFrom = i + m[0].length;
      continue;
    }
    if (c === ']' || c === '(' && value[i - 1] === ']') return undefined;
    if (c === '*') {
      const run = runLength(value, i);
      if (run > 2 || !canOpen(value, i, run)) return undefined;
      const close = value.indexOf('*', i + run);
      if (close < 0 || runLength(value, close) !== run || !canClose(value, close, run)) return undefined;
      const inner = value.slice(i + run, close);
      if (!inner || /[`[\]\n]/.test(inner)) return undefined;
      flushText(i);
      const children: PhrasingContent[] = [{ type: 'text', value: inner, position: span(i + run, close) }];
      out.push(run === 2 ? { type: 'strong', children, position: span(i, close + run) } : { type: 'emphasis', children, position: span(i, close + run) });
      i = textFrom = close + run;
      continue;
    }
    i++;
  }
  flushText(value.length);
  return out;
}

function runLength(value: string, i: number): number {
  let n = 0;
  while (value[i + n] === '*') n++;
  // A run must be all of it: `***` or a `*` right before the run is another story.
  return value[i - 1] === '*' ? Infinity : n;
}

/** Left-flanking (CommonMark 6.2): not followed by whitespace, and not punctuation unless after whitespace or punctuation. */
function canOpen(value: string, i: number, run: number): boolean {
  const before = value[i - 1];
  const after = value[i + run];
  if (after === undefined || WHITESPACE.test(after)) return false;
  return !PUNCTUATION.test(after) || before === undefined || WHITESPACE.test(before) || PUNCTUATION.test(before);
}

/** Right-flanking: not after whitespace, and not after punctuation unless followed by whitespace, punctuation or the end. */
function canClose(value: string, i: number, run: number): boolean {
  const before = value[i - 1];
  const after = value[i + run];
  if (before === undefined || WHITESPACE.test(before)) return false;
  return !PUNCTUATION.test(before) || after === undefined || WHITESPACE.test(after) || PUNCTUATION.test(after);
}
