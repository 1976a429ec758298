import type { DocumentInfo } from './analyze/document';
import type { LinkedModel, Resolution } from './link';
import { decodeComponent, dirname, relative, splitLink } from './paths';
import { contentWords, foldTitle } from './text';
import type { Item } from './types';

// Suggestions for traces (docs/format.md "Fixes: what Throughline writes, and what it never guesses").
// Two kinds, never mixed up:
// - `certainTarget`: the one target a broken reference can only have meant (it differs by case,
//   spacing, punctuation or one typo in a long title). Only these fixes are preferred: Fix All, fix
//   on save and `throughline check --fix` apply them.
// - `rankByMeaning`: the targets an item's words point to, best first, for the user to choose from.

/** A title shorter than this (folded) is never corrected for a typo: one letter changes its meaning. */
const MIN_TYPO_LENGTH = 12;

/**
 * The single target a broken reference certainly meant, or undefined. Certain means: its ID equals
 * one target's ID once case, spaces, dots and dashes are ignored (`g-1`, `G 1` → `G1`, never `G7` →
 * `G1`); or its title (or link anchor) is one typo (a letter added, dropped, changed or two swapped)
 * away from exactly one target's, in a title of at least 12 letters, with no other target within
 * two typos.
 */
export function certainTarget(candidates: readonly Item[], resolution: Resolution): { item: Item; why: string } | undefined {
  const { ref } = resolution;
  if (ref.inferred) return undefined;
  const index = indexOf(candidates);
  if (ref.link !== undefined) {
    const fragment = splitLink(ref.link).fragment;
    const doc = resolution.doc;
    if (resolution.problem !== 'dangling-anchor' || !fragment || !doc) return undefined;
    const anchors = [...doc.anchors.entries()].filter(([, item]) => index.has(item)).map(([anchor, item]) => ({ item, name: anchor }));
    const item = oneTypoAway(decodeComponent(fragment).toLowerCase(), anchors);
    return item && { item, why: 'its anchor is one typo away from that heading’s' };
  }
  if (resolution.problem !== 'not-found') return undefined;
  const text = ref.text.trim();
  const id = idKey(text);
  if (id !== undefined) {
    const matches = index.byId.get(id);
    const item = matches?.size === 1 ? [...matches][0] : undefined;
    return item && { item, why: 'the IDs differ only in case, spacing or punctuation' };
  }
  const item = index.remember(index.typos, text, () => oneTypoAway(foldTitle(text), index.namesNear(foldTitle(text).length, MIN_TYPO_LENGTH)));
  return item && { item, why: 'the titles differ by one typo' };
}

/**
 * The one candidate whose title (or alias) a written name is within two typos of, when no other
 * is (`Consumabel` → `Consumable`): a likely meaning to name and offer, never to apply on its own,
 * since short names are often near several words. An ID that exists nowhere is not a misspelt title.
 */
export function nearName(candidates: readonly Item[], written: string): Item | undefined {
  const folded = foldTitle(written);
  if (folded.length < 5 || idKey(written.trim()) !== undefined) return undefined;
  const index = indexOf(candidates);
  return index.remember(index.near, folded, () => {
    const near = new Set<Item>();
    for (const { item, name } of index.namesNear(folded.length, 0)) if (typoDistance(folded, name, 2) <= 2) near.add(item);
    return near.size === 1 ? [...near][0] : undefined;
  });
}

/** `G-1`, `g 1`, `KR-1.2` → `G1`, `KR1.2`: an ID with case and separators dropped; undefined for anything else. */
function idKey(text: string): string | undefined {
  const m = /^([A-Za-z]{1,5})[\s._-]*(\d+)(?:[.](\d+))?$/.exec(text);
  return m ? `${m[1]!.toUpperCase()}${Number(m[2])}${m[3] !== undefined ? `.${Number(m[3])}` : ''}` : undefined;
}

function oneTypoAway(written: string, names: ReadonlyArray<{ item: Item; name: string }>): Item | undefined {
  if (written.length < MIN_TYPO_LENGTH) return undefined;
  const near = new Set<Item>();
  let best: Item | undefined;
  for (const { item, name } of names) {
    if (name.length < MIN_TYPO_LENGTH) continue;
    const d = typoDistance(written, name, 2);
    if (d <= 2) near.add(item);
    if (d <= 1) best = item;
  }
  return best && near.size === 1 ? best : undefined;
}

