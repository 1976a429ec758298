import type { Item, Position, Range } from '../types';

/**
 * Reuse of items between versions of a document in the editor (README.md "Speed"). The
 * incremental parser hands back the very same Markdown nodes for every chunk an edit did not touch;
 * an item read from the same nodes, in the same context (its goal, its group's fields, the doc's
 * legend), is the same item, only moved to other lines. Each document keeps one cache; entries
 * live as long as their nodes do.
 */
export class ItemCache {
  private entries = new WeakMap<object, Map<string, CachedItem>>();

  private groups = new WeakMap<object, Map<string, CachedGroup>>();

  /** The item made from `node` in context `key`, moved to its new lines, if its nodes and columns are unchanged. */
  take(node: object, key: string, at: Position, lineSpan: number, deps: readonly object[]): Item | undefined {
    const cached = this.entries.get(node)?.get(key);
    if (!cached || cached.character !== at.character || cached.lineSpan !== lineSpan || !sameNodes(cached.deps, deps)) return undefined;
    moveTo(cached.item, at.line + cached.offset, cached.fixedReferences);
    return cached.item;
  }

  put(node: object, key: string, item: Item, at: Position, lineSpan: number, deps: readonly object[], fixedReferences: boolean): void {
    let byKey = this.entries.get(node);
    if (!byKey) this.entries.set(node, (byKey = new Map()));
    // One context per node is what a document holds; older ones are dropped.
    if (byKey.size > 4) byKey.clear();
    byKey.set(key, { item, offset: item.range.start.line - at.line, character: at.character, lineSpan, deps: [...deps], fixedReferences });
  }

  /** What reading a whole group produced, moved to its new lines, if none of its nodes changed. */
  takeGroup(node: object, key: string, at: Position, deps: readonly object[]): GroupResult | undefined {
    const cached = this.groups.get(node)?.get(key);
    if (!cached || cached.character !== at.character || !sameNodes(cached.deps, deps)) return undefined;
    for (const { item, offset, fixedReferences } of cached.items) moveTo(item, at.line + offset, fixedReferences);
    return {
      items: cached.items.map((i) => i.item),
      anchors: cached.anchors,
      marks: cached.marks.map((m) => ({ ...m, range: { start: { line: at.line + m.range.start.line, character: m.range.start.character }, end: { line: at.line + m.range.end.line, character: m.range.end.character } } })),
    };
  }

  putGroup(node: object, key: string, at: Position, deps: readonly object[], result: GroupResult, fixed: (item: Item) => boolean): void {
    let byKey = this.groups.get(node);
    if (!byKey) this.groups.set(node, (byKey = new Map()));
    if (byKey.size > 4) byKey.clear();
    byKey.set(key, {
      character: at.character,
      deps: [...deps],
      items: result.items.map((item) => ({ item, offset: item.range.start.line - at.line, fixedReferences: fixed(item) })),
      anchors: result.anchors,
      marks: result.marks.map((m) => ({ ...m, range: { start: { line: m.range.start.line - at.line, character: m.range.start.character }, end: { line: m.range.end.line - at.line, character: m.range.end.character } } })),
    });
  }
}

/** What a group's reading adds to the document: items, the internal anchors they trace to, markers. */
export interface GroupResult {
  items: Item[];
  anchors: Array<[string, Item]>;
  marks: Array<{ range: Range; role: string; why: string }>;
}

interface CachedGroup {
  character: number;
  deps: object[];
  items: Array<{ item: Item; offset: number; fixedReferences: boolean }>;
  anchors: Array<[string, Item]>;
  marks: Array<{ range: Range; role: string; why: string }>;
}

interface CachedItem {
  item: Item;
  /** The item's first line, counted from the first line of the node it was read from. */
  offset: number;
  character: number;
  lineSpan: number;
  /** Other nodes the item was read from (a heading's section), by identity. */
  deps: object[];
  /** The references sit elsewhere (a group's field the item inherits): they do not move with it. */
  fixedReferences: boolean;
}

function sameNodes(a: readonly object[], b: readonly object[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Moves an item so its title is on `line`, whoever moved it last. */
function moveTo(item: Item, line: number, fixedReferences: boolean): void {
  const delta = line - item.range.start.line;
  if (delta !== 0) shiftItem(item, delta, fixedReferences);
}

/** Moves every position an item holds by `delta` lines; positions shared between ranges move once. */
function shiftItem(item: Item, delta: number, fixedReferences: boolean): void {
  const seen = new Set<Position>();
  const move = (p: Position | undefined) => {
    if (!p || seen.has(p)) return;
    seen.add(p);
    p.line += delta;
  };
  const moveRange = (r: Range | undefined) => {
    move(r?.start);
    move(r?.end);
  };
  moveRange(item.range);
  moveRange(item.contentRange);
  moveRange(item.idRange);
  if (!fixedReferences) {
    for (const ref of item.references) {
      moveRange(ref.range);
      moveRange(ref.whole?.range);
    }
    for (const marker of item.noTrace) moveRange(marker.range);
  }
  const at = item.insertion;
  if (at.mode === 'line') {
    move(at.at);
    move(at.frontMatter?.at);
  } else if (at.mode === 'suffix') move(at.at);
  else if (at.mode === 'cell') moveRange(at.at);
}

let nextAnchor = 0;
const anchors = new WeakMap<Item, string>();

/**
 * An anchor only Throughline uses, addressing an item that a trace was inferred to (a goal a list
 * entry sits under): unique to the item, and the same for as long as the item is reused.
 */
export function internalAnchorOf(item: Item): string {
  let anchor = anchors.get(item);
  if (!anchor) anchors.set(item, (anchor = `~${(nextAnchor++).toString(36)}`));
  return anchor;
}
