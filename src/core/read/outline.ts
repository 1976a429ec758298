import type { ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import { contentSpan, endOf, plainText, startOf } from '../markdown';
import type { DocContext } from '../analyze/content';
import type { HeadingInfo } from '../analyze/document';
import { listItemTitle } from '../analyze/listTitle';
import { endsWithEmptyField } from '../analyze/nodes';
import { introNames, leadingLabel } from './vocabulary';

// A document as a reader sees its structure: headings holding sub-headings, lists holding entries,
// tables holding rows, and the short label lines that name the list below them ("Immediate term:",
// "**Goals:**"). The reader (reader.ts) then decides what each node is; this file only shapes.

export type OutlineKind = 'root' | 'heading' | 'entry' | 'row' | 'label' | 'lead';

export interface OutlineNode {
  kind: OutlineKind;
  /** The node's title as plain text: heading text, an entry's title, a row's title cell, a label's text. */
  title: string;
  /** Offsets of the title as written, for ranges. */
  titleSpan: [number, number];
  /** Offsets of the node's whole content. */
  start: number;
  end: number;
  /** Heading depth; for entries, rows and labels the depth of the heading they sit under (0 at the top). */
  depth: number;
  heading?: HeadingInfo;
  listItem?: ListItem;
  row?: RowInfo;
  /** The paragraph a label or lead is. */
  paragraph?: Paragraph;
  /** Content that belongs to the node itself, not to a child: paragraphs, code, quotes, tables of details. */
  blocks: RootContent[];
  children: OutlineNode[];
  parent?: OutlineNode;
  /** Entries: the list they belong to, with their siblings. */
  list?: ListInfo;
  /** Entries: a task list item's checkbox. */
  checked?: boolean;
  /** Entries and leads: the title is a lead of its own (bold text, a link) followed by more text. */
  hasLead?: boolean;
  /** Entries: what follows the title, as plain text. */
  rest?: string;
  /** Entries: the ID their line starts with (`R2: Dark mode`) or a `{#id}` attribute. */
  id?: string;
  attributeId?: string;
  /** Entries and leads: the lead ends with a colon (`**API:** the interface to…`), a term being defined. */
  leadColon?: boolean;
  /** Headings: a `<!-- throughline-read-as: … -->` comment above it says how to read it. */
  directive?: Directive;
  /** Labels: a whole sentence introducing the list (`Since May, a few things have happened:`), not a short name. */
  sentence?: boolean;
  /** Labels: a sentence introducing the list says what it holds (`four big themes`, `three limitations`). */
  names?: 'goals' | 'items' | 'problems';
}

/** How a writer tells Throughline to read the heading or list below the comment (docs/format.md). */
export type Directive = 'group' | 'item' | 'goal' | 'section' | 'ignore';

const DIRECTIVE = /^<!--\s*throughline-read-as\s*:?\s*(group|item|goal|section|ignore)\s*-->\s*$/i;

export interface ListInfo {
  ordered: boolean;
  /** A `<!-- throughline-read-as: … -->` comment right above the list. */
  directive?: Directive;
  /** The list is the value of a field on the line above it (`Goals:` then `- G1`): its entries are references. */
  fieldValues?: boolean;
  entries: OutlineNode[];
}

export interface TableInfo {
  node: Table;
  header: string[];
  rows: OutlineNode[];
}

export interface RowInfo {
  table: TableInfo;
  node: TableRow;
  cells: string[];
}

/** Builds the outline of a parsed document. `titleHeading` is the document's title, which holds everything. */
export function buildOutline(ctx: DocContext, tree: Root, headings: HeadingInfo[], titleHeading: HeadingInfo | undefined): OutlineNode {
  const root: OutlineNode = { kind: 'root', title: '', titleSpan: [0, 0], start: 0, end: ctx.text.length, depth: 0, blocks: [], children: [] };
  const byIndex = new Map(headings.map((h) => [h.index, h]));
  const stack: OutlineNode[] = [root];
  let blocks: RootContent[] = [];
  let owner: OutlineNode = root;
  const flush = () => {
    addBlocks(ctx, owner, blocks);
    blocks = [];
  };
  tree.children.forEach((node, index) => {
    const h = byIndex.get(index);
    if (!h) {
      if (node.type !== 'yaml' && node.type !== 'definition') blocks.push(node);
      return;
    }
    // A directive comment right above the heading says how to read it.
    const last = blocks[blocks.length - 1];
    const directive = last?.type === 'html' ? directiveOf(last.value) : undefined;
    if (directive) blocks.pop();
    flush();
    if (h === titleHeading) {
      // The title holds the document: its text is the root's title, its intro the root's blocks.
      root.title = h.text;
      root.titleSpan = h.span;
      root.heading = h;
      return;
    }
    while (stack.length > 1 && stack[stack.length - 1]!.depth >= h.depth) stack.pop();
    const parent = stack[stack.length - 1]!;
    const heading: OutlineNode = { kind: 'heading', title: h.text, titleSpan: h.span, start: startOf(h.node), end: endOf(h.node), depth: h.depth, heading: h, blocks: [], children: [], parent, ...(directive ? { directive } : {}) };
    parent.children.push(heading);
    stack.push(heading);
    owner = heading;
  });
  flush();
  closeEnds(root, ctx.text.length);
  return root;
}

/** Extends each heading's end to the end of its section (its last child or block). */
function closeEnds(node: OutlineNode, limit: number): number {
  let end = node.end;
  for (const b of node.blocks) end = Math.max(end, endOf(b));
  for (const c of node.children) end = Math.max(end, closeEnds(c, limit));
  node.end = Math.min(end, limit);
  return node.end;
}

/** Turns a node's blocks into its children (entries, rows, labels, leads) and its own content. */
function addBlocks(ctx: DocContext, owner: OutlineNode, blocks: RootContent[]): void {
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    if (block.type === 'paragraph' && (next?.type === 'list' || next?.type === 'table') && isLabelParagraph(block)) {
      const label = labelNode(block, owner);
      const names = introNames(plainText(block));
      if (names) label.names = names;
      // `Many features are missing. The following must be added:` is a sentence, not a name for the list.
      if (!isAllStrong(block) && (/[.!?]\s/.test(label.title) || label.title.split(/\s+/).length > 8)) label.sentence = true;
      if (next.type === 'list') addList(ctx, label, next.children, next.ordered ?? false);
      else addTable(label, next);
      label.end = endOf(next);
      owner.children.push(label);
      i++;
      continue;
    }
    if (block.type === 'list' && blocks[i - 1]?.type === 'html' && directiveOf((blocks[i - 1] as { value: string }).value)) {
      const list = addList(ctx, owner, block.children, block.ordered ?? false);
      list.directive = directiveOf((blocks[i - 1] as { value: string }).value);
      continue;
    }
    if (block.type === 'list') {
      const previous = blocks[i - 1];
      const last = owner.children[owner.children.length - 1];
      // A list right after a bold-lead paragraph elaborates it (`**Imagining v2.** …` then its points).
      if (last?.kind === 'lead' && last.end === endOf(previous ?? last.paragraph!) && previous?.type === 'paragraph' && previous === last.paragraph) {
        addList(ctx, last, block.children, block.ordered ?? false);
        last.end = endOf(block);
        continue;
      }
      // A paragraph whose sentence says what the list holds (`There are four big themes…`) labels it.
      const introducing = previous?.type === 'paragraph' && owner.blocks[owner.blocks.length - 1] === previous;
      const names = introducing ? introNames(plainText(previous)) : undefined;
      // A sentence ending in a colon introduces the list below it, however long it is.
      const sentence = introducing && /[:：]\s*$/.test(plainText(previous));
      if (names || sentence) {
        owner.blocks.pop();
        const label = labelNode(previous as Paragraph, owner);
        if (names) label.names = names;
        label.sentence = true;
        addList(ctx, label, block.children, block.ordered ?? false);
        label.end = endOf(block);
        owner.children.push(label);
        continue;
      }
      const list = addList(ctx, owner, block.children, block.ordered ?? false);
      if (previous?.type === 'paragraph' && endsWithEmptyField(ctx, previous)) list.fieldValues = true;
      continue;
    }
    if (block.type === 'table') {
      addTable(owner, block);
      continue;
    }
    if (block.type === 'paragraph' && leadOf(block) && isLeadRun(blocks, i)) {
      owner.children.push(leadNode(ctx, block, owner));
      continue;
    }
    owner.blocks.push(block);
  }
}

