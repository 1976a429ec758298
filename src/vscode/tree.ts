import * as vscode from 'vscode';
import { RULE_IDS, SEVERITIES, gapsByRule, onlyGaps, strategyTree, type Gap, type HorizonCount, type Issue, type IssueCode, type ProductTree, type Severity, type TreeNode } from '../core';
import { toRange } from './convert';
import type { ProductIndex } from './productIndex';

/** An element of the Strategy view: a product (when there are several), or a node of one product's tree. */
export type StrategyElement =
  | { type: 'product'; id: string; label: string; description: string; tooltip: string; nodes: TreeNode[]; gapCount: number; collapsed: boolean }
  | { type: 'node'; node: TreeNode; parent: string; parentElement?: StrategyElement };
type Element = StrategyElement;

const ICONS: Record<TreeNode['kind'], string> = {
  vision: 'eye',
  'vision-section': 'layers',
  goal: 'target',
  'roadmap-item': 'milestone',
  strategy: 'book',
  question: 'question',
  group: 'debug-disconnect',
  file: 'file',
};

/** The codicon and its colour for a finding of each severity, here and in the Prioritise view. */
export const SEVERITY_ICON: Record<Severity, [string, string]> = {
  error: ['error', 'list.errorForeground'],
  warning: ['warning', 'list.warningForeground'],
  information: ['info', 'editorInfo.foreground'],
  hint: ['lightbulb', 'editorLightBulb.foreground'],
};
/** More products than this start collapsed in the view. */
const MAX_EXPANDED_PRODUCTS = 5;
const BUCKET_NAMES: Record<HorizonCount['bucket'], string> = { now: 'Now', next: 'Next', later: 'Later', done: 'Done', none: 'no horizon' };

/**
 * The Strategy view: vision → pillars → goals → roadmap items, the strategy's who / what / why,
 * and what traces nowhere, per product. Each node's gaps are the findings the rules reported on
 * it, shown as a short badge before its title (so they stay visible in a narrow side bar) and in
 * full in its tooltip, with the fixes on offer.
 */
