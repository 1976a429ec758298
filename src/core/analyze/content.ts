import type { Link, LinkReference, List, ListItem, Nodes, Paragraph, RootContent, Table, TableCell } from 'mdast';
import { contentSpan, endOf, plainText, startOf } from '../markdown';
import { normalizeLabel, parseReferenceValue } from '../referenceText';
import { decodeLink } from '../paths';
import type { FieldMatch, LabelLayer, Syntax } from '../syntax';
import { LineIndex, excerptOf } from '../text';
import { titleLineCount } from './listTitle';
import { isKeyResultsIntro, isMetricLabel, isMetricLine, stripMarks } from './metrics';
import { emptyCellSpan, endsWithEmptyField } from './nodes';
import type { NoTraceMarker, Reference, TraceVia } from '../types';

/** Records a parsed trace value (a field's, a column's, front matter's) as references, or as "no trace". */
export function addParsedValue(
  into: { references: Reference[]; noTrace: NoTraceMarker[] },
  parsed: ReturnType<typeof parseReferenceValue>,
  lines: LineIndex,
  via: TraceVia,
): void {
  const whole = parsed.whole ? { text: parsed.whole.text, range: lines.range(parsed.whole.start, parsed.whole.end) } : undefined;
  for (const ref of parsed.references) {
    into.references.push({
      text: ref.text,
      range: lines.range(ref.start, ref.end),
      via,
      ...(ref.link !== undefined ? { link: ref.link } : {}),
      ...(whole ? { whole } : {}),
      explicit: true,
    });
  }
  if (parsed.noTrace) into.noTrace.push({ text: parsed.noTrace.text, range: lines.range(parsed.noTrace.start, parsed.noTrace.end) });
}

/** What the scanners need from the document being analysed. */
export interface DocContext {
  text: string;
  lines: LineIndex;
  syntax: Syntax;
  definitions: Map<string, string>;
  /** The parse of a line depends on more than its own unit's text (see `opensUnclosedFrontMatter`). */
  contextSensitive: boolean;
}

/** What an item's content says: its upward references, "no trace" markers, metric, sub-IDs, excerpt. */
export interface ContentFacts {
  references: Reference[];
  noTrace: NoTraceMarker[];
  hasMetric: boolean;
  /** The first measurable target stated, for hovers: `Metric: retention from 40% to 55%`. */
  metric?: string;
  subIds: string[];
  excerpt: string;
  /** Set when the references were inherited from the document, not stated by the item. */
  inherits?: boolean;
}


/**
 * Scans an item's content for trace references. `layers` are the label layers that point upward
 * from this item (goal labels in roadmap items, vision labels in goals).
 */
export class ContentScanner {
  readonly facts: ContentFacts = { references: [], noTrace: [], hasMetric: false, subIds: [], excerpt: '' };
  /** Field ranges already read, so a link inside a field is not counted again as a prose link. */
  private readonly consumed: Array<[number, number]> = [];

  constructor(
    private readonly ctx: DocContext,
    private readonly layers: ReadonlySet<LabelLayer>,
  ) {}

  /** Reads a title line (heading text, list item's first line, table cell) for a trailing field. */
  scanTitleLine(start: number, end: number): void {
    const line = this.ctx.text.slice(start, end);
    const field = this.ctx.syntax.fieldAtEnd(line);
    if (field) this.addField(field, start, line, 'field');
  }

