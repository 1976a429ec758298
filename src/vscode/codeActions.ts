import * as vscode from 'vscode';
import { fixAllEdits, type Fix, type Issue, type PickOption, type Range } from '../core';
import { fixToWorkspaceEdit, toRange, toWorkspaceEdit } from './convert';
import type { ProductIndex } from './productIndex';

const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append('throughline');

/** Quick fixes from the core's fixes, matched to diagnostics by rule and range, and a fix-all source action. */
export class CodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL] };

  constructor(private readonly index: ProductIndex) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): vscode.CodeAction[] {
    const current = this.index.current(document);
    if (!current || token.isCancellationRequested) return [];
    const issues = current.result.issues.get(document.uri.toString()) ?? [];
    const actions: vscode.CodeAction[] = [];
    const wantsQuickFixes = !context.only || context.only.contains(vscode.CodeActionKind.QuickFix);
    // Fix-all is a source action: offered on request (Source Action…, or codeActionsOnSave), never in the light bulb.
    const wantsFixAll = context.only !== undefined && (context.only.contains(FIX_ALL) || FIX_ALL.contains(context.only));
    if (wantsQuickFixes) {
      for (const diagnostic of context.diagnostics) {
        if (diagnostic.source !== 'Throughline') continue;
        const issue = issues.find((i) => matches(i, diagnostic));
        for (const fix of issue?.fixes ?? []) actions.push(toCodeAction(fix, diagnostic));
      }
    }
    if (wantsFixAll) {
      const edits = fixAllEdits(issues, document.uri.toString());
      if (edits.length > 0) {
        const action = new vscode.CodeAction('Fix all Throughline findings whose fix is certain', FIX_ALL);
        action.edit = toWorkspaceEdit(edits);
        actions.push(action);
      }
    }
    return actions;
  }
}

/**
 * A core fix as a quick fix: its edit, or for a choice (“Trace to goal…”) a command that asks;
 * then, when the fix wrote a prompt or a new item, a command that selects it to write over.
 */
export function toCodeAction(fix: Fix, diagnostic?: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  if (diagnostic) action.diagnostics = [diagnostic];
  action.isPreferred = fix.preferred === true;
  if (fix.pick) {
    action.command = { command: 'throughline.pickFix', title: fix.title, arguments: [fix.pick] };
    return action;
  }
  if (fix.edits.length > 0 || fix.creates?.length) action.edit = fixToWorkspaceEdit(fix);
  // A snippet selects its own first blank; selecting again would end the snippet's Tab stops.
  if (fix.select && !fix.edits.some((e) => e.snippet !== undefined)) action.command = { command: 'throughline.select', title: 'Select', arguments: [fix.select.uri, fix.select.range] };
  return action;
}

/** “Trace to goal…”: a searchable list of every goal with its metric; the one chosen is written, nothing else. */
export async function pickFix(pick: Fix['pick']): Promise<PickOption | undefined> {
  if (!pick) return undefined;
  const chosen = await vscode.window.showQuickPick(
    pick.options.map((option) => ({ label: option.label, description: option.description, detail: option.detail, option })),
    { placeHolder: pick.placeholder, matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: false },
  );
  if (!chosen) return undefined;
  const applied = await vscode.workspace.applyEdit(toWorkspaceEdit(chosen.option.edits));
  if (applied && chosen.option.select) await select(chosen.option.select.uri, chosen.option.select.range);
  return applied ? chosen.option : undefined;
}

/** Opens a document (if needed) and selects a range in it: the prompt a fix wrote, for the user to write over. */
export async function select(uri: string, range: Range): Promise<void> {
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { preview: false });
  const r = toRange(range);
  editor.selection = new vscode.Selection(r.start, r.end);
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function matches(issue: Issue, diagnostic: vscode.Diagnostic): boolean {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  const r = diagnostic.range;
  return (
    issue.rule === code &&
    issue.message === diagnostic.message &&
    issue.range.start.line === r.start.line &&
    issue.range.start.character === r.start.character &&
    issue.range.end.line === r.end.line &&
    issue.range.end.character === r.end.character
  );
}
