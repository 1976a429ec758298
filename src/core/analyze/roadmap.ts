import type { List, ListItem, Node, Paragraph, Parent, RootContent, Table, TableRow } from 'mdast';
import { contentSpan, endOf, plainText, startOf } from '../markdown';
import { horizonBucket } from '../horizon';
import { excerptOf } from '../text';
import type { InsertionPoint, Item } from '../types';
import { ContentScanner } from './content';
import { emptyCellSpan, endsWithEmptyField, isMetadataTable } from './nodes';
import type { HeadingInfo } from './document';
import { GroupTraces, documentTraces } from './inherited';
import { listItemTitle } from './listTitle';
import { GOAL_LAYERS, type Inherited, type ItemBuilder } from './itemBuilder';

// Roadmap documents (FORMAT.md §2): heading items at the item level, top-level list items and
// table rows outside item sections, grouped by the horizon headings above them.

export function roadmapDoc(b: ItemBuilder): void {
  const { tree, titleHeading } = b.input;
  const level = b.itemLevel('items at ### (level 3)') ?? 3;
  const inherited = documentTraces(b, GOAL_LAYERS, b.input.headings.find((h) => h !== titleHeading));
  const groupTraces = new GroupTraces(b, GOAL_LAYERS, inherited);
  const headingAt = new Map(b.input.headings.map((h) => [h.index, h]));
  let itemDepth: number | undefined; // depth of the heading item whose section we are in
  let skipDepth: number | undefined; // depth of a non-item section (Background, Non-goals…) we are in
  const groups: HeadingInfo[] = [];
  /** What items here inherit: the traces under their horizon heading, else the document's. */
  const current = () => groupTraces.effective(groups);
  /** A heading's effect on the walk; true when it starts a heading item. */
  const step = (h: HeadingInfo): boolean => {
    if (h === titleHeading) return false;
    if (itemDepth !== undefined && h.depth <= itemDepth) itemDepth = undefined;
    if (skipDepth !== undefined && h.depth <= skipDepth) skipDepth = undefined;
    while (groups.length && groups[groups.length - 1]!.depth >= h.depth) groups.pop();
    if (itemDepth !== undefined || skipDepth !== undefined) return false;
    if (b.ctx.syntax.isNonItemHeading(h.text)) skipDepth = h.depth;
    else if (h.depth === level) {
      itemDepth = h.depth;
      return true;
    } else if (h.depth < level) groups.push(h);
    return false;
  };
  b.forEachUnit(
    level,
    inherited,
    () => `${skipDepth ?? ''}|${groups.map((g) => `${g.depth}:${g.text}`).join('\u0002')}`,
    (from, to) => {
      for (let index = from; index < to; index++) {
        const node = tree.children[index]!;
        const h = headingAt.get(index);
        if (h) {
          if (step(h)) roadmapHeadingItem(b, h, current(), groups);
          continue;
        }
        if (itemDepth !== undefined || skipDepth !== undefined) continue;
        if (node.type === 'list' && isValueList(b, tree.children[index - 1])) continue;
        if (node.type === 'list') roadmapListItems(b, node, current(), groups);
        else if (node.type === 'table') roadmapTableRows(b, node, current(), groups);
      }
    },
    (unitHeadings) => {
      for (const h of unitHeadings) step(h);
    },
    current,
  );
}

function roadmapHeadingItem(b: ItemBuilder, h: HeadingInfo, inherited: Inherited, groups: HeadingInfo[]): void {
  const section = b.sectionNodes(h);
  const scanner = new ContentScanner(b.ctx, GOAL_LAYERS);
  scanner.scanTitleLine(h.span[0], h.span[1]);
  scanner.scanNodes(section);
  const item = b.addHeadingItem('roadmap-item', h, b.inherit(scanner.finish(section), inherited), section);
  setGroup(item, groups);
}

function roadmapListItems(b: ItemBuilder, list: List, inherited: Inherited, groups: HeadingInfo[]): void {
  const group = groups.map((g) => `${g.depth}:${g.text}`).join('\u0002');
  for (const listItem of list.children) {
    // Each item is its own unit: an edit to one item of a long list re-extracts that item only.
    const start = startOf(listItem);
    // The same lines can parse differently after a paragraph than after a list (`* -` holds an empty
    // list in one place and the text "-" in another), so the parse's shape is part of the key.
    const { line, character } = b.ctx.lines.position(start);
    const context = `li\u0001${b.unitContext}\u0001${group}\u0001${shapeOf(listItem)}\u0001${character}`;
    b.cached(context, b.ctx.text.slice(start, endOf(listItem)), line, inherited, () => roadmapListItem(b, listItem, inherited, groups));
  }
}

/** A list below a field with no value (`Goals:` then `- G1`) holds the field's values, not items. */
function isValueList(b: ItemBuilder, previous: RootContent | undefined): boolean {
  return previous?.type === 'paragraph' && endsWithEmptyField(b.ctx, previous) !== undefined;
}

/** The node types of a subtree, as a short string: what the parse made of a text. */
function shapeOf(node: Node): string {
  let shape = shapes.get(node);
  if (shape === undefined) {
    const children = (node as Parent).children;
    shapes.set(node, (shape = children ? `${node.type}(${children.map(shapeOf).join(',')})` : node.type));
  }
  return shape;
}

/** Parsed nodes are reused across versions (chunks.ts): a list item's shape is worked out once. */
const shapes = new WeakMap<Node, string>();

