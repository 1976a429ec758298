import type { DocumentInfo } from './analyze/document';
import { insertAt, replaceEdit } from './fixes';
import { horizonBucket, type HorizonBucket } from './horizon';
import type { LinkedItem, LinkedModel, Scope } from './link';
import { isPlaceholderTitle } from './placeholder';
import { priorityOf, type ItemPriority, type PriorityValue } from './priority';
import { foldTitle } from './text';
import { periodsIn } from './timeframe';
import type { Item, Range, TextEdit } from './types';

// How a product plans its work over time, as the drift rules, the Prioritise view and the trend
// read it (docs/format.md, “Priorities and drift”): each roadmap item's horizon bucket, the nearest
// horizon (Now, else Next), the goals' ranks, and whether the product's docs rank or date their work
// at all. Drift is only judged in a product that does: a roadmap with neither priorities nor dates
// gets the chain checks alone.

export interface ProductPlan {
  scope: Scope;
  /** The product's roadmap items, in document order. */
  items: LinkedItem[];
  /** The product's goals, in document order. */
  goals: LinkedItem[];
  /** Each roadmap item's horizon bucket; absent for items under no horizon. */
  buckets: Map<Item, HorizonBucket>;
  /**
   * The horizon the team works in now: Now, else Next (the first with items), among the items of
   * the documents that plan (all items when none does); none without horizons.
   */
  nearest?: 'now' | 'next';
  /**
   * The product's documents that carry priorities (fields, columns, front matter) or dates (dated
   * horizons, goal timeframes). A folder of unrelated docs is one product: drift is judged only on
   * the documents that plan, never on a neighbour's behalf.
   */
  planning: Set<DocumentInfo>;
  /** Some of the product's documents plan. */
  plans: boolean;
  /** Goal ranks from 0 to 1 (`Priority: P1`, `Weight: 40%`), for goals that state one. */
  goalLevels: Map<Item, number>;
  /** The distinct goal ranks, highest first. */
  levels: number[];
}

/** A factor of an item's priority, from 0 to 1, and the value it was read from. */
export interface Level {
  level: number;
  from: PriorityValue;
}

const plansByModel = new WeakMap<LinkedModel, Map<string, ProductPlan[]>>();

/** Every product's plan, computed once per model and day. */
export function productPlans(model: LinkedModel, today: Date = new Date()): ProductPlan[] {
  let byDay = plansByModel.get(model);
  if (!byDay) plansByModel.set(model, (byDay = new Map()));
  const day = today.toISOString().slice(0, 10);
  let plans = byDay.get(day);
  if (!plans) byDay.set(day, (plans = model.scopes.filter((s) => s.docs.length > 0).map((s) => planOf(model, s, today))));
  return plans;
}

/** The plan of the product an item belongs to. */
export function planFor(model: LinkedModel, linked: LinkedItem, today?: Date): ProductPlan | undefined {
  return productPlans(model, today).find((p) => p.scope === linked.scope);
}

function planOf(model: LinkedModel, scope: Scope, today: Date): ProductPlan {
  const items: LinkedItem[] = [];
  const goals: LinkedItem[] = [];
  for (const linked of model.items.values()) {
    if (linked.scope !== scope) continue;
    if (linked.item.kind === 'roadmap-item') items.push(linked);
    else if (linked.item.kind === 'goal') goals.push(linked);
  }
  const buckets = new Map<Item, HorizonBucket>();
  const planning = new Set<DocumentInfo>();
  for (const { item, doc } of items) {
    if (item.horizon !== undefined) {
      const bucket = horizonBucket(item.horizon, today);
      if (bucket) buckets.set(item, bucket);
      if (!planning.has(doc) && periodsIn(item.horizon).length > 0) planning.add(doc);
    }
    if (!planning.has(doc) && hasAny(priorityOf(item, doc))) planning.add(doc);
  }
  const goalLevels = new Map<Item, number>();
  const ranks: Array<[Item, number]> = [];
  const weights: Array<[Item, number]> = [];
  for (const { item, doc } of goals) {
    const p = priorityOf(item, doc);
    if (!planning.has(doc) && hasAny(p)) planning.add(doc);
    const value = p.fields.priority ?? p.fields.weight;
    if (!value) continue;
    if (value.level !== undefined) goalLevels.set(item, value.level);
    else if (value.number !== undefined) (value === p.fields.priority ? ranks : weights).push([item, value.number]);
  }
  // `Priority: 1` is the first rank; `Weight: 40` is a share of the largest weight.
  const maxRank = Math.max(0, ...ranks.map(([, n]) => n));
  for (const [item, n] of ranks) goalLevels.set(item, maxRank > 0 ? (maxRank - n + 1) / maxRank : 1);
  const maxWeight = Math.max(0, ...weights.map(([, n]) => n));
  for (const [item, n] of weights) goalLevels.set(item, maxWeight > 0 ? n / maxWeight : 1);
  const levels = [...new Set(goalLevels.values())].sort((a, b) => b - a);
  // A roadmap that serves ranked or dated goals plans with them, whatever it says itself.
  const planningGoal = (goal: Item) => {
    const doc = model.items.get(goal)?.doc;
    return doc !== undefined && planning.has(doc);
  };
  for (const l of items) if (!planning.has(l.doc) && l.traces.some(planningGoal)) planning.add(l.doc);
  const planned = planning.size > 0 ? items.filter((l) => planning.has(l.doc)) : items;
  const nearest = nearestOf(planned, buckets);
  return { scope, items, goals, buckets, ...(nearest ? { nearest } : {}), planning, plans: planning.size > 0, goalLevels, levels };
}

