import { slug as githubSlug } from 'github-slugger';
import type { Root, RootContent } from 'mdast';
import type { Config } from '../config';
import { endOf, plainText, startOf } from '../markdown';
import type { LabelLayer } from '../syntax';
import { detach, excerptOf } from '../text';
import type { DocKind, InsertionPoint, Item, NoTraceMarker, NodeKind, Range, Reference } from '../types';
import type { ContentFacts, DocContext } from './content';
import type { DocumentInfo, HeadingInfo } from './document';
import { itemLevelSetting } from './frontMatterTraces';
import { internalAnchorOf, type ItemCache } from '../read/itemCache';
import { shortLabelId } from '../read/vocabulary';

/** What a layout reads: the parsed document and its context. */
export interface LayoutInput {
  ctx: DocContext;
  tree: Root;
  headings: HeadingInfo[];
  titleHeading: HeadingInfo | undefined;
  kind: DocKind;
  config: Config;
  /** Items of the document's previous version, to reuse where nothing they were read from changed (editor only). */
  cache?: ItemCache;
}

/** Label layers that point upward from a roadmap item (to goals) and from a goal (to the vision). */
export const GOAL_LAYERS: ReadonlySet<LabelLayer> = new Set(['goal', 'any']);
export const VISION_LAYERS: ReadonlySet<LabelLayer> = new Set(['vision', 'any']);

/** What every layout shares: making items (with their anchors and keys), reading sections and inherited traces. */
export class ItemBuilder {
  readonly ctx: DocContext;

  constructor(
    readonly info: DocumentInfo,
    readonly input: LayoutInput,
  ) {
    this.ctx = input.ctx;
  }

  /** Keys of list and table items: their title's slug, made unique in document order. */
  assignKeys(): void {
    const used = new Set(this.input.headings.map((h) => h.slug));
    for (const item of this.info.items) {
      if (item.layout !== 'list' && item.layout !== 'table') continue;
      const base = item.title ? slugOf(item.title) : `l${item.contentRange.start.line + 1}`;
      let slug = base;
      for (let n = 1; used.has(slug); n++) slug = `${base}-${n}`;
      used.add(slug);
      item.key = `${this.info.relPath}#${slug}`;
    }
  }

  /** Front matter `itemLevel`; a value that is no heading level is reported (see `itemLevelSetting`) and read as none. */
  itemLevel(defaultLevel: string): number | undefined {
    const { level, problem } = itemLevelSetting(this.info.frontMatter, defaultLevel);
    if (problem) (this.info.frontMatterProblems ??= []).push(problem);
    return level;
  }

  /** The nodes of a heading's section: up to the next heading of the same or a higher level. */
  sectionNodes(h: HeadingInfo): RootContent[] {
    const out: RootContent[] = [];
    const children = this.input.tree.children;
    for (let i = h.index + 1; i < children.length; i++) {
      const node = children[i]!;
      if (node.type === 'heading' && node.depth <= h.depth) break;
      out.push(node);
    }
    return out;
  }

  inherit(facts: ContentFacts, inherited: Inherited): ContentFacts {
    if (facts.references.length > 0 || facts.noTrace.length > 0) return facts;
    return { ...facts, ...copyInherited(inherited), inherits: true };
  }

  docItem(kind: NodeKind): Item {
    return this.makeItem({
      kind,
      layout: 'document',
      key: this.info.relPath,
      id: typeof this.info.frontMatter?.data['id'] === 'string' ? (this.info.frontMatter.data['id'] as string) : null,
      title: this.info.title,
      range: this.info.titleRange,
      contentStart: 0,
      contentEnd: this.ctx.text.length,
      facts: { references: [], noTrace: [], hasMetric: false, subIds: [], excerpt: this.docExcerpt() },
      anchors: [],
      insertion: { mode: 'none' },
      register: false,
    });
  }