/**
 * Edit distance where swapping two neighbouring letters is one typo (optimal string alignment),
 * bounded: returns `max + 1` as soon as the distance must exceed `max`.
 */
export function typoDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      row.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

export interface Ranked {
  item: Item;
  score: number;
  /** The telling words the item and the candidate share, most telling first, as the candidate writes them. */
  shared: string[];
}

/** BM25's usual constants: how fast repeated words stop counting, and how much length matters. */
const K1 = 1.2;
const B = 0.75;

/**
 * Ranks candidates (a product's goals, or its vision and pillars) by how well their words (title,
 * aliases, metric, text) match the item's (title and text), with BM25: a word shared with few
 * candidates counts more than one they all use. Returns only candidates that share a word with the
 * item that tells them apart (one not every candidate uses, when there are three or more), best
 * first: no words in common, no suggestion. Each item's ranking is kept while neither it nor the
 * candidates change, so a re-check after an edit ranks only the items the edit touched.
 */
export function rankByMeaning(candidates: readonly Item[], item: Item, limit = 3): Ranked[] {
  const index = indexOf(candidates);
  const text = `${item.title} ${item.excerpt}`;
  // By text, not by item: an edit re-reads a whole list, making new items of the same words.
  if (index.has(item)) return rank(index, item, text, limit);
  const key = `${limit}\u0000${text}`;
  let result = index.ranked.get(key);
  if (!result) {
    if (index.ranked.size > 20_000) index.ranked.clear();
    index.ranked.set(key, (result = rank(index, item, text, limit)));
  }
  return result;
}

function rank(index: CandidateIndex, item: Item, text: string, limit: number): Ranked[] {
  const scores = new Map<Item, { score: number; telling: Array<[string, number]>; order: number }>();
  for (const word of new Set(contentWords(text))) {
    const postings = index.postings.get(word);
    // A word used by very many of a large product's goals tells none apart, and would cost a look at
    // each of them for every item: bounded work per reference.
    if (!postings || postings.length > index.commonAt) continue;
    const df = postings.length;
    const idf = Math.log(1 + (index.n - df + 0.5) / (df + 0.5));
    for (const { item: candidate, tf, length, order } of postings) {
      if (candidate === item) continue;
      const part = (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / index.avgLength));
      let entry = scores.get(candidate);
      if (!entry) scores.set(candidate, (entry = { score: 0, telling: [], order }));
      entry.score += part;
      if (index.n <= 2 || df < index.n) entry.telling.push([word, part]);
    }
  }
  const scored: Array<Ranked & { order: number }> = [];
  for (const [candidate, { score, telling, order }] of scores) {
    if (telling.length === 0 || score <= 0) continue;
    const written = index.written.get(candidate)!;
    scored.push({ item: candidate, score, shared: telling.sort((a, b) => b[1] - a[1]).map(([w]) => written.get(w) ?? w), order });
  }
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.slice(0, limit).map(({ order: _order, ...ranked }) => ranked);
}

/**
 * What suggestions need to know about a list of candidates, worked out once: their words (an
 * inverted index for BM25), their IDs, their folded names by length, and the answers already given.
 * Built per list of the same items, so a re-check whose goals did not change reuses it.
 */
class CandidateIndex {
  readonly n: number;
  readonly avgLength: number;
  /** Words more candidates than this use are not scored (see `rank`); never fewer than 200. */
  readonly commonAt: number;
  readonly postings = new Map<string, Array<{ item: Item; tf: number; length: number; order: number }>>();
  readonly written = new Map<Item, Map<string, string>>();
  readonly byId = new Map<string, Set<Item>>();
  private readonly byLength = new Map<number, Array<{ item: Item; name: string }>>();
  private readonly members: ReadonlySet<Item>;
  readonly ranked = new Map<string, Ranked[]>();
  readonly typos = new Map<string, Item | null>();
  readonly near = new Map<string, Item | null>();

