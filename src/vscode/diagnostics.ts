import * as vscode from 'vscode';
import { RULE_IDS, ruleDocsPath, type Issue, type IssueCode, type RuleId, type Severity } from '../core';
import { toRange } from './convert';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/**
 * Turns core issues into VS Code diagnostics: source "Throughline", the rule id as a code linking to
 * its docs page. The link runs `throughline.openRuleDocs`, which shows the page bundled with the
 * extension rendered, in a Markdown preview: linking to the file itself would open its source, editable.
 */
export function toDiagnostic(issue: Issue, _extensionUri?: vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(issue.range), issue.message, SEVERITY[issue.severity]);
  diagnostic.source = 'Throughline';
  // Rules link to their page; the two notices that are not rules (internal-error, file-skipped) have none.
  diagnostic.code = isRule(issue.rule) ? { value: issue.rule, target: ruleDocsLink(issue.rule) } : issue.rule;
  if (issue.related?.length) {
    diagnostic.relatedInformation = issue.related.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.parse(r.uri), toRange(r.range)), r.message),
    );
  }
  return diagnostic;
}

/** The link on a finding's rule: a command that opens the rule's page rendered. */
export function ruleDocsLink(rule: RuleId): vscode.Uri {
  return vscode.Uri.parse(`command:throughline.openRuleDocs?${encodeURIComponent(JSON.stringify([rule]))}`);
}

/** Shows a rule's page, bundled with the extension, rendered and read-only (a Markdown preview). */
export async function openRuleDocs(extensionUri: vscode.Uri, rule: unknown): Promise<void> {
  const id = typeof rule === 'object' && rule !== null && 'rule' in rule ? (rule as { rule: unknown }).rule : rule;
  if (typeof id !== 'string' || !isRule(id as IssueCode)) return;
  await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(extensionUri, ruleDocsPath(id as RuleId)));
}

export function isRule(code: IssueCode): code is RuleId {
  return (RULE_IDS as readonly string[]).includes(code);
}
