import { endOf } from '../markdown';
import { excerptOf } from '../text';
import type { InsertionPoint } from '../types';
import { ContentScanner } from './content';
import { frontMatterLineSpan, frontMatterMetric, frontMatterTraces } from './frontMatterTraces';
import { GOAL_LAYERS, ItemBuilder, VISION_LAYERS, type LayoutInput } from './itemBuilder';
import type { DocumentInfo, HeadingInfo } from './document';
import { GroupTraces, documentTraces } from './inherited';
import { roadmapDoc } from './roadmap';
import { strategy } from './strategy';

/** Fills `info.items`, `info.root` and `info.anchors` according to the document's kind (FORMAT.md §2). */
export function extractItems(info: DocumentInfo, input: LayoutInput): void {
  const b = new ItemBuilder(info, input);
  switch (input.kind) {
    case 'vision':
      vision(b);
      break;
    case 'strategy':
      strategy(b);
      break;
    case 'goals':
      goalsDoc(b);
      break;
    case 'roadmap':
      roadmapDoc(b);
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
  for (const h of b.input.headings) {
    if (h === b.input.titleHeading) continue;
    const scanner = new ContentScanner(b.ctx, new Set());
    const section = b.sectionNodes(h);
    scanner.scanNodes(section);
    b.addHeadingItem('vision-section', h, scanner.finish(section), section);
  }
  b.info.items.unshift(root);
}

function goalsDoc(b: ItemBuilder): void {
  const { headings, titleHeading } = b.input;
  const body = headings.filter((h) => h !== titleHeading);
  const level = b.itemLevel('goals at the level under the title') ?? Math.min(...body.map((h) => h.depth));
  const goalHeadings = body.filter((h) => h.depth === level && !b.ctx.syntax.isNonItemHeading(h.text));
  const isGoal = new Set(goalHeadings.map((h) => h.index));
  // Headings above the goal level group goals (`## Team A` over `### G1`); fields right under one apply to its goals.
  const groupsOf = new Map<HeadingInfo, HeadingInfo[]>();
  const groups = new Set<HeadingInfo>();
  const stack: HeadingInfo[] = [];
  for (const h of body) {
    while (stack.length && stack[stack.length - 1]!.depth >= h.depth) stack.pop();
    if (isGoal.has(h.index)) groupsOf.set(h, [...stack]);
    else if (h.depth < level && !b.ctx.syntax.isNonItemHeading(h.text)) {
      stack.push(h);
      groups.add(h);
    }
  }
  const inherited = documentTraces(b, VISION_LAYERS, goalHeadings[0] ?? body.find((h) => h.depth <= level), groups);
  const groupTraces = new GroupTraces(b, VISION_LAYERS, inherited);
  const inheritedOf = (h: HeadingInfo) => groupTraces.effective(groupsOf.get(h) ?? []);
  const extract = (from: number, to: number) => {
    for (const h of b.input.headings) {
      if (h.index < from || h.index >= to || !isGoal.has(h.index)) continue;
      const section = b.sectionNodes(h);
      const scanner = new ContentScanner(b.ctx, VISION_LAYERS);
      scanner.scanTitleLine(h.span[0], h.span[1]);
      scanner.scanNodes(section);
      const item = b.addHeadingItem('goal', h, b.inherit(scanner.finish(section), inheritedOf(h)), section);
      b.addSubAnchors(item, h);
    }
  };
  // A unit holds at most one goal: each goal heading starts a unit.
  const unitInherited = (unitHeadings: HeadingInfo[]) => {
    const goal = unitHeadings.find((h) => isGoal.has(h.index));
    return goal ? inheritedOf(goal) : inherited;
  };
  b.forEachUnit(level, inherited, () => '', extract, () => {}, unitInherited);
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
  b.info.root = item;
  if (kind === 'goal') for (const h of b.input.headings) b.addSubAnchors(item, h);
}
