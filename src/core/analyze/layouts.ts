import { slug as githubSlug } from 'github-slugger';
import type { List, ListItem, Paragraph, Root, RootContent, Table, TableRow } from 'mdast';
import type { Config } from '../config';
import { stringValues } from '../frontMatter';
import { contentSpan, endOf, plainText, startOf } from '../markdown';
import { parseReferenceValue } from '../referenceText';
import type { LabelLayer, Syntax } from '../syntax';
import { detach, excerptOf, foldTitle } from '../text';
import type { DocKind, InsertionPoint, Item, NoTraceMarker, NodeKind, Range, Reference } from '../types';
import { ContentScanner, emptyCellSpan, type ContentFacts, type DocContext } from './content';
import type { DocumentInfo, HeadingInfo } from './document';
import type { UnitCache, UnitResult } from './units';

interface LayoutInput {
  ctx: DocContext;
  tree: Root;
  headings: HeadingInfo[];
  titleHeading: HeadingInfo | undefined;
  kind: DocKind;
  config: Config;
  /** The document's units from its previous version, for incremental extraction (editor only). */
  cache?: UnitCache;
}

const GOAL_LAYERS: ReadonlySet<LabelLayer> = new Set(['goal', 'any']);
const VISION_LAYERS: ReadonlySet<LabelLayer> = new Set(['vision', 'any']);

/** Fills `info.items`, `info.root` and `info.anchors` according to the document's kind (FORMAT.md §2). */
export function extractItems(info: DocumentInfo, input: LayoutInput): void {
  const builder = new ItemBuilder(info, input);
  switch (input.kind) {
    case 'vision':
      builder.vision();
      break;
    case 'strategy':
      builder.strategy();
      break;
    case 'goals':
      builder.goalsDoc();
      break;
    case 'roadmap':
      builder.roadmapDoc();
      break;
    case 'goal':
    case 'roadmap-item':
      builder.fileItem(input.kind === 'goal' ? 'goal' : 'roadmap-item');
      break;
  }
}

class ItemBuilder {
  private readonly ctx: DocContext;
  /** The units being extracted (a list item inside a section), recording what they produce for the cache. */
  private readonly recordings: UnitResult[] = [];
  /** The document-wide part of every cache key (item level, inherited traces, definitions). */
  private unitContext = '';

  constructor(
    private readonly info: DocumentInfo,
    private readonly input: LayoutInput,
  ) {
    this.ctx = input.ctx;
  }

  vision(): void {
    const root = this.docItem('vision');
    this.info.root = root;
    for (const h of this.input.headings) {
      if (h === this.input.titleHeading) continue;
      const scanner = new ContentScanner(this.ctx, new Set());
      const section = this.sectionNodes(h);
      scanner.scanNodes(section);
      this.addHeadingItem('vision-section', h, scanner.finish(section), section);
    }
    this.info.items.unshift(root);
  }

  strategy(): void {
    this.info.root = this.docItem('strategy');
    this.info.items.push(this.info.root);
    const answered = { who: false, what: false, why: false };
    const { sections } = this.ctx.syntax;
    const check = (text: string) => {
      const folded = foldTitle(text).replace(/^\d+ /, '');
      for (const q of ['who', 'what', 'why'] as const) {
        if (sections[q].some((s) => answers(folded, foldTitle(s)))) answered[q] = true;
      }
    };
    for (const h of this.input.headings) if (h !== this.input.titleHeading) check(h.text);
    // A bold lead-in (`**Who:** mid-size teams`) answers a question as well as a heading does.
    for (const node of this.input.tree.children) {
      if (node.type === 'paragraph' && node.children[0]?.type === 'strong') check(plainText(node.children[0]));
    }
    this.info.strategy = answered;
  }

