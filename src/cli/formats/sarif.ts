import { createHash } from 'node:crypto';
import { DEFAULT_SEVERITIES, RULES, type Severity } from '../../core';
import type { JsonDiagnostic } from '../output';
import { HOMEPAGE, ruleDocsUrl } from './links';

// SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html), as GitHub code
// scanning reads it (https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning).

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** Findings that are not rules, described so every result has a rule to point to. */
const NOT_RULES = [
  { id: 'file-skipped', summary: 'A product doc Throughline would not read (too large, binary, unreadable).', level: 'warning' as const },
  { id: 'internal-error', summary: 'Throughline failed to analyse a file; the other files were still checked.', level: 'error' as const },
];

export function formatSarif(diagnostics: readonly JsonDiagnostic[], version: string): string {
  const rules = [
    ...RULES.map((r) => ({ id: r.id, summary: r.summary, level: LEVEL[DEFAULT_SEVERITIES[r.id]] })),
    ...NOT_RULES,
  ].map((r) => {
    const helpUri = ruleDocsUrl(r.id);
    return {
      id: r.id,
      name: pascal(r.id),
      shortDescription: { text: r.summary },
      ...(helpUri ? { helpUri, help: { text: `${r.summary} See ${helpUri}`, markdown: `${r.summary} [How to fix it](${helpUri}).` } } : {}),
      defaultConfiguration: { level: r.level },
      properties: { tags: ['product-strategy', 'traceability'] },
    };
  });
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const seen = new Map<string, number>();
  const results = diagnostics.map((d) => {
    // Stable across commits: the rule, the file and what the message says, without line numbers
    // (an edit above a finding moves it, and must not make it a new alert); the n-th of identical
    // findings in a file is told apart by n.
    const key = `${d.rule}\u0000${d.file}\u0000${d.message.replace(LOCATION, '$1')}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return {
      ruleId: d.rule,
      ...(ruleIndex.has(d.rule) ? { ruleIndex: ruleIndex.get(d.rule)! } : {}),
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(d.file), uriBaseId: '%SRCROOT%' },
            region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
          },
        },
      ],
      partialFingerprints: { 'throughlineFinding/v1': createHash('sha256').update(`${key}\u0000${n}`).digest('hex') },
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Throughline', version, semanticVersion: version, informationUri: HOMEPAGE, rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

/** `path/file.md:12` inside a message (where the other copy of a duplicate ID is): the line is dropped. */
const LOCATION = /([\w./-]+\.(?:md|markdown)):\d+/g;

function pascal(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
}
