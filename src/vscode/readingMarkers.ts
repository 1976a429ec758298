import * as vscode from 'vscode';
import { readingMarkers } from '../core';
import type { ProductIndex } from './productIndex';

const SETTING = 'throughline.readingMarkers';

/**
 * The reading markers as inlay hints: after each heading, entry and row, what Throughline read it as
 * and what it traces to (docs/format.md §8). `throughline.readingMarkers` turns them off.
 */
export class ReadingMarkersProvider implements vscode.InlayHintsProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly index: ProductIndex) {
    this.disposables = [
      this.changed,
      index.onDidChange(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SETTING)) this.changed.fire();
      }),
    ];
  }

  provideInlayHints(document: vscode.TextDocument, range: vscode.Range, token: vscode.CancellationToken): vscode.InlayHint[] {
    if (!vscode.workspace.getConfiguration('throughline', document.uri).get<boolean>('readingMarkers', true)) return [];
    const current = this.index.current(document);
    if (!current || token.isCancellationRequested) return [];
    const hints: vscode.InlayHint[] = [];
    for (const marker of readingMarkers(current.result.model, document.uri.toString())) {
      const position = new vscode.Position(marker.position.line, marker.position.character);
      if (!range.contains(position)) continue;
      const hint = new vscode.InlayHint(position, marker.label);
      hint.paddingLeft = true;
      hint.tooltip = new vscode.MarkdownString(marker.tooltip);
      hints.push(hint);
    }
    return hints;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
