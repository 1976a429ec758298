import { decodeLink } from './paths';
/** A reference found in raw Markdown, with offsets into the document. */
export interface RawReference {
  text: string;
  start: number;
  end: number;
  link?: string;
}

export interface ParsedValue {
  references: RawReference[];
  /** The whole value, when it was split into several references (it may be one title with a comma). */
  whole?: { text: string; start: number; end: number };
  /** Set when the value says "deliberately no trace" (`N/A`, `none`, `-`, or nothing). */
  noTrace?: { text: string; start: number; end: number };
}

const NO_TRACE = new Set(['', 'n/a', 'na', 'none', '-', '—', '–', 'tbd']);

/**
 * Splits the raw value of a trace field (`G1, [Grow retention](goals.md#g2); Reach enterprise`)
 * into references, at `,` and `;` outside brackets, parentheses and code. `offset` is where the
 * value starts in the document; `definitions` resolves reference-style links.
 */
export function parseReferenceValue(raw: string, offset: number, definitions: ReadonlyMap<string, string>, split = true): ParsedValue {
  const segments: Array<[number, number]> = split ? splitTopLevel(raw) : [[0, raw.length]];
  const references: RawReference[] = [];
  let markers = 0;
  let firstMarker: { text: string; start: number; end: number } | undefined;
  for (const [segStart, segEnd] of segments) {
    const ref = readSegment(raw, segStart, segEnd, offset, definitions);
    if (!ref) continue;
    if (!ref.link && NO_TRACE.has(ref.text.toLowerCase())) {
      markers++;
      firstMarker ??= { text: ref.text, start: ref.start, end: ref.end };
      continue;
    }
    references.push(ref);
  }
  if (references.length === 0) {
    const trimmed = raw.trim();
    const start = offset + raw.indexOf(trimmed);
    const marker = markers > 0 && firstMarker ? firstMarker : { text: trimmed, start, end: start + trimmed.length };
    return { references, noTrace: marker };
  }
  if (references.length > 1) {
    const trimmed = raw.trim();
    const start = offset + raw.indexOf(trimmed);
    return { references, whole: { text: trimmed.replace(/[.]$/, ''), start, end: start + trimmed.length } };
  }
  return { references };
}

function splitTopLevel(raw: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let depth = 0;
  let inCode = false;
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '`') inCode = !inCode;
    if (inCode) continue;
    if (c === '[' || c === '(' || c === '<') depth++;
    else if ((c === ']' || c === ')' || c === '>') && depth > 0) depth--;
    else if ((c === ',' || c === ';') && depth === 0) {
      out.push([start, i]);
      start = i + 1;
    }
  }
  out.push([start, raw.length]);
  return out;
}

const INLINE_LINK = /^\[((?:[^\]\\]|\\.)*)\]\(\s*<?([^\s>)]*)>?(?:\s+["'(][^)]*)?\s*\)$/;
const REFERENCE_LINK = /^\[((?:[^\]\\]|\\.)*)\](?:\[((?:[^\]\\]|\\.)*)\])?$/;
const AUTOLINK = /^<([^>\s]+)>$/;
const WRAPPERS = /^(\*\*|__|\*|_|`|~~)(.+)\1$/s;

function readSegment(
  raw: string,
  segStart: number,
  segEnd: number,
  offset: number,
  definitions: ReadonlyMap<string, string>,
): RawReference | undefined {
  let start = segStart;
  let end = segEnd;
  while (start < end && /\s/.test(raw[start]!)) start++;
  while (end > start && /\s/.test(raw[end - 1]!)) end--;
  // Drop emphasis or code around the reference (`**G1**`, `` `G1` ``); keep the inner range so a
  // replacement keeps the writer's formatting.
  for (;;) {
    const m = WRAPPERS.exec(raw.slice(start, end));
    if (!m) break;
    start += m[1]!.length;
    end -= m[1]!.length;
  }
  // A trailing sentence stop is punctuation, not part of a title or ID.
  while (end > start && /[.]/.test(raw[end - 1]!) && !/\.(md|markdown)$/i.test(raw.slice(start, end))) end--;
  const segment = raw.slice(start, end);

  const inline = INLINE_LINK.exec(segment);
  if (inline) {
    const urlStart = start + segment.lastIndexOf('](') + 2 + (segment.includes('](<') ? 1 : 0);
    const urlRaw = inline[2]!;
    const at = raw.indexOf(urlRaw, urlStart);
    const s = at >= 0 ? at : urlStart;
    return { text: unescapeMarkdown(inline[1]!), start: offset + s, end: offset + s + urlRaw.length, link: decodeLink(urlRaw) };
  }
  const auto = AUTOLINK.exec(segment);
  if (auto) return { text: auto[1]!, start: offset + start + 1, end: offset + end - 1, link: auto[1]! };
  const reference = REFERENCE_LINK.exec(segment);
  if (reference) {
    const label = normalizeLabel(reference[2] || reference[1]!);
    const url = definitions.get(label);
    if (url !== undefined) {
      return { text: unescapeMarkdown(reference[1]!), start: offset + start, end: offset + end, link: decodeLink(url) };
    }
  }
  const text = unescapeMarkdown(segment).trim();
  if (looksLikePath(text)) return { text, start: offset + start, end: offset + end, link: text };
  return { text, start: offset + start, end: offset + end };
}

/** A bare reference that names a file or anchor: `goals.md`, `goals.md#g1`, `#grow-retention`. */
export function looksLikePath(text: string): boolean {
  return (
    /^#[^\s#]+$/.test(text) ||
    /^[^\s#]+\.(md|markdown)(#[^\s]*)?$/i.test(text) ||
    // The doc-site forms without `.md`: a folder (`okrs/`, `okrs/#o1`) or a page and its anchor (`goals#g1-…`).
    /^[^\s#]+\/(#[^\s#]+)?$/.test(text) ||
    /^[^\s#]*[\w/.-]#[^\s#]+$/.test(text)
  );
}

/** Normalizes a link reference label the way CommonMark matches them. */
export function normalizeLabel(label: string): string {
  return label.replace(/\s+/g, ' ').trim().toLowerCase();
}

function unescapeMarkdown(s: string): string {
  return s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

