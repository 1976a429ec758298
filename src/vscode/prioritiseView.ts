import * as vscode from 'vscode';
import { SEVERITIES, prioritise, type DriftNote, type FactorValue, type ProductRanking, type RankedGoal, type RankedHorizon, type RankedItem, type Ranking } from '../core';
import type { ProductIndex } from './productIndex';
import { SEVERITY_ICON } from './tree';

/** An element of the Prioritise view. */
export type PrioritiseElement = (
  | { type: 'product'; id: string; label: string; product: ProductRanking; ranking: Ranking }
  | { type: 'horizon'; id: string; product: ProductRanking; horizon: RankedHorizon; ranking: Ranking }
  | { type: 'item'; id: string; item: RankedItem; rank: number; ranking: Ranking }
  | { type: 'goals'; id: string; product: ProductRanking }
  | { type: 'goal'; id: string; goal: RankedGoal }
) & { /** The element above, for `reveal`. */ parent?: PrioritiseElement };


/**
 * The Prioritise view: per product and horizon, roadmap items ranked by the score of the core's
 * `prioritise` (the formula in the view's header, every factor in an item's tooltip), the drift
 * findings the rules reported on each horizon, item and goal, and the goals by rank. A translation
 * of the core's data; nothing is worked out here.
 */
export class PrioritiseTreeProvider implements vscode.TreeDataProvider<PrioritiseElement>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private roots: PrioritiseElement[] = [];
  private header = '';

  /** The index changed since the ranking was built: it is built again when the view asks for it. */
  private stale = true;
  private readonly rebuilt = new vscode.EventEmitter<void>();
  /** Fires after the ranking was built again (its header may have changed). */
  readonly onDidRebuild = this.rebuilt.event;

  constructor(private readonly index: ProductIndex) {
    // The ranking of every product is built only when the view asks for its rows: a collapsed or
    // hidden view (the default) costs nothing when the index changes.
    this.disposables.push(
      this.rebuilt,
      index.onDidChange(() => {
        this.stale = true;
        this.changed.fire();
      }),
    );
  }

  /** The view's header: the formula and what each factor is. */
  get message(): string {
    this.rebuildIfStale();
    return this.header;
  }

  private rebuildIfStale(): void {
    if (!this.stale) return;
    this.stale = false;
    this.rebuild();
    this.rebuilt.fire();
  }

  private rebuild(): void {
    const folders = [...this.index.workspaces()].filter((w) => w.indexed).sort((a, b) => a.folder.index - b.folder.index);
    const products: Array<{ folder: vscode.WorkspaceFolder; product: ProductRanking; ranking: Ranking }> = [];
    let formula = '';
    for (const { folder, workspace } of folders) {
      const ranking = prioritise(workspace.check(), workspace.getConfig());
      formula ||= ranking.formula;
      for (const product of ranking.products) if (product.horizons.length > 0) products.push({ folder, product, ranking });
    }
    const several = products.length > 1;
    this.roots = several
      ? products.map(({ folder, product, ranking }) => ({ type: 'product', id: `${folder.uri.toString()}#${product.scope}`, label: product.label || product.scope || folder.name, product, ranking }))
      : products.flatMap(({ folder, product, ranking }) => productChildren(`${folder.uri.toString()}#${product.scope}`, product, ranking, undefined));
    this.header = products.length ? `${formula}: each factor from 0 to 1, an unstated one 0.5 (hover an item for its factors; weights in the priorityWeights setting).` : '';
  }

  getChildren(element?: PrioritiseElement): PrioritiseElement[] {
    if (!element) {
      this.rebuildIfStale();
      return this.roots;
    }
    switch (element.type) {
      case 'product':
        return productChildren(element.id, element.product, element.ranking, element);
      case 'horizon':
        return element.horizon.items.map((item, i) => ({ type: 'item', id: `${element.id}/${item.key}`, item, rank: i + 1, ranking: element.ranking, parent: element }));
      case 'goals':
        return element.product.goals.map((goal) => ({ type: 'goal', id: `${element.id}/${goal.key}`, goal, parent: element }));
      default:
        return [];
    }
  }

  getTreeItem(element: PrioritiseElement): vscode.TreeItem {
    switch (element.type) {
      case 'product': {
        const item = new vscode.TreeItem(element.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = element.id;
        item.description = nearestSummary(element.product);
        item.iconPath = new vscode.ThemeIcon('eye');
        return item;
      }
      case 'horizon': {
        const { horizon, product } = element;
        const state = horizon.lane === 'done' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
        const item = new vscode.TreeItem(horizon.label, state);
        item.id = element.id;
        const share = horizon.alignment === null ? '' : `${pct(horizon.alignment)} serve a goal (${horizon.traced} of ${horizon.items.length})`;
        item.description = [share, product.nearest === horizon.lane ? `target ${pct(element.ranking.target)}` : '', ...horizon.drift.map(() => 'under target')].filter(Boolean).join(' · ');
        item.tooltip = tooltip(`**${horizon.label}**: ${share || 'no items'}`, horizon.drift);
        item.iconPath = icon(horizon.drift, 'calendar');
        return item;
      }
      case 'item': {
        const { item: ranked, rank } = element;
        const item = new vscode.TreeItem(`${rank}. ${ranked.title}`, vscode.TreeItemCollapsibleState.None);
        item.id = element.id;
        item.description = [ranked.score.toFixed(2), ranked.goals.length ? ranked.goals.map((g) => g.split(' ')[0]).join(', ') : 'no goal', ...ranked.drift.map(driftWord)].join(' · ');
        item.tooltip = itemTooltip(ranked, element.ranking);
        item.iconPath = icon(ranked.drift, 'milestone');
        item.command = { command: 'throughline.reveal', title: 'Reveal', arguments: [ranked.uri, ranked.range] };
        item.contextValue = 'rankedItem';
        return item;
      }
      case 'goals': {
        const item = new vscode.TreeItem('Goals by rank', vscode.TreeItemCollapsibleState.Collapsed);
        item.id = element.id;
        const drifting = element.product.goals.filter((g) => g.drift.length > 0).length;
        item.description = drifting ? `${drifting} drifting` : `${element.product.goals.length}`;
        item.iconPath = new vscode.ThemeIcon('target');
        return item;
      }
      case 'goal': {
        const { goal } = element;
        const item = new vscode.TreeItem(goal.label, vscode.TreeItemCollapsibleState.None);
        item.id = element.id;
        item.description = [goal.rank ?? 'not ranked', `Now ${goal.now} · Next ${goal.next}`, ...(goal.due ? [`due ${goal.due}`] : []), ...goal.drift.map(driftWord)].join(' · ');
        item.tooltip = tooltip(`**${escape(goal.label)}**${goal.rank ? ` · ${escape(goal.rank)}` : ''}${goal.top ? ' · top priority' : ''}\n\nIn Now: ${goal.now}; in Next: ${goal.next}${goal.due ? `; due ${escape(goal.due)}` : ''}`, goal.drift);
        item.iconPath = icon(goal.drift, 'target');
        item.command = { command: 'throughline.reveal', title: 'Reveal', arguments: [goal.uri, goal.range] };
        return item;
      }
    }
  }

  getParent(element: PrioritiseElement): PrioritiseElement | undefined {
    return element.parent;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function productChildren(id: string, product: ProductRanking, ranking: Ranking, parent: PrioritiseElement | undefined): PrioritiseElement[] {
  const up = parent ? { parent } : {};
  const horizons: PrioritiseElement[] = product.horizons.map((horizon) => ({ type: 'horizon', id: `${id}/${horizon.lane}`, product, horizon, ranking, ...up }));
  if (product.goals.length) horizons.push({ type: 'goals', id: `${id}/goals`, product, ...up });
  return horizons;
}

function nearestSummary(product: ProductRanking): string {
  const nearest = product.horizons.find((h) => h.lane === product.nearest);
  return nearest && nearest.alignment !== null ? `${nearest.label} ${pct(nearest.alignment)} serve a goal` : '';
}

function itemTooltip(item: RankedItem, ranking: Ranking): vscode.MarkdownString {
  const f = item.factors;
  const used = (['alignment', 'impact', 'urgency', 'confidence', 'effort'] as const).filter((k) => ranking.weights[k] > 0);
  const name: Record<string, string> = { alignment: 'alignment', impact: 'impact', urgency: 'urgency', confidence: 'confidence', effort: 'ease' };
  const power = (k: (typeof used)[number]) => (ranking.weights[k] === 1 ? '' : `^${ranking.weights[k]}`);
  const lines = [
    `**${escape(item.label)}**: score **${item.score.toFixed(2)}** = ${used.map((k) => `${f[k].value.toFixed(2)}${power(k)}`).join(' × ')}`,
    '',
    ...used.map((k) => `- ${name[k]} ${f[k].value.toFixed(2)}: ${escape(describeFactor(f[k]))}`),
    '',
    `Serves ${item.goals.length ? escape(item.goals.join(', ')) : 'no goal'} · \`${escape(item.file)}:${item.line}\``,
  ];
  return tooltip(lines.join('\n'), item.drift);
}

function describeFactor(f: FactorValue): string {
  return f.stated ? f.said : `${f.said}, counted as 0.5`;
}

function tooltip(head: string, drift: readonly DriftNote[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString(head, true);
  for (const note of drift) md.appendMarkdown(`\n\n$(${SEVERITY_ICON[note.severity][0]}) ${escape(note.message)} _(${note.rule})_`);
  return md;
}

function icon(drift: readonly DriftNote[], plain: string): vscode.ThemeIcon {
  const worst = SEVERITIES.find((s) => drift.some((d) => d.severity === s));
  return worst ? new vscode.ThemeIcon(SEVERITY_ICON[worst][0], new vscode.ThemeColor(SEVERITY_ICON[worst][1])) : new vscode.ThemeIcon(plain);
}

/** A few words for a drift finding beside an item or goal. */
function driftWord(note: DriftNote): string {
  switch (note.rule) {
    case 'urgent-unaligned':
      return note.variant === 'low-priority' ? 'lowest goal only' : 'urgent, no goal';
    case 'goal-neglected':
      return 'nothing soon';
    case 'stale-goal':
      return 'past its date';
    case 'goal-is-output':
      return 'output';
    default:
      return note.rule;
  }
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~$]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
}
