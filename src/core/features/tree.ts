import type { DocumentInfo } from '../analyze/document';
import type { Config } from '../config';
import { HORIZON_BUCKETS, horizonBucket, type HorizonBucket } from '../horizon';
import type { LinkedItem, LinkedModel, Scope } from '../link';
import { RULES_BY_ID } from '../rules';
import { strategyAnswers, type AnswerState } from '../strategySections';
import { SEVERITIES, type Issue, type IssueCode, type Item, type Range, type RuleId, type Severity } from '../types';
import { summarize, type Summary } from '../workspace';

// The Strategy view's data. Every gap on a node is a finding the rules reported (after severity,
// `off` and suppression): the view never works out a gap of its own, so it shows exactly what the
// Problems panel shows. Structure (which goal an item sits under) comes from the trace graph.

/** A finding shown on a node: a short badge before its title, the whole message in its tooltip. */
export interface Gap {
  rule: IssueCode;
  severity: Severity;
  /** A few words that fit a narrow view: `no goal`, `G9?`, `no metric`, `N/A`. */
  badge: string;
  /** The finding itself (its message and, read lazily, its fixes). */
  issue: Issue;
}

export interface TreeNode {
  /** Unique among its siblings' keys and stable across refreshes (for expansion state). */
  id: string;
  kind: Item['kind'] | 'group' | 'question' | 'file';
  /** The title alone: no ID prefix repeated, no `Pillar:` label. */
  label: string;
  /** The item's ID, when it has one, shown before the title. */
  itemId?: string;
  /** Counts and horizons: `2 items`, `Now`, `Q3 2026`; for a strategy question, how it is answered. */
  description: string;
  gaps: Gap[];
  location?: { uri: string; range: Range };
  /** Where the node's item is written (`roadmap.md:12`), for its tooltip. */
  where?: string;
  children: TreeNode[];
}

export interface HorizonCount {
  bucket: HorizonBucket | 'none';
  traced: number;
  total: number;
}

export interface ProductTree {
  /** The product's folder ('' for the workspace folder itself). */
  scope: string;
  /** The vision's title, else the scope's folder; '' for a visionless workspace folder scope. */
  label: string;
  summary: Summary;
  /** Roadmap items traced to a goal, per horizon (Now, Next, Later, Done, then items with none). */
  horizons: HorizonCount[];
  /** Findings on the product's docs, as the Problems panel counts them. */
  gapCount: number;
  nodes: TreeNode[];
}

/** What the tree is built from: the check result's model and its findings. */
export interface TreeSource {
  model: LinkedModel;
  issues: ReadonlyMap<string, readonly Issue[]>;
}

/** Vision → pillars → goals → roadmap items, the strategy's who / what / why, and what traces nowhere, per product. */
export function strategyTree(source: TreeSource, config: Config, options: { today?: Date } = {}): ProductTree[] {
  const { model } = source;
  const gaps = new GapIndex(source);
  const out: ProductTree[] = [];
  for (const scope of [...model.scopes].sort((a, b) => a.dir.localeCompare(b.dir))) {
    if (scope.docs.length === 0) continue;
    const vision = scope.visions[0]?.root;
    out.push({
      scope: scope.dir,
      // The workspace folder's own scope has no name of its own: the editor labels it with the folder's.
      label: vision?.title ?? scope.dir,
      summary: summarize(model, (d) => model.scopeOf.get(d.uri) === scope),
      horizons: horizonCounts(model, scope, options.today),
      gapCount: scope.docs.reduce((n, d) => n + (source.issues.get(d.uri)?.length ?? 0), 0),
      nodes: productNodes(model, config, scope, gaps),
    });
  }
  return out;
}

/** Keeps the nodes that have gaps, and the nodes above them; groups keep only such children. */
export function onlyGaps(nodes: readonly TreeNode[]): TreeNode[] {
  const out: TreeNode[] = [];
  for (const node of nodes) {
    // A strategy with a gap keeps its who / what / why rows: they say which question is open.
    const children = node.kind === 'strategy' && node.gaps.length > 0 ? node.children : onlyGaps(node.children);
    if (node.gaps.length > 0 || children.length > 0) out.push({ ...node, children });
  }
  return out;
}

