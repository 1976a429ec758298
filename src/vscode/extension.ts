import * as vscode from 'vscode';
import { CodeActionProvider, pickFix, select } from './codeActions';
import { openRuleDocs } from './diagnostics';
import { HoverProvider } from './hover';
import { CodeLensProvider, CompletionProvider, DefinitionProvider, ReferenceProvider, RenameProvider, WorkspaceSymbolProvider } from './navigation';
import { Log } from './log';
import { ProductIndex } from './productIndex';
import { ReadingMarkersProvider } from './readingMarkers';
import { createProductDocs } from './scaffold';
import { AlignmentStatus } from './statusBar';
import { StrategyMapPanel } from './strategyMap';
import { GapsTreeProvider, StrategyTreeProvider, reveal, type StrategyElement } from './tree';
import { PrioritiseTreeProvider, type PrioritiseElement } from './prioritiseView';
import { TrendPanel } from './trendView';

/** What `activate` returns: a small API the integration tests (and other extensions) can use. */
export interface ThroughlineApi {
  /** Resolves when every workspace folder has been indexed once. */
  ready: Promise<void>;
  index: ProductIndex;
  strategyTree: StrategyTreeProvider;
  /** The Strategy view itself: its description shows the alignment; `reveal` expands a node. */
  strategyView: vscode.TreeView<StrategyElement>;
  /** The Gaps view's provider: findings grouped by rule. */
  gapsTree: GapsTreeProvider;
  status: AlignmentStatus;
  /** The "Throughline" output channel, with the lines written lately. */
  log: Log;
  /** The Strategy Map webview: the map drawn last, and an event when the page shows a new one. */
  strategyMap: StrategyMapPanel;
  /** The Prioritise view: roadmap items ranked per horizon, with the drift findings. */
  prioritiseTree: PrioritiseTreeProvider;
  prioritiseView: vscode.TreeView<PrioritiseElement>;
  /** Alignment over time, read from git: what the panel shows, and an event when it shows it. */
  trend: TrendPanel;
}

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