/** The nearest horizon with items among `items`: Now, else Next. */
export function nearestOf(items: readonly LinkedItem[], buckets: ReadonlyMap<Item, HorizonBucket>): 'now' | 'next' | undefined {
  const inBucket = (b: HorizonBucket) => items.some((l) => buckets.get(l.item) === b);
  return inBucket('now') ? 'now' : inBucket('next') ? 'next' : undefined;
}

function hasAny(p: ItemPriority): boolean {
  return p.due !== undefined || Object.keys(p.fields).length > 0;
}

/** Whether a goal is the product's lowest-ranked one (the product ranks its goals at two levels or more). */
export function isLowestGoal(plan: ProductPlan, goal: Item): boolean {
  const level = plan.goalLevels.get(goal);
  return level !== undefined && plan.levels.length >= 2 && level === plan.levels[plan.levels.length - 1];
}

/** Whether a goal is among the product's top-ranked ones. */
export function isTopGoal(plan: ProductPlan, goal: Item): boolean {
  const level = plan.goalLevels.get(goal);
  return level !== undefined && (plan.levels.length >= 2 ? level === plan.levels[0] : level >= 0.8);
}

/** Items that name work, not a prompt (`New item for …`, `TBD`). */
export function namesWork(item: Item): boolean {
  return !isPlaceholderTitle(item.title);
}

const levelCache = new WeakMap<ProductPlan, Map<string, { max: number; scale: number }>>();

/**
 * An item's factors from 0 to 1: impact (`Impact:`, else a score such as `RICE: 42` against the
 * product's largest), urgency (`Urgency:`, else `Priority:`), confidence and effort. A number with
 * no scale of its own is read against the product's values of the same field: out of 5 when none
 * is larger, out of 10, out of 100, else out of the largest. A priority number is a rank (1 first).
 */
export function itemLevels(plan: ProductPlan, linked: LinkedItem): Partial<Record<'impact' | 'urgency' | 'confidence' | 'effort', Level>> {
  const p = priorityOf(linked.item, linked.doc);
  const out: Partial<Record<'impact' | 'urgency' | 'confidence' | 'effort', Level>> = {};
  const read = (field: 'impact' | 'urgency' | 'confidence' | 'effort' | 'priority' | 'score', value: PriorityValue | undefined): Level | undefined => {
    if (!value) return undefined;
    if (value.level !== undefined) return { level: value.level, from: value };
    if (value.number === undefined) return undefined;
    const { max, scale } = fieldScale(plan, field);
    if (field === 'priority') return { level: max > 0 ? Math.max(0, (max - value.number + 1) / max) : 1, from: value };
    return { level: Math.min(1, value.number / (field === 'score' || field === 'effort' ? max || 1 : scale)), from: value };
  };
  const impact = read('impact', p.fields.impact) ?? read('score', p.fields.score);
  const urgency = read('urgency', p.fields.urgency) ?? read('priority', p.fields.priority);
  const confidence = read('confidence', p.fields.confidence);
  const effort = read('effort', p.fields.effort);
  if (impact) out.impact = impact;
  if (urgency) out.urgency = urgency;
  if (confidence) out.confidence = confidence;
  if (effort) out.effort = effort;
  return out;
}

function fieldScale(plan: ProductPlan, field: string): { max: number; scale: number } {
  let byField = levelCache.get(plan);
  if (!byField) levelCache.set(plan, (byField = new Map()));
  let found = byField.get(field);
  if (!found) {
    const numbers = plan.items.map((l) => (priorityOf(l.item, l.doc).fields as Record<string, PriorityValue | undefined>)[field]?.number).filter((n): n is number => n !== undefined);
    const max = Math.max(0, ...numbers);
    byField.set(field, (found = { max, scale: max <= 5 ? 5 : max <= 10 ? 10 : max <= 100 ? 100 : max }));
  }
  return found;
}

