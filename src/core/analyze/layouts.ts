import { endOf, plainText, startOf } from '../markdown';
import { excerptOf } from '../text';
import type { InsertionPoint } from '../types';
import { ContentScanner } from './content';
import { frontMatterLineSpan, frontMatterMetric, frontMatterTraces } from './frontMatterTraces';
import { GOAL_LAYERS, ItemBuilder, VISION_LAYERS, type LayoutInput } from './itemBuilder';
import type { DocumentInfo } from './document';
import { Reader } from '../read/reader';
import { strategy } from './strategy';

/** Fills `info.items`, `info.root` and `info.anchors` according to the document's kind (docs/format.md §2). */
export function extractItems(info: DocumentInfo, input: LayoutInput): void {
  const b = new ItemBuilder(info, input);
  switch (input.kind) {
    case 'vision':
      vision(b);
      break;
    case 'strategy':
      strategy(b);
      info.readings = new Reader(b, 'strategy').read();
      break;
    case 'goals':
    case 'roadmap':
      info.readings = new Reader(b, input.kind).read();
      break;
    case 'goal':
    case 'roadmap-item':
      fileItem(b, input.kind === 'goal' ? 'goal' : 'roadmap-item');
      break;
  }
}

function vision(b: ItemBuilder): void {
  const root = b.docItem('vision');
  b.info.root = root;
  // A numbered list of short names right in the vision (`1. Inclusive and community-driven`) lists its
  // pillars or principles: each is a vision section goals can serve.
  for (const node of b.input.tree.children) {
    if (node.type === 'heading') break;
    if (node.type !== 'list' || !node.ordered || node.children.length < 2) continue;
    const names = node.children.map((li) => (li.children[0]?.type === 'paragraph' ? li.children[0] : undefined));
    if (!names.every((p) => p && plainText(p).split(/\s+/).length <= 6 && !/[.!?]$/.test(plainText(p).trim()))) continue;
    for (const p of names) {
      const title = plainText(p!).trim();
      b.makeItem({
        kind: 'vision-section',
        layout: 'list',
        key: '',
        id: null,
        title,
        range: b.ctx.lines.range(startOf(p!), endOf(p!)),
        contentStart: startOf(p!),
        contentEnd: endOf(p!),
        facts: { references: [], noTrace: [], hasMetric: false, subIds: [], excerpt: '' },
        anchors: [],
        insertion: { mode: 'none' },
      });
    }
  }
  for (const h of b.input.headings) {
    if (h === b.input.titleHeading) continue;
    const scanner = new ContentScanner(b.ctx, new Set());
    const section = b.sectionNodes(h);
    scanner.scanNodes(section);
    b.addHeadingItem('vision-section', h, scanner.finish(section), section);
  }
  b.assignKeys();
  b.info.items.unshift(root);
}

function fileItem(b: ItemBuilder, kind: 'goal' | 'roadmap-item'): void {
  const { tree, titleHeading } = b.input;
  const layers = kind === 'goal' ? VISION_LAYERS : GOAL_LAYERS;
  const scanner = new ContentScanner(b.ctx, layers);
  const fm = frontMatterTraces(b.info, b.ctx, layers);
  scanner.addExplicit(fm.references, fm.noTrace);
  const fmMetric = kind === 'goal' ? frontMatterMetric(b.info) : undefined;
  if (fmMetric) scanner.noteMetric(fmMetric);
  if (titleHeading) scanner.scanTitleLine(titleHeading.span[0], titleHeading.span[1]);
  const body = tree.children.filter((n) => n.type !== 'yaml' && n !== titleHeading?.node);
  scanner.scanNodes(body);
  const facts = scanner.finish(body);
  const fmId = b.info.frontMatter?.data['id'];
  const parsed = b.ctx.syntax.titleAndId(titleHeading?.text ?? b.info.title);
  const fmTitle = b.info.frontMatter?.data['title'];
  const title = typeof fmTitle === 'string' && fmTitle.trim() ? fmTitle.trim() : parsed.title || b.info.title;
  const id = typeof fmId === 'string' || typeof fmId === 'number' ? String(fmId) : parsed.id;
  const fmBlock = b.info.frontMatter?.block;
  const lines = b.ctx.lines;
  // New keys go into front matter only when it parses: writing into broken YAML fixes nothing.
  const fmInsertion = fmBlock && !b.info.frontMatter?.error ? { frontMatter: { at: lines.position(fmBlock.closingFenceStart) } } : {};
  const insertion: InsertionPoint = titleHeading
    ? { mode: 'line', at: lines.position(endOf(titleHeading.node)), ...fmInsertion }
    : fmBlock
      ? { mode: 'line', at: lines.position(fmBlock.closingFenceStart), ...fmInsertion }
      : { mode: 'top' };
  const fmIdSpan = typeof fmId === 'string' || typeof fmId === 'number' ? frontMatterLineSpan(b.info, 'id') : undefined;
  const item = b.makeItem({
    kind,
    layout: 'file',
    key: b.info.relPath,
    ...(fmIdSpan ? { idSearch: fmIdSpan } : titleHeading ? { idSearch: titleHeading.span } : {}),
    id,
    title,
    range: b.info.titleRange,
    contentStart: 0,
    contentEnd: b.ctx.text.length,
    facts: { ...facts, excerpt: facts.excerpt || excerptOf(typeof b.info.frontMatter?.data['description'] === 'string' ? (b.info.frontMatter.data['description'] as string) : '') },
    anchors: [],
    insertion,
  });
  const fmHorizon = b.info.frontMatter?.data['horizon'];
  if (kind === 'roadmap-item' && (typeof fmHorizon === 'string' || typeof fmHorizon === 'number') && String(fmHorizon).trim()) item.horizon = String(fmHorizon).trim();
  b.info.root = item;
  if (kind === 'goal') for (const h of b.input.headings) b.addSubAnchors(item, h);
}