export class StrategyTreeProvider implements vscode.TreeDataProvider<Element> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  /** A short summary for the view's title bar: how many gaps. */
  description = '';
  /** The view's header line above the tree: traced items per horizon and the gaps, or the indexing progress. */
  message = '';
  /** Show only nodes with gaps (and the nodes above them). */
  private gapsOnly = false;
  /**
   * What the user expanded or collapsed, by tree item id. VS Code forgets a node's state when it
   * loses its children for a moment (a goal whose only item is being retyped); the view keeps it.
   */
  private readonly userExpanded = new Map<string, boolean>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  private products: Array<{ folder: vscode.WorkspaceFolder; product: ProductTree }> = [];

  constructor(private readonly index: ProductIndex) {
    this.disposables.push(
      index.onDidChange(() => this.refresh()),
      index.onDidProgress(() => this.refresh()),
    );
    this.refresh();
  }

  /** What the view shows now, for tests: its header, title summary, and the two context keys it sets. */
  state(): { message: string; description: string; empty: boolean; indexing: boolean } {
    return { message: this.message, description: this.description, empty: this.empty, indexing: this.indexing };
  }

  private empty = false;
  private indexing = false;

  get showsGapsOnly(): boolean {
    return this.gapsOnly;
  }

  setGapsOnly(on: boolean): void {
    this.gapsOnly = on;
    void vscode.commands.executeCommand('setContext', 'throughline.gapsOnly', on);
    this.refresh();
  }

  /** Rebuilds the tree's data from the index, then tells the view. */
  refresh(): void {
    const indexed = this.index.workspaces().filter((w) => w.indexed);
    this.products = inFolderOrder(indexed).flatMap(({ folder, workspace }) => strategyTree(workspace.check(), workspace.getConfig()).map((product) => ({ folder, product })));
    const progress = this.index.progress();
    const gaps = indexed.reduce((n, w) => n + [...w.workspace.check().issues.values()].reduce((m, list) => m + list.length, 0), 0);
    if (progress && this.products.length === 0) {
      this.description = 'reading…';
      this.message = `Reading product docs: ${progress.done.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')} files…`;
    } else {
      this.description = this.products.length === 0 ? '' : gaps === 0 ? 'no gaps' : `${gaps} gap${gaps === 1 ? '' : 's'}`;
      this.message = this.products.length === 0 ? '' : header(this.products.map((p) => p.product), gaps, progress);
    }
    // No "No product docs found" while the docs are still being read.
    this.indexing = progress !== undefined;
    this.empty = this.products.length === 0 && !this.indexing;
    void vscode.commands.executeCommand('setContext', 'throughline.indexing', this.indexing);
    void vscode.commands.executeCommand('setContext', 'throughline.empty', this.empty);
    this.changed.fire();
  }

  getChildren(element?: Element): Element[] {
    const filter = (nodes: TreeNode[]) => (this.gapsOnly ? onlyGaps(nodes) : nodes);
    if (element?.type === 'product') return filter(element.nodes).map((node) => ({ type: 'node', node, parent: element.id, parentElement: element }));
    if (element?.type === 'node') return element.node.children.map((node) => ({ type: 'node', node, parent: `${element.parent}/${element.node.id}`, parentElement: element }));
    const products = this.products;
    // One product: show its vision at the top level. Several: one node per product, named by its folder.
    if (products.length === 1) return filter(products[0]!.product.nodes).map((node) => ({ type: 'node', node, parent: products[0]!.folder.uri.toString() }));
    const labels = productLabels(products);
    return products
      .map(({ folder, product }, i): Element => ({
        type: 'product',
        id: `${folder.uri.toString()}#${product.scope}`,
        label: labels[i]!,
        description: [product.label && product.label !== labels[i] ? product.label : '', product.gapCount ? `${product.gapCount} gap${product.gapCount === 1 ? '' : 's'}` : 'no gaps'].filter(Boolean).join(' · '),
        tooltip: `${labels[i]}${product.label ? ` (${product.label})` : ''}\n${header([product], product.gapCount, undefined)}`,
        nodes: product.nodes,
        gapCount: product.gapCount,
        // Many products start collapsed: one row each, to scan by name.
        collapsed: products.length > MAX_EXPANDED_PRODUCTS,
      }))
      .filter((e) => !this.gapsOnly || (e.type === 'product' && e.gapCount > 0));
  }

  /** Remembers what the user expanded or collapsed (the view's expand and collapse events). */
  noteExpanded(element: Element, expanded: boolean): void {
    const id = element.type === 'product' ? element.id : `${element.parent}/${element.node.id}`;
    this.userExpanded.set(id, expanded);
    if (this.userExpanded.size > 5000) this.userExpanded.delete(this.userExpanded.keys().next().value!);
  }

  private stateOf(id: string, fallback: vscode.TreeItemCollapsibleState): vscode.TreeItemCollapsibleState {
    if (fallback === vscode.TreeItemCollapsibleState.None) return fallback;
    const user = this.userExpanded.get(id);
    return user === undefined ? fallback : user ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  }

  /** Lets `TreeView.reveal` find (and expand) any node, as the README screenshot and "reveal in view" need. */
  getParent(element: Element): Element | undefined {
    return element.type === 'node' ? element.parentElement : undefined;
  }

  getTreeItem(element: Element): vscode.TreeItem {
    if (element.type === 'product') {
      const item = new vscode.TreeItem(element.label, this.stateOf(element.id, element.collapsed ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded));
      item.id = element.id;
      item.description = element.description;
      item.tooltip = element.tooltip;
      item.iconPath = new vscode.ThemeIcon('project');
      item.contextValue = 'product';
      return item;
    }
    const { node } = element;
    // Goals and items start collapsed, the rest expanded; VS Code keeps what the user changed, by `id`.
    const state =
      node.children.length === 0
        ? vscode.TreeItemCollapsibleState.None
        : node.kind === 'roadmap-item' || node.kind === 'goal' || node.kind === 'strategy'
          ? vscode.TreeItemCollapsibleState.Collapsed
          : vscode.TreeItemCollapsibleState.Expanded;
    const id = `${element.parent}/${node.id}`;
    const item = new vscode.TreeItem(labelOf(node), this.stateOf(id, state));
    item.id = id;
    item.description = node.description;
    item.contextValue = contextOf(node);
    const worst = worstSeverity(node.gaps);
    if (worst) {
      const [icon, color] = SEVERITY_ICON[worst];
      item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
    } else {
      item.iconPath = new vscode.ThemeIcon(node.kind === 'question' && node.description === 'answered' ? 'pass' : ICONS[node.kind]);
    }
    item.accessibilityInformation = { label: `${node.gaps.length ? `${node.gaps.map((g) => g.badge).join(', ')}: ` : ''}${node.itemId ? `${node.itemId} ` : ''}${node.label}, ${node.description}` };
    // No `resourceUri`: VS Code would paint the node with its whole file's problem count and colour
    // (every item of a roadmap with one finding shown red with that count); a node shows its own gaps.
    if (node.location) {
      item.command = { command: 'throughline.reveal', title: 'Open', arguments: [node.location.uri, node.location.range] };
    }
    return item;
  }

  /** The tooltip, worked out when the pointer rests on a node: every finding in full, and the fixes on offer. */
  resolveTreeItem(item: vscode.TreeItem, element: Element): vscode.TreeItem {
    if (element.type === 'node') item.tooltip = tooltipOf(element.node);
    return item;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * `no goal — Dark mode`: the worst gap's badge (and `+2` for the others), highlighted, then the ID
 * and title. One badge leaves the title room at 300 px; the tooltip lists every gap.
 */
function labelOf(node: TreeNode): vscode.TreeItemLabel {
  const title = `${node.itemId ? `${node.itemId} ` : ''}${node.label}`;
  if (node.gaps.length === 0) return { label: title };
  const badges = [...new Set(node.gaps.map((g) => g.badge))];
  const shown = `${badges[0]}${badges.length > 1 ? ` +${badges.length - 1}` : ''}`;
  return { label: `${shown} — ${title}`, highlights: [[0, shown.length]] };
}

function contextOf(node: TreeNode): string {
  const tokens: string[] = [node.kind];
  if (node.location) tokens.push('located');
  if (node.gaps.length) tokens.push('gaps');
  if (node.gaps.some((g) => g.rule === 'untraced-item' || g.rule === 'goal-without-vision' || g.rule === 'unknown-reference')) tokens.push('traceable');
  return tokens.join(' ');
}

function worstSeverity(gaps: readonly Gap[]): Severity | undefined {
  return SEVERITIES.find((s) => gaps.some((g) => g.severity === s));
}

function tooltipOf(node: TreeNode): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.supportHtml = false;
  md.isTrusted = false;
  md.appendMarkdown(`**${escape(`${node.itemId ? `${node.itemId} ` : ''}${node.label}`)}**`);
  if (node.where) md.appendMarkdown(` · \`${node.where.replace(/`/g, '')}\``);
  if (node.description) md.appendMarkdown(`\n\n${escape(node.description)}`);
  for (const gap of node.gaps) {
    md.appendMarkdown(`\n\n$(${SEVERITY_ICON[gap.severity][0]}) ${escape(gap.issue.message)} _(${gap.rule})_`);
    const fixes = gap.issue.fixes ?? [];
    if (fixes.length) md.appendMarkdown(`\n\nFix: ${fixes.slice(0, 4).map((f) => escape(f.title)).join(' · ')}${fixes.length > 4 ? ' …' : ''} (the light bulb in the editor, or right-click here)`);
  }
  return md;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~$]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
}

