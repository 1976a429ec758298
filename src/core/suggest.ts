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
  const relevance = from ? new Map(rankByText(candidates, from, candidates.length).map((r) => [r.item, r.score])) : undefined;
  let best: Item | undefined;
  let bestScore = -1;
  let bestRelevance = -1;
  const fragment = ref.link !== undefined ? splitLink(ref.link).fragment : undefined;
  const text = fragment ?? ref.text;
  for (const item of candidates) {
    const score = Math.max(
      ...[item.id, ...item.subIds].filter((id): id is string => !!id).map((id) => similarity(text.toUpperCase(), id.toUpperCase())),
      similarity(foldTitle(text), foldTitle(item.title)),
      ...item.anchors.map((a) => similarity(text.toLowerCase(), a)),
      overlap(contentWords(text), contentWords(item.title)),
    );
    const rel = relevance?.get(item) ?? 0;
    if (score > bestScore || (score === bestScore && rel > bestRelevance)) {
      best = item;
      bestScore = score;
      bestRelevance = rel;
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
  const docs = candidates.map(wordsOf);
  const df = new Map<string, number>();
  for (const words of docs) for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
  const scored = candidates.map((candidate, i) => {
    let score = 0;
    for (const w of query) if (docs[i]!.has(w)) score += Math.log(1 + candidates.length / (df.get(w) ?? 1));
    return { item: candidate, score, order: i };
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.slice(0, limit).map(({ item: it, score }) => ({ item: it, score }));
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
