import type { DocumentInfo } from '../analyze/document';
import { horizonBucket } from '../horizon';
import type { LinkedItem, LinkedModel, Scope } from '../link';
import type { Trend } from '../trend';
import type { Issue, IssueCode, Item, NodeKind, Range, Severity } from '../types';
import type { Ranking } from './prioritise';
import { summarize, type CheckResult, type Summary } from '../workspace';

// The Strategy Map as plain data: per product, vision → pillars → goals → roadmap items, each goal
// with its items by horizon, the alignment per horizon, and every finding placed on the node it is
// about. Gaps come only from the check's findings (CheckResult.issues), never worked out again
// here, so the picture always says what the rules say. The CLI's report and the editor's map view
// both draw this.

/** The horizon lanes of the map: the three planning buckets, work already done, and items with no horizon. */
export type Lane = 'now' | 'next' | 'later' | 'done' | 'unscheduled';

export const LANES: readonly Lane[] = ['now', 'next', 'later', 'done', 'unscheduled'];

export const LANE_LABEL: Record<Lane, string> = { now: 'Now', next: 'Next', later: 'Later', done: 'Done', unscheduled: 'No horizon' };

/** A finding shown on the map: the issue as the rules reported it, with a short label for a badge. */
export interface MapGap {
  rule: IssueCode;
  severity: Severity;
  /** A few words for the badge: `untraced`, `no vision`, `broken trace`. */
  label: string;
  message: string;
  uri: string;
  range: Range;
  /** The file relative to the workspace folder, and the one-based line, for links and tables. */
  file: string;
  line: number;
}

/** A goal or roadmap item as the map and the ranking name it, and where a link to it goes. */
export interface PlacedNode {
  key: string;
  title: string;
  /** `G1 Grow retention`, or the title alone. */
  label: string;
  uri: string;
  range: Range;
  /** The file relative to the workspace folder, and the one-based line, for links and tables. */
  file: string;
  line: number;
}

export interface MapNode extends PlacedNode {
  kind: NodeKind;
  id: string | null;
  gaps: MapGap[];
  /** The why-chain, one line per step up: item → goal (metric) → pillar → vision. */
  why: string[];
}

export interface MapItem extends MapNode {
  lane: Lane;
  /** The horizon as written (`Now`, `Q3 2026`), when there is one. */
  horizon?: string;
}

export interface MapGoal extends MapNode {
  metric?: string;
  /** The roadmap items that trace to this goal, by lane (an item serving two goals is under both). */
  items: Record<Lane, MapItem[]>;
  counts: Record<Lane, number>;
  total: number;
  /** Other parts of the vision this goal also serves (it is drawn under the first). */
  alsoServes: string[];
}

export interface MapPillar {
  /** The pillar (a heading of the vision), or the vision itself for goals that trace to it as a whole. */
  node: MapNode;
  goals: MapGoal[];
}

export interface LaneAlignment {
  items: number;
  traced: number;
  /** traced / items, two decimals; null with no items. */
  alignment: number | null;
}

export interface MapProduct {
  /** The product's folder relative to the workspace folder ('' for the folder itself). */
  scope: string;
  /** The vision's title, else the scope's folder; '' for a visionless top-level scope. */
  label: string;
  vision?: MapNode & { statement: string };
  /** Pillars (and the vision itself) with the goals that serve them, in the vision's order. */
  pillars: MapPillar[];
  /** Goals that trace to no part of any vision. */
  goalsWithoutVision: MapGoal[];
  /** Roadmap items that trace to no goal, by lane. */
  untracedItems: Record<Lane, MapItem[]>;
  /** The lanes with any item in them, in order; Now, Next and Later always. */
  lanes: Lane[];
  summary: Summary;
  byLane: Record<Lane, LaneAlignment>;
  /** Findings on nothing the map draws (a strategy doc, a document's title, a horizon heading). */
  otherFindings: MapGap[];
}

export interface StrategyMap {
  products: MapProduct[];
  /** Every finding placed on the map, on nodes and in `otherFindings`: as many as the check reported for these products. */
  findings: number;
  /** The roadmap ranked per product and horizon (`prioritise`), drawn after the map when given. */
  ranking?: Ranking;
  /** Alignment over time (`throughline trend`), drawn as a chart when given. */
  trend?: Trend;
}

