import { describe, linkedItems, type Finding, type Rule } from './rule';

export const goalWithoutItems: Rule = {
  id: 'goal-without-items',
  summary: 'No roadmap item traces to a goal (strategy with no execution).',
  check(ctx) {
    const findings: Finding[] = [];
    for (const { item, doc, tracedBy } of linkedItems(ctx, 'goal')) {
      if (tracedBy.length > 0) continue;
      findings.push({
        doc,
        range: item.range,
        message: `No roadmap item traces to goal ${describe(item)}: nothing on the roadmap moves it yet.`,
      });
    }
    return findings;
  },
};
