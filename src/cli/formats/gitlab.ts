import { createHash } from 'node:crypto';
import type { Severity } from '../../core';
import type { JsonDiagnostic } from '../output';

// GitLab Code Quality report (a JSON array of issues in the Code Climate shape):
// https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
// Required: description, check_name, fingerprint, severity (info, minor, major, critical, blocker),
// location.path, and location.lines.begin.

/** Errors fail `throughline check`, so they are major; nothing here is a security blocker. */
const SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', information: 'info', hint: 'info' };

export function formatGitlab(diagnostics: readonly JsonDiagnostic[]): string {
  const seen = new Map<string, number>();
  const issues = diagnostics.map((d) => {
    // Stable across commits, as in SARIF: no line numbers, and the n-th of identical findings.
    const key = `${d.rule}\u0000${d.file}\u0000${d.message.replace(/([\w./-]+\.(?:md|markdown)):\d+/g, '$1')}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return {
      description: d.message,
      check_name: d.rule,
      fingerprint: createHash('md5').update(`${key}\u0000${n}`).digest('hex'),
      severity: SEVERITY[d.severity],
      location: { path: d.file, lines: { begin: d.line, end: d.endLine } },
    };
  });
  return JSON.stringify(issues, null, 2);
}
