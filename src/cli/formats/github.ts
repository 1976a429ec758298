import type { Severity, Summary } from '../../core';
import { countBySeverity, summaryLine, type JsonDiagnostic } from '../output';

// GitHub Actions workflow commands, one annotation per finding:
// https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#setting-an-error-message
// `::error file=F,line=L,endLine=E,col=C,endColumn=D,title=T::MESSAGE`, with the escaping of
// actions/toolkit's command.ts (escapeData, escapeProperty).

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

export function formatGithub(diagnostics: readonly JsonDiagnostic[], summary: Summary): string {
  const lines = diagnostics.map((d) => {
    const properties = [
      `file=${escapeProperty(d.file)}`,
      `line=${d.line}`,
      `endLine=${d.endLine}`,
      `col=${d.column}`,
      `endColumn=${d.endColumn}`,
      `title=${escapeProperty(`Throughline ${d.rule}`)}`,
    ];
    return `::${COMMAND[d.severity]} ${properties.join(',')}::${escapeData(d.message)}`;
  });
  // The summary is a plain line in the log, not an annotation.
  lines.push(summaryLine(summary, countBySeverity([...diagnostics])));
  return lines.join('\n');
}

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
