import type { Config } from '../config';
import type { LinkedItem, LinkedModel, Scope } from '../link';
import type { Issue, Item, Range, RuleId } from '../types';
import { summarize, type Summary } from '../workspace';

/** A gap shown as a badge on a tree node; each comes from one rule, and disappears when that rule is off. */
export type Gap = 'untraced' | 'broken trace' | 'no vision' | 'no items' | 'no metric';

const GAP_RULE: Record<Gap, RuleId> = {
  untraced: 'untraced-item',
  'broken trace': 'unknown-reference',
  'no vision': 'goal-without-vision',
  'no items': 'goal-without-items',
  'no metric': 'goal-missing-metric',
};

export interface TreeNode {
  /** Unique among its siblings' keys and stable across refreshes (for expansion state). */
  id: string;
  kind: Item['kind'] | 'group';
  label: string;
  description: string;
  gaps: Gap[];
  location?: { uri: string; range: Range };
  children: TreeNode[];
}

export interface ProductTree {
  /** The product's folder ('' for the workspace folder itself). */
  scope: string;
  /** The vision's title, else the scope's folder; '' for a visionless workspace folder scope. */
  label: string;
  summary: Summary;
  nodes: TreeNode[];
}

/** Vision → goals → roadmap items, per product scope, with each node's gaps. */
export function strategyTree(model: LinkedModel, config: Config): ProductTree[] {
  const out: ProductTree[] = [];
  for (const scope of [...model.scopes].sort((a, b) => a.dir.localeCompare(b.dir))) {
    if (scope.docs.length === 0) continue;
    const nodes = productNodes(model, config, scope);
    const vision = scope.visions[0]?.root;
    out.push({
      scope: scope.dir,
      // The workspace folder's own scope has no name of its own: the editor labels it with the folder's.
      label: vision?.title ?? scope.dir,
      summary: summarize(model, (d) => model.scopeOf.get(d.uri) === scope),
      nodes,
    });
  }
  return out;
}

function productNodes(model: LinkedModel, config: Config, scope: Scope): TreeNode[] {
  const linkedIn = [...model.items.values()].filter((l) => l.scope === scope);
  const goals = linkedIn.filter((l) => l.item.kind === 'goal');
  const items = linkedIn.filter((l) => l.item.kind === 'roadmap-item');
  const nodes: TreeNode[] = [];
  const goalNode = (l: LinkedItem, parent: string): TreeNode =>
    node(l, config, `${parent}/${l.item.key}`, l.tracedBy.map((i) => node(model.items.get(i)!, config, `${parent}/${l.item.key}/${i.key}`, [])));
  for (const doc of scope.visions) {
    const root = doc.root;
    if (!root) continue;
    const rootLinked = model.items.get(root)!;
    const children: TreeNode[] = [];
    for (const g of rootLinked.tracedBy) children.push(goalNode(model.items.get(g)!, root.key));
    for (const section of doc.items.filter((i) => i.kind === 'vision-section')) {
      const s = model.items.get(section)!;
      if (s.tracedBy.length === 0) continue;
      children.push(node(s, config, section.key, s.tracedBy.map((g) => goalNode(model.items.get(g)!, section.key))));
    }
    nodes.push(node(rootLinked, config, root.key, children));
  }
  const visionless = goals.filter((g) => g.traces.length === 0);
  if (visionless.length) nodes.push(group('goals-without-vision', 'Goals with no vision', visionless.map((g) => goalNode(g, 'goals-without-vision'))));
  const untraced = items.filter((i) => i.traces.length === 0);
  if (untraced.length) nodes.push(group('items-without-goal', 'Roadmap items with no goal', untraced.map((i) => node(i, config, `items-without-goal/${i.item.key}`, []))));
  return nodes;
}

function node(l: LinkedItem, config: Config, id: string, children: TreeNode[]): TreeNode {
  const { item } = l;
  const gaps = gapsOf(l).filter((g) => config.rules[GAP_RULE[g]] !== 'off');
  const label = item.id && item.id !== item.title ? `${item.id} ${item.title}` : item.title;
  const where = `${l.doc.relPath}:${item.range.start.line + 1}`;
  return {
    id,
    kind: item.kind,
    label: label || '(untitled)',
    description: gaps.length ? gaps.join(' · ') : item.kind === 'goal' ? `${l.tracedBy.length} item${l.tracedBy.length === 1 ? '' : 's'}` : item.group ?? where,
    gaps,
    location: { uri: item.uri, range: item.range },
    children,
  };
}

function group(id: string, label: string, children: TreeNode[]): TreeNode {
  return { id, kind: 'group', label, description: String(children.length), gaps: [], children };
}

export function gapsOf(l: LinkedItem): Gap[] {
  const broken = l.resolutions.some((r) => r.problem);
  if (l.item.kind === 'roadmap-item') return l.traces.length ? (broken ? ['broken trace'] : []) : [broken ? 'broken trace' : 'untraced'];
  if (l.item.kind !== 'goal') return [];
  const gaps: Gap[] = [];
  if (l.traces.length === 0) gaps.push(broken ? 'broken trace' : 'no vision');
  if (l.tracedBy.length === 0) gaps.push('no items');
  if (!l.item.hasMetric) gaps.push('no metric');
  return gaps;
}

export interface GapGroup {
  rule: RuleId | 'internal-error';
  issues: Issue[];
}

/** The findings grouped by rule, in the order rules are documented, for the gaps view. */
export function gapsByRule(issues: Iterable<Issue>, order: readonly RuleId[]): GapGroup[] {
  const byRule = new Map<string, Issue[]>();
  for (const issue of issues) {
    const list = byRule.get(issue.rule) ?? [];
    list.push(issue);
    byRule.set(issue.rule, list);
  }
  const rules = [...order, 'internal-error' as const].filter((r) => byRule.has(r));
  return rules.map((rule) => ({ rule, issues: byRule.get(rule)! }));
}
