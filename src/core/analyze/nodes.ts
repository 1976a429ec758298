import type { Definition, Paragraph, RootContent, Table, TableCell } from 'mdast';
import { endOf, plainText, startOf } from '../markdown';
import { normalizeLabel } from '../referenceText';
import type { FieldMatch } from '../syntax';
import type { DocContext } from './content';

// Small readings of parsed Markdown that the scanners and the layouts share.

export function collectDefinitions(tree: { children: RootContent[] }): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'definition') {
        const def = node as Definition;
        const key = normalizeLabel(def.label ?? def.identifier);
        if (!out.has(key)) out.set(key, def.url);
      } else if ('children' in node) visit(node.children as RootContent[]);
    }
  };
  visit(tree.children);
  return out;
}

/** The trace field a paragraph's last line holds when it has no value (`Goals:`, `**Supports:**`): a list below may be its value. */
export function endsWithEmptyField(ctx: DocContext, paragraph: Paragraph): FieldMatch | undefined {
  const raw = ctx.text.slice(startOf(paragraph), endOf(paragraph));
  const last = raw.slice(Math.max(raw.lastIndexOf('\n'), raw.lastIndexOf('\r')) + 1).replace(/^[ \t>]*/, '');
  const field = ctx.syntax.fieldAtStart(last);
  return field && last.slice(field.valueStart).trim() === '' ? field : undefined;
}

/** An empty cell has no children: its value span is the whitespace between its pipes. */
export function emptyCellSpan(text: string, cell: { position?: TableCell['position'] }): [number, number] {
  const start = startOf(cell);
  const raw = text.slice(start, endOf(cell));
  const open = raw.startsWith('|') ? 1 : 0;
  const close = raw.length > open && raw.endsWith('|') ? raw.length - 1 : raw.length;
  return [start + open, start + Math.max(open, close)];
}

/**
 * A two-column table with an empty header cell (`| Metadata | |`) describes the document; its rows
 * are fields, not roadmap items.
 */
export function isMetadataTable(table: Table): boolean {
  const header = table.children[0];
  return !!header && header.children.length === 2 && plainText(header.children[1]!).trim() === '';
}
