import * as vscode from 'vscode';
import { forEachMapNode, strategyMap, type MapProduct, type Range, type StrategyMap } from '../core';
import { renderMapBody, renderMapDocument, type RenderOptions } from '../map/render';
import type { ProductIndex } from './productIndex';
import { toRange } from './convert';

/** How long the map waits after a change before drawing again: edits arrive in bursts. */
const REFRESH_MS = 150;

/** What the webview script may send. Anything else is ignored. */
type Message = { type: 'ready' } | { type: 'rendered'; version: number } | { type: 'open'; key: string } | { type: 'openAt'; uri: string; line: number };

/**
 * The Strategy Map in a webview panel: the picture `throughline report` writes, drawn from the
 * index and redrawn as documents change. The page runs one nonce'd script under a CSP that allows
 * nothing else (no remote or local resources); a click on a node comes back as a message naming
 * the node, and only nodes of the map drawn last can be opened.
 */
export class StrategyMapPanel implements vscode.Disposable {
  static readonly viewType = 'throughline.strategyMap';
  private panel: vscode.WebviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly panelDisposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly renderedEmitter = new vscode.EventEmitter<{ version: number; map: StrategyMap }>();
  /** Fires when the webview has put a rendering on screen (its script answers each one). */
  readonly onDidRender = this.renderedEmitter.event;
  /** The map drawn last, and its version; the nodes a click may open. */
  map: StrategyMap = { products: [], findings: 0 };
  version = 0;
  private nodes = new Map<string, { uri: string; range: Range }>();

  constructor(private readonly index: ProductIndex) {
    this.disposables.push(this.renderedEmitter, index.onDidChange(() => this.schedule()));
  }

  /** The panel, while it is open (for tests and the export command). */
  get webviewPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** Opens the map, or brings it to the front. */
  show(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(StrategyMapPanel.viewType, 'Strategy Map', vscode.ViewColumn.Active, {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      // Everything the page needs is inline: it may load nothing, local or remote.
      localResourceRoots: [],
    });
    this.panel = panel;
    this.panelDisposables.push(
      panel.onDidDispose(() => {
        this.panel = undefined;
        for (const d of this.panelDisposables.splice(0)) d.dispose();
      }),
      panel.webview.onDidReceiveMessage((m: unknown) => this.receive(m)),
    );
    this.map = this.build();
    const nonce = makeNonce();
    panel.webview.html = renderMapDocument(this.map, this.renderOptions({ webview: { nonce } }));
  }

  /** The map as a self-contained HTML file (`throughline report`), links relative to where it is saved. */
  async exportReport(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        title: 'Export the Strategy Map',
        saveLabel: 'Export',
        filters: { 'HTML report': ['html'] },
        ...(folder ? { defaultUri: vscode.Uri.joinPath(folder.uri, 'strategy-map.html') } : {}),
      }));
    if (!uri) return undefined;
    const map = this.build();
    const dir = uri.path.slice(0, uri.path.lastIndexOf('/'));
    const html = renderMapDocument(map, {
      ...this.renderOptions(),
      href: ({ uri: node, line }) => {
        const to = vscode.Uri.parse(node);
        return to.scheme === uri.scheme && to.authority === uri.authority ? `${relativePath(dir, to.path)}#L${line}` : `${node}#L${line}`;
      },
      subtitle: `exported from VS Code on ${new Date().toISOString().slice(0, 10)}`,
    });
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(html));
    return uri;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private renderOptions(extra: Partial<RenderOptions> = {}): RenderOptions {
    const folders = vscode.workspace.workspaceFolders ?? [];
    return { folderName: vscode.workspace.name ?? folders[0]?.name ?? 'Workspace', ...extra };
  }

  private schedule(): void {
    // A hidden panel's page is discarded (no retainContextWhenHidden): shown again, it loads anew
    // and asks for the map ('ready'), so nothing is drawn for it meanwhile (a 1,000-item map is
    // about 40 ms and 700 KB of HTML).
    if (!this.panel?.visible) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), REFRESH_MS);
  }

  private refresh(): void {
    if (!this.panel) return;
    this.map = this.build();
    this.version++;
    void this.panel.webview.postMessage({ type: 'render', version: this.version, html: renderMapBody(this.map, this.renderOptions()) });
  }

  /** One map over every workspace folder; with several, node keys and names say which folder. */
  private build(): StrategyMap {
    const folders = [...this.index.workspaces()].sort((a, b) => a.folder.index - b.folder.index);
    const several = folders.length > 1;
    const products: MapProduct[] = [];
    let findings = 0;
    for (const { folder, workspace } of folders) {
      const map = strategyMap(workspace.check());
      findings += map.findings;
      for (const p of map.products) {
        if (!p.label && !p.scope) p.label = `${folder.name} (top level)`;
        else if (several) p.label = `${folder.name}: ${p.label || p.scope}`;
        if (several) forEachMapNode(p, (n) => (n.key = `${folder.index}:${n.key}`));
        products.push(p);
      }
    }
    const map = { products, findings };
    this.nodes = new Map();
    for (const p of products) forEachMapNode(p, (n) => this.nodes.set(n.key, { uri: n.uri, range: n.range }));
    return map;
  }

  private receive(raw: unknown): void {
    const m = raw as Message;
    if (!m || typeof m !== 'object') return;
    switch (m.type) {
      case 'ready':
        this.refresh();
        break;
      case 'rendered':
        if (typeof m.version === 'number') this.renderedEmitter.fire({ version: m.version, map: this.map });
        break;
      case 'open': {
        const node = typeof m.key === 'string' ? this.nodes.get(m.key) : undefined;
        if (node) void openBeside(node.uri, node.range);
        break;
      }
      case 'openAt': {
        // Only a document the index holds, never a URI the page made up.
        if (typeof m.uri !== 'string' || !Number.isInteger(m.line) || m.line < 1) break;
        const known = this.index.workspaces().some(({ workspace }) => workspace.get(m.uri) !== undefined);
        if (known) void openBeside(m.uri, { start: { line: m.line - 1, character: 0 }, end: { line: m.line - 1, character: 0 } });
        break;
      }
    }
  }
}

/** Opens a document beside the map, so the map stays in view, with the node's title selected. */
async function openBeside(uri: string, range: Range): Promise<void> {
  const selection = toRange(range);
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { viewColumn: vscode.ViewColumn.Beside, preview: true, selection: new vscode.Selection(selection.start, selection.end) });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** `to` relative to the folder `from`, both absolute `/` paths. */
export function relativePath(from: string, to: string): string {
  const a = from.split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].map(encodeURIComponent).join('/');
}

function makeNonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