  goalsDoc(): void {
    const { headings, titleHeading } = this.input;
    const body = headings.filter((h) => h !== titleHeading);
    const level = this.itemLevel() ?? Math.min(...body.map((h) => h.depth));
    const goalHeadings = body.filter((h) => h.depth === level && !this.ctx.syntax.isNonItemHeading(h.text));
    const inherited = this.docLevelTraces(VISION_LAYERS, goalHeadings[0] ?? body.find((h) => h.depth <= level));
    const isGoal = new Set(goalHeadings.map((h) => h.index));
    this.forEachUnit(level, inherited, () => '', (from, to) => {
      for (const h of this.input.headings) {
        if (h.index < from || h.index >= to || !isGoal.has(h.index)) continue;
        const section = this.sectionNodes(h);
        const scanner = new ContentScanner(this.ctx, VISION_LAYERS);
        scanner.scanTitleLine(h.span[0], h.span[1]);
        scanner.scanNodes(section);
        const item = this.addHeadingItem('goal', h, this.inherit(scanner.finish(section), inherited), section);
        this.addSubAnchors(item, h);
      }
    });
  }

  roadmapDoc(): void {
    const { tree, titleHeading } = this.input;
    const level = this.itemLevel() ?? 3;
    const inherited = this.docLevelTraces(GOAL_LAYERS, this.input.headings.find((h) => h !== titleHeading));
    const headingAt = new Map(this.input.headings.map((h) => [h.index, h]));
    let itemDepth: number | undefined; // depth of the heading item whose section we are in
    let skipDepth: number | undefined; // depth of a non-item section (Background, Non-goals…) we are in
    const groups: HeadingInfo[] = [];
    /** A heading's effect on the walk; true when it starts a heading item. */
    const step = (h: HeadingInfo): boolean => {
      if (h === titleHeading) return false;
      if (itemDepth !== undefined && h.depth <= itemDepth) itemDepth = undefined;
      if (skipDepth !== undefined && h.depth <= skipDepth) skipDepth = undefined;
      while (groups.length && groups[groups.length - 1]!.depth >= h.depth) groups.pop();
      if (itemDepth !== undefined || skipDepth !== undefined) return false;
      if (this.ctx.syntax.isNonItemHeading(h.text)) skipDepth = h.depth;
      else if (h.depth === level) {
        itemDepth = h.depth;
        return true;
      } else if (h.depth < level) groups.push(h);
      return false;
    };
    this.forEachUnit(
      level,
      inherited,
      () => `${skipDepth ?? ''}|${groups.map((g) => `${g.depth}:${g.text}`).join('\u0002')}`,
      (from, to) => {
        for (let index = from; index < to; index++) {
          const node = tree.children[index]!;
          const h = headingAt.get(index);
          if (h) {
            if (step(h)) this.roadmapHeadingItem(h, inherited, groups);
            continue;
          }
          if (itemDepth !== undefined || skipDepth !== undefined) continue;
          if (node.type === 'list') this.roadmapListItems(node, inherited, groups);
          else if (node.type === 'table') this.roadmapTableRows(node, inherited, groups);
        }
      },
      (from, to) => {
        for (const h of this.input.headings) if (h.index >= from && h.index < to) step(h);
      },
    );
  }

  /**
   * Walks the document in units (from one heading at or above the item level to the next),
   * extracting each with `extract`, or reusing the previous version's items for a unit whose text
   * and context are unchanged; `replay` then brings the walk's state past it.
   */
  private forEachUnit(level: number, inherited: Inherited, state: () => string, extract: (from: number, to: number) => void, replay: (from: number, to: number) => void = () => {}): void {
    const { tree, headings, titleHeading } = this.input;
    const children = tree.children;
    const starts = [0, ...headings.filter((h) => h.depth <= level && h.index > 0).map((h) => h.index)];
    this.unitContext = `${level}\u0001${signature(inherited)}\u0001${[...this.ctx.definitions].join('\u0002')}`;
    let h = 0;
    for (let u = 0; u < starts.length; u++) {
      const from = starts[u]!;
      const to = starts[u + 1] ?? children.length;
      const startOffset = from === 0 ? 0 : startOf(children[from]!);
      const endOffset = to < children.length ? startOf(children[to]!) : this.ctx.text.length;
      const unitHeadings: string[] = [];
      while (h < headings.length && headings[h]!.index < to) {
        if (headings[h]!.index >= from) unitHeadings.push(`${headings[h]!.slug}${headings[h] === titleHeading ? '!' : ''}`);
        h++;
      }
      const context = `${this.unitContext}\u0001${state()}\u0001${unitHeadings.join(',')}`;
      const line = this.ctx.lines.position(startOffset).line;
      this.cached(context, this.ctx.text.slice(startOffset, endOffset), line, inherited, () => extract(from, to), () => replay(from, to));
    }
    this.assignKeys();
  }