function productNodes(model: LinkedModel, config: Config, scope: Scope, gaps: GapIndex): TreeNode[] {
  const linkedIn = [...model.items.values()].filter((l) => l.scope === scope);
  const goals = linkedIn.filter((l) => l.item.kind === 'goal');
  const items = linkedIn.filter((l) => l.item.kind === 'roadmap-item');
  const nodes: TreeNode[] = [];
  const itemNode = (l: LinkedItem, parent: string) => node(l, `${parent}/${l.item.key}`, [], gaps, itemDescription(l.item));
  const goalNode = (l: LinkedItem, parent: string): TreeNode => {
    const id = `${parent}/${l.item.key}`;
    const children = l.tracedBy.map((i) => itemNode(model.items.get(i)!, id));
    return node(l, id, children, gaps, count(l.tracedBy.length, 'item'));
  };
  for (const doc of scope.visions) {
    const root = doc.root;
    if (!root) continue;
    const rootLinked = model.items.get(root)!;
    const children: TreeNode[] = rootLinked.tracedBy.map((g) => goalNode(model.items.get(g)!, root.key));
    for (const section of doc.items.filter((i) => i.kind === 'vision-section')) {
      const s = model.items.get(section)!;
      children.push(node(s, section.key, s.tracedBy.map((g) => goalNode(model.items.get(g)!, section.key)), gaps, s.tracedBy.length ? count(s.tracedBy.length, 'goal') : 'no goals'));
    }
    const goalCount = new Set([...rootLinked.tracedBy, ...doc.items.flatMap((i) => model.items.get(i)?.tracedBy ?? [])]).size;
    nodes.push(node(rootLinked, root.key, children, gaps, count(goalCount, 'goal')));
  }
  for (const doc of scope.docs.filter((d) => d.kind === 'strategy' && d.root)) nodes.push(strategyNode(model, config, doc, gaps));
  const visionless = goals.filter((g) => g.traces.length === 0);
  if (visionless.length) {
    // `missing-vision` is said on the goals docs: the group of goals with no vision carries it.
    const docGaps = scope.docs.filter((d) => d.kind === 'goals').flatMap((d) => gaps.at(d.uri, d.titleRange).filter((g) => g.rule === 'missing-vision'));
    nodes.push(group('goals-without-vision', 'Goals with no vision', visionless.map((g) => goalNode(g, 'goals-without-vision')), dedupe(docGaps)));
  }
  const untraced = items.filter((i) => i.traces.length === 0);
  if (untraced.length) nodes.push(group('items-without-goal', 'Roadmap items with no goal', untraced.map((i) => itemNode(i, 'items-without-goal'))));
  const unread = scope.docs.filter((d) => d.skipped || d.failure);
  if (unread.length) {
    const files = unread.map((d): TreeNode => ({ id: `unread/${d.relPath}`, kind: 'file', label: d.relPath, description: '', gaps: gaps.at(d.uri, d.titleRange).filter((g) => g.rule === 'file-skipped' || g.rule === 'internal-error'), location: { uri: d.uri, range: d.titleRange }, where: d.relPath, children: [] }));
    nodes.push(group('files-not-read', 'Files not read', files));
  }
  return nodes;
}

/** The strategy doc, with one row per question saying how the doc answers it. */
function strategyNode(model: LinkedModel, config: Config, doc: DocumentInfo, gaps: GapIndex): TreeNode {
  const root = doc.root!;
  const answers = strategyAnswers(doc, config);
  const words: Record<AnswerState, string> = { answered: 'answered', prompt: 'still a prompt', empty: 'empty', missing: 'not answered' };
  const questions = (['who', 'what', 'why'] as const).map((q): TreeNode => {
    const section = answers.sections.find((s) => s.question === q && (answers.state[q] !== 'answered' || s.state === 'answered'));
    const state = answers.state[q];
    return {
      id: `${root.key}/${q}`,
      kind: 'question',
      label: { who: 'Who', what: 'What', why: 'Why' }[q],
      description: state === 'answered' && section ? section.title : words[state],
      gaps: [],
      ...(section ? { location: { uri: doc.uri, range: { start: { line: section.line, character: 0 }, end: { line: section.line, character: doc.lines.lineText(section.line).length } } } } : {}),
      where: `${doc.relPath}${section ? `:${section.line + 1}` : ''}`,
      children: [],
    };
  });
  const linked = model.items.get(root);
  const answered = questions.filter((_, i) => answers.state[(['who', 'what', 'why'] as const)[i]!] === 'answered').length;
  return {
    id: root.key,
    kind: 'strategy',
    label: root.title || doc.relPath,
    description: `${answered} of 3 answered`,
    gaps: gaps.at(doc.uri, doc.titleRange).filter((g) => g.rule === 'strategy-missing-section'),
    location: { uri: doc.uri, range: linked?.item.range ?? doc.titleRange },
    where: `${doc.relPath}:${doc.titleRange.start.line + 1}`,
    children: questions,
  };
}

