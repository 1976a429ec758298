import { rankByMeaning } from '../suggest';
import { addTraceFixes } from '../traceFixes';
import { candidatesFor, describe, linkedItems, type Finding, type Rule } from './rule';

export const untracedItem: Rule = {
  id: 'untraced-item',
  title: 'Roadmap items with no goal',
  summary: 'A roadmap item traces to no goal.',
  check(ctx) {
    const findings: Finding[] = [];
    for (const linked of linkedItems(ctx, 'roadmap-item')) {
      const { item, doc } = linked;
      if (linked.traces.length > 0) continue;
      // References that fail are reported by unknown-reference, not twice.
      if (linked.resolutions.some((r) => r.problem)) continue;
      const marker = item.noTrace[0];
      const goals = candidatesFor(ctx, linked.scope, 'goal');
      const said = marker
        ? `Roadmap item ${describe(item)} is marked as serving no goal (${marker.text ? `“${marker.text}”` : 'its goal is left empty'})`
        : `Roadmap item ${describe(item)} traces to no goal`;
      // With no goals at all, "name the goal it serves" sends the writer looking for something that
      // does not exist: say so, and where goals go.
      const message =
        goals.length === 0
          ? `${said}, and this product has no goals yet: write them in ${goalsDocFor(linked.scope.visions[0]?.relPath ?? doc.relPath)} (or any file with “kind: goals”), then trace each roadmap item to the goal it moves.`
          : marker
            ? `${said}: every roadmap item should trace to a goal it moves.`
            : `${said}: add “Goal: …” naming the goal it serves.`;
      findings.push({
        doc,
        range: item.range,
        message,
        ...(goals.length === 0 ? { variant: 'no-goals' as const } : marker ? { variant: 'marked' as const } : {}),
        fixes: () => addTraceFixes({ model: ctx.model, linked, layer: 'goal', candidates: goals, ranked: rankByMeaning(goals, item) }),
      });
    }
    return findings;
  },
};

/** Where a product's goals document would go: `goals.md` beside its vision, else beside the item. */
function goalsDocFor(besidePath: string): string {
  const slash = besidePath.lastIndexOf('/');
  return `${slash >= 0 ? besidePath.slice(0, slash + 1) : ''}goals.md`;
}
