import type { Issue, Position, TextEdit } from '../types';

/**
 * The edits "fix all" (and fix on save, and `throughline check --fix`) applies to one document:
 * each finding's preferred fix, which a rule marks only when its answer is certain (a reference that
 * differs from exactly one target by case, spacing, punctuation or one typo in a long title; a front
 * matter bracket left open), skipping any that would overlap an edit already taken. Everything that
 * needs a choice (which goal an item serves, what a strategy says) is left to the user: Fix All
 * never writes a trace or a prompt a person did not choose.
 */
export function fixAllEdits(issues: readonly Issue[], uri: string): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const issue of issues) {
    if (issue.uri !== uri) continue;
    const fix = issue.fixes?.find((f) => f.preferred);
    // Only a certain answer, in this document alone: never a choice, a new file or an empty edit.
    if (!fix || fix.pick || fix.creates?.length || fix.edits.length === 0 || fix.edits.some((e) => e.uri !== uri)) continue;
    if (fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    taken.push(...fix.edits);
  }
  return taken;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Two edits overlap when their ranges intersect, or both insert at the same place (order would matter). */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  const aEmpty = !before(a.range.start, a.range.end);
  const bEmpty = !before(b.range.start, b.range.end);
  if (aEmpty && bEmpty) return a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character;
  return before(a.range.start, b.range.end) && before(b.range.start, a.range.end);
}