function node(l: LinkedItem, id: string, children: TreeNode[], gaps: GapIndex, description: string): TreeNode {
  const { item } = l;
  // `Pillar: Clarity` is shown as `Clarity`: the icon already says it is a pillar.
  const title = (item.kind === 'vision-section' ? item.aliases?.[0] : undefined) ?? item.title;
  return {
    id,
    kind: item.kind,
    label: title || '(untitled)',
    ...(item.id && item.id !== item.title ? { itemId: item.id } : {}),
    description,
    gaps: gaps.of(l),
    location: { uri: item.uri, range: item.range },
    where: `${l.doc.relPath}:${item.range.start.line + 1}`,
    children,
  };
}

/** A roadmap item's horizon as written (a heading above it, or front matter `horizon:`), else its group. */
function itemDescription(item: Item): string {
  return item.horizon ?? item.group ?? '';
}

function group(id: string, label: string, children: TreeNode[], gaps: Gap[] = []): TreeNode {
  return { id, kind: 'group', label, description: String(children.length), gaps, children };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function dedupe(gaps: Gap[]): Gap[] {
  const seen = new Set<string>();
  return gaps.filter((g) => {
    const key = `${g.rule} ${g.issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Roadmap items of a product and how many trace to a goal, per horizon bucket (`horizonBucket`). */
function horizonCounts(model: LinkedModel, scope: Scope, today?: Date): HorizonCount[] {
  const counts = new Map<HorizonBucket | 'none', HorizonCount>();
  for (const linked of model.items.values()) {
    if (linked.scope !== scope || linked.item.kind !== 'roadmap-item') continue;
    const bucket = (linked.item.horizon ? horizonBucket(linked.item.horizon, today) : undefined) ?? 'none';
    const c = counts.get(bucket) ?? { bucket, traced: 0, total: 0 };
    c.total++;
    if (linked.traces.length > 0) c.traced++;
    counts.set(bucket, c);
  }
  return [...HORIZON_BUCKETS, 'none' as const].flatMap((b) => (counts.has(b) ? [counts.get(b)!] : []));
}

/** The findings by where they are, so each node finds its own: on its title, or on one of its references. */
class GapIndex {
  private readonly byPlace = new Map<string, Issue[]>();

  constructor(private readonly source: TreeSource) {
    for (const [uri, issues] of source.issues) {
      for (const issue of issues) {
        const key = place(uri, issue.range);
        const list = this.byPlace.get(key);
        if (list) list.push(issue);
        else this.byPlace.set(key, [issue]);
      }
    }
  }

  at(uri: string, range: Range): Gap[] {
    return (this.byPlace.get(place(uri, range)) ?? []).map((issue) => toGap(issue, this.source.model)).sort(byWeight);
  }

  /** An item's findings: those on its title, and broken-reference findings on its references (inherited ones too). */
  of(l: LinkedItem): Gap[] {
    const out = this.at(l.item.uri, l.item.range).filter((g) => g.rule !== 'missing-vision' || l.item.layout === 'file');
    for (const r of l.resolutions) {
      if (!r.problem) continue;
      for (const gap of this.at(l.item.uri, r.ref.range)) if (gap.rule === 'unknown-reference' && !out.some((g) => g.issue === gap.issue)) out.push(gap);
    }
    return out.sort(byWeight);
  }
}

const ORDER: readonly IssueCode[] = ['internal-error', 'file-skipped', 'unknown-reference', 'untraced-item', 'goal-without-vision', 'goal-without-items', 'missing-vision', 'strategy-missing-section', 'goal-missing-metric', 'duplicate-id', 'invalid-front-matter', 'unknown-kind', 'stale-goal', 'urgent-unaligned', 'goal-neglected', 'goal-is-output', 'horizon-misaligned'];

/** The worst first, then in the order the rules are documented: the first badge is the one that matters most. */
function byWeight(a: Gap, b: Gap): number {
  const rank = (r: IssueCode) => (ORDER.includes(r) ? ORDER.indexOf(r) : ORDER.length);
  return SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || rank(a.rule) - rank(b.rule);
}

function place(uri: string, r: Range): string {
  return `${uri}\u0000${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

function toGap(issue: Issue, model: LinkedModel): Gap {
  return { rule: issue.rule, severity: issue.severity, badge: badgeOf(issue, model), issue };
}

/** A few words for a finding, short enough for a 300 px view; the message says the rest. */
export function badgeOf(issue: Issue, model?: LinkedModel): string {
  switch (issue.rule) {
    case 'untraced-item':
      return issue.variant === 'marked' ? 'N/A' : 'no goal';
    case 'unknown-reference': {
      const doc = model?.docs.find((d) => d.uri === issue.uri);
      const written = doc ? doc.text.slice(doc.lines.offset(issue.range.start), doc.lines.offset(issue.range.end)) : '';
      const short = written.replace(/^\[([^\]]*)\].*$/, '$1').replace(/[*_`]/g, '').trim();
      return short && short.length <= 10 ? `${short}?` : 'broken trace';
    }
    case 'goal-without-vision':
      return issue.variant === 'marked' ? 'N/A' : 'no vision';
    case 'goal-without-items':
      return issue.variant === 'prompt' ? 'items?' : 'no items';
    case 'goal-missing-metric':
      return issue.variant === 'prompt' ? 'metric?' : 'no metric';
    case 'missing-vision':
      return 'no vision doc';
    case 'strategy-missing-section':
      return issue.variant === 'prompt' ? 'unwritten' : 'unanswered';
    case 'duplicate-id':
      return 'same ID';
    case 'file-skipped':
      return 'not read';
    case 'internal-error':
      return 'failed';
    case 'invalid-front-matter':
      return 'front matter';
    case 'unknown-kind':
      return 'kind?';
    case 'goal-is-output':
      return issue.variant === 'prompt' ? 'outcome?' : 'output';
    case 'urgent-unaligned':
      return issue.variant === 'low-priority' ? 'low goal' : 'urgent';
    case 'goal-neglected':
      return issue.variant === 'prompt' ? 'items?' : 'not soon';
    case 'stale-goal':
      return 'past date';
    case 'horizon-misaligned':
      return 'drift';
    default:
      // A rule added later: its title says what it is, in few enough words.
      return ruleTitle(issue.rule).toLowerCase().split(' ').slice(0, 2).join(' ');
  }
}

export interface GapGroup {
  rule: IssueCode;
  /** What a person calls these findings: the rule's title (“Roadmap items with no goal”). */
  title: string;
  issues: Issue[];
}

const NOTICE_TITLES: Record<'file-skipped' | 'internal-error', string> = {
  'file-skipped': 'Files not read',
  'internal-error': 'Files that could not be checked',
};

/** The title of a rule or notice, for views. */
export function ruleTitle(rule: IssueCode): string {
  if (rule === 'file-skipped' || rule === 'internal-error') return NOTICE_TITLES[rule];
  const known = RULES_BY_ID.get(rule);
  return known?.title ?? known?.summary.replace(/\.$/, '') ?? rule;
}

/** The findings grouped by rule, in the order rules are documented, then the notices that are not rules. */
export function gapsByRule(issues: Iterable<Issue>, order: readonly RuleId[]): GapGroup[] {
  const byRule = new Map<string, Issue[]>();
  for (const issue of issues) {
    const list = byRule.get(issue.rule) ?? [];
    list.push(issue);
    byRule.set(issue.rule, list);
  }
  const rules: IssueCode[] = [...order, 'file-skipped', 'internal-error'];
  // Rules not in `order` (none today) still show, after the others.
  for (const r of byRule.keys()) if (!rules.includes(r as IssueCode)) rules.push(r as IssueCode);
  return rules.filter((r) => byRule.has(r)).map((rule) => ({ rule, title: ruleTitle(rule), issues: byRule.get(rule)! }));
}