/** `Traced to a goal: Now 3 of 4 (75%) · Next 1 of 2 (50%) · Later 0 of 1 (0%). 7 gaps to close.` */
function header(products: readonly ProductTree[], gaps: number, progress: { done: number; total: number } | undefined): string {
  const byBucket = new Map<HorizonCount['bucket'], HorizonCount>();
  for (const p of products) {
    for (const h of p.horizons) {
      const c = byBucket.get(h.bucket) ?? { bucket: h.bucket, traced: 0, total: 0 };
      c.traced += h.traced;
      c.total += h.total;
      byBucket.set(h.bucket, c);
    }
  }
  const counts = [...byBucket.values()];
  const traced =
    counts.length === 0
      ? 'No roadmap items yet.'
      : counts.length === 1 && counts[0]!.bucket === 'none'
        ? `${counts[0]!.traced} of ${counts[0]!.total} roadmap items traced to a goal.`
        : `Traced to a goal: ${counts.map((c) => `${BUCKET_NAMES[c.bucket]} ${c.traced} of ${c.total} (${Math.round((c.traced / c.total) * 100)}%)`).join(' · ')}.`;
  const open = gaps === 0 ? 'No gaps.' : `${gaps} gap${gaps === 1 ? '' : 's'} to close (Gaps by Rule lists them).`;
  const reading = progress ? ` Still reading: ${progress.done.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')} files.` : '';
  return `${traced} ${open}${reading}`;
}

