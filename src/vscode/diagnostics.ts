import * as vscode from 'vscode';
import { ruleDocsPath, type Issue, type RuleId, type Severity } from '../core';
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
  diagnostic.code =
    issue.rule === 'internal-error'
      ? issue.rule
      : { value: issue.rule, target: vscode.Uri.joinPath(extensionUri, ruleDocsPath(issue.rule as RuleId)) };
  if (issue.related?.length) {
    diagnostic.relatedInformation = issue.related.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.parse(r.uri), toRange(r.range)), r.message),
    );
  }
  return diagnostic;
}
