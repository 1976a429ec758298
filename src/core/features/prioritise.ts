import type { DocumentInfo } from '../analyze/document';
import { PRIORITY_FACTORS, type Config, type PriorityFactorName, type PriorityWeights } from '../config';
import { isTopGoal, itemLevels, productPlans, type ProductPlan } from '../drift';
import { horizonBucket } from '../horizon';
import type { LinkedItem, Scope } from '../link';
import { priorityOf } from '../priority';
import type { Issue, IssueCode, Item, Range, Severity } from '../types';
import type { CheckResult } from '../workspace';
import { LANES, LANE_LABEL, type Lane, type PlacedNode } from './strategyMap';

// The Prioritise view and the report's ranking (docs/format.md, “Priorities and drift”): per
// product and horizon, roadmap items ranked by a score anyone can recompute by hand,
//   score = alignment^a × impact^i × urgency^u × confidence^c × ease^e
// each factor from 0 to 1 and each weight from the config (`priorityWeights`; 1, 1, 1, 0, 0 by
// default, so confidence and effort count only when a team says so). The drift findings the rules
// reported sit beside the items, horizons and goals they are about; nothing here is a finding of
// its own.

/** The rules whose findings the ranking shows beside what they are about. */
export const DRIFT_RULES: readonly IssueCode[] = ['urgent-unaligned', 'goal-neglected', 'stale-goal', 'horizon-misaligned', 'goal-is-output'];

/** A factor's value and how it was read, in words: `high (Impact: high)`, `not stated, counted as 0.5`. */
export interface FactorValue {
  value: number;
  said: string;
  /** False when the item states nothing for it, and the neutral 0.5 stands in. */
  stated: boolean;
}

export interface DriftNote {
  rule: IssueCode;
  /** Which case of the rule (`low-priority` for an item serving only the lowest-ranked goals). */
  variant?: string;
  severity: Severity;
  message: string;
  uri: string;
  range: Range;
}

export interface RankedItem extends PlacedNode {
  /** The goals it serves, as `G1 Grow retention`. */
  goals: string[];
  factors: Record<PriorityFactorName, FactorValue>;
  /** The product of the weighted factors, two decimals. */
  score: number;
  drift: DriftNote[];
}

export interface RankedHorizon {
  lane: Lane;
  label: string;
  items: RankedItem[];
  /** How many of its items serve a goal, and the share (two decimals; null with no items). */
  traced: number;
  alignment: number | null;
  /** Findings about the horizon as a whole (`horizon-misaligned`). */
  drift: DriftNote[];
}

export interface RankedGoal {
  key: string;
  label: string;
  uri: string;
  range: Range;
  file: string;
  line: number;
  /** The goal's rank as written (`Priority: high`), when it states one. */
  rank?: string;
  level?: number;
  top: boolean;
  /** Roadmap items that serve it in Now and in Next. */
  now: number;
  next: number;
  due?: string;
  drift: DriftNote[];
}

export interface ProductRanking {
  scope: string;
  /** The vision's title, else the scope's folder; '' for a visionless top-level scope. */
  label: string;
  /** Whether the product's docs rank or date their work; the drift rules check only such products (or where `alignmentTarget` is set). */
  plans: boolean;
  nearest?: 'now' | 'next';
  horizons: RankedHorizon[];
  goals: RankedGoal[];
}

export interface Ranking {
  products: ProductRanking[];
  weights: PriorityWeights;
  /** `score = alignment × impact × urgency`, with the weights written as powers where they are not 1. */
  formula: string;
  /** What each factor is, in a product manager's words. */
  legend: string[];
  target: number;
}

/** The ranking of a checked workspace's roadmap items, per product and horizon. */
export function prioritise(result: CheckResult, config: Config, options: { today?: Date; include?: (doc: DocumentInfo) => boolean } = {}): Ranking {
  const { model } = result;
  const notes = driftNotes(result);
  const products: ProductRanking[] = [];
  const order = (s: Scope) => (s.visions.length === 0 && s.dir === '' ? 1 : 0);
  const plans = productPlans(model, options.today);
  for (const plan of [...plans].sort((a, b) => order(a.scope) - order(b.scope) || a.scope.dir.localeCompare(b.scope.dir))) {
    if (options.include && !plan.scope.docs.some(options.include)) continue;
    if (plan.items.length === 0 && plan.goals.length === 0) continue;
    products.push(productRanking(plan, config, notes, options.today));
  }
  return { products, weights: { ...config.priorityWeights }, formula: formulaOf(config.priorityWeights), legend: LEGEND, target: config.alignmentTarget };
}

