import * as vscode from 'vscode';
import { alignmentByHorizon, summarize } from '../core';
import type { ProductIndex } from './productIndex';

/** "$(target) 71% traced" for the product the active editor belongs to; opens the Strategy view. */
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

  /** The tooltip shown, for tests. */
  get tooltip(): string {
    const tooltip = this.item.tooltip;
    return typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '');
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
    const { model, issues } = entry.workspace.check();
    // The active document's product scope; outside product docs, the whole folder.
    const scope = editor ? model.scopeOf.get(editor.document.uri.toString()) : undefined;
    const include = (uri: string) => !scope || model.scopeOf.get(uri) === scope;
    const summary = summarize(model, (d) => include(d.uri));
    if (summary.files === 0) {
      this.item.hide();
      return;
    }
    let gaps = 0;
    for (const [uri, list] of issues) if (include(uri)) gaps += list.length;
    // “Traced”, not “aligned”: every item can trace to a goal while goals still lack metrics or items.
    const figure = summary.alignment === null ? 'no items' : `${Math.round(summary.alignment * 100)}% traced`;
    this.item.text = `$(target) ${figure}`;
    const gapsText = gaps === 0 ? 'no gaps' : `${gaps} gap${gaps === 1 ? '' : 's'} (Problems and the Gaps view list them)`;
    // Per horizon, as the Prioritise view and the report count them (docs/format.md §12).
    const lanes = alignmentByHorizon(model, (d) => include(d.uri));
    const perHorizon = lanes.length > 1 || (lanes[0] && lanes[0].lane !== 'unscheduled')
      ? ` By horizon: ${lanes.map((l) => `${l.label} ${l.traced} of ${l.items} (${Math.round((l.traced / l.items) * 100)}%)`).join(' · ')}; target ${Math.round(entry.workspace.getConfig().alignmentTarget * 100)}% for the nearest.`
      : '';
    this.item.tooltip = summary.alignment === null
      ? `Throughline: no roadmap items yet; ${gapsText}.`
      : `Throughline: ${summary.tracedItems} of ${summary.roadmapItems} roadmap items trace to a goal (${summary.goals} goals); ${gapsText}.${perHorizon} Click to open the Strategy view.`;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
