import { rankByMeaning } from '../suggest';
import { addTraceFixes } from '../traceFixes';
import { candidatesFor, describe, linkedItems, defineRule, type Finding } from './rule';

export const untracedItem = defineRule({
  id: 'untraced-item',
  defaultSeverity: 'warning',
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
      // With no goals at all, product-without-goals says it once for the whole product.
      if (goals.length === 0) continue;
      const said = marker
        ? `Roadmap item ${describe(item)} is marked as serving no goal (${marker.text ? `“${marker.text}”` : 'its goal is left empty'})`
        : `Roadmap item ${describe(item)} traces to no goal`;
      const message = marker ? `${said}: every roadmap item should trace to a goal it moves.` : `${said}: add “Goal: …” naming the goal it serves.`;
      findings.push({
        doc,
        range: item.range,
        message,
        ...(marker ? { variant: 'marked' as const } : {}),
        fixes: () => addTraceFixes({ model: ctx.model, linked, layer: 'goal', candidates: goals, ranked: rankByMeaning(goals, item) }),
      });
    }
    return findings;
  },
});
