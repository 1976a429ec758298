import * as vscode from 'vscode';
import type { Trend } from '../core';
import { esc, htmlPage } from '../map/html';
import { STYLE } from '../map/style';
import { renderTrend } from '../map/trend';
import type { ProductIndex } from './productIndex';

/** A quarter of weeks, as `throughline trend` reads by default. */
const WEEKS = 13;

/**
 * Alignment over time in a webview: the chart `throughline report` draws, read from the folder's
 * git history (the `git` command line, read-only). Only for folders on disk in a trusted workspace:
 * git is a program run on the repository, and Restricted Mode runs none. The page has no script.
 */
export class TrendPanel implements vscode.Disposable {
  static readonly viewType = 'throughline.trend';
  private panel: vscode.WebviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly shownEmitter = new vscode.EventEmitter<{ trends: Trend[]; problems: string[] }>();
  /** Fires each time the panel shows a newly read history. */
  readonly onDidShow = this.shownEmitter.event;
  /** What the panel shows now: the trend of each folder, and why a folder has none. */
  shown: { trends: Trend[]; problems: string[] } = { trends: [], problems: [] };

  constructor(private readonly index: ProductIndex) {
    this.disposables.push(this.shownEmitter);
  }

  get webviewPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** Reads the history, then opens the panel (or brings it to the front) to show it. */
  async show(): Promise<void> {
    await this.index.ready;
    const trends: Trend[] = [];
    const names: string[] = [];
    const problems: string[] = [];
    const since = new Date(Date.now() - WEEKS * 7 * 24 * 3600 * 1000);
    const git = await gitReader();
    for (const { folder, workspace } of [...this.index.workspaces()].sort((a, b) => a.folder.index - b.folder.index)) {
      if (!git) problems.push(`${folder.name}: the trend reads the repository's history with git, which VS Code in a browser (vscode.dev, github.dev) cannot run; open the folder in VS Code on the desktop, or run \`throughline trend\`.`);
      else if (!vscode.workspace.isTrusted) problems.push(`${folder.name}: the trend runs git, which Restricted Mode does not allow; trust the folder to see it.`);
      else if (folder.uri.scheme !== 'file') problems.push(`${folder.name}: the trend reads git history, which only a folder on disk has.`);
      else {
        try {
          trends.push(await git.readTrend({ root: folder.uri.fsPath, rootUri: workspace.rootUri, config: workspace.getConfig(), since }));
          names.push(folder.name);
        } catch (e) {
          problems.push(`${folder.name}: ${e instanceof git.GitError ? e.message : String(e)}`);
        }
      }
    }
    const several = trends.length > 1;
    const body = [
      '<h1>Alignment over time</h1>',
      ...problems.map((p) => `<p class="empty">${esc(p)}</p>`),
      ...trends.map((t, i) => (several ? `<h2>${esc(names[i]!)}</h2>` : '') + renderTrend(t, { folderName: names[i]!, heading: false })),
    ].join('\n');
    if (this.panel) this.panel.reveal();
    else {
      this.panel = vscode.window.createWebviewPanel(TrendPanel.viewType, 'Alignment Over Time', vscode.ViewColumn.Active, { enableScripts: false, enableCommandUris: false, enableForms: false, localResourceRoots: [] });
      this.panel.onDidDispose(() => (this.panel = undefined), undefined, this.disposables);
    }
    this.panel.webview.html = page(body);
    this.shown = { trends, problems };
    this.shownEmitter.fire(this.shown);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * The git reader, loaded only where Node runs the extension: in a browser's web worker there is no
 * program to run (the web build leaves its Node modules out, so this import is never taken there).
 */
async function gitReader(): Promise<typeof import('../history/git') | undefined> {
  if (typeof process === 'undefined' || !process.versions?.node) return undefined;
  return import('../history/git');
}

/** The page: the report's stylesheet, in the editor's colours; no script, nothing loaded. */
function page(body: string): string {
  const nonce = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  return htmlPage({
    title: 'Alignment Over Time',
    csp: `default-src 'none'; style-src 'nonce-${nonce}';`,
    style: STYLE,
    nonce,
    bodyClass: 'webview',
    mainId: 'trend',
    main: body,
  });
}