  /**
   * Extracts a unit with `extract`, or reuses the previous version's result for the same key (and
   * then runs `replay`, to bring the walk's state past it); either way the result is kept for the
   * next version.
   */
  private cached(context: string, text: string, line: number, inherited: Inherited, extract: () => void, replay: () => void = () => {}): void {
    const cache = this.input.cache;
    const hit = cache?.take(context, text, line);
    if (hit) {
      this.adopt(hit, inherited);
      replay();
      cache!.put(context, text, hit);
      return;
    }
    const recording: UnitResult = { items: [], inheriting: new Set(), anchors: [], line };
    this.recordings.push(recording);
    const before = this.info.items.length;
    try {
      extract();
    } finally {
      this.recordings.pop();
    }
    recording.items = this.info.items.slice(before);
    cache?.put(context, text, recording);
  }

  /** Takes a previous version's unit: its items, fresh copies of the inherited traces, its anchors. */
  private adopt(unit: UnitResult, inherited: Inherited): void {
    for (const item of unit.items) {
      if (unit.inheriting.has(item)) {
        const copy = copyInherited(inherited);
        item.references = copy.references;
        item.noTrace = copy.noTrace;
        for (const r of this.recordings) r.inheriting.add(item);
      }
      this.info.items.push(item);
    }
    for (const { anchor, item, ifAbsent } of unit.anchors) this.setAnchor(anchor, item, ifAbsent);
  }

