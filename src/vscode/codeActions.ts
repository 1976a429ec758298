import * as vscode from 'vscode';
import { fixAllEdits, type Issue } from '../core';
import { fixToWorkspaceEdit, toWorkspaceEdit } from './convert';
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
        for (const fix of issue?.fixes ?? []) {
          const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
          action.edit = fixToWorkspaceEdit(fix);
          action.diagnostics = [diagnostic];
          action.isPreferred = fix.preferred === true;
          actions.push(action);
        }
      }
    }
    if (wantsFixAll) {
      const edits = fixAllEdits(issues, document.uri.toString());
      if (edits.length > 0) {
        const action = new vscode.CodeAction('Fix all Throughline findings that have one obvious fix', FIX_ALL);
        action.edit = toWorkspaceEdit(edits);
        actions.push(action);
      }
    }
    return actions;
  }
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
