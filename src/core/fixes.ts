import type { DocumentInfo } from './analyze/document';
import type { Item, Position, Range, TextEdit } from './types';

// Edits that fixes are made of. Each is minimal: it inserts or replaces only what the fix is about,
// in the document's own line breaks, so undo restores the file byte for byte.

export function replaceEdit(doc: DocumentInfo, range: Range, newText: string): TextEdit {
  return { uri: doc.uri, range, newText };
}

/**
 * Adds a trace to `item`: fills its "no trace" marker (`Goal: N/A`) if it has one, else writes a
 * field where the item's layout puts one (a line under a heading, the end of a list item, a table
 * cell, a front matter key for one-item files).
 */
export function addTraceEdit(doc: DocumentInfo, item: Item, label: string, value: string, frontMatterValue: string): TextEdit | undefined {
  const marker = item.noTrace[0];
  if (marker) {
    if (!isInsideFrontMatter(doc, marker.range)) return replaceEdit(doc, marker.range, fillFor(doc, marker.range, value));
    // `goal: N/A` → `goal: G1`; an empty `goal:` gets its value at the end of the line.
    if (marker.text !== '') return replaceEdit(doc, marker.range, yamlScalar(frontMatterValue));
    return insertAt(doc, doc.lines.position(doc.lines.lineEnd(marker.range.start.line)), ` ${yamlScalar(frontMatterValue)}`);
  }
  const at = item.insertion;
  switch (at.mode) {
    case 'line':
      if (at.frontMatter && item.layout === 'file') {
        return insertAt(doc, at.frontMatter.at, `${label.toLowerCase()}: ${yamlScalar(frontMatterValue)}${doc.eol}`);
      }
      return paragraphAfterLine(doc, at.at.line, `${label}: ${value}`);
    case 'top':
      return insertAt(doc, { line: 0, character: 0 }, `${label}: ${value}${doc.eol}${doc.eol}`);
    case 'suffix':
      return insertAt(doc, at.at, item.layout === 'table' ? ` (${label.toLowerCase()}: ${value})` : ` — ${label}: ${value}`);
    case 'cell':
      return replaceEdit(doc, at.at, at.empty ? fillFor(doc, at.at, value) : value);
    case 'none':
      return undefined;
  }
}

/** A new paragraph (`line`) right after the item's heading or title line. */
export function addLineEdit(doc: DocumentInfo, item: Item, line: string): TextEdit | undefined {
  const at = item.insertion;
  if (at.mode === 'line') return paragraphAfterLine(doc, at.at.line, line);
  if (at.mode === 'top') return insertAt(doc, { line: 0, character: 0 }, `${line}${doc.eol}${doc.eol}`);
  return undefined;
}

/** Text appended at the end of the document, on lines of its own, separated by a blank line. */
export function appendEdit(doc: DocumentInfo, block: string): TextEdit {
  const text = doc.text;
  const lastBreak = /(?:\r\n|\r|\n)$/.exec(text);
  const endsWithBreak = lastBreak !== null;
  // A blank last line: another break (after optional spaces) before the final one. CRLF is one break.
  const endsWithBlank = (lastBreak !== null && /(?:\r\n|\r|\n)[ \t]*$/.test(text.slice(0, lastBreak.index))) || text.trim() === '';
  const lead = text === '' ? '' : endsWithBlank ? '' : endsWithBreak ? doc.eol : doc.eol + doc.eol;
  const end = doc.lines.position(text.length);
  return { uri: doc.uri, range: { start: end, end }, newText: `${lead}${block}${doc.eol}` };
}

/**
 * The text that fills an empty value: a blank table cell becomes `| G1 |`, a bare `Goal:` becomes
 * `Goal: G1`; a marker such as `N/A` is simply replaced.
 */
function fillFor(doc: DocumentInfo, range: Range, value: string): string {
  const start = doc.lines.offset(range.start);
  const written = doc.text.slice(start, doc.lines.offset(range.end));
  if (written.trim() !== '') return value;
  if (doc.text[start - 1] === '|') return ` ${value} `;
  return doc.text[start - 1] === ':' ? ` ${value}` : value;
}

function paragraphAfterLine(doc: DocumentInfo, line: number, paragraph: string): TextEdit {
  const eol = doc.eol;
  const lineEnd = doc.lines.position(doc.lines.lineEnd(line));
  const isLastLine = line + 1 >= doc.lines.lineCount;
  const nextIsBlank = isLastLine || doc.lines.lineText(line + 1).trim() === '';
  return insertAt(doc, lineEnd, `${eol}${eol}${paragraph}${nextIsBlank ? '' : eol}`);
}

export function insertAt(doc: DocumentInfo, at: Range['start'], newText: string): TextEdit {
  return { uri: doc.uri, range: { start: at, end: at }, newText };
}

