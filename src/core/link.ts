import type { DocumentInfo } from './analyze/document';
import { decodeComponent, dirname, isInside, join, splitLink } from './paths';
import { foldTitle } from './text';
import type { Item, Reference } from './types';

/** A product scope (docs/format.md §1): a folder that holds a vision doc, or the workspace folder itself. */
export interface Scope {
  /** The scope's folder relative to the workspace folder ('' for the workspace folder). */
  dir: string;
  docs: DocumentInfo[];
  visions: DocumentInfo[];
  targets: { goal: TargetIndex; vision: TargetIndex };
}

/** The layer a reference must reach: roadmap items trace to goals, goals to the vision. */
export type Layer = 'goal' | 'vision';

export type Problem =
  /** Nothing has this ID, title or path. */
  | 'not-found'
  /** It names something, but not of the layer above (a roadmap item naming a vision pillar). */
  | 'wrong-layer'
  /** The file exists and is of the layer above, but the `#anchor` names no heading in it. */
  | 'dangling-anchor'
  /** The link names the goals document as a whole, not one goal in it. */
  | 'whole-document';

export interface Resolution {
  ref: Reference;
  target?: Item;
  problem?: Problem;
  /** What the reference named instead, for `wrong-layer`. */
  other?: Item;
  /** The document a link reached, for `dangling-anchor` and `whole-document`. */
  doc?: DocumentInfo;
}

export interface LinkedItem {
  item: Item;
  doc: DocumentInfo;
  scope: Scope;
  /** Resolutions of the item's references (prose links that lead elsewhere are left out). */
  resolutions: Resolution[];
  /** The distinct items this one traces to. */
  traces: Item[];
  /** The items that trace to this one. */
  tracedBy: Item[];
}

export interface LinkedModel {
  /** The workspace folder's URI, ending in `/` (for fixes that create files). */
  rootUri: string;
  docs: DocumentInfo[];
  scopes: Scope[];
  scopeOf: Map<string, Scope>;
  items: Map<Item, LinkedItem>;
  /** Targets across the whole workspace folder: the fallback after the item's own scope. */
  all: { goal: TargetIndex; vision: TargetIndex };
  docsByPath: Map<string, DocumentInfo>;
  /** The same documents by lower-cased path, for links written in another case (the first in path order wins). */
  docsByFoldedPath: Map<string, DocumentInfo>;
}

/** Lookups of one layer's items by ID and by folded title. */
export class TargetIndex {
  readonly items: Item[] = [];
  private readonly byId = new Map<string, Item>();
  private readonly byTitle = new Map<string, Item>();

  add(item: Item): void {
    this.items.push(item);
    for (const id of [item.id, ...item.subIds]) {
      if (id && !this.byId.has(id.toUpperCase())) this.byId.set(id.toUpperCase(), item);
    }
    for (const t of [item.title, ...(item.aliases ?? [])]) {
      const title = foldTitle(t);
      if (title && !this.byTitle.has(title)) this.byTitle.set(title, item);
    }
  }

  id(id: string): Item | undefined {
    return this.byId.get(id.toUpperCase());
  }

  title(title: string): Item | undefined {
    return this.byTitle.get(foldTitle(title));
  }
}

const LAYER_OF: Partial<Record<Item['kind'], Layer>> = { 'roadmap-item': 'goal', goal: 'vision' };

export function targetLayerOf(item: Item): Layer | undefined {
  return LAYER_OF[item.kind];
}

function isOfLayer(item: Item, layer: Layer): boolean {
  return layer === 'goal' ? item.kind === 'goal' : item.kind === 'vision' || item.kind === 'vision-section';
}