export interface StrategyMapOptions {
  /** For the horizon buckets of dated horizons (`Q3 2026`); now by default. */
  today?: Date;
  /** Only products holding a document this accepts (the CLI's named paths); all by default. */
  include?: (doc: DocumentInfo) => boolean;
}

/** Badge words per rule; a rule added later shows its id until it has words of its own. */
const GAP_LABEL: Partial<Record<string, string>> = {
  'untraced-item': 'untraced',
  'unknown-reference': 'broken trace',
  'goal-without-vision': 'no vision',
  'goal-without-items': 'no items',
  'goal-missing-metric': 'no metric',
  'missing-vision': 'no vision doc',
  'strategy-missing-section': 'strategy gap',
  'duplicate-id': 'duplicate ID',
  'invalid-front-matter': 'bad front matter',
  'unknown-kind': 'unknown kind',
  'file-skipped': 'not read',
  'internal-error': 'not analysed',
  'goal-is-output': 'output',
  'urgent-unaligned': 'urgent, no goal',
  'goal-neglected': 'nothing soon',
  'stale-goal': 'past its date',
  'horizon-misaligned': 'under target',
};

const SHOWN: ReadonlySet<NodeKind> = new Set(['vision', 'vision-section', 'goal', 'roadmap-item']);

/** The Strategy Map of a checked workspace. */
export function strategyMap(result: CheckResult, options: StrategyMapOptions = {}): StrategyMap {
  const { model } = result;
  const today = options.today ?? new Date();
  const placed = placeFindings(result);
  const products: MapProduct[] = [];
  let findings = 0;
  // Products with a vision first, by folder; a top-level scope without one (company OKRs) last.
  const order = (s: Scope) => (s.visions.length === 0 && s.dir === '' ? 1 : 0);
  for (const scope of [...model.scopes].sort((a, b) => order(a) - order(b) || a.dir.localeCompare(b.dir))) {
    if (scope.docs.length === 0) continue;
    if (options.include && !scope.docs.some(options.include)) continue;
    const product = productOf(model, scope, placed, today);
    findings += countFindings(product);
    products.push(product);
  }
  return { products, findings };
}

/** Each finding on the innermost node it lies in, or on its document when it lies in none. */
function placeFindings(result: CheckResult): { onNode: Map<Item, MapGap[]>; onDoc: Map<string, MapGap[]> } {
  const { model } = result;
  const byDoc = new Map<string, Item[]>();
  for (const linked of model.items.values()) {
    if (!SHOWN.has(linked.item.kind)) continue;
    const list = byDoc.get(linked.doc.uri);
    if (list) list.push(linked.item);
    else byDoc.set(linked.doc.uri, [linked.item]);
  }
  const onNode = new Map<Item, MapGap[]>();
  const onDoc = new Map<string, MapGap[]>();
  const relPaths = new Map(model.docs.map((d) => [d.uri, d.relPath]));
  for (const [uri, issues] of result.issues) {
    for (const issue of issues) {
      const gap = toGap(issue, relPaths.get(uri) ?? uri);
      const item = innermost(byDoc.get(uri) ?? [], issue.range);
      const map = item ? onNode : onDoc;
      const key = item ?? uri;
      const list = (map as Map<unknown, MapGap[]>).get(key);
      if (list) list.push(gap);
      else (map as Map<unknown, MapGap[]>).set(key, [gap]);
    }
  }
  return { onNode, onDoc };
}

function toGap(issue: Issue, file: string): MapGap {
  return {
    rule: issue.rule,
    severity: issue.severity,
    label: GAP_LABEL[issue.rule] ?? issue.rule,
    message: issue.message,
    uri: issue.uri,
    range: issue.range,
    file,
    line: issue.range.start.line + 1,
  };
}

function innermost(items: Item[], range: Range): Item | undefined {
  let best: Item | undefined;
  for (const item of items) {
    if (!contains(item.contentRange, range.start) && !contains(item.range, range.start)) continue;
    if (!best || size(item.contentRange) < size(best.contentRange)) best = item;
  }
  return best;
}

function contains(range: Range, p: Range['start']): boolean {
  const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return afterStart && beforeEnd;
}