  private docExcerpt(): string {
    const description = this.info.frontMatter?.data['description'];
    if (typeof description === 'string' && description.trim()) return excerptOf(description);
    const paragraph = this.input.tree.children.find((n) => n.type === 'paragraph' || n.type === 'blockquote');
    return paragraph ? excerptOf(plainText(paragraph)) : '';
  }

  /**
   * An item for a heading. `labelTitle` is the title without a leading label (`Goal: Grow` → `Grow`),
   * `labelId` a numbered label that doubles as an ID (`Objective 2`).
   */
  addHeadingItem(kind: NodeKind, h: HeadingInfo, facts: ContentFacts, section: RootContent[], labelTitle?: string, labelId?: string): Item {
    const parsed = this.ctx.syntax.titleAndId(labelTitle ?? h.text);
    const { attributeId } = parsed;
    const id = parsed.id ?? labelId ?? null;
    const title = labelTitle && labelId ? parsed.title.replace(/^[:.\s-—–]+/, '') : parsed.title;
    const alias = this.ctx.syntax.withoutLeadingLabel(title);
    const lastNode = section[section.length - 1];
    // `## G7: Title {#seven}`: G7 is the ID, and `seven` answers too, as it does as a link anchor.
    if (attributeId && id && attributeId.toUpperCase() !== id.toUpperCase() && !facts.subIds.includes(attributeId)) facts = { ...facts, subIds: [...facts.subIds, attributeId] };
    // `## Objective 1: Grow` is also `O1` where the doc's traces write it short.
    const short = id === labelId ? shortLabelId(labelId) : undefined;
    if (short && !facts.subIds.includes(short)) facts = { ...facts, subIds: [...facts.subIds, short] };
    return this.makeItem({
      kind,
      layout: 'heading',
      key: `${this.info.relPath}#${h.slug}`,
      id,
      title,
      range: this.ctx.lines.range(h.span[0], h.span[1]),
      contentStart: startOf(h.node),
      contentEnd: lastNode ? endOf(lastNode) : endOf(h.node),
      facts,
      anchors: [h.slug, ...(attributeId ? [attributeId.toLowerCase()] : [])],
      insertion: { mode: 'line', at: this.ctx.lines.position(endOf(h.node)) },
      depth: h.depth,
      idSearch: h.span,
      ...(alias ? { aliases: [alias] } : {}),
    });
  }

  /**
   * An anchor only Throughline uses, addressing an item that has no heading slug (a list entry), so a
   * trace inferred by nesting resolves like a link to it.
   */
  internalAnchor(item: Item): string {
    const anchor = internalAnchorOf(item);
    if (!this.info.anchors.has(anchor)) this.info.anchors.set(anchor, item);
    for (const r of this.anchorRecorders) r.pairs.push([anchor, item]);
    return anchor;
  }

  private readonly anchorRecorders: Array<{ pairs: Array<[string, Item]> }> = [];

  /** Starts recording the internal anchors used while reading a part of the document (to replay them on reuse). */
  recordAnchors(): { pairs: Array<[string, Item]> } {
    const recorder = { pairs: [] as Array<[string, Item]> };
    this.anchorRecorders.push(recorder);
    return recorder;
  }

  stopRecordingAnchors(recorder: { pairs: Array<[string, Item]> }): void {
    const i = this.anchorRecorders.indexOf(recorder);
    if (i >= 0) this.anchorRecorders.splice(i, 1);
  }

  /** Takes an item reused from the document's previous version, as `makeItem` takes a new one. */
  adoptItem(item: Item): void {
    this.info.items.push(item);
    for (const anchor of item.anchors) this.setAnchor(anchor, item, true);
  }

  /** Headings inside a goal's section address the goal too (`goals.md#kr-12-…`, `KR1.2`). */
  addSubAnchors(item: Item, h: HeadingInfo): void {
    if (item.layout === 'heading') {
      for (const sub of this.input.headings) {
        if (sub.index <= h.index) continue;
        if (sub.depth <= h.depth) break;
        this.setAnchor(sub.slug, item, false);
      }
    } else if (h !== this.input.titleHeading) this.setAnchor(h.slug, item, false);
  }