/** Builds scopes, resolves every reference and records traces both ways. */
export function link(docs: DocumentInfo[], rootUri = ''): LinkedModel {
  const sorted = [...docs].sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  const scopes = buildScopes(sorted);
  const scopeOf = new Map<string, Scope>();
  const all = { goal: new TargetIndex(), vision: new TargetIndex() };
  const docsByPath = new Map<string, DocumentInfo>();
  const docsByFoldedPath = new Map<string, DocumentInfo>();
  for (const doc of sorted) {
    docsByPath.set(doc.relPath, doc);
    const folded = doc.relPath.toLowerCase();
    if (!docsByFoldedPath.has(folded)) docsByFoldedPath.set(folded, doc);
    const scope = scopeFor(scopes, doc.relPath);
    scope.docs.push(doc);
    if (doc.kind === 'vision') scope.visions.push(doc);
    scopeOf.set(doc.uri, scope);
    for (const item of itemsOf(doc)) {
      if (item.kind === 'goal') {
        scope.targets.goal.add(item);
        all.goal.add(item);
      } else if (item.kind === 'vision' || item.kind === 'vision-section') {
        scope.targets.vision.add(item);
        all.vision.add(item);
      }
    }
  }
  const model: LinkedModel = { rootUri: rootUri.endsWith('/') ? rootUri : `${rootUri}/`, docs: sorted, scopes, scopeOf, items: new Map(), all, docsByPath, docsByFoldedPath };
  for (const doc of sorted) {
    const scope = scopeOf.get(doc.uri)!;
    for (const item of itemsOf(doc)) {
      // Only goals and the vision are traced to; everything else shares one empty list, as do
      // items with no references (this runs on every re-check, for every item).
      const tracedBy = item.kind === 'roadmap-item' || item.kind === 'strategy' ? NONE : [];
      model.items.set(item, { item, doc, scope, resolutions: NONE, traces: NONE, tracedBy });
    }
  }
  const epoch = targetEpoch(sorted, scopes);
  for (const linked of model.items.values()) {
    const layer = targetLayerOf(linked.item);
    if (!layer || linked.item.references.length === 0) continue;
    // An item whose traces all resolved, against the same targets, resolves the same way again:
    // its resolutions and traces are shared with the previous check, never changed. (A reused
    // item's inherited references are replaced when its group's traces change: the references
    // array is part of the memo.)
    const references = linked.item.references;
    let memo = resolved.get(linked.item);
    if (!memo || memo.epoch !== epoch || memo.scope !== linked.scope.dir || memo.references !== references) {
      const resolutions = resolveItem(model, linked, layer);
      const traces = [...new Set(resolutions.flatMap((r) => (r.target ? [r.target] : [])))];
      memo = { epoch, scope: linked.scope.dir, references, resolutions, traces };
      if (resolutions.every((r) => r.target)) resolved.set(linked.item, memo);
    }
    linked.resolutions = memo.resolutions;
    linked.traces = memo.traces;
    for (const target of memo.traces) model.items.get(target)?.tracedBy.push(linked.item);
  }
  reportUnresolvedParentheticals(model);
  return model;
}

/**
 * A doc that names goals in parentheses (`Lockfile v2 (Consumable)`) for two or more items, and for
 * most items that have such a name, means it as a trace: a name there that leads nowhere is a broken
 * reference (docs/format.md §8), reported with the closest goal, not an untraced item.
 */
function reportUnresolvedParentheticals(model: LinkedModel): void {
  const byDoc = new Map<DocumentInfo, LinkedItem[]>();
  for (const linked of model.items.values()) {
    if (!linked.item.references.some((r) => r.via === 'parenthetical')) continue;
    const list = byDoc.get(linked.doc);
    if (list) list.push(linked);
    else byDoc.set(linked.doc, [linked]);
  }
  for (const list of byDoc.values()) {
    const resolved = list.filter((l) => l.resolutions.some((r) => r.target && r.ref.via === 'parenthetical'));
    if (resolved.length < 2 || resolved.length * 2 < list.length) continue;
    for (const linked of list) {
      if (linked.traces.length > 0 || linked.resolutions.some((r) => r.problem)) continue;
      const ref = linked.item.references.find((r) => r.via === 'parenthetical')!;
      linked.resolutions = [...linked.resolutions, { ref, problem: 'not-found' }];
    }
  }
}

/** The empty list most items share (see `link`); frozen, so nothing can add to it by mistake. */
const NONE = Object.freeze([]) as unknown as never[];

function resolveItem(model: LinkedModel, linked: LinkedItem, layer: Layer): Resolution[] {
  const out: Resolution[] = [];
  const wholes = new Map<string, Resolution | undefined>();
  for (const ref of linked.item.references) {
    let resolution: Resolution | undefined;
    if (ref.whole && ref.link === undefined) {
      // A split value is first tried as one title (`Goal: Build, test and ship faster`).
      const key = `${ref.whole.range.start.line}:${ref.whole.range.start.character}`;
      if (!wholes.has(key)) {
        const whole = resolve(model, linked, { ...ref, text: ref.whole.text, range: ref.whole.range }, layer);
        wholes.set(key, whole?.target ? whole : undefined);
        resolution = wholes.get(key);
      } else if (wholes.get(key)) continue;
    }
    resolution ??= resolve(model, linked, ref, layer);
    if (resolution) out.push(resolution);
  }
  // docs/format.md §8: the strongest way a trace is written wins (a field or link, then nesting, a legend
  // token, a named parenthetical, prose); weaker ones are kept only when nothing stronger resolves.
  const resolved = out.filter((r) => r.target);
  if (resolved.length === 0) return out.filter((r) => r.problem);
  const best = Math.min(...resolved.map((r) => STRENGTH[r.ref.via]));
  return out.filter((r) => STRENGTH[r.ref.via] === best || r.problem);
}

