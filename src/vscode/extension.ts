import * as vscode from 'vscode';
import { CodeActionProvider } from './codeActions';
import { HoverProvider } from './hover';
import { CodeLensProvider, CompletionProvider, DefinitionProvider, ReferenceProvider, RenameProvider, WorkspaceSymbolProvider } from './navigation';
import { Log } from './log';
import { ProductIndex } from './productIndex';
import { ReadingMarkersProvider } from './readingMarkers';
import { createProductDocs } from './scaffold';
import { AlignmentStatus } from './statusBar';
import { StrategyMapPanel } from './strategyMap';
import { GapsTreeProvider, StrategyTreeProvider, reveal, type StrategyElement } from './tree';

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
  context.subscriptions.push(
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
    strategyTree.onDidChangeTreeData(() => (strategyView.description = strategyTree.description)),
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
  );
  void index.start().catch((e: unknown) => log.line('index', e));
  return { ready: index.ready, index, strategyTree, strategyView, gapsTree, status, log, strategyMap };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
