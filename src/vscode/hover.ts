import * as vscode from 'vscode';
import { hoverAt } from '../core';
import { fromPosition, toRange } from './convert';
import type { ProductIndex } from './productIndex';

/** Why-chains on roadmap items, traces on goals, targets on references. */
export class HoverProvider implements vscode.HoverProvider {
  constructor(private readonly index: ProductIndex) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.Hover | undefined {
    const current = this.index.current(document);
    if (!current || token.isCancellationRequested) return undefined;
    const hover = hoverAt(current.result, document.uri.toString(), fromPosition(position));
    if (!hover) return undefined;
    // Document text in the hover is escaped by the core; icons are ours, so only they are enabled.
    const markdown = new vscode.MarkdownString(hover.markdown, true);
    markdown.isTrusted = false;
    markdown.supportHtml = false;
    return new vscode.Hover(markdown, toRange(hover.range));
  }
}