function size(range: Range): number {
  return (range.end.line - range.start.line) * 100_000 + (range.end.character - range.start.character);
}

function productOf(model: LinkedModel, scope: Scope, placed: ReturnType<typeof placeFindings>, today: Date): MapProduct {
  const inScope = [...model.items.values()].filter((l) => l.scope === scope);
  const node = (l: LinkedItem): MapNode => nodeOf(model, l, placed.onNode.get(l.item) ?? []);
  const itemOf = (l: LinkedItem): MapItem => {
    const lane: Lane = (l.item.horizon !== undefined ? horizonBucket(l.item.horizon, today) : undefined) ?? 'unscheduled';
    return { ...node(l), lane, ...(l.item.horizon !== undefined ? { horizon: l.item.horizon } : {}) };
  };
  const items = new Map<Item, MapItem>();
  const mapItem = (item: Item) => {
    let found = items.get(item);
    if (!found) items.set(item, (found = itemOf(model.items.get(item)!)));
    return found;
  };
  const goalOf = (l: LinkedItem): MapGoal => {
    const byLane = emptyLanes<MapItem[]>(() => []);
    for (const item of l.tracedBy) {
      const m = mapItem(item);
      byLane[m.lane].push(m);
    }
    const counts = emptyLanes(() => 0);
    for (const lane of LANES) counts[lane] = byLane[lane].length;
    return {
      ...node(l),
      ...(l.item.metric ? { metric: stripLabel(l.item.metric) } : {}),
      items: byLane,
      counts,
      total: l.tracedBy.length,
      alsoServes: l.traces.slice(1).map((t) => t.title),
    };
  };

  const pillars = new Map<Item, MapPillar>();
  const goalsWithoutVision: MapGoal[] = [];
  // The product's own pillars first, in the vision's order, even those no goal serves yet.
  const visionDoc = scope.visions[0];
  const visionRoot = visionDoc?.root;
  for (const l of inScope) {
    if (l.item.kind === 'vision-section' || (l.item.kind === 'vision' && l.doc === visionDoc)) pillars.set(l.item, { node: node(l), goals: [] });
  }
  const goals = inScope.filter((l) => l.item.kind === 'goal').sort(byPlace);
  for (const g of goals) {
    const goal = goalOf(g);
    const target = g.traces[0];
    if (!target) {
      goalsWithoutVision.push(goal);
      continue;
    }
    let pillar = pillars.get(target);
    if (!pillar) pillars.set(target, (pillar = { node: node(model.items.get(target)!), goals: [] }));
    pillar.goals.push(goal);
  }
  // The vision itself holds only the goals that trace to it as a whole; drop it when none do.
  const pillarList = [...pillars.values()].filter((p) => p.node.kind !== 'vision' || p.goals.length > 0).sort((a, b) => byNode(a.node, b.node));

  const untracedItems = emptyLanes<MapItem[]>(() => []);
  const byLane = emptyLanes<LaneAlignment>(() => ({ items: 0, traced: 0, alignment: null }));
  for (const l of inScope.filter((x) => x.item.kind === 'roadmap-item').sort(byPlace)) {
    const m = mapItem(l.item);
    const lane = byLane[m.lane];
    lane.items++;
    if (l.traces.length > 0) lane.traced++;
    else untracedItems[m.lane].push(m);
  }
  for (const lane of LANES) {
    const a = byLane[lane];
    a.alignment = a.items === 0 ? null : Math.round((a.traced / a.items) * 100) / 100;
  }

  const otherFindings = scope.docs.flatMap((d) => placed.onDoc.get(d.uri) ?? []);
  // Findings on nodes of this scope that the map does not draw (none today; kept so none is lost).
  for (const l of inScope) if (!SHOWN.has(l.item.kind)) otherFindings.push(...(placed.onNode.get(l.item) ?? []));
  otherFindings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);

  const visionLinked = visionRoot ? model.items.get(visionRoot) : undefined;
  return {
    scope: scope.dir,
    label: visionRoot?.title ?? scope.dir,
    ...(visionLinked ? { vision: { ...node(visionLinked), statement: visionRoot!.excerpt } } : {}),
    pillars: pillarList,
    goalsWithoutVision,
    untracedItems,
    lanes: LANES.filter((lane) => lane === 'now' || lane === 'next' || lane === 'later' || byLane[lane].items > 0),
    summary: summarize(model, (d) => model.scopeOf.get(d.uri) === scope),
    byLane,
    otherFindings,
  };
}