/** Products named by their folder: the shortest tail of its path that no other product shares (`billing`, `acme/billing`). */
function productLabels(products: ReadonlyArray<{ folder: vscode.WorkspaceFolder; product: ProductTree }>): string[] {
  const several = new Set(products.map((p) => p.folder.uri.toString())).size > 1;
  const paths = products.map(({ folder, product }) => [...(several ? [folder.name] : []), ...product.scope.split('/').filter(Boolean)]);
  return paths.map((segments, i) => {
    if (segments.length === 0) return `${products[i]!.folder.name} (top level)`;
    for (let n = 1; n <= segments.length; n++) {
      const tail = segments.slice(-n).join('/');
      if (!paths.some((other, j) => j !== i && other.slice(-n).join('/') === tail)) return tail;
    }
    return segments.join('/');
  });
}

type GapElement = { type: 'rule'; rule: IssueCode; title: string; issues: Issue[] } | { type: 'issue'; issue: Issue };

/** The Gaps view: every finding, grouped by rule under the rule's title. */
export class GapsTreeProvider implements vscode.TreeDataProvider<GapElement> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly index: ProductIndex) {
    this.subscription = index.onDidChange(() => this.changed.fire());
  }

  getChildren(element?: GapElement): GapElement[] {
    if (element?.type === 'rule') return element.issues.map((issue) => ({ type: 'issue', issue }));
    if (element) return [];
    const issues = inFolderOrder(this.index.workspaces().filter((w) => w.indexed)).flatMap(({ workspace }) => [...workspace.check().issues.values()].flat());
    return gapsByRule(issues, RULE_IDS).map((g) => ({ type: 'rule', rule: g.rule, title: g.title, issues: g.issues }));
  }

  getTreeItem(element: GapElement): vscode.TreeItem {
    if (element.type === 'rule') {
      const item = new vscode.TreeItem(element.title, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `rule:${element.rule}`;
      item.description = String(element.issues.length);
      item.tooltip = `${element.title} (${element.rule}): ${element.issues.length} finding${element.issues.length === 1 ? '' : 's'}`;
      item.iconPath = new vscode.ThemeIcon('list-tree');
      item.contextValue = (RULE_IDS as readonly string[]).includes(element.rule) ? 'rule' : 'notice';
      return item;
    }
    const { issue } = element;
    const uri = vscode.Uri.parse(issue.uri);
    const item = new vscode.TreeItem(issue.message, vscode.TreeItemCollapsibleState.None);
    item.id = `${issue.rule}:${issue.uri}:${issue.range.start.line}:${issue.range.start.character}:${issue.message}`;
    item.description = `${vscode.workspace.asRelativePath(uri)}:${issue.range.start.line + 1}`;
    item.tooltip = issue.message;
    item.iconPath = new vscode.ThemeIcon(SEVERITY_ICON[issue.severity][0]);
    item.command = { command: 'throughline.reveal', title: 'Reveal', arguments: [issue.uri, issue.range] };
    item.contextValue = 'gap';
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/**
 * Workspace folders in the order the user arranged them. The index holds them in the order their
 * indexing started to finish loading config, which varies from run to run.
 */
function inFolderOrder<T extends { folder: vscode.WorkspaceFolder }>(entries: T[]): T[] {
  return [...entries].sort((a, b) => a.folder.index - b.folder.index);
}

/** Opens a document with the given range selected and in view. */
export async function reveal(uri: string, range: import('../core').Range): Promise<void> {
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preview: true });
  const selection = toRange(range);
  editor.selection = new vscode.Selection(selection.start, selection.end);
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