const STRENGTH: Record<Reference['via'], number> = { field: 1, column: 1, 'front-matter': 1, link: 1, nesting: 2, legend: 3, parenthetical: 4, prose: 5 };

/** Resolutions of items reused across document versions, valid while the targets are the same. */
const resolved = new WeakMap<Item, { epoch: string; scope: string; references: Reference[]; resolutions: Resolution[]; traces: Item[] }>();
const docIds = new WeakMap<DocumentInfo, number>();
let nextDocId = 0;

/** Identifies the set of documents traces can lead to (goals and vision docs, exact versions) and the scopes. */
function targetEpoch(docs: DocumentInfo[], scopes: Scope[]): string {
  const ids: number[] = [];
  for (const doc of docs) {
    if (doc.kind !== 'goals' && doc.kind !== 'goal' && doc.kind !== 'vision') continue;
    let id = docIds.get(doc);
    if (id === undefined) docIds.set(doc, (id = nextDocId++));
    ids.push(id);
  }
  return `${ids.join(',')}|${scopes.map((s) => s.dir).join(',')}`;
}

/** A document's nodes: its root (vision, strategy, file item) and its items. */
export function itemsOf(doc: DocumentInfo): Item[] {
  if (!doc.root) return doc.items;
  let all = withRoot.get(doc);
  if (!all) withRoot.set(doc, (all = doc.items.includes(doc.root) ? doc.items : [doc.root, ...doc.items]));
  return all;
}

/** A document's items are fixed once it is analysed: the list with its root is built once. */
const withRoot = new WeakMap<DocumentInfo, Item[]>();

function buildScopes(docs: DocumentInfo[]): Scope[] {
  const newScope = (dir: string): Scope => ({ dir, docs: [], visions: [], targets: { goal: new TargetIndex(), vision: new TargetIndex() } });
  const visionDirs = new Set(docs.filter((d) => d.kind === 'vision').map((d) => dirname(d.relPath)));
  const scopes = [newScope('')];
  // With one vision doc (or none) the workspace folder is one product; with several, each folder
  // holding a vision doc is a product of its own.
  const visionCount = docs.filter((d) => d.kind === 'vision').length;
  if (visionCount > 1) for (const dir of visionDirs) if (dir !== '') scopes.push(newScope(dir));
  // Deepest first, so a file finds its innermost product.
  return scopes.sort((a, b) => b.dir.length - a.dir.length);
}

function scopeFor(scopes: Scope[], relPath: string): Scope {
  return scopes.find((s) => isInside(relPath, s.dir))!;
}

/**
 * Resolves a reference (docs/format.md §3): a link by its target; text as an ID, then a title; inside the
 * item's scope first, then in the whole workspace folder. Returns undefined for prose links that do
 * not lead to the layer above: those are ordinary links, not references.
 */
export function resolve(model: LinkedModel, from: LinkedItem, ref: Reference, layer: Layer): Resolution | undefined {
  if (ref.link !== undefined) return resolveLink(model, from, ref, layer);
  const text = ref.text.trim();
  const lookups = [from.scope.targets[layer], model.all[layer]];
  for (const candidate of idCandidates(text)) {
    for (const index of lookups) {
      const target = index.id(candidate);
      if (target) return { ref, target };
    }
  }
  for (const index of lookups) {
    const target = index.title(text);
    if (target) return { ref, target };
  }
  // A trace a reader inferred from prose (a heading named like a pillar) counts only when it resolves.
  if (!ref.explicit) return undefined;
  const other = findElsewhere(model, from, text, layer);
  return other ? { ref, problem: 'wrong-layer', other } : { ref, problem: 'not-found' };
}

/** The whole text, a leading ID token (`G1 Grow retention`), or a trailing one (`Grow retention (G1)`). */
function idCandidates(text: string): string[] {
  const out = [text];
  const lead = /^([A-Za-z]{1,5}[-.]?\d+(?:\.\d+)?)(?=[:.\-—–\s]|$)/.exec(text);
  if (lead && lead[1] !== text) out.push(lead[1]!);
  const trail = /\(([A-Za-z]{1,5}[-.]?\d+(?:\.\d+)?)\)\s*$/.exec(text);
  if (trail) out.push(trail[1]!);
  return out;
}