function nodeOf(model: LinkedModel, l: LinkedItem, gaps: MapGap[]): MapNode {
  const { item } = l;
  const label = item.id && item.id !== item.title ? `${item.id} ${item.title}` : item.title || '(untitled)';
  return {
    key: item.key,
    kind: item.kind,
    id: item.id,
    title: item.title || '(untitled)',
    label,
    uri: item.uri,
    range: item.range,
    file: l.doc.relPath,
    line: item.range.start.line + 1,
    gaps,
    why: whyChain(model, l),
  };
}

/** The chain of reasons above a node, as plain lines: what it serves, and what that serves. */
function whyChain(model: LinkedModel, l: LinkedItem): string[] {
  const name = (i: Item) => (i.id && i.id !== i.title ? `${i.id} ${i.title}` : i.title || '(untitled)');
  const kind = l.item.kind;
  if (kind === 'roadmap-item') {
    if (l.traces.length === 0) return [l.item.noTrace.length ? 'Marked as serving no goal.' : 'Traces to no goal: nothing says why it is on the roadmap.'];
    const lines: string[] = [];
    for (const goal of l.traces) {
      const g = model.items.get(goal);
      lines.push(`Serves goal ${name(goal)}${goal.metric ? ` (${stripLabel(goal.metric)})` : ' (no measurable target)'}`);
      for (const v of g?.traces ?? []) lines.push(...visionLines(model, v, name));
      if (!g || g.traces.length === 0) lines.push('  which serves no part of the vision');
    }
    return lines;
  }
  if (kind === 'goal') {
    if (l.traces.length === 0) return ['Serves no part of the vision.'];
    return l.traces.flatMap((v) => visionLines(model, v, name).map((s) => s.trimStart()));
  }
  if (kind === 'vision-section') {
    const root = l.doc.root;
    return root ? [`Part of the vision ${name(root)}`] : [];
  }
  return [];
}

function visionLines(model: LinkedModel, v: Item, name: (i: Item) => string): string[] {
  if (v.kind === 'vision') return [`  which serves the vision ${name(v)}`];
  const root = model.items.get(v)?.doc.root;
  return [`  which serves the pillar ${name(v)}`, ...(root ? [`  of the vision ${name(root)}`] : [])];
}

function stripLabel(metric: string): string {
  return metric.replace(/^[^:]{1,20}:\s*/, '');
}

function countFindings(p: MapProduct): number {
  const seen = new Set<MapGap>();
  forEachMapNode(p, (n) => n.gaps.forEach((g) => seen.add(g)));
  p.otherFindings.forEach((g) => seen.add(g));
  return seen.size;
}

/** Every node a product's map draws, each once: the vision, pillars, goals and the items in every lane. */
export function forEachMapNode(p: MapProduct, visit: (n: MapNode) => void): void {
  const seen = new Set<MapNode>();
  const once = (n: MapNode) => {
    if (seen.has(n)) return;
    seen.add(n);
    visit(n);
  };
  const goalAndItems = (goal: MapGoal) => {
    once(goal);
    for (const lane of LANES) goal.items[lane].forEach(once);
  };
  if (p.vision) once(p.vision);
  for (const pillar of p.pillars) {
    once(pillar.node);
    pillar.goals.forEach(goalAndItems);
  }
  p.goalsWithoutVision.forEach(goalAndItems);
  for (const lane of LANES) p.untracedItems[lane].forEach(once);
}

function emptyLanes<T>(make: () => T): Record<Lane, T> {
  return { now: make(), next: make(), later: make(), done: make(), unscheduled: make() };
}

function byPlace(a: LinkedItem, b: LinkedItem): number {
  return a.doc.relPath.localeCompare(b.doc.relPath) || a.item.range.start.line - b.item.range.start.line;
}

function byNode(a: MapNode, b: MapNode): number {
  return a.file.localeCompare(b.file) || a.line - b.line;
}