const LEGEND = [
  'alignment: the rank of the goal the item serves (1 when goals are not ranked; 0 when it serves none)',
  'impact: the item’s Impact (or a score such as RICE, against the product’s largest)',
  'urgency: the item’s Urgency (or its Priority: P0 1, P1 0.8 …)',
  'confidence: the item’s Confidence; ease: 1 − 0.9 × its Effort',
  'a factor the item does not state counts as 0.5',
];

/** The formula as text: `score = alignment × impact × urgency`, a weight other than 1 as a power (`impact^2`), a weight of 0 left out. */
export function formulaOf(weights: PriorityWeights): string {
  const name: Record<PriorityFactorName, string> = { alignment: 'alignment', impact: 'impact', urgency: 'urgency', confidence: 'confidence', effort: 'ease' };
  const parts = PRIORITY_FACTORS.filter((f) => weights[f] > 0).map((f) => (weights[f] === 1 ? name[f] : `${name[f]}^${weights[f]}`));
  return `score = ${parts.length ? parts.join(' × ') : '1'}`;
}

function productRanking(plan: ProductPlan, config: Config, notes: Map<string, DriftNote[]>, today?: Date): ProductRanking {
  const vision = plan.scope.visions[0]?.root;
  const byLane = new Map<Lane, RankedItem[]>();
  const tracedByLane = new Map<Lane, number>();
  for (const linked of plan.items) {
    const lane: Lane = (linked.item.horizon !== undefined ? horizonBucket(linked.item.horizon, today) : undefined) ?? 'unscheduled';
    const ranked = rankItem(plan, linked, config.priorityWeights, notes);
    byLane.set(lane, [...(byLane.get(lane) ?? []), ranked]);
    if (linked.traces.length > 0) tracedByLane.set(lane, (tracedByLane.get(lane) ?? 0) + 1);
  }
  const horizonNotes = (notes.get('horizon') ?? []).filter((n) => plan.scope.docs.some((d) => d.uri === n.uri));
  const horizons: RankedHorizon[] = LANES.filter((lane) => byLane.has(lane)).map((lane) => {
    const items = byLane.get(lane)!.sort((a, b) => b.score - a.score);
    const traced = tracedByLane.get(lane) ?? 0;
    return {
      lane,
      label: LANE_LABEL[lane],
      items,
      traced,
      alignment: items.length ? Math.round((traced / items.length) * 100) / 100 : null,
      drift: lane === plan.nearest ? horizonNotes : [],
    };
  });
  const goals = plan.goals.map((g) => rankGoal(plan, g, notes));
  return { scope: plan.scope.dir, label: vision?.title ?? plan.scope.dir, plans: plan.plans, ...(plan.nearest ? { nearest: plan.nearest } : {}), horizons, goals };
}