function addList(ctx: DocContext, parent: OutlineNode, items: ListItem[], ordered: boolean): ListInfo {
  const list: ListInfo = { ordered, entries: [] };
  for (const item of items) {
    const entry = entryNode(ctx, item, parent);
    entry.list = list;
    list.entries.push(entry);
    parent.children.push(entry);
  }
  return list;
}

function entryNode(ctx: DocContext, item: ListItem, parent: OutlineNode): OutlineNode {
  const first = item.children[0];
  // `* ### eBPF anomaly detection`: a heading inside an entry titles it as a paragraph would.
  const paragraph = first?.type === 'paragraph' ? first : first?.type === 'heading' ? (first as unknown as Paragraph) : undefined;
  const span = paragraph ? firstLineSpan(ctx, paragraph) : ([startOf(item), startOf(item)] as [number, number]);
  const { lead, plain, parsed } = paragraph ? titleOf(ctx, paragraph) : { lead: undefined, plain: '', parsed: undefined };
  const title = lead ? lead.title : (parsed?.title ?? '');
  const entry: OutlineNode = {
    kind: 'entry',
    title,
    titleSpan: span,
    start: startOf(item),
    end: endOf(item),
    depth: parent.depth,
    listItem: item,
    blocks: [],
    children: [],
    parent,
    ...(typeof item.checked === 'boolean' ? { checked: item.checked } : {}),
    ...(lead ? { hasLead: true, rest: lead.rest, ...(lead.colon ? { leadColon: true } : {}) } : { rest: plain.slice(title.length).trim() }),
    ...(parsed?.id ? { id: parsed.id, ...(parsed.attributeId ? { attributeId: parsed.attributeId } : {}) } : {}),
  };
  const children = item.children as RootContent[];
  const own: RootContent[] = [];
  for (let i = paragraph ? 1 : 0; i < children.length; i++) {
    const child = children[i]!;
    const next = children[i + 1];
    if (child.type === 'paragraph' && next?.type === 'list' && isLabelParagraph(child)) {
      const label = labelNode(child, entry);
      addList(ctx, label, next.children, next.ordered ?? false);
      label.end = endOf(next);
      entry.children.push(label);
      i++;
    } else if (child.type === 'list') addList(ctx, entry, child.children, child.ordered ?? false);
    else own.push(child);
  }
  entry.blocks = paragraph ? [paragraph, ...own] : own;
  return entry;
}

