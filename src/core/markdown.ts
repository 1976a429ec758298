import type { Heading, Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

/**
 * The parts of GitHub-flavoured Markdown the format uses: tables, task list items and
 * strikethrough. These are the extensions remark-gfm bundles; its autolink literals and footnotes
 * are left out, since they never carry a trace and autolink scanning alone costs about a third of
 * the parse.
 */
function gfmForTraces(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmTaskListItem(), gfmStrikethrough({ singleTilde: false }));
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown(), gfmStrikethroughFromMarkdown());
}

// One processor for the process: building it costs more than a small parse.
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(gfmForTraces);

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
