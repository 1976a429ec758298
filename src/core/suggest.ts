import type { DocumentInfo } from './analyze/document';
import type { LinkedModel, Resolution } from './link';
import { dirname, relative, splitLink } from './paths';
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
  if (ref.link !== undefined) {
    const fragment = splitLink(ref.link).fragment;
    const doc = resolution.doc;
    if (resolution.problem !== 'dangling-anchor' || !fragment || !doc) return undefined;
    const anchors = [...doc.anchors.entries()].filter(([, item]) => candidates.includes(item)).map(([anchor, item]) => ({ item, names: [anchor] }));
    const item = oneTypoAway(safeDecode(fragment).toLowerCase(), anchors);
    return item && { item, why: 'its anchor is one typo away from that heading’s' };
  }
  if (resolution.problem !== 'not-found') return undefined;
  const text = ref.text.trim();
  const id = idKey(text);
  if (id !== undefined) {
    const matches = new Set(candidates.filter((c) => [c.id, ...c.subIds].some((x) => x !== null && idKey(x) === id)));
    const item = matches.size === 1 ? [...matches][0] : undefined;
    return item && { item, why: 'the IDs differ only in case, spacing or punctuation' };
  }
  const item = oneTypoAway(foldTitle(text), candidates.map((c) => ({ item: c, names: [c.title, ...(c.aliases ?? [])].map((t) => foldTitle(t)) })));
  return item && { item, why: 'the titles differ by one typo' };
}

/**
 * The one candidate whose title (or alias) a written name is within two typos of, when no other
 * is (`Consumabel` → `Consumable`): a likely meaning to name and offer, never to apply on its own,
 * since short names are often near several words.
 */
export function nearName(candidates: readonly Item[], written: string): Item | undefined {
  const folded = foldTitle(written);
  if (folded.length < 5) return undefined;
  const near = new Set<Item>();
  for (const c of candidates) {
    if ([c.title, ...(c.aliases ?? [])].some((t) => typoDistance(folded, foldTitle(t), 2) <= 2)) near.add(c);
  }
  return near.size === 1 ? [...near][0] : undefined;
}

/** `G-1`, `g 1`, `KR-1.2` → `G1`, `KR1.2`: an ID with case and separators dropped; undefined for anything else. */
function idKey(text: string): string | undefined {
  const m = /^([A-Za-z]{1,5})[\s._-]*(\d+)(?:[.](\d+))?$/.exec(text);
  return m ? `${m[1]!.toUpperCase()}${Number(m[2])}${m[3] !== undefined ? `.${Number(m[3])}` : ''}` : undefined;
}

function oneTypoAway(written: string, candidates: Array<{ item: Item; names: string[] }>): Item | undefined {
  if (written.length < MIN_TYPO_LENGTH) return undefined;
  const near = new Set<Item>();
  let best: Item | undefined;
  for (const { item, names } of candidates) {
    for (const name of names) {
      if (name.length < MIN_TYPO_LENGTH) continue;
      const d = typoDistance(written, name, 2);
      if (d <= 2) near.add(item);
      if (d <= 1) best = item;
    }
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
 * first: no words in common, no suggestion.
 */
export function rankByMeaning(candidates: readonly Item[], item: Item, limit = 3): Ranked[] {
  const index = indexOf(candidates);
  const query = new Set(contentWords(`${item.title} ${item.excerpt}`));
  const scored: Array<Ranked & { order: number }> = [];
  candidates.forEach((candidate, order) => {
    if (candidate === item) return;
    const doc = index.docs.get(candidate)!;
    let score = 0;
    // The words that tell this candidate apart (not used by every candidate), most telling first.
    const telling: Array<[string, number]> = [];
    for (const word of query) {
      const tf = doc.tf.get(word);
      if (!tf) continue;
      const df = index.df.get(word) ?? 1;
      const idf = Math.log(1 + (index.n - df + 0.5) / (df + 0.5));
      const part = (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / index.avgLength));
      score += part;
      if (index.n <= 2 || df < index.n) telling.push([word, part]);
    }
    if (telling.length === 0 || score <= 0) return;
    const shared = telling.sort((a, b) => b[1] - a[1]).map(([w]) => doc.written.get(w) ?? w);
    scored.push({ item: candidate, score, shared, order });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.slice(0, limit).map(({ order: _order, ...ranked }) => ranked);
}

interface Indexed {
  n: number;
  avgLength: number;
  df: Map<string, number>;
  docs: Map<Item, { tf: Map<string, number>; length: number; written: Map<string, string> }>;
}

const indexes = new WeakMap<readonly Item[], Indexed>();

/** The candidates' words, counted once per list of candidates (a product's goals, per check). */
function indexOf(candidates: readonly Item[]): Indexed {
  let index = indexes.get(candidates);
  if (index) return index;
  index = { n: candidates.length, avgLength: 0, df: new Map(), docs: new Map() };
  let total = 0;
  for (const c of candidates) {
    const title = `${c.title} ${(c.aliases ?? []).join(' ')}`;
    // The title counts twice: it says what the goal is; its text only elaborates.
    const words = contentWords(`${title} ${title} ${c.metric ?? ''} ${c.excerpt}`);
    const tf = new Map<string, number>();
    for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
    for (const w of tf.keys()) index.df.set(w, (index.df.get(w) ?? 0) + 1);
    index.docs.set(c, { tf, length: words.length, written: writtenForms(`${title} ${c.metric ?? ''} ${c.excerpt}`) });
    total += words.length;
  }
  index.avgLength = candidates.length ? total / candidates.length : 0;
  indexes.set(candidates, index);
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

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
