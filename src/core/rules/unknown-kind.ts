import { replaceEdit } from '../fixes';
import { typoDistance } from '../suggest';
import { defineRule, type Finding } from './rule';

export const unknownKind = defineRule({
  id: 'unknown-kind',
  defaultSeverity: 'warning',
  title: 'Unknown document kinds',
  summary: 'Front matter names a kind that is not a Throughline kind.',
  check(ctx) {
    const findings: Finding[] = [];
    for (const doc of ctx.model.docs) {
      const unknown = doc.unknownKind;
      if (!unknown) continue;
      const range = doc.lines.range(unknown.start, unknown.end);
      const hint = unknown.suggestion ? ` Did you mean “${unknown.suggestion}”?` : '';
      const known = 'vision, strategy, goals, roadmap, goal, roadmap-item';
      const message = unknown.shape
        ? `The ${unknown.key} is ${unknown.shape === 'list' ? 'a list' : 'a mapping'} (“${unknown.value}”), not one of the kinds Throughline knows (${known}), so this file is not checked: write a single kind.${hint}`
        : `“${unknown.value}” is not a kind Throughline knows (${known}), so this file is not checked.${hint}`;
      findings.push({
        doc,
        range,
        message,
        ...(unknown.suggestion
          ? {
              fixes: [
                {
                  title: `Change the kind to “${unknown.suggestion}”`,
                  edits: [replaceEdit(doc, range, unknown.suggestion)],
                  // Certain only when one typo away from that kind and no other: `roadmp`, not `goalz` (goal or goals?).
                  ...(isCertainKind(unknown.value, unknown.suggestion) ? { preferred: true } : {}),
                },
              ],
            }
          : {}),
      });
    }
    return findings;
  },
});

const KINDS = ['vision', 'strategy', 'goals', 'roadmap', 'goal', 'roadmap-item', 'okrs', 'objectives', 'objective', 'okr', 'initiative', 'epic', 'feature', 'mission'];

function isCertainKind(written: string, suggestion: string): boolean {
  const w = written.toLowerCase();
  if (typoDistance(w, suggestion.toLowerCase(), 1) > 1) return false;
  return KINDS.filter((k) => typoDistance(w, k, 1) <= 1).length === 1;
}
