import type { Heading, Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

// One processor for the process: building it costs more than a small parse.
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}

export function startOf(node: { position?: { start: { offset?: number } } }): number {
  return node.position?.start.offset ?? 0;
}

export function endOf(node: { position?: { end: { offset?: number } } }): number {
  return node.position?.end.offset ?? 0;
}

/** Plain text of a node: Markdown marks dropped, link text kept. */
export function plainText(node: Nodes): string {
  return toString(node, { includeImageAlt: false, includeHtml: false });
}

/** Offsets of a node's inline content (a heading's text without `#`s, a cell without pipes). */
export function contentSpan(node: Nodes & { children?: RootContent[] }): [number, number] | undefined {
  const children = 'children' in node ? (node.children as RootContent[]) : [];
  const first = children[0];
  const last = children[children.length - 1];
  if (!first || !last || !first.position || !last.position) return undefined;
  return [startOf(first), endOf(last)];
}

export function isHeading(node: RootContent): node is Heading {
  return node.type === 'heading';
}
