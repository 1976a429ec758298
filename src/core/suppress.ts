import type { LineIndex } from './text';
import type { RuleId } from './types';

/** `null` rules mean every rule. */
interface Region {
  rules: Set<string> | null;
  fromLine: number;
  toLine: number;
}

/** Where findings are switched off by comments in the document (docs/format.md §6). */
export interface Suppressions {
  regions: Region[];
}

const COMMENT = /<!--\s*throughline-(disable-next-line|disable|enable)\b([^]*?)-->/g;

/**
 * The suppression comments in `text`. `comments`, when given, are the spans of the document's HTML
 * (from its parse): a comment elsewhere is quoted, in code or a code span, and switches nothing off.
 */
export function parseSuppressions(text: string, lines: LineIndex, comments?: Array<[number, number]>): Suppressions {
  const regions: Region[] = [];
  if (!text.includes('throughline-')) return { regions };
  // Open `disable` regions, by rule (`*` for all rules).
  const open = new Map<string, number>();
  for (const m of text.matchAll(COMMENT)) {
    if (comments && !comments.some(([start, end]) => m.index >= start && m.index + m[0].length <= end)) continue;
    const directive = m[1]!;
    const rules = m[2]!
      .split(/[\s,]+/)
      .map((r) => r.trim())
      .filter(Boolean);
    const startLine = lines.position(m.index).line;
    const endLine = lines.position(m.index + m[0].length).line;
    if (directive === 'disable-next-line') {
      regions.push({ rules: rules.length ? new Set(rules) : null, fromLine: endLine + 1, toLine: endLine + 1 });
    } else if (directive === 'disable') {
      for (const rule of rules.length ? rules : ['*']) if (!open.has(rule)) open.set(rule, startLine);
    } else {
      const closing = rules.length ? rules : [...open.keys()];
      for (const rule of closing) {
        const from = open.get(rule);
        if (from === undefined) continue;
        regions.push({ rules: rule === '*' ? null : new Set([rule]), fromLine: from, toLine: startLine });
        open.delete(rule);
      }
    }
  }
  // A `disable` without its `enable` lasts to the end of the file.
  for (const [rule, from] of open) regions.push({ rules: rule === '*' ? null : new Set([rule]), fromLine: from, toLine: Infinity });
  return { regions };
}

export function isSuppressed(suppressions: Suppressions, rule: RuleId, line: number): boolean {
  return suppressions.regions.some((r) => line >= r.fromLine && line <= r.toLine && (r.rules === null || r.rules.has(rule)));
}