export function activate(context: vscode.ExtensionContext): ThroughlineApi {
  const log = new Log();
  const index = new ProductIndex(context.extensionUri, log);
  const strategyTree = new StrategyTreeProvider(index);
  const gapsTree = new GapsTreeProvider(index);
  const strategyView = vscode.window.createTreeView('throughline.strategy', { treeDataProvider: strategyTree, showCollapseAll: true });
  const gapsView = vscode.window.createTreeView('throughline.gaps', { treeDataProvider: gapsTree, showCollapseAll: true });
  const status = new AlignmentStatus(index);
  const codeLens = new CodeLensProvider(index);
  const readingMarkers = new ReadingMarkersProvider(index);
  const strategyMap = new StrategyMapPanel(index);
  const prioritiseTree = new PrioritiseTreeProvider(index);
  const prioritiseView = vscode.window.createTreeView('throughline.prioritise', { treeDataProvider: prioritiseTree, showCollapseAll: true });
  const trend = new TrendPanel(index);
  context.subscriptions.push(
    prioritiseTree,
    prioritiseView,
    trend,
    prioritiseTree.onDidRebuild(() => (prioritiseView.message = prioritiseTree.message)),
    vscode.commands.registerCommand('throughline.showPrioritise', () => vscode.commands.executeCommand('throughline.prioritise.focus')),
    vscode.commands.registerCommand('throughline.showTrend', () => trend.show()),
    readingMarkers,
    vscode.languages.registerInlayHintsProvider(MARKDOWN, readingMarkers),
    strategyMap,
    log,
    index,
    strategyTree,
    gapsTree,
    strategyView,
    gapsView,
    status,
    codeLens,
    strategyView.onDidExpandElement((e) => strategyTree.noteExpanded(e.element, true)),
    strategyView.onDidCollapseElement((e) => strategyTree.noteExpanded(e.element, false)),
    strategyTree.onDidChangeTreeData(() => {
      strategyView.description = strategyTree.description;
      strategyView.message = strategyTree.message;
    }),
    vscode.languages.registerHoverProvider(MARKDOWN, new HoverProvider(index)),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new CodeActionProvider(index), CodeActionProvider.metadata),
    vscode.languages.registerDefinitionProvider(MARKDOWN, new DefinitionProvider(index)),
    vscode.languages.registerReferenceProvider(MARKDOWN, new ReferenceProvider(index)),
    vscode.languages.registerRenameProvider(MARKDOWN, new RenameProvider(index)),
    vscode.languages.registerCompletionItemProvider(MARKDOWN, new CompletionProvider(index), ':', ' ', ','),
    vscode.languages.registerCodeLensProvider(MARKDOWN, codeLens),
    vscode.languages.registerWorkspaceSymbolProvider(new WorkspaceSymbolProvider(index)),
    vscode.commands.registerCommand('throughline.reveal', reveal),
    vscode.commands.registerCommand('throughline.createProductDocs', (folder?: vscode.Uri) => createProductDocs(folder)),
    vscode.commands.registerCommand('throughline.showStrategy', () => vscode.commands.executeCommand('throughline.strategy.focus')),
    vscode.commands.registerCommand('throughline.showOutput', () => log.show()),
    vscode.commands.registerCommand('throughline.openStrategyMap', () => strategyMap.show()),
    vscode.commands.registerCommand('throughline.exportReport', async (target?: vscode.Uri) => {
      const saved = await strategyMap.exportReport(target instanceof vscode.Uri ? target : undefined);
      if (saved && !target) void vscode.window.showInformationMessage(`Throughline: the Strategy Map is saved as ${vscode.workspace.asRelativePath(saved)}.`);
      return saved;
    }),
    vscode.commands.registerCommand('throughline.pickFix', pickFix),
    vscode.commands.registerCommand('throughline.select', select),
    vscode.commands.registerCommand('throughline.openRuleDocs', (rule: unknown) => openRuleDocs(context.extensionUri, rule)),
    vscode.commands.registerCommand('throughline.showGapsOnly', () => strategyTree.setGapsOnly(true)),
    vscode.commands.registerCommand('throughline.showAll', () => strategyTree.setGapsOnly(false)),
    vscode.commands.registerCommand('throughline.openNode', (element?: StrategyElement) => openNode(element)),
    vscode.commands.registerCommand('throughline.traceNode', (element?: StrategyElement) => traceNode(element)),
    vscode.commands.registerCommand('throughline.revealInProblems', (element?: StrategyElement) => revealInProblems(element)),
  );
  strategyView.description = strategyTree.description;
  strategyView.message = strategyTree.message;
  prioritiseView.message = prioritiseTree.message;
  void vscode.commands.executeCommand('setContext', 'throughline.gapsOnly', false);
  void index.start().catch((e: unknown) => log.line('index', e));
  return { ready: index.ready, index, strategyTree, strategyView, gapsTree, status, log, strategyMap, prioritiseTree, prioritiseView, trend };
}

/** The node's item in the editor, selected (the Strategy view's “Open”). */
async function openNode(element: StrategyElement | undefined): Promise<void> {
  if (element?.type !== 'node' || !element.node.location) return;
  await reveal(element.node.location.uri, element.node.location.range);
}

/** “Trace to Goal…” on a node: the same searchable pick its finding's quick fix offers. */
async function traceNode(element: StrategyElement | undefined): Promise<void> {
  if (element?.type !== 'node') return;
  for (const gap of element.node.gaps) {
    const fix = gap.issue.fixes?.find((f) => f.pick);
    if (fix) {
      await pickFix(fix.pick);
      return;
    }
  }
}

/** The node's first finding selected in the editor, and the Problems panel open on it. */
async function revealInProblems(element: StrategyElement | undefined): Promise<void> {
  if (element?.type !== 'node') return;
  const gap = element.node.gaps[0];
  const at = gap ? { uri: gap.issue.uri, range: gap.issue.range } : element.node.location;
  if (!at) return;
  await reveal(at.uri, at.range);
  await vscode.commands.executeCommand('workbench.actions.view.problems');
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
