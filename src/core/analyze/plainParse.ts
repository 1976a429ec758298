import type { AlignType, Heading, List, ListItem, Paragraph, PhrasingContent, RootContent, Table, TableCell, TableRow } from 'mdast';
import { plainInline } from './plainInline';

/**
 * A fast path for the plainest Markdown, which is most of a roadmap: ATX headings, paragraphs and
 * tight `-` lists of one-line items, with the plainest inline syntax (`plainInline`: bold, emphasis,
 * code, links). For such text it builds exactly the tree remark builds (the fuzz tests compare the
 * two); for anything else it returns undefined and remark parses the text.
 */

/** Characters that need remark wherever they are: HTML, tabs, CR. (Inline syntax is `plainInline`'s to judge, tables `plainTable`'s.) */
const NOT_PLAIN = /[<\t\r]/;
const ATX = /^(#{1,6})(?: (.*))?$/;
const ITEM = /^- (\S.*)$/;
/** Lines that make the text more than plain: setext underlines, thematic breaks (`---`, `-- -`), indented or quoted lines, ordered or other bullets, HTML. */
const SPECIAL_LINE = /^(?:[ ]|=+$|-+$|>|\d+[.)]|[+*](?:\s|$)|-(?:\s*$|\s{2})|-(?:[ ]*-){2,}[ ]*$|\*(?:[ ]*\*){2,}[ ]*$|_)/;

interface Point {
  line: number;
  column: number;
  offset: number;
}

