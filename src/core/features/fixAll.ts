import type { Issue, Position, TextEdit } from '../types';

/**
 * The edits "fix all" applies to one document: each finding's preferred fix (the single obvious
 * one: a did-you-mean correction, the missing strategy sections, a metric prompt), skipping any that
 * would overlap an edit already taken. Fixes that need a choice (which goal an item serves) are left
 * to the user.
 */
export function fixAllEdits(issues: readonly Issue[], uri: string): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const issue of issues) {
    if (issue.uri !== uri) continue;
    const fix = issue.fixes?.find((f) => f.preferred);
    if (!fix || fix.edits.some((e) => e.uri !== uri)) continue;
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
