import type { List, ListItem, RootContent, Table } from 'mdast';
import { endOf, plainText, startOf } from '../markdown';
import type { LabelLayer } from '../syntax';
import { ContentScanner, type DocContext } from './content';
import { endsWithEmptyField, isMetadataTable } from './nodes';
import type { HeadingInfo } from './document';
import { frontMatterTraces } from './frontMatterTraces';
import type { Inherited, ItemBuilder } from './itemBuilder';

// Traces written once for many items: for the whole document (front matter, or fields before the
// first item) and for a group (fields right under a horizon heading such as `## Now`). An item that
// states no trace of its own takes its nearest group's, else the document's.

/**
 * The document's traces: front matter, and the fields before `firstSection` that are not right
 * under one of the `groups` headings (those are the group's own).
 */
export function documentTraces(b: ItemBuilder, layers: ReadonlySet<LabelLayer>, firstSection: HeadingInfo | undefined, groups: ReadonlySet<HeadingInfo> = new Set()): Inherited {
  const fm = frontMatterTraces(b.info, b.ctx, layers);
  const groupStarts = new Set([...groups].map((g) => g.index));
  const children = b.input.tree.children;
  const preamble: RootContent[] = [];
  let inGroup = false;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (firstSection && node === firstSection.node) break;
    if (node.type === 'heading') inGroup = groupStarts.has(i);
    else if (!inGroup) preamble.push(node);
  }
  const fields = fieldsIn(b.ctx, preamble, layers);
  return { references: [...fm.references, ...fields.references], noTrace: [...fm.noTrace, ...fields.noTrace] };
}

/** The group headings an item sits under, and the traces written right under each, read once per analysis. */
export class GroupTraces {
  private readonly traces = new Map<HeadingInfo, Inherited>();

  constructor(
    private readonly b: ItemBuilder,
    private readonly layers: ReadonlySet<LabelLayer>,
    private readonly document: Inherited,
  ) {}

  /** What an item under these groups (outermost first) inherits: the nearest group's traces, else the document's. */
  effective(groups: readonly HeadingInfo[]): Inherited {
    for (let i = groups.length - 1; i >= 0; i--) {
      const own = this.of(groups[i]!);
      if (own.references.length > 0 || own.noTrace.length > 0) return own;
    }
    return this.document;
  }

  /** The traces written right under a group heading (before its first sub-heading). */
  of(group: HeadingInfo): Inherited {
    let own = this.traces.get(group);
    if (!own) {
      const children = this.b.input.tree.children;
      const direct: RootContent[] = [];
      for (let i = group.index + 1; i < children.length && children[i]!.type !== 'heading'; i++) direct.push(children[i]!);
      this.traces.set(group, (own = fieldsIn(this.b.ctx, direct, this.layers)));
    }
    return own;
  }
}

/**
 * The traces in nodes that are not items: field lines, field list items (`- Supports: G1`), a list
 * that is a field's value, and metadata tables. Links in prose are not read: they belong to items.
 */
function fieldsIn(ctx: DocContext, nodes: readonly RootContent[], layers: ReadonlySet<LabelLayer>): Inherited {
  const fields: RootContent[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const previous = nodes[i - 1];
    if (node.type === 'paragraph') fields.push(node);
    else if (node.type === 'list' && previous?.type === 'paragraph' && endsWithEmptyField(ctx, previous)) fields.push(node);
    else if (node.type === 'list') {
      const items = node.children.filter((item) => isFieldListItem(ctx, item));
      if (items.length > 0) fields.push({ ...node, children: items } satisfies List);
    } else if (node.type === 'table' && isFieldTable(ctx, node)) fields.push(node);
  }
  const scanner = new ContentScanner(ctx, layers);
  scanner.scanNodes(fields);
  const facts = scanner.finish([]);
  return { references: facts.references, noTrace: facts.noTrace };
}

/** A list item that is a field, not an item: its first line starts with a label (`- Goal: G1`). */
export function isFieldListItem(ctx: DocContext, item: ListItem): boolean {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph') return false;
  const start = startOf(first);
  const lineEnd = ctx.lines.lineEnd(ctx.lines.position(start).line);
  return ctx.syntax.fieldAtStart(ctx.text.slice(start, Math.min(lineEnd, endOf(first)))) !== undefined;
}

/** A table of fields rather than items: `| Metadata | |`, or only a header row `| Goal | G2 |`. */
function isFieldTable(ctx: DocContext, table: Table): boolean {
  const header = table.children[0];
  if (isMetadataTable(table)) return true;
  return !!header && table.children.length === 1 && header.children.length === 2 && ctx.syntax.labelOf(plainText(header.children[0]!)) !== undefined;
}