function roadmapListItem(b: ItemBuilder, listItem: ListItem, inherited: Inherited, groups: HeadingInfo[]): void {
  {
    const first = listItem.children[0];
    if (!first || first.type !== 'paragraph') return;
    const firstLineEnd = b.ctx.lines.lineEnd(b.ctx.lines.position(startOf(first)).line);
    const firstLine = b.ctx.text.slice(startOf(first), Math.min(firstLineEnd, endOf(first)));
    // `- Goal: G1` at the top level is a field, not an item: it applies to its group (inherited.ts).
    if (b.ctx.syntax.fieldAtStart(firstLine)) return;
    const plainFirstLine = firstParagraphLine(first);
    if (!plainFirstLine.trim()) return;
    const titled = listItemTitle(b.ctx.syntax, plainText(first));
    const scanner = new ContentScanner(b.ctx, GOAL_LAYERS);
    scanner.scanListItem(listItem);
    const facts = scanner.finish(listItem.children as RootContent[]);
    const { title, id, attributeId } = titled;
    const details = excerptOf(plainText(listItem).slice(plainFirstLine.length));
    const item = b.makeItem({
      kind: 'roadmap-item',
      layout: 'list',
      key: '', // assigned once every item is known (assignKeys)
      id,
      title,
      range: b.ctx.lines.range(startOf(first), Math.min(firstLineEnd, endOf(first))),
      idSearch: [startOf(first), Math.min(firstLineEnd, endOf(first))],
      contentStart: startOf(listItem),
      contentEnd: endOf(listItem),
      facts: b.inherit({ ...facts, excerpt: details }, inherited),
      anchors: attributeId ? [attributeId.toLowerCase()] : [],
      insertion: { mode: 'suffix', at: b.ctx.lines.position(Math.min(firstLineEnd, endOf(first))) },
    });
    setGroup(item, groups);
  }
}

function roadmapTableRows(b: ItemBuilder, table: Table, inherited: Inherited, groups: HeadingInfo[]): void {
  const [header, ...rows] = table.children;
  if (!header || isMetadataTable(table)) return;
  const layers = header.children.map((cell) => b.ctx.syntax.labelOf(plainText(cell)));
  const traceColumns = layers.flatMap((layer, i) => (layer && GOAL_LAYERS.has(layer) ? [i] : []));
  const titleColumn = header.children.findIndex((_, i) => !traceColumns.includes(i));
  for (const row of rows) {
    const item = roadmapTableRow(b, row, traceColumns, titleColumn, inherited, groups);
    item.row = { columns: header.children.length, titleColumn, traceColumn: traceColumns[0] ?? -1 };
  }
}

function roadmapTableRow(b: ItemBuilder, row: TableRow, traceColumns: number[], titleColumn: number, inherited: Inherited, groups: HeadingInfo[]): Item {
  const titleCell = titleColumn >= 0 ? row.children[titleColumn] : undefined;
  const titleSpan = titleCell ? contentSpan(titleCell) : undefined;
  const scanner = new ContentScanner(b.ctx, GOAL_LAYERS);
  if (titleSpan) scanner.scanTitleLine(titleSpan[0], titleSpan[1]);
  for (const column of traceColumns) {
    const cell = row.children[column];
    if (!cell) continue;
    const span = contentSpan(cell);
    if (span) scanner.addValue(span[0], span[1], 'column');
    else scanner.addExplicit([], [{ text: '', range: b.ctx.lines.range(...emptyCellSpan(b.ctx.text, cell)) }]);
  }
  const cells = row.children as unknown as RootContent[];
  const facts = scanner.finish(cells);
  const { title, id, attributeId } = b.ctx.syntax.titleAndId(titleCell ? plainText(titleCell) : '');
  const others = row.children.filter((_cell, i) => i !== titleColumn && !traceColumns.includes(i));
  const traceCell = traceColumns.length ? row.children[traceColumns[0]!] : undefined;
  const insertion: InsertionPoint = traceCell
    ? { mode: 'cell', at: b.ctx.lines.range(...(contentSpan(traceCell) ?? emptyCellSpan(b.ctx.text, traceCell))), empty: !contentSpan(traceCell) }
    : titleSpan
      ? { mode: 'suffix', at: b.ctx.lines.position(titleSpan[1]) }
      : { mode: 'none' };
  const item = b.makeItem({
    kind: 'roadmap-item',
    layout: 'table',
    key: '', // assigned once every item is known (assignKeys)
    id,
    title,
    range: titleSpan ? b.ctx.lines.range(titleSpan[0], titleSpan[1]) : b.ctx.lines.range(startOf(row), endOf(row)),
    ...(titleSpan ? { idSearch: titleSpan } : {}),
    contentStart: startOf(row),
    contentEnd: endOf(row),
    facts: b.inherit({ ...facts, excerpt: excerptOf(others.map((c) => plainText(c)).join(' · ')) }, inherited),
    anchors: attributeId ? [attributeId.toLowerCase()] : [],
    insertion,
  });
  setGroup(item, groups);
  return item;
}

function firstParagraphLine(paragraph: Paragraph): string {
  const text = plainText(paragraph);
  const nl = text.search(/\r\n|\r|\n/);
  return nl >= 0 ? text.slice(0, nl) : text;
}

function setGroup(item: Item, groups: HeadingInfo[]): void {
  const group = groups[groups.length - 1];
  if (group) item.group = group.text;
  for (let i = groups.length - 1; i >= 0; i--) {
    if (horizonBucket(groups[i]!.text)) {
      item.horizon = groups[i]!.text;
      break;
    }
  }
}