  scanNodes(nodes: readonly RootContent[]): void {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      const next = nodes[i + 1];
      if (node.type === 'paragraph' && next?.type === 'list' && this.scanFieldWithList(node, next, false)) {
        this.noteExcerpt(node);
        i++;
      } else this.scanNode(node, nodes[i - 1]);
    }
  }

  /** Finishes the scan: prose links that point upward become (implicit) references. */
  finish(nodes: readonly RootContent[]): ContentFacts {
    for (const node of nodes) this.collectLinks(node);
    return this.facts;
  }

  /** Reads a raw value that is a reference list by position (a trace column cell, front matter). */
  addValue(rawStart: number, rawEnd: number, via: TraceVia): void {
    const raw = this.ctx.text.slice(rawStart, rawEnd);
    this.consumed.push([rawStart, rawEnd]);
    this.addParsed(parseReferenceValue(raw, rawStart, this.ctx.definitions), via);
  }

  addExplicit(references: Reference[], noTrace: NoTraceMarker[]): void {
    this.facts.references.push(...references);
    this.facts.noTrace.push(...noTrace);
  }

  noteMetric(text?: string): void {
    this.facts.hasMetric = true;
    if (text && this.facts.metric === undefined) this.facts.metric = excerptOf(stripMarks(text), 120);
  }

  noteSubId(id: string): void {
    if (!this.facts.subIds.includes(id)) this.facts.subIds.push(id);
  }

  private scanNode(node: RootContent, previous: RootContent | undefined): void {
    switch (node.type) {
      case 'paragraph':
        this.scanParagraph(node, false);
        this.noteExcerpt(node);
        break;
      case 'heading': {
        const span = contentSpan(node);
        if (!span) break;
        const line = this.ctx.text.slice(span[0], span[1]);
        const field = this.ctx.syntax.fieldAtStart(line) ?? this.ctx.syntax.fieldAtEnd(line);
        if (field) this.addField(field, span[0], line, 'field');
        this.checkMetricLine(line);
        const lead = this.ctx.syntax.leadingId(plainText(node));
        if (lead) this.noteSubId(lead.id);
        break;
      }
      case 'list':
        this.scanList(node, previous);
        break;
      case 'listItem':
        this.scanListItem(node);
        break;
      case 'blockquote':
        this.scanNodes(node.children);
        break;
      case 'table':
        this.scanTable(node);
        break;
      default:
        break;
    }
  }

  private scanList(list: List, previous: RootContent | undefined): void {
    const keyResults = previous !== undefined && isKeyResultsIntro(previous);
    for (const item of list.children) {
      if (keyResults && /\d/.test(plainText(item))) this.noteMetric(plainText(item));
      this.scanListItem(item);
    }
  }

  scanListItem(item: ListItem): void {
    const children = item.children as RootContent[];
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      const next = children[i + 1];
      if (child.type !== 'paragraph') {
        this.scanNode(child, children[i - 1]);
      } else if (next?.type === 'list' && this.scanFieldWithList(child, next, i === 0)) {
        i++;
      } else {
        this.scanParagraph(child, i === 0);
        const lead = i === 0 ? this.ctx.syntax.leadingId(plainText(child)) : undefined;
        if (lead) this.noteSubId(lead.id);
      }
    }
  }

  /**
   * A field whose value is the list below it: `- **Goals:**` over `  - G1` / `  - G2`, or a `Goals:`
   * line over a list. Each list item's first line is read as a field value. False (nothing read)
   * when the paragraph does not end with an empty field of this scanner's layers.
   */
  private scanFieldWithList(paragraph: Paragraph, list: List, firstInListItem: boolean): boolean {
    const field = endsWithEmptyField(this.ctx, paragraph);
    if (!field || !this.layers.has(field.layer)) return false;
    this.scanParagraph(paragraph, firstInListItem, true);
    let read = false;
    for (const item of list.children) {
      const first = item.children[0];
      if (first?.type !== 'paragraph') continue;
      const start = startOf(first);
      this.addValue(start, Math.min(endOf(first), this.ctx.lines.lineEnd(this.ctx.lines.position(start).line)), 'field');
      read = true;
    }
    // Only empty items below the label: the field is as empty as `Goals:` alone.
    if (!read) this.scanParagraph(paragraph, firstInListItem);
    return true;
  }

  private noteExcerpt(paragraph: Paragraph): void {
    if (this.facts.excerpt) return;
    const text = plainText(paragraph);
    if (!this.ctx.syntax.fieldAtStart(text)) this.facts.excerpt = excerptOf(text);
  }

  /**
   * Each line of a paragraph may be a field (`Goal: G1`). A list item's title (its first line, or the
   * lines up to an own-line field when it wraps) may end with one: `- Alpha item\n  continues — Goal: G1`.
   */
  private scanParagraph(paragraph: Paragraph, firstInListItem: boolean, lastLineIsValueList = false): void {
    const start = startOf(paragraph);
    const raw = this.ctx.text.slice(start, endOf(paragraph));
    const lines = raw.split(/\r\n|\r|\n/);
    const titleLines = firstInListItem ? titleLineCount(this.ctx.syntax, lines) : 0;
    let lineStart = 0;
    let lineNo = 0;
    let trailingFound = false;
    for (const line of lines) {
      const prefix = lineNo === 0 ? 0 : /^[ \t>]*/.exec(line)![0].length;
      const content = line.slice(prefix);
      const at = start + lineStart + prefix;
      const field = this.ctx.syntax.fieldAtStart(content);
      // A label whose values are the list below is read with that list (see scanFieldWithList).
      if (field && !(lastLineIsValueList && lineNo === lines.length - 1)) this.addField(field, at, content, 'field');
      this.checkMetricLine(content);
      lineStart += line.length + (raw.startsWith('\r\n', lineStart + line.length) ? 2 : 1);
      lineNo++;
      if (field || lineNo > titleLines || trailingFound) continue;
      // The first line may end with a field; else the whole title part, read as one text, may: its
      // separator can stand on the line above (`continues here\n  — Goal: G1`).
      const title = lineNo === 1 ? content : lineNo === titleLines ? raw.slice(0, Math.min(raw.length, lineStart - 1)).replace(/\r$/, '') : undefined;
      const trailing = title === undefined ? undefined : this.ctx.syntax.fieldAtEnd(title);
      if (trailing) {
        this.addField(trailing, start, title!, 'field');
        trailingFound = true;
      }
    }
  }

  private scanTable(table: Table): void {
    const [header, ...rows] = table.children;
    if (!header) return;
    const headerLabels = header.children.map((cell) => this.ctx.syntax.labelOf(plainText(cell)));
    // A two-column table headed by a label is a field table, header row included: `| Goal | G2 |`
    // and `| Metric | under 1% |` over `| --- | --- |` are fields, not column titles.
    const firstHeader = header.children[0] ? plainText(header.children[0]) : '';
    const isMetadataTable = header.children.length === 2 && (headerLabels[0] !== undefined || isMetricLabel(firstHeader));
    const traceColumns = isMetadataTable ? [] : headerLabels.flatMap((layer, i) => (layer && this.layers.has(layer) ? [i] : []));
    for (const row of isMetadataTable ? table.children : rows) {
      const cells = row.children;
      const first = cells[0];
      const second = cells[1];
      // A two-column metadata row: `| Goal | G2 |`, `| Metric | 40% |`.
      if (first && second && traceColumns.length === 0) {
        const label = plainText(first);
        const layer = this.ctx.syntax.labelOf(label);
        if (layer && this.layers.has(layer)) this.addCellValue(second, 'field');
        this.checkMetricLine(`${label.replace(/:\s*$/, '')}: ${plainText(second)}`);
      }
      for (const column of traceColumns) {
        const cell = cells[column];
        if (cell) this.addCellValue(cell, 'column');
      }
    }
  }

  private addCellValue(cell: TableCell, via: TraceVia): void {
    const span = contentSpan(cell) ?? emptyCellSpan(this.ctx.text, cell);
    this.addValue(span[0], span[1], via);
  }

  private addField(field: FieldMatch, lineOffset: number, line: string, via: TraceVia): void {
    this.consumed.push([lineOffset + field.start, lineOffset + field.valueEnd]);
    if (!this.layers.has(field.layer)) return;
    const raw = line.slice(field.valueStart, field.valueEnd);
    this.addParsed(parseReferenceValue(raw, lineOffset + field.valueStart, this.ctx.definitions), via);
  }

  private addParsed(parsed: ReturnType<typeof parseReferenceValue>, via: TraceVia): void {
    addParsedValue(this.facts, parsed, this.ctx.lines, via);
  }

  private checkMetricLine(line: string): void {
    if (isMetricLine(line)) this.noteMetric(line);
  }

  private collectLinks(node: Nodes): void {
    if (node.type === 'link' || node.type === 'linkReference') {
      const start = startOf(node);
      if (!this.consumed.some(([s, e]) => start >= s && start < e)) this.addProseLink(node);
      return;
    }
    if ('children' in node) for (const child of node.children) this.collectLinks(child as Nodes);
  }

  private addProseLink(node: Link | LinkReference): void {
    const url = node.type === 'link' ? node.url : this.ctx.definitions.get(normalizeLabel(node.label ?? node.identifier));
    if (url === undefined || /^[a-z][a-z0-9+.-]*:/i.test(url)) return; // external links never trace
    const start = startOf(node);
    const end = endOf(node);
    this.facts.references.push({
      text: plainText(node),
      range: this.ctx.lines.range(start, end),
      via: 'link',
      link: decodeLink(url),
      explicit: false,
    });
  }
}