/**
 * An entry's title, worked out once per paragraph: the incremental parser hands back the same
 * paragraph node for every version in which its text did not change (titles hold no positions).
 */
function titleOf(ctx: DocContext, paragraph: Paragraph): { lead: ReturnType<typeof leadOf>; plain: string; parsed: ReturnType<typeof listItemTitle> | undefined } {
  let cached = titles.get(paragraph);
  if (!cached || cached.syntax !== ctx.syntax) {
    const lead = leadOf(paragraph);
    const plain = plainText(paragraph);
    cached = { syntax: ctx.syntax, lead, plain, parsed: lead ? undefined : listItemTitle(ctx.syntax, plain) };
    titles.set(paragraph, cached);
  }
  return cached;
}

const titles = new WeakMap<Paragraph, { syntax: DocContext['syntax']; lead: ReturnType<typeof leadOf>; plain: string; parsed: ReturnType<typeof listItemTitle> | undefined }>();

function addTable(parent: OutlineNode, table: Table): void {
  const [header, ...rows] = table.children;
  if (!header) return;
  const info: TableInfo = { node: table, header: header.children.map((c) => plainText(c).trim()), rows: [] };
  for (const row of rows) {
    const cells = row.children.map((c) => plainText(c).trim());
    const node: OutlineNode = {
      kind: 'row',
      title: cells[0] ?? '',
      titleSpan: contentSpan(row.children[0]!) ?? [startOf(row), startOf(row)],
      start: startOf(row),
      end: endOf(row),
      depth: parent.depth,
      row: { table: info, node: row, cells },
      blocks: [],
      children: [],
      parent,
    };
    info.rows.push(node);
    parent.children.push(node);
  }
  if (rows.length === 0) parent.blocks.push(table);
}

function labelNode(paragraph: Paragraph, parent: OutlineNode): OutlineNode {
  const title = plainText(paragraph).trim().replace(/[:：]\s*$/, '').trim();
  const span = contentSpan(paragraph) ?? [startOf(paragraph), endOf(paragraph)];
  return { kind: 'label', title, titleSpan: span, start: startOf(paragraph), end: endOf(paragraph), depth: parent.depth, paragraph, blocks: [], children: [], parent };
}

