import * as vscode from 'vscode';
import { RULE_IDS, ruleDocsPath, type Issue, type IssueCode, type RuleId, type Severity } from '../core';
import { toRange } from './convert';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Turns core issues into VS Code diagnostics: source "Throughline", the rule id as a code linking to its docs page. */
export function toDiagnostic(issue: Issue, extensionUri: vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(issue.range), issue.message, SEVERITY[issue.severity]);
  diagnostic.source = 'Throughline';
  // Rules link to their page; the two notices that are not rules (internal-error, file-skipped) have none.
  diagnostic.code = isRule(issue.rule) ? { value: issue.rule, target: vscode.Uri.joinPath(extensionUri, ruleDocsPath(issue.rule)) } : issue.rule;
  if (issue.related?.length) {
    diagnostic.relatedInformation = issue.related.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.parse(r.uri), toRange(r.range)), r.message),
    );
  }
  return diagnostic;
}

function isRule(code: IssueCode): code is RuleId {
  return (RULE_IDS as readonly string[]).includes(code);
}
