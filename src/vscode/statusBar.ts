import * as vscode from 'vscode';
import { summarize } from '../core';
import type { ProductIndex } from './productIndex';

/** "$(target) 71% aligned" for the product the active editor belongs to; opens the Strategy view. */
export class AlignmentStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('throughline.alignment', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly index: ProductIndex) {
    this.item.name = 'Throughline alignment';
    this.item.command = 'throughline.showStrategy';
    this.disposables.push(index.onDidChange(() => this.update()), vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this.update();
  }

  /** The text shown, for tests. */
  get text(): string {
    return this.item.text;
  }

  /** The command a click runs, for tests. */
  get command(): string | undefined {
    const command = this.item.command;
    return typeof command === 'string' ? command : command?.command;
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    // With no editor, the first workspace folder's product (the index lists folders in no set order).
    const entry = editor
      ? this.index.workspaces().find((w) => vscode.workspace.getWorkspaceFolder(editor.document.uri)?.uri.toString() === w.folder.uri.toString())
      : [...this.index.workspaces()].sort((a, b) => a.folder.index - b.folder.index)[0];
    if (!entry) {
      this.item.hide();
      return;
    }
    const { model } = entry.workspace.check();
    // The active document's product scope; outside product docs, the whole folder.
    const scope = editor ? model.scopeOf.get(editor.document.uri.toString()) : undefined;
    const summary = summarize(model, (d) => !scope || model.scopeOf.get(d.uri) === scope);
    if (summary.files === 0) {
      this.item.hide();
      return;
    }
    const figure = summary.alignment === null ? 'no items' : `${Math.round(summary.alignment * 100)}% aligned`;
    this.item.text = `$(target) ${figure}`;
    this.item.tooltip = summary.alignment === null
      ? 'Throughline: no roadmap items yet'
      : `Throughline: ${summary.tracedItems} of ${summary.roadmapItems} roadmap items trace to a goal (${summary.goals} goals). Click to open the Strategy view.`;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