  makeItem(spec: ItemSpec): Item {
    const idSpan = spec.id && spec.idSearch ? findToken(this.ctx.text, spec.idSearch[0], spec.idSearch[1], spec.id) : undefined;
    // Items outlive the text they were read from (the editor keeps them between edits): keep none of
    // their strings as views of that text.
    for (const ref of spec.facts.references) {
      ref.text = detach(ref.text);
      if (ref.link !== undefined) ref.link = detach(ref.link);
      if (ref.whole) ref.whole.text = detach(ref.whole.text);
    }
    for (const marker of spec.facts.noTrace) marker.text = detach(marker.text);
    const item: Item = {
      key: spec.key,
      kind: spec.kind,
      id: spec.id === null ? null : detach(spec.id),
      ...(idSpan ? { idRange: this.ctx.lines.range(idSpan[0], idSpan[1]) } : {}),
      title: detach(spec.title),
      uri: this.info.uri,
      range: spec.range,
      contentRange: this.ctx.lines.range(spec.contentStart, spec.contentEnd),
      layout: spec.layout,
      ...(spec.depth !== undefined ? { depth: spec.depth } : {}),
      anchors: spec.anchors.map(detach),
      subIds: spec.facts.subIds.map(detach),
      references: spec.facts.references,
      noTrace: spec.facts.noTrace,
      ...(spec.kind === 'goal' ? { hasMetric: spec.facts.hasMetric } : {}),
      ...(spec.kind === 'goal' && spec.facts.metric ? { metric: detach(spec.facts.metric) } : {}),
      ...(spec.aliases ? { aliases: spec.aliases.map(detach) } : {}),
      excerpt: detach(spec.facts.excerpt),
      insertion: spec.insertion,
    };
    if (spec.register !== false) {
      this.info.items.push(item);
      for (const anchor of item.anchors) this.setAnchor(anchor, item, true);
    }
    return item;
  }

  private setAnchor(anchor: string, item: Item, ifAbsent: boolean): void {
    if (!ifAbsent || !this.info.anchors.has(anchor)) this.info.anchors.set(anchor, item);
  }
}

export interface Inherited {
  references: Reference[];
  noTrace: NoTraceMarker[];
}

export interface ItemSpec {
  kind: NodeKind;
  layout: Item['layout'];
  key: string;
  id: string | null;
  title: string;
  range: Item['range'];
  contentStart: number;
  contentEnd: number;
  facts: ContentFacts;
  anchors: string[];
  insertion: InsertionPoint;
  depth?: number;
  aliases?: string[];
  register?: boolean;
  /** Offsets of the raw text the item's ID is written in, to find it for renames. */
  idSearch?: [number, number];
}

const slugs = new Map<string, string>();

/** GitHub's slug of a title, memoized: keys are recomputed for every item on every edit. */
function slugOf(title: string): string {
  let slug = slugs.get(title);
  if (slug === undefined) {
    if (slugs.size > 50_000) slugs.clear();
    slugs.set(title, (slug = githubSlug(title)));
  }
  return slug;
}

/** Each inheriting item gets its own copies, so moving or editing one never touches another. */
function copyInherited(inherited: Inherited): Inherited {
  const copyRange = (r: Range) => ({ start: { ...r.start }, end: { ...r.end } });
  return {
    references: inherited.references.map((r) => ({ ...r, range: copyRange(r.range), ...(r.whole ? { whole: { text: r.whole.text, range: copyRange(r.whole.range) } } : {}) })),
    noTrace: inherited.noTrace.map((m) => ({ ...m, range: copyRange(m.range) })),
  };
}

/** The first place `token` stands as a whole word in text[start, end), ignoring case. */
function findToken(text: string, start: number, end: number, token: string): [number, number] | undefined {
  const haystack = text.slice(start, end).toUpperCase();
  const needle = token.toUpperCase();
  const isWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
    if (!isWordChar(haystack[i - 1]) && !isWordChar(haystack[i + needle.length])) return [start + i, start + i + needle.length];
  }
  return undefined;
}