/** The heading of a horizon group in a document (`## Now`), found above the first item under it. */
export function horizonHeading(doc: DocumentInfo, horizon: string, before: number): { line: number; range: Range; depth: number } | undefined {
  const folded = foldTitle(horizon);
  for (let line = Math.min(before, doc.lines.lineCount - 1); line >= 0; line--) {
    const h = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(doc.lines.lineText(line));
    if (!h || foldTitle(h[2]!.replace(/[*_`]/g, '')) !== folded) continue;
    const start = doc.lines.lineText(line).indexOf(h[2]!);
    return { line, depth: h[1]!.length, range: { start: { line, character: start }, end: { line, character: start + h[2]!.length } } };
  }
  return undefined;
}

/**
 * Edits that move a roadmap item to another horizon of its own document (`Move to Next`): its
 * lines cut from where they are and written after the last item of the same layout under that
 * horizon's heading, or at the end of that section; a one-item file's front matter `horizon:`
 * changed. Undefined when the document has no such horizon, or the item would not fit there (a
 * table row into a section without a table like its own).
 */
export function moveEdits(plan: ProductPlan, linked: LinkedItem, to: HorizonBucket, today?: Date): { edits: TextEdit[]; horizon: string } | undefined {
  const { item, doc } = linked;
  if (item.layout === 'file') {
    const value = frontMatterHorizonRange(doc);
    const name = { now: 'Now', next: 'Next', later: 'Later', done: 'Done' }[to];
    return value ? { edits: [replaceEdit(doc, value, name)], horizon: name } : undefined;
  }
  const target = targetSection(doc, to, today);
  if (!target) return undefined;
  const first = item.range.start.line;
  const last = Math.min(item.contentRange.end.line, doc.lines.lineCount - 1);
  if (target.start <= first && first <= target.end) return undefined;
  const eol = doc.eol;
  const lines: string[] = [];
  for (let line = first; line <= last; line++) lines.push(doc.lines.lineText(line));
  while (lines.length > 1 && lines[lines.length - 1]!.trim() === '') lines.pop();
  const block = lines.join(eol);
  // The cut: the item's lines, with the blank line after a heading item's section.
  let cutEnd = last + 1;
  if (item.layout === 'heading') while (cutEnd < doc.lines.lineCount && doc.lines.lineText(cutEnd).trim() === '') cutEnd++;
  const cut: TextEdit = { uri: doc.uri, range: { start: { line: first, character: 0 }, end: cutEnd < doc.lines.lineCount ? { line: cutEnd, character: 0 } : doc.lines.position(doc.text.length) }, newText: '' };
  const siblings = plan.items.filter((l) => l.doc === doc && l.item !== item && l.item.layout === item.layout && l.item.range.start.line > target.start && l.item.range.start.line <= target.end);
  const after = siblings[siblings.length - 1]?.item;
  if (item.layout === 'table' && (!after || after.row?.columns !== item.row?.columns)) return undefined;
  let insert: TextEdit;
  if (after) {
    const end = Math.min(after.contentRange.end.line, doc.lines.lineCount - 1);
    const gap = item.layout === 'heading' ? `${eol}${eol}` : eol;
    insert = insertAt(doc, { line: end, character: doc.lines.lineText(end).length }, `${gap}${block}`);
  } else {
    // Nothing like it there yet: after the section's last non-blank line.
    let end = target.end;
    while (end > target.start && doc.lines.lineText(end).trim() === '') end--;
    insert = insertAt(doc, { line: end, character: doc.lines.lineText(end).length }, `${eol}${eol}${block}`);
  }
  if (cut.range.start.line <= insert.range.start.line && insert.range.start.line < cut.range.end.line) return undefined;
  return { edits: [cut, insert], horizon: target.title };
}

/** The section under a document's heading for a horizon bucket: its heading line, last line and title. */
function targetSection(doc: DocumentInfo, bucket: HorizonBucket, today?: Date): { start: number; end: number; title: string } | undefined {
  const headings: Array<{ line: number; depth: number; text: string }> = [];
  for (let line = 0; line < doc.lines.lineCount; line++) {
    const text = doc.lines.lineText(line);
    if (!text.startsWith('#') && !/^ {1,3}#/.test(text)) continue;
    const h = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(text);
    if (h) headings.push({ line, depth: h[1]!.length, text: h[2]!.replace(/[*_`]/g, '').trim() });
  }
  const index = headings.findIndex((h) => h.depth > 1 && horizonBucket(h.text, today) === bucket);
  if (index < 0) return undefined;
  const h = headings[index]!;
  const next = headings.slice(index + 1).find((o) => o.depth <= h.depth);
  return { start: h.line, end: (next ? next.line : doc.lines.lineCount) - 1, title: h.text };
}

function frontMatterHorizonRange(doc: DocumentInfo): Range | undefined {
  const fm = doc.frontMatter;
  if (!fm || fm.error) return undefined;
  const m = /^horizon[ \t]*:[ \t]*(.*?)[ \t]*$/m.exec(fm.block.yaml);
  if (!m || !m[1]) return undefined;
  const start = fm.block.yamlStart + m.index + m[0].indexOf(m[1], m[0].indexOf(':'));
  return doc.lines.range(start, start + m[1].length);
}
