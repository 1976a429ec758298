import * as vscode from 'vscode';
import { ProductIndex } from './productIndex';

/** What `activate` returns: a small API the integration tests (and other extensions) can use. */
export interface ThroughlineApi {
  /** Resolves when every workspace folder has been indexed once. */
  ready: Promise<void>;
  index: ProductIndex;
}

export function activate(context: vscode.ExtensionContext): ThroughlineApi {
  const log = vscode.window.createOutputChannel('Throughline');
  const index = new ProductIndex(context.extensionUri, log);
  context.subscriptions.push(log, index);
  void index.start().catch((e: unknown) => log.appendLine(`[index] ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
  return { ready: index.ready, index };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