function isInsideFrontMatter(doc: DocumentInfo, range: Range): boolean {
  const block = doc.frontMatter?.block;
  if (!block) return false;
  return range.start.line < doc.lines.position(block.end).line;
}

/** A YAML scalar for a front matter value, quoted when plain YAML would read it differently. */
function yamlScalar(value: string): string {
  return /^[A-Za-z0-9_.\/-][A-Za-z0-9_ .\/#-]*$/.test(value) && !/ #/.test(value) ? value : JSON.stringify(value);
}

/**
 * A new roadmap item written like `after` (the last item of a roadmap): a heading of the same depth
 * after its section, a list item after it with the same marker, or a table row after it.
 */
export function addItemAfterEdit(doc: DocumentInfo, after: Item, title: string, label: string, value: string): TextEdit | undefined {
  const eol = doc.eol;
  const end = after.contentRange.end;
  switch (after.layout) {
    case 'heading':
      return insertAt(doc, end, `${eol}${eol}${'#'.repeat(after.depth ?? 3)} ${title}${eol}${eol}${label}: ${value}`);
    case 'list': {
      const line = doc.lines.lineText(after.range.start.line);
      const marker = /^(\s*(?:>\s*)*)([-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/.exec(line);
      if (!marker) return undefined;
      const next = /^\d+/.test(marker[2]!) ? `${Number.parseInt(marker[2]!, 10) + 1}${marker[2]!.slice(-1)}` : marker[2]!;
      return insertAt(doc, end, `${eol}${marker[1]}${next} ${title} — ${label}: ${value}`);
    }
    case 'table': {
      if (!after.row) return undefined;
      const { columns, titleColumn, traceColumn } = after.row;
      const cells = Array.from({ length: columns }, (_, i) => (i === titleColumn ? title : i === traceColumn ? value : ''));
      const titleCell = traceColumn < 0 ? `${title} (${label.toLowerCase()}: ${value})` : undefined;
      if (titleCell) cells[titleColumn] = titleCell;
      return insertAt(doc, { line: after.range.start.line, character: doc.lines.lineText(after.range.start.line).length }, `${eol}| ${cells.join(' | ')} |`);
    }
    default:
      return undefined;
  }
}

/**
 * Closes what a hand-typed front matter line left open: a flow list (`goals: [G4`), a flow map, or a
 * quoted string. Returns undefined for any other YAML error: those need a person.
 */
export function closeFrontMatterEdit(doc: DocumentInfo): TextEdit | undefined {
  const fm = doc.frontMatter;
  const error = fm?.error;
  if (!fm || !error) return undefined;
  const closing = /end with a \]/.test(error.message) ? ']' : /end with a \}/.test(error.message) ? '}' : /Missing closing "quote/.test(error.message) ? '"' : /Missing closing 'quote/.test(error.message) ? "'" : undefined;
  if (!closing) return undefined;
  const opening = closing === ']' ? '[' : closing === '}' ? '{' : closing;
  const lastLine = doc.lines.position(Math.min(error.start, fm.block.closingFenceStart)).line;
  const firstLine = doc.lines.position(fm.block.yamlStart).line;
  for (let line = Math.min(lastLine, doc.lines.position(fm.block.closingFenceStart).line - 1); line >= firstLine; line--) {
    const text = doc.lines.lineText(line);
    const open = [...text].filter((c) => c === opening).length;
    const close = closing === opening ? 0 : [...text].filter((c) => c === closing).length;
    const unbalanced = closing === opening ? open % 2 === 1 : open > close;
    if (!unbalanced) continue;
    const end = text.trimEnd().length;
    return insertAt(doc, { line, character: end }, closing);
  }
  return undefined;
}

/**
 * The range that `length` characters at `offset` of an edit's new text will have once the edit is
 * applied, for a fix that selects what it wrote (a prompt to write over). Text before the edit keeps
 * its place, so this holds for the earliest edit of a fix in its document.
 */
export function rangeInserted(edit: TextEdit, offset: number, length: number): Range {
  const at = (o: number): Position => {
    const before = edit.newText.slice(0, o);
    const breaks = before.match(/\r\n|\r|\n/g) ?? [];
    if (breaks.length === 0) return { line: edit.range.start.line, character: edit.range.start.character + o };
    const last = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
    return { line: edit.range.start.line + breaks.length, character: o - last - 1 };
  };
  return { start: at(offset), end: at(offset + length) };
}

/** The range of `needle` (its first occurrence) in an edit's new text, once applied; undefined when absent. */
export function rangeOfInserted(edit: TextEdit, needle: string): Range | undefined {
  const i = edit.newText.indexOf(needle);
  return i < 0 ? undefined : rangeInserted(edit, i, needle.length);
}
