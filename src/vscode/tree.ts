import * as vscode from 'vscode';
import { RULE_IDS, gapsByRule, strategyTree, type Issue, type ProductTree, type TreeNode } from '../core';
import { toRange } from './convert';
import type { ProductIndex } from './productIndex';

/** An element of the Strategy view: a product (when there are several), or a node of one product's tree. */
export type StrategyElement =
  | { type: 'product'; id: string; label: string; description: string; nodes: TreeNode[] }
  | { type: 'node'; node: TreeNode; parent: string; parentElement?: StrategyElement };
type Element = StrategyElement;

const ICONS: Record<TreeNode['kind'], string> = {
  vision: 'eye',
  'vision-section': 'symbol-namespace',
  goal: 'target',
  'roadmap-item': 'milestone',
  strategy: 'book',
  group: 'warning',
};

/** The Strategy view: vision → goals → roadmap items, with each node's gaps, per product. */
export class StrategyTreeProvider implements vscode.TreeDataProvider<Element> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The overall alignment, shown at the top of the view. */
  description = '';

  private products: Array<{ folder: vscode.WorkspaceFolder; product: ProductTree }> = [];

  constructor(private readonly index: ProductIndex) {
    index.onDidChange(() => this.refresh());
    this.refresh();
  }

  /** Rebuilds the tree's data from the index, then tells the view. */
  refresh(): void {
    this.products = inFolderOrder(this.index.workspaces()).flatMap(({ folder, workspace }) =>
      strategyTree(workspace.check().model, workspace.getConfig()).map((product) => ({ folder, product })),
    );
    const traced = this.products.reduce((n, p) => n + p.product.summary.tracedItems, 0);
    const total = this.products.reduce((n, p) => n + p.product.summary.roadmapItems, 0);
    this.description = total ? `${Math.round((traced / total) * 100)}% aligned · ${traced} of ${total} items traced` : '';
    void vscode.commands.executeCommand('setContext', 'throughline.empty', this.products.length === 0);
    this.changed.fire();
  }

  getChildren(element?: Element): Element[] {
    if (element?.type === 'product') return element.nodes.map((node) => ({ type: 'node', node, parent: element.id, parentElement: element }));
    if (element?.type === 'node') return element.node.children.map((node) => ({ type: 'node', node, parent: `${element.parent}/${element.node.id}`, parentElement: element }));
    const products = this.products;
    // One product: show its vision at the top level. Several: one node per product.
    if (products.length === 1) return products[0]!.product.nodes.map((node) => ({ type: 'node', node, parent: products[0]!.folder.uri.toString() }));
    return products.map(({ folder, product }) => ({
      type: 'product',
      id: `${folder.uri.toString()}#${product.scope}`,
      label: products.some((p) => p.folder !== folder) ? `${folder.name}: ${product.label || 'top level'}` : product.label || `${folder.name} (top level)`,
      description: product.summary.alignment === null ? 'no roadmap items' : `${Math.round(product.summary.alignment * 100)}% aligned`,
      nodes: product.nodes,
    }));
  }

  /** Lets `TreeView.reveal` find (and expand) any node, as the README screenshot and "reveal in view" need. */
  getParent(element: Element): Element | undefined {
    return element.type === 'node' ? element.parentElement : undefined;
  }

  getTreeItem(element: Element): vscode.TreeItem {
    if (element.type === 'product') {
      const item = new vscode.TreeItem(element.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = element.id;
      item.description = element.description;
      item.iconPath = new vscode.ThemeIcon('project');
      item.contextValue = 'product';
      return item;
    }
    const { node } = element;
    const state = node.children.length === 0 ? vscode.TreeItemCollapsibleState.None : node.kind === 'roadmap-item' || node.kind === 'goal' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
    const item = new vscode.TreeItem(node.label, state);
    item.id = `${element.parent}/${node.id}`;
    item.description = node.description;
    item.contextValue = node.kind;
    item.iconPath = new vscode.ThemeIcon(ICONS[node.kind], node.gaps.length ? new vscode.ThemeColor('list.warningForeground') : undefined);
    if (node.gaps.length) item.tooltip = `${node.label}\nGaps: ${node.gaps.join(', ')}`;
    // No `resourceUri`: VS Code would paint the node with its whole file's problem count and colour
    // (every item of a roadmap with one finding shown red with that count); a node shows its own gaps.
    if (node.location) {
      item.command = { command: 'throughline.reveal', title: 'Reveal', arguments: [node.location.uri, node.location.range] };
    }
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

type GapElement = { type: 'rule'; rule: string; issues: Issue[] } | { type: 'issue'; issue: Issue };

/** The Gaps view: every finding, grouped by rule. */
export class GapsTreeProvider implements vscode.TreeDataProvider<GapElement> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly index: ProductIndex) {
    index.onDidChange(() => this.changed.fire());
  }

  getChildren(element?: GapElement): GapElement[] {
    if (element?.type === 'rule') return element.issues.map((issue) => ({ type: 'issue', issue }));
    if (element) return [];
    const issues = inFolderOrder(this.index.workspaces()).flatMap(({ workspace }) => [...workspace.check().issues.values()].flat());
    return gapsByRule(issues, RULE_IDS).map((g) => ({ type: 'rule', rule: g.rule, issues: g.issues }));
  }

  getTreeItem(element: GapElement): vscode.TreeItem {
    if (element.type === 'rule') {
      const item = new vscode.TreeItem(element.rule, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `rule:${element.rule}`;
      item.description = String(element.issues.length);
      item.iconPath = new vscode.ThemeIcon('list-tree');
      item.contextValue = 'rule';
      return item;
    }
    const { issue } = element;
    const uri = vscode.Uri.parse(issue.uri);
    const item = new vscode.TreeItem(issue.message, vscode.TreeItemCollapsibleState.None);
    item.id = `${issue.rule}:${issue.uri}:${issue.range.start.line}:${issue.range.start.character}:${issue.message}`;
    item.description = `${vscode.workspace.asRelativePath(uri)}:${issue.range.start.line + 1}`;
    item.tooltip = issue.message;
    item.iconPath = new vscode.ThemeIcon(issue.severity === 'error' ? 'error' : issue.severity === 'warning' ? 'warning' : 'info');
    item.command = { command: 'throughline.reveal', title: 'Reveal', arguments: [issue.uri, issue.range] };
    item.contextValue = 'gap';
    return item;
  }

  dispose(): void {
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