  constructor(readonly items: readonly Item[]) {
    this.n = items.length;
    this.commonAt = Math.max(200, Math.ceil(items.length / 10));
    this.members = new Set(items);
    let total = 0;
    items.forEach((c, order) => {
      const title = `${c.title} ${(c.aliases ?? []).join(' ')}`;
      // The title counts twice: it says what the goal is; its text only elaborates.
      const words = contentWords(`${title} ${title} ${c.metric ?? ''} ${c.excerpt}`);
      const tf = new Map<string, number>();
      for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
      for (const [w, n] of tf) {
        let list = this.postings.get(w);
        if (!list) this.postings.set(w, (list = []));
        list.push({ item: c, tf: n, length: words.length, order });
      }
      this.written.set(c, writtenForms(`${title} ${c.metric ?? ''} ${c.excerpt}`));
      total += words.length;
      for (const id of [c.id, ...c.subIds]) {
        const key = id === null ? undefined : idKey(id);
        if (key === undefined) continue;
        let set = this.byId.get(key);
        if (!set) this.byId.set(key, (set = new Set()));
        set.add(c);
      }
      for (const name of [c.title, ...(c.aliases ?? [])].map((t) => foldTitle(t))) {
        let bucket = this.byLength.get(name.length);
        if (!bucket) this.byLength.set(name.length, (bucket = []));
        bucket.push({ item: c, name });
      }
    });
    this.avgLength = items.length ? total / items.length : 0;
  }

  has(item: Item): boolean {
    return this.members.has(item);
  }

  /** Names within two letters of `length` long (only those can be two typos away), at least `min` long. */
  namesNear(length: number, min: number): Array<{ item: Item; name: string }> {
    const out: Array<{ item: Item; name: string }> = [];
    for (let l = Math.max(min, length - 2); l <= length + 2; l++) out.push(...(this.byLength.get(l) ?? []));
    return out;
  }

  remember(cache: Map<string, Item | null>, key: string, work: () => Item | undefined): Item | undefined {
    let found = cache.get(key);
    if (found === undefined) {
      if (cache.size > 10_000) cache.clear();
      cache.set(key, (found = work() ?? null));
    }
    return found ?? undefined;
  }
}

/** The index of the last list holding the same items, by its first item (lists are rebuilt on every check). */
const indexes = new WeakMap<Item, CandidateIndex>();
const EMPTY = new CandidateIndex([]);

/** The same list asked about again within one check: no comparing its items. */
const byList = new WeakMap<readonly Item[], CandidateIndex>();

function indexOf(candidates: readonly Item[]): CandidateIndex {
  const known = byList.get(candidates);
  if (known) return known;
  const first = candidates[0];
  if (!first) return EMPTY;
  let index = indexes.get(first);
  if (!index || index.items.length !== candidates.length || !index.items.every((c, i) => c === candidates[i])) {
    index = new CandidateIndex(candidates);
    indexes.set(first, index);
  }
  byList.set(candidates, index);
  return index;
}

/** Each stemmed word's first form as written (`teams` for `team`), to quote it in a message. */
function writtenForms(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of foldTitle(text).split(' ')) {
    const [stemmed] = contentWords(raw);
    if (stemmed && !out.has(stemmed)) out.set(stemmed, raw);
  }
  return out;
}

/** “audit” and “SOC”, for a message saying why a goal is suggested. */
export function sharedWords(ranked: Ranked, max = 3): string {
  const words = ranked.shared.slice(0, max).map((w) => `“${w}”`);
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * How to write a reference to `target` from `from`: its ID when it has one (short, survives
 * renames of the title), else a Markdown link that shows the title.
 */
export function referenceTextFor(model: LinkedModel, target: Item, from: DocumentInfo): string {
  if (target.id && idLeadsTo(model, target, from)) return target.id;
  return `[${escapeLinkText(target.title)}](${linkTo(model, target, from)})`;
}

/** Whether the target's ID, written in `from`, resolves to it (not to another item sharing the ID). */
function idLeadsTo(model: LinkedModel, target: Item, from: DocumentInfo): boolean {
  const layer = target.kind === 'goal' ? 'goal' : 'vision';
  const found = model.scopeOf.get(from.uri)?.targets[layer].id(target.id!) ?? model.all[layer].id(target.id!);
  return found === target;
}

/** A link path from document `from` to `target`: `goals.md#g1-grow-retention`, or `#…` within a file. */
export function linkTo(model: LinkedModel, target: Item, from: DocumentInfo): string {
  const doc = model.items.get(target)?.doc;
  const path = doc ? (doc === from ? '' : relative(dirname(from.relPath), doc.relPath)) : '';
  const anchor = target.layout === 'document' || target.layout === 'file' ? '' : `#${target.anchors[0] ?? ''}`;
  return encodeURI(path) + anchor;
}

function escapeLinkText(s: string): string {
  return s.replace(/([[\]\\])/g, '\\$1');
}