function leadNode(ctx: DocContext, paragraph: Paragraph, parent: OutlineNode): OutlineNode {
  const lead = leadOf(paragraph)!;
  return {
    kind: 'lead',
    title: lead.title,
    titleSpan: firstLineSpan(ctx, paragraph),
    start: startOf(paragraph),
    end: endOf(paragraph),
    depth: parent.depth,
    paragraph,
    blocks: [paragraph],
    children: [],
    parent,
    hasLead: true,
    rest: lead.rest,
  };
}

/** The first line of a paragraph, as offsets. */
function firstLineSpan(ctx: DocContext, paragraph: Paragraph): [number, number] {
  const start = startOf(paragraph);
  return [start, Math.min(endOf(paragraph), ctx.lines.lineEnd(ctx.lines.position(start).line))];
}

/**
 * A short paragraph that names the list or table right below it: it ends with a colon ("Immediate
 * term:", "It includes:") or is all bold ("**Architecture improvements**"), and is one line of a few words.
 */
export function isLabelParagraph(paragraph: Paragraph): boolean {
  const text = plainText(paragraph).trim();
  if (!text || text.length > 120 || /\n/.test(text)) return false;
  if (/[:：]$/.test(text)) return true;
  return isAllStrong(paragraph) && text.split(/\s+/).length <= 12;
}

function isAllStrong(paragraph: Paragraph): boolean {
  const kids = paragraph.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  return kids.length === 1 && (kids[0]!.type === 'strong' || (kids[0]!.type === 'emphasis' && kids[0]!.children.length === 1 && kids[0]!.children[0]!.type === 'strong'));
}

/**
 * A paragraph's lead: bold text (or a link, or bold inside a link) it starts with, followed by more
 * text (`**Phase 1:** Extensible frontend`, `[**Unit tests**](…) allow you…`). The title is the lead
 * without its closing punctuation.
 */
export function leadOf(paragraph: Paragraph): { title: string; rest: string; colon: boolean } | undefined {
  const kids = paragraph.children;
  let i = 0;
  while (i < kids.length && kids[i]!.type === 'text' && !(kids[i] as { value: string }).value.trim()) i++;
  const first = kids[i];
  if (!first || !isLeadNode(first)) return undefined;
  const bold = plainText(first).trim();
  // `**If you use the CLI,** this…`: the bold part starts a sentence, it is not a title.
  if (/,$/.test(bold)) return undefined;
  const title = bold.replace(/[.:：,;—–-]+$/, '').trim();
  // `**Phase 1:** Extensible frontend`, `**Objective:** Grow`: the bold part is a label, not the title.
  if (leadingLabel(`${title}: x`) && /^(?:\S+)(?:\s+#?\d+(?:\.\d+)?)?$/.test(title)) return undefined;
  if (/^(?:phase|stage|milestone|release|step|wave|part)\s+#?\d+(?:\.\d+)?$/i.test(title)) return undefined;
  const rest = kids
    .slice(i + 1)
    .map((k) => plainText(k))
    .join('')
    .trim();
  if (!title || !rest) return undefined;
  return { title, rest, colon: /:$/.test(bold) || /^[:：]/.test(rest) };
}

function isLeadNode(node: PhrasingContent): boolean {
  if (node.type === 'strong') return true;
  if (node.type === 'link') return node.children.length === 1 && node.children[0]!.type === 'strong';
  return false;
}

/** Bold-lead paragraphs count as entries when two or more follow each other (`**A.** … **B.** …`). */
function isLeadRun(blocks: RootContent[], i: number): boolean {
  const isLead = (b: RootContent | undefined) => b?.type === 'paragraph' && leadOf(b) !== undefined;
  return isLead(blocks[i - 1]) || isLead(blocks[i + 1]);
}

export function directiveOf(html: string): Directive | undefined {
  return DIRECTIVE.exec(html.trim())?.[1]?.toLowerCase() as Directive | undefined;
}

/** Plain text of a node's own blocks (no children), for excerpts and prose. */
export function ownText(node: OutlineNode): string {
  return node.blocks.map((b) => plainText(b)).join('\n');
}