  /** Keys of list and table items: their title's slug, made unique in document order. */
  private assignKeys(): void {
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

  fileItem(kind: 'goal' | 'roadmap-item'): void {
    const { tree, titleHeading } = this.input;
    const layers = kind === 'goal' ? VISION_LAYERS : GOAL_LAYERS;
    const scanner = new ContentScanner(this.ctx, layers);
    const fm = this.frontMatterTraces(layers);
    scanner.addExplicit(fm.references, fm.noTrace);
    const fmMetric = kind === 'goal' ? this.frontMatterMetric() : undefined;
    if (fmMetric) scanner.noteMetric(fmMetric);
    if (titleHeading) scanner.scanTitleLine(titleHeading.span[0], titleHeading.span[1]);
    const body = tree.children.filter((n) => n.type !== 'yaml' && n !== titleHeading?.node);
    scanner.scanNodes(body);
    const facts = scanner.finish(body);
    const fmId = this.info.frontMatter?.data['id'];
    const parsed = this.ctx.syntax.titleAndId(titleHeading?.text ?? this.info.title);
    const fmTitle = this.info.frontMatter?.data['title'];
    const title = typeof fmTitle === 'string' && fmTitle.trim() ? fmTitle.trim() : parsed.title || this.info.title;
    const id = typeof fmId === 'string' || typeof fmId === 'number' ? String(fmId) : parsed.id;
    const fmBlock = this.info.frontMatter?.block;
    const lines = this.ctx.lines;
    // New keys go into front matter only when it parses: writing into broken YAML fixes nothing.
    const fmInsertion = fmBlock && !this.info.frontMatter?.error ? { frontMatter: { at: lines.position(fmBlock.closingFenceStart) } } : {};
    const insertion: InsertionPoint = titleHeading
      ? { mode: 'line', at: lines.position(endOf(titleHeading.node)), ...fmInsertion }
      : fmBlock
        ? { mode: 'line', at: lines.position(fmBlock.closingFenceStart), ...fmInsertion }
        : { mode: 'top' };
    const fmIdSpan = typeof fmId === 'string' || typeof fmId === 'number' ? frontMatterLineSpan(this.info, 'id') : undefined;
    const item = this.makeItem({
      kind,
      layout: 'file',
      key: this.info.relPath,
      ...(fmIdSpan ? { idSearch: fmIdSpan } : titleHeading ? { idSearch: titleHeading.span } : {}),
      id,
      title,
      range: this.info.titleRange,
      contentStart: 0,
      contentEnd: this.ctx.text.length,
      facts: { ...facts, excerpt: facts.excerpt || excerptOf(typeof this.info.frontMatter?.data['description'] === 'string' ? (this.info.frontMatter.data['description'] as string) : '') },
      anchors: [],
      insertion,
    });
    this.info.root = item;
    if (kind === 'goal') for (const h of this.input.headings) this.addSubAnchors(item, h);
  }

  // --- roadmap layouts -------------------------------------------------------------------------

  private roadmapHeadingItem(h: HeadingInfo, inherited: Inherited, groups: HeadingInfo[]): void {
    const section = this.sectionNodes(h);
    const scanner = new ContentScanner(this.ctx, GOAL_LAYERS);
    scanner.scanTitleLine(h.span[0], h.span[1]);
    scanner.scanNodes(section);
    const item = this.addHeadingItem('roadmap-item', h, this.inherit(scanner.finish(section), inherited), section);
    setGroup(item, groups);
  }

  private roadmapListItems(list: List, inherited: Inherited, groups: HeadingInfo[]): void {
    const group = groups.map((g) => `${g.depth}:${g.text}`).join('\u0002');
    for (const listItem of list.children) {
      // Each item is its own unit: an edit to one item of a long list re-extracts that item only.
      const start = startOf(listItem);
      const context = `li\u0001${this.unitContext}\u0001${group}`;
      this.cached(context, this.ctx.text.slice(start, endOf(listItem)), this.ctx.lines.position(start).line, inherited, () => this.roadmapListItem(listItem, inherited, groups));
    }
  }

  private roadmapListItem(listItem: ListItem, inherited: Inherited, groups: HeadingInfo[]): void {
    {
      const first = listItem.children[0];
      if (!first || first.type !== 'paragraph') return;
      const firstLineEnd = this.ctx.lines.lineEnd(this.ctx.lines.position(startOf(first)).line);
      const firstLine = this.ctx.text.slice(startOf(first), Math.min(firstLineEnd, endOf(first)));
      // `- Goal: G1` at the top level is a field, not an item.
      if (this.ctx.syntax.fieldAtStart(firstLine)) return;
      const plainFirstLine = firstParagraphLine(first);
      if (!plainFirstLine.trim()) return;
      const titled = listItemTitle(this.ctx.syntax, plainFirstLine, plainText(first));
      const scanner = new ContentScanner(this.ctx, GOAL_LAYERS);
      scanner.scanListItem(listItem);
      const facts = scanner.finish(listItem.children as RootContent[]);
      const { title, id, attributeId } = titled;
      const details = excerptOf(plainText(listItem).slice(plainFirstLine.length));
      const item = this.makeItem({
        kind: 'roadmap-item',
        layout: 'list',
        key: '', // assigned once every item is known (assignKeys)
        id,
        title,
        range: this.ctx.lines.range(startOf(first), Math.min(firstLineEnd, endOf(first))),
        idSearch: [startOf(first), Math.min(firstLineEnd, endOf(first))],
        contentStart: startOf(listItem),
        contentEnd: endOf(listItem),
        facts: this.inherit({ ...facts, excerpt: details }, inherited),
        anchors: attributeId ? [attributeId.toLowerCase()] : [],
        insertion: { mode: 'suffix', at: this.ctx.lines.position(Math.min(firstLineEnd, endOf(first))) },
      });
      setGroup(item, groups);
    }
  }

  private roadmapTableRows(table: Table, inherited: Inherited, groups: HeadingInfo[]): void {
    const [header, ...rows] = table.children;
    if (!header || isMetadataTable(table)) return;
    const layers = header.children.map((cell) => this.ctx.syntax.labelOf(plainText(cell)));
    const traceColumns = layers.flatMap((layer, i) => (layer && GOAL_LAYERS.has(layer) ? [i] : []));
    const titleColumn = header.children.findIndex((_, i) => !traceColumns.includes(i));
    for (const row of rows) {
      const item = this.roadmapTableRow(row, traceColumns, titleColumn, inherited, groups);
      item.row = { columns: header.children.length, titleColumn, traceColumn: traceColumns[0] ?? -1 };
    }
  }

  private roadmapTableRow(row: TableRow, traceColumns: number[], titleColumn: number, inherited: Inherited, groups: HeadingInfo[]): Item {
    const titleCell = titleColumn >= 0 ? row.children[titleColumn] : undefined;
    const titleSpan = titleCell ? contentSpan(titleCell) : undefined;
    const scanner = new ContentScanner(this.ctx, GOAL_LAYERS);
    if (titleSpan) scanner.scanTitleLine(titleSpan[0], titleSpan[1]);
    for (const column of traceColumns) {
      const cell = row.children[column];
      if (!cell) continue;
      const span = contentSpan(cell);
      if (span) scanner.addValue(span[0], span[1], 'column');
      else scanner.addExplicit([], [{ text: '', range: this.ctx.lines.range(...emptyCellSpan(this.ctx.text, cell)) }]);
    }
    const cells = row.children as unknown as RootContent[];
    const facts = scanner.finish(cells);
    const { title, id, attributeId } = this.ctx.syntax.titleAndId(titleCell ? plainText(titleCell) : '');
    const others = row.children.filter((_cell, i) => i !== titleColumn && !traceColumns.includes(i));
    const traceCell = traceColumns.length ? row.children[traceColumns[0]!] : undefined;
    const insertion: InsertionPoint = traceCell
      ? { mode: 'cell', at: this.ctx.lines.range(...(contentSpan(traceCell) ?? emptyCellSpan(this.ctx.text, traceCell))), empty: !contentSpan(traceCell) }
      : titleSpan
        ? { mode: 'suffix', at: this.ctx.lines.position(titleSpan[1]) }
        : { mode: 'none' };
    const item = this.makeItem({
      kind: 'roadmap-item',
      layout: 'table',
      key: '', // assigned once every item is known (assignKeys)
      id,
      title,
      range: titleSpan ? this.ctx.lines.range(titleSpan[0], titleSpan[1]) : this.ctx.lines.range(startOf(row), endOf(row)),
      ...(titleSpan ? { idSearch: titleSpan } : {}),
      contentStart: startOf(row),
      contentEnd: endOf(row),
      facts: this.inherit({ ...facts, excerpt: excerptOf(others.map((c) => plainText(c)).join(' · ')) }, inherited),
      anchors: attributeId ? [attributeId.toLowerCase()] : [],
      insertion,
    });
    setGroup(item, groups);
    return item;
  }

  // --- shared helpers ------------------------------------------------------------------------------

  private itemLevel(): number | undefined {
    const value = this.info.frontMatter?.data['itemLevel'];
    const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
    return Number.isInteger(n) && n >= 1 && n <= 6 ? n : undefined;
  }

  /** The nodes of a heading's section: up to the next heading of the same or a higher level. */
  private sectionNodes(h: HeadingInfo): RootContent[] {
    const out: RootContent[] = [];
    const children = this.input.tree.children;
    for (let i = h.index + 1; i < children.length; i++) {
      const node = children[i]!;
      if (node.type === 'heading' && node.depth <= h.depth) break;
      out.push(node);
    }
    return out;
  }

  /**
   * Traces written for the whole document (front matter, or a field before the first item) apply to
   * each item that states none of its own.
   */
  private docLevelTraces(layers: ReadonlySet<LabelLayer>, firstSection: HeadingInfo | undefined): Inherited {
    const fm = this.frontMatterTraces(layers);
    const scanner = new ContentScanner(this.ctx, layers);
    const preamble: RootContent[] = [];
    for (const node of this.input.tree.children) {
      if (firstSection && node === firstSection.node) break;
      if (node.type === 'paragraph' || (node.type === 'table' && isMetadataTable(node))) preamble.push(node);
    }
    scanner.scanNodes(preamble);
    const facts = scanner.finish([]);
    return { references: [...fm.references, ...facts.references], noTrace: [...fm.noTrace, ...facts.noTrace] };
  }

  private inherit(facts: ContentFacts, inherited: Inherited): ContentFacts {
    if (facts.references.length > 0 || facts.noTrace.length > 0) return facts;
    return { ...facts, ...copyInherited(inherited), inherits: true };
  }

  /** Front matter keys that are trace labels (`goal`, `goals`, `supports`, `vision`…) for these layers. */
  private frontMatterTraces(layers: ReadonlySet<LabelLayer>): Inherited {
    const fm = this.info.frontMatter;
    const out: Inherited = { references: [], noTrace: [] };
    if (!fm) return out;
    for (const [key, value] of Object.entries(fm.data)) {
      const layer = this.ctx.syntax.labelOf(key.replace(/[-_]/g, ' '));
      if (!layer || !layers.has(layer)) continue;
      const values = stringValues(value);
      const keyAt = findKeyOffset(fm.block.yaml, key);
      const keyStart = fm.block.yamlStart + keyAt;
      if (values.length === 0 || values.every((v) => v.trim() === '')) {
        out.noTrace.push({ text: '', range: this.ctx.lines.range(keyStart, keyStart + key.length) });
        continue;
      }
      let searchFrom = keyAt;
      for (const v of values) {
        const at = fm.block.yaml.indexOf(v, searchFrom);
        const start = fm.block.yamlStart + (at >= 0 ? at : keyAt);
        if (at >= 0) searchFrom = at + v.length;
        // Each front matter list entry is one reference, commas and all.
        const parsed = parseReferenceValue(v, start, this.ctx.definitions, false);
        for (const ref of parsed.references) {
          out.references.push({
            text: ref.text,
            range: this.ctx.lines.range(ref.start, ref.end),
            via: 'front-matter',
            ...(ref.link !== undefined ? { link: ref.link } : {}),
            explicit: true,
          });
        }
        if (parsed.noTrace) out.noTrace.push({ text: parsed.noTrace.text, range: this.ctx.lines.range(parsed.noTrace.start, parsed.noTrace.end) });
      }
    }
    return out;
  }

  /** A goal file's measurable target from front matter (`metric:`, `target:`, `key results:`), as text. */
  private frontMatterMetric(): string | undefined {
    const data = this.info.frontMatter?.data ?? {};
    for (const key of ['metric', 'metrics', 'target', 'targets', 'kr', 'krs', 'key results', 'keyResults', 'key-results']) {
      const values = stringValues(data[key]).filter((v) => v.trim() !== '');
      if (values.length > 0) return `${key}: ${values.join('; ')}`;
    }
    return undefined;
  }

  private docItem(kind: NodeKind): Item {
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

  private addHeadingItem(kind: NodeKind, h: HeadingInfo, facts: ContentFacts, section: RootContent[]): Item {
    const { title, id, attributeId } = this.ctx.syntax.titleAndId(h.text);
    const alias = this.ctx.syntax.withoutLeadingLabel(title);
    const lastNode = section[section.length - 1];
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

  /** Headings inside a goal's section address the goal too (`goals.md#kr-12-…`, `KR1.2`). */
  private addSubAnchors(item: Item, h: HeadingInfo): void {
    if (item.layout === 'heading') {
      for (const sub of this.input.headings) {
        if (sub.index <= h.index) continue;
        if (sub.depth <= h.depth) break;
        this.setAnchor(sub.slug, item, false);
      }
    } else if (h !== this.input.titleHeading) this.setAnchor(h.slug, item, false);
  }

  private makeItem(spec: ItemSpec): Item {
    const idSpan = spec.id && spec.idSearch ? findToken(this.ctx.text, spec.idSearch[0], spec.idSearch[1], spec.id) : undefined;
    // Items outlive the document version they were read from (incremental extraction): keep none of
    // their strings as views of that version's text.
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
      if (spec.facts.inherits) for (const r of this.recordings) r.inheriting.add(item);
    }
    return item;
  }

  private setAnchor(anchor: string, item: Item, ifAbsent: boolean): void {
    for (const r of this.recordings) r.anchors.push({ anchor, item, ifAbsent });
    if (!ifAbsent || !this.info.anchors.has(anchor)) this.info.anchors.set(anchor, item);
  }
}

interface Inherited {
  references: Reference[];
  noTrace: NoTraceMarker[];
}

interface ItemSpec {
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

/**
 * A two-column table with an empty header cell (`| Metadata | |`) describes the document; its rows
 * are fields, not roadmap items.
 */
function isMetadataTable(table: Table): boolean {
  const header = table.children[0];
  return !!header && header.children.length === 2 && plainText(header.children[1]!).trim() === '';
}

/** Does a folded heading answer a folded synonym: equal, or starting with it as whole words. */
function answers(folded: string, synonym: string): boolean {
  return folded === synonym || folded.startsWith(synonym + ' ');
}

/** Longest title shown for a list item; the rest of a long bullet is its description. */
const MAX_LIST_TITLE = 100;

/**
 * A list item's title: its first line up to a trailing field (`**Templates** — Goal: G2`); for a
 * bullet with no field, the start of its paragraph up to a dash separator or the end of the first
 * sentence, so a hard-wrapped bullet is not cut mid-line.
 */
function listItemTitle(syntax: Syntax, firstLine: string, paragraph: string): ReturnType<Syntax['titleAndId']> {
  if (syntax.fieldAtEnd(firstLine)) return syntax.titleAndId(firstLine);
  const joined = paragraph.replace(/\s+/g, ' ').trim();
  const parsed = syntax.titleAndId(joined);
  let title = parsed.title;
  const cut = title.search(/\s[—–-]\s|(?<=[\p{L}\p{N})]{3}[.!?])\s+(?=\p{Lu})/u);
  if (cut > 0) title = title.slice(0, cut).replace(/[.]$/, '');
  if (title.length > MAX_LIST_TITLE) {
    const space = title.lastIndexOf(' ', MAX_LIST_TITLE);
    title = `${title.slice(0, space > MAX_LIST_TITLE / 2 ? space : MAX_LIST_TITLE)}…`;
  }
  return { ...parsed, title };
}

function firstParagraphLine(paragraph: Paragraph): string {
  const text = plainText(paragraph);
  const nl = text.search(/\r\n|\r|\n/);
  return nl >= 0 ? text.slice(0, nl) : text;
}

function setGroup(item: Item, groups: HeadingInfo[]): void {
  const group = groups[groups.length - 1];
  if (group) item.group = group.text;
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

/** A cache key for the inherited traces: what they say and where. */
function signature(inherited: Inherited): string {
  return JSON.stringify([inherited.references, inherited.noTrace]);
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

/** Offsets of a front matter line `key: value` (the whole line), to search its value. */
function frontMatterLineSpan(info: DocumentInfo, key: string): [number, number] | undefined {
  const block = info.frontMatter?.block;
  if (!block) return undefined;
  const m = new RegExp(`^${key}[ \\t]*:.*$`, 'm').exec(block.yaml);
  return m ? [block.yamlStart + m.index + key.length + 1, block.yamlStart + m.index + m[0].length] : undefined;
}

function findKeyOffset(yaml: string, key: string): number {
  const m = new RegExp(`^["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?[ \\t]*:`, 'm').exec(yaml);
  return m ? m.index : 0;
}