/** An item of another layer with this ID or title, to explain a reference that names the wrong thing. */
function findElsewhere(model: LinkedModel, from: LinkedItem, text: string, layer: Layer): Item | undefined {
  const keys = [foldTitle(text), `#${text.toUpperCase()}`];
  for (const doc of model.docs) {
    const index = itemsByName(doc);
    for (const key of keys) {
      const named = index.get(key);
      const found = (Array.isArray(named) ? named : named ? [named] : []).find((item) => item !== from.item && !isOfLayer(item, layer) && item.kind !== 'strategy');
      if (found) return found;
    }
  }
  return undefined;
}

const byName = new WeakMap<DocumentInfo, Map<string, Item | Item[]>>();

/**
 * A document's items by folded title and by `#ID`: built once per document version, when a reference
 * fails. Most names are unique, so a name maps to its item, and to a list only when it repeats.
 */
function itemsByName(doc: DocumentInfo): Map<string, Item | Item[]> {
  let index = byName.get(doc);
  if (index) return index;
  index = new Map();
  for (const item of itemsOf(doc)) {
    for (const key of nameKeysOf(item)) {
      const named = index.get(key);
      if (named === undefined) index.set(key, item);
      else if (Array.isArray(named)) named.push(item);
      else index.set(key, [named, item]);
    }
  }
  byName.set(doc, index);
  return index;
}

const nameKeys = new WeakMap<Item, string[]>();

/** An item's keys in `itemsByName`; items outlive document versions, so each is worked out once. */
function nameKeysOf(item: Item): string[] {
  let keys = nameKeys.get(item);
  if (!keys) nameKeys.set(item, (keys = [foldTitle(item.title), ...(item.id ? [`#${item.id.toUpperCase()}`] : [])]));
  return keys;
}

function resolveLink(model: LinkedModel, from: LinkedItem, ref: Reference, layer: Layer): Resolution | undefined {
  // A page on another site (`https://…/OKR.md`) is outside the product docs: neither a trace nor a broken one.
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref.link!)) return undefined;
  const { path, fragment } = splitLink(ref.link!);
  // Relative to the file, as Markdown links are; failing that, a path in a trace field or front
  // matter from each folder above the file (the product's folder, say: `supports: vision.md`), and
  // any path from the workspace folder, as doc sites write them.
  const fromDir = dirname(from.doc.relPath);
  const doc =
    path === '' ? from.doc
    : path.startsWith('/') ? findDoc(model, join(path))
    : (findDoc(model, join(fromDir, path)) ?? (ref.explicit ? findDocAbove(model, dirname(fromDir), path) : findDoc(model, join(path))));
  if (!doc) return ref.explicit ? { ref, problem: 'not-found' } : undefined;
  const docIsLayer = layer === 'goal' ? doc.kind === 'goals' || doc.kind === 'goal' : doc.kind === 'vision';
  let target: Item | undefined;
  if (fragment) {
    target = doc.anchors.get(decodeComponent(fragment).toLowerCase());
    // A broken anchor into a goals or vision doc is a broken trace even in prose.
    if (!target) return docIsLayer || ref.explicit ? { ref, problem: 'dangling-anchor', doc } : undefined;
  } else {
    target = doc.root;
    if (!target) return ref.explicit ? { ref, problem: 'whole-document', doc } : undefined;
  }
  if (target && isOfLayer(target, layer)) return { ref, target };
  return ref.explicit ? { ref, problem: 'wrong-layer', ...(target ? { other: target } : {}), doc } : undefined;
}

/** The product doc a link from `from` leads to (relative to it, or from the workspace folder), if any. */
export function linkedDoc(model: LinkedModel, from: DocumentInfo, path: string): DocumentInfo | undefined {
  if (path === '') return from;
  if (path.startsWith('/')) return findDoc(model, join(path));
  return findDoc(model, join(dirname(from.relPath), path));
}

/** Finds a document by a path relative to `dir` or the nearest folder above it that has one. */
function findDocAbove(model: LinkedModel, dir: string, relPath: string): DocumentInfo | undefined {
  for (let at = dir; ; at = dirname(at)) {
    const doc = findDoc(model, join(at, relPath));
    if (doc || at === '') return doc;
  }
}

/** Finds a document by a link path, accepting the extensionless and folder-index forms doc sites use. */
function findDoc(model: LinkedModel, relPath: string): DocumentInfo | undefined {
  for (const candidate of [relPath, `${relPath}.md`, `${relPath}.markdown`, join(relPath, 'index.md'), join(relPath, 'README.md')]) {
    const doc = model.docsByPath.get(candidate);
    if (doc) return doc;
  }
  // A link in another case, as a case-insensitive file system serves it: one lookup, not a scan per link.
  return model.docsByFoldedPath.get(relPath.toLowerCase());
}

