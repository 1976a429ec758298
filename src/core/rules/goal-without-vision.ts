import { rankByMeaning } from '../suggest';
import { addTraceFixes } from '../traceFixes';
import { candidatesFor, describe, linkedItems, scopeMissesVision, defineRule, type Finding } from './rule';

export const goalWithoutVision = defineRule({
  id: 'goal-without-vision',
  defaultSeverity: 'warning',
  title: 'Goals that serve no part of the vision',
  summary: 'A goal traces to no vision (the doc or one of its headings).',
  check(ctx) {
    const findings: Finding[] = [];
    for (const linked of linkedItems(ctx, 'goal')) {
      const { item, doc, scope } = linked;
      if (linked.traces.length > 0 || linked.resolutions.some((r) => r.problem)) continue;
      // With no vision to serve at all, missing-vision says it once for the whole scope.
      if (scopeMissesVision(ctx, scope)) continue;
      const message = item.noTrace[0]
        ? `Goal ${describe(item)} is marked as serving no part of the vision: a goal should say which part of the vision it moves.`
        : `Goal ${describe(item)} traces to no vision: add “Vision: …” naming the vision or the pillar it serves.`;
      const fixes = () => {
        const candidates = candidatesFor(ctx, scope, 'vision');
        return addTraceFixes({ model: ctx.model, linked, layer: 'vision', candidates, ranked: rankByMeaning(candidates, item) });
      };
      findings.push({ doc, range: item.range, message, fixes, ...(item.noTrace[0] ? { variant: 'marked' as const } : {}) });
    }
    return findings;
  },
});
