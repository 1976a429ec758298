import type { DocumentInfo } from './analyze/document';
import type { LinkedModel } from './link';
import { dirname, relative, splitLink } from './paths';
import { contentWords, foldTitle, similarity } from './text';
import type { Item, Reference } from './types';

/**
 * The candidate a mistyped reference most likely meant (FORMAT.md §3 "did you mean"). Among equally
 * close candidates (G5 is one edit from G1…G4), the one whose text best matches the item wins.
 */
export function closestTarget(candidates: readonly Item[], ref: Reference, from?: Item): Item | undefined {
  const fragment = ref.link !== undefined ? splitLink(ref.link).fragment : undefined;
  const text = fragment ?? ref.text;
  const upperText = text.toUpperCase();
  const foldedText = foldTitle(text);
  const lowerText = text.toLowerCase();
  const words = contentWords(text);
  let bestScore = -1;
  let tied: Item[] = [];
  for (const item of candidates) {
    let score = Math.max(similarity(foldedText, foldTitle(item.title)), overlap(words, contentWords(item.title)));
    for (const id of [item.id, ...item.subIds]) if (id) score = Math.max(score, similarity(upperText, id.toUpperCase()));
    for (const a of item.anchors) score = Math.max(score, similarity(lowerText, a));
    if (score > bestScore) {
      bestScore = score;
      tied = [item];
    } else if (score === bestScore) tied.push(item);
  }
  if (tied.length < 2 || !from) return tied[0];
  // Among the equally close, the one whose words best match the item's text (the first on a tie).
  const df = documentFrequencies(candidates);
  const query = wordsOf(from);
  let best = tied[0];
  let bestRelevance = -1;
  for (const item of tied) {
    const relevance = textScore(query, wordsOf(item), df, candidates.length);
    if (relevance > bestRelevance) {
      best = item;
      bestRelevance = relevance;
    }
  }
  return best;
}

/**
 * Ranks candidates by how well their words match an item's title and text: words shared, weighted
 * by how rare they are among the candidates, so "retention" counts more than "users".
 */
export function rankByText(candidates: readonly Item[], item: Item, limit = 3): Array<{ item: Item; score: number }> {
  const query = wordsOf(item);
  const df = documentFrequencies(candidates);
  const scored = candidates.map((candidate, i) => ({ item: candidate, score: textScore(query, wordsOf(candidate), df, candidates.length), order: i }));
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.slice(0, limit).map(({ item: it, score }) => ({ item: it, score }));
}

function textScore(query: Set<string>, words: Set<string>, df: Map<string, number>, total: number): number {
  let score = 0;
  for (const w of query) if (words.has(w)) score += Math.log(1 + total / (df.get(w) ?? 1));
  return score;
}

const frequencies = new WeakMap<readonly Item[], Map<string, number>>();

/** In how many candidates each word occurs; once per list of candidates (a product's goals, per check). */
function documentFrequencies(candidates: readonly Item[]): Map<string, number> {
  let df = frequencies.get(candidates);
  if (!df) {
    df = new Map();
    for (const c of candidates) for (const w of wordsOf(c)) df.set(w, (df.get(w) ?? 0) + 1);
    frequencies.set(candidates, df);
  }
  return df;
}

const words = new WeakMap<Item, Set<string>>();

/** An item's content words (its title counted twice), computed once per item. */
function wordsOf(item: Item): Set<string> {
  let set = words.get(item);
  if (!set) words.set(item, (set = new Set(contentWords(`${item.title} ${item.title} ${item.excerpt}`))));
  return set;
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

function overlap(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const setB = new Set(b);
  const shared = a.filter((w) => setB.has(w)).length;
  return shared / Math.max(a.length, b.length);
}

function escapeLinkText(s: string): string {
  return s.replace(/([[\]\\])/g, '\\$1');
}