export function plainParse(text: string): RootContent[] | undefined {
  if (NOT_PLAIN.test(text)) return undefined;
  const out: RootContent[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let paragraph: { lines: string[]; starts: Array<{ offset: number; line: number }>; start: Point; end: Point } | undefined;
  /** Set when inline text needs remark: the whole chunk is then remark's. */
  let declined = false;
  const inline = (value: string, start: Point, lineStarts: Array<{ offset: number; line: number }> = []): PhrasingContent[] => {
    const children = plainInline(value, { start, lineStarts });
    if (!children) declined = true;
    return children ?? [];
  };
  let list: { items: ListItem[]; start: Point; end: Point } | undefined;
  /** A list just ended at a blank line: another item would continue it (loose), which this path does not build. */
  let listEndedByBlank = false;

  const closeParagraph = () => {
    if (!paragraph) return;
    const value = paragraph.lines.join('\n');
    const node: Paragraph = { type: 'paragraph', children: inline(value, paragraph.start, paragraph.starts), position: span(paragraph.start, paragraph.end) };
    out.push(node);
    paragraph = undefined;
  };
  const closeList = () => {
    if (!list) return;
    const node: List = { type: 'list', ordered: false, start: null, spread: false, children: list.items, position: span(list.start, list.end) };
    out.push(node);
    list = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = i + 1;
    const start = offset;
    offset += line.length + 1;
    if (line === '') {
      closeParagraph();
      if (list) {
        closeList();
        listEndedByBlank = true;
      }
      continue;
    }
    // Surrounding spaces change positions and breaks in ways not worth mirroring here.
    if (line.endsWith(' ') || SPECIAL_LINE.test(line)) return undefined;
    if (line.startsWith('|')) {
      // A table, after a blank line (or the start), ending at a blank line or the end.
      if (paragraph || list) return undefined;
      let last = i + 1;
      while (last + 1 < lines.length && lines[last + 1] !== '') last++;
      const rows = lines.slice(i, last + 1);
      const starts: number[] = [];
      let at = start;
      for (const row of rows) {
        starts.push(at);
        at += row.length + 1;
      }
      const table = plainTable(rows, starts, lineNo, inline);
      if (!table) return undefined;
      out.push(table);
      offset = at;
      i = last;
      listEndedByBlank = false;
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      const content = atx[2] ?? '';
      // Closing #s, `#` inside the title, and empty-but-spaced headings take remark.
      if (/(?:^|\s)#+$/.test(content) || content.startsWith(' ') || (atx[2] !== undefined && content.trim() === '')) return undefined;
      closeParagraph();
      closeList();
      listEndedByBlank = false;
      const lineStart = point(lineNo, 1, start);
      const lineEnd = point(lineNo, line.length + 1, start + line.length);
      const children = content ? inline(content, point(lineNo, atx[1]!.length + 2, start + atx[1]!.length + 1)) : [];
      const heading: Heading = { type: 'heading', depth: atx[1]!.length as Heading['depth'], children, position: span(lineStart, lineEnd) };
      out.push(heading);
      continue;
    }
    if (/^#{7,}/.test(line)) return undefined;
    const item = ITEM.exec(line);
    // An item whose text opens another block (`- # x`, `- - x`, `- 1. x`) nests it: remark's job.
    if (item && /^(?:#{1,6}(?:\s|$)|[-+>=_]|\*(?:\s|$)|\*(?:[ ]*\*){2,}[ ]*$|\d+[.)])/.test(item[1]!)) return undefined;
    if (item) {
      if (listEndedByBlank && !paragraph) return undefined; // a loose list
      closeParagraph();
      listEndedByBlank = false;
      const contentStart = point(lineNo, 3, start + 2);
      const end = point(lineNo, line.length + 1, start + line.length);
      const para: Paragraph = { type: 'paragraph', children: inline(item[1]!, contentStart), position: span(contentStart, end) };
      const listItem: ListItem = { type: 'listItem', spread: false, checked: null, children: [para], position: span(point(lineNo, 1, start), end) };
      if (!list) list = { items: [], start: point(lineNo, 1, start), end };
      list.items.push(listItem);
      list.end = end;
      continue;
    }
    // A text line: after a list item it would be a lazy continuation; that takes remark.
    if (list) return undefined;
    listEndedByBlank = false;
    const end = point(lineNo, line.length + 1, start + line.length);
    if (paragraph) {
      paragraph.lines.push(line);
      paragraph.starts.push({ offset: start, line: lineNo });
      paragraph.end = end;
    } else paragraph = { lines: [line], starts: [], start: point(lineNo, 1, start), end };
  }
  closeParagraph();
  closeList();
  return declined ? undefined : out;
}

function point(line: number, column: number, offset: number): Point {
  return { line, column, offset };
}

/** A position with points of its own: positions are shifted in place later, and must not be shared. */
function span(start: Point, end: Point): { start: Point; end: Point } {
  return { start: { ...start }, end: { ...end } };
}

const DELIMITER_CELL = /^:?-+:?$/;

/**
 * A GFM table whose every line starts and ends with `|`, with as many cells in each row as in the
 * header and no escaped pipes, built as remark builds it: each cell runs from its opening pipe to
 * the next, the last one through the closing pipe, and holds its trimmed content's inline nodes.
 */
function plainTable(rows: string[], starts: number[], firstLine: number, inline: (value: string, start: Point) => PhrasingContent[]): Table | undefined {
  if (rows.length < 2 || rows.some((r) => !r.endsWith('|') || r.length < 2 || r.includes('\\'))) return undefined;
  const cellsOf = (row: string) => row.slice(1, -1).split('|');
  const delimiter = cellsOf(rows[1]!).map((c) => c.trim());
  const width = cellsOf(rows[0]!).length;
  if (delimiter.length !== width || !delimiter.every((c) => DELIMITER_CELL.test(c))) return undefined;
  const align: AlignType[] = delimiter.map((c) => (c.startsWith(':') ? (c.endsWith(':') ? 'center' : 'left') : c.endsWith(':') ? 'right' : null));
  const children: TableRow[] = [];
  for (let r = 0; r < rows.length; r++) {
    if (r === 1) continue;
    const row = rows[r]!;
    const line = firstLine + r;
    const lineStart = starts[r]!;
    const cells = cellsOf(row);
    if (cells.length !== width) return undefined;
    const rowCells: TableCell[] = [];
    let pipe = 0;
    cells.forEach((cell, c) => {
      const next = pipe + 1 + cell.length;
      const lead = cell.length - cell.trimStart().length;
      const content = cell.trim();
      const contentAt = pipe + 1 + lead;
      const end = c === cells.length - 1 ? next + 1 : next;
      rowCells.push({ type: 'tableCell', children: content ? inline(content, point(line, contentAt + 1, lineStart + contentAt)) : [], position: span(point(line, pipe + 1, lineStart + pipe), point(line, end + 1, lineStart + end)) });
      pipe = next;
    });
    children.push({ type: 'tableRow', children: rowCells, position: span(point(line, 1, lineStart), point(line, row.length + 1, lineStart + row.length)) });
  }
  const lastRow = rows[rows.length - 1]!;
  return {
    type: 'table',
    align,
    children,
    position: span(point(firstLine, 1, starts[0]!), point(firstLine + rows.length - 1, lastRow.length + 1, starts[rows.length - 1]! + lastRow.length)),
  };
}