function rankItem(plan: ProductPlan, linked: LinkedItem, weights: PriorityWeights, notes: Map<string, DriftNote[]>): RankedItem {
  const { item, doc } = linked;
  const levels = itemLevels(plan, linked);
  const goals = linked.traces.filter((t) => t.kind === 'goal');
  const neutral: FactorValue = { value: 0.5, said: 'not stated', stated: false };
  const read = (l: (typeof levels)['impact']): FactorValue | undefined => (l ? { value: round(l.level), said: `${l.from.label}: ${l.from.text}`, stated: true } : undefined);
  let alignment: FactorValue;
  if (goals.length === 0) alignment = { value: 0, said: 'no goal', stated: true };
  else {
    const ranked = goals.filter((g) => plan.goalLevels.has(g));
    // Goals that are not ranked all count fully; beside ranked ones, an unranked goal counts as 0.5.
    if (ranked.length === 0) alignment = plan.goalLevels.size > 0 ? { value: 0.5, said: 'goal not ranked', stated: false } : { value: 1, said: 'serves a goal', stated: true };
    else {
      const best = ranked.sort((a, b) => plan.goalLevels.get(b)! - plan.goalLevels.get(a)!)[0]!;
      const p = priorityOf(best, plan.goals.find((g) => g.item === best)?.doc ?? doc);
      const rank = p.fields.priority ?? p.fields.weight;
      alignment = { value: round(plan.goalLevels.get(best)!), said: rank ? `${best.id ?? 'goal'} ${rank.label}: ${rank.text}` : 'goal ranked', stated: true };
    }
  }
  const effort = levels.effort;
  const factors: Record<PriorityFactorName, FactorValue> = {
    alignment,
    impact: read(levels.impact) ?? neutral,
    urgency: read(levels.urgency) ?? neutral,
    confidence: read(levels.confidence) ?? neutral,
    effort: effort ? { value: round(1 - 0.9 * effort.level), said: `${effort.from.label}: ${effort.from.text}`, stated: true } : neutral,
  };
  const score = PRIORITY_FACTORS.reduce((s, f) => s * Math.pow(factors[f].value, weights[f]), 1);
  return {
    key: item.key,
    title: item.title || '(untitled)',
    label: name(item),
    uri: item.uri,
    range: item.range,
    file: doc.relPath,
    line: item.range.start.line + 1,
    goals: goals.map(name),
    factors,
    score: round(score),
    drift: notes.get(place(item.uri, item.range)) ?? [],
  };
}

function rankGoal(plan: ProductPlan, g: LinkedItem, notes: Map<string, DriftNote[]>): RankedGoal {
  const { item, doc } = g;
  const p = priorityOf(item, doc);
  const rank = p.fields.priority ?? p.fields.weight;
  const level = plan.goalLevels.get(item);
  const count = (bucket: string) => g.tracedBy.filter((i) => plan.buckets.get(i) === bucket).length;
  return {
    key: item.key,
    label: name(item),
    uri: item.uri,
    range: item.range,
    file: doc.relPath,
    line: item.range.start.line + 1,
    ...(rank ? { rank: `${rank.label}: ${rank.text}` } : {}),
    ...(level !== undefined ? { level: round(level) } : {}),
    top: isTopGoal(plan, item),
    now: count('now'),
    next: count('next'),
    ...(p.due ? { due: p.due.text } : {}),
    drift: notes.get(place(item.uri, item.range)) ?? [],
  };
}

function name(item: Item): string {
  return item.id && item.id !== item.title ? `${item.id} ${item.title}` : item.title || '(untitled)';
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function place(uri: string, range: Range): string {
  return `${uri}\u0000${range.start.line}:${range.start.character}`;
}

/** The drift findings, by the place they are reported (an item's or goal's title), and horizon findings apart. */
function driftNotes(result: CheckResult): Map<string, DriftNote[]> {
  const out = new Map<string, DriftNote[]>();
  for (const [uri, issues] of result.issues) {
    for (const issue of issues as Issue[]) {
      if (!DRIFT_RULES.includes(issue.rule)) continue;
      const note: DriftNote = { rule: issue.rule, ...(issue.variant ? { variant: issue.variant } : {}), severity: issue.severity, message: issue.message, uri, range: issue.range };
      const key = issue.rule === 'horizon-misaligned' ? 'horizon' : place(uri, issue.range);
      out.set(key, [...(out.get(key) ?? []), note]);
    }
  }
  return out;
}

/** Roadmap items and how many serve a goal, per horizon, for the documents `include` accepts: the status bar's tooltip. */
export function alignmentByHorizon(model: CheckResult['model'], include: (doc: DocumentInfo) => boolean, today?: Date): Array<{ lane: Lane; label: string; items: number; traced: number }> {
  const counts = new Map<Lane, { items: number; traced: number }>();
  for (const linked of model.items.values()) {
    if (linked.item.kind !== 'roadmap-item' || !include(linked.doc)) continue;
    const lane: Lane = (linked.item.horizon !== undefined ? horizonBucket(linked.item.horizon, today) : undefined) ?? 'unscheduled';
    const c = counts.get(lane) ?? { items: 0, traced: 0 };
    c.items++;
    if (linked.traces.length > 0) c.traced++;
    counts.set(lane, c);
  }
  return LANES.filter((l) => counts.has(l)).map((lane) => ({ lane, label: LANE_LABEL[lane], ...counts.get(lane)! }));
}
