import { addTraceEdit } from '../fixes';
import { linkTo, rankByText, referenceTextFor } from '../suggest';
import type { Fix } from '../types';
import { candidatesFor, describe, linkedItems, scopeMissesVision, type Finding, type Rule } from './rule';

export const goalWithoutVision: Rule = {
  id: 'goal-without-vision',
  summary: 'A goal traces to no vision (the doc or one of its headings).',
  check(ctx) {
    const findings: Finding[] = [];
    for (const linked of linkedItems(ctx, 'goal')) {
      const { item, doc, scope } = linked;
      if (linked.traces.length > 0 || linked.resolutions.some((r) => r.problem)) continue;
      // With no vision to serve at all, missing-vision says it once for the whole scope.
      if (scopeMissesVision(ctx, scope)) continue;
      const fixes = (): Fix[] =>
        rankByText(candidatesFor(ctx, scope, 'vision'), item).flatMap(({ item: target }) => {
          const edit = addTraceEdit(doc, item, 'Vision', referenceTextFor(ctx.model, target, doc), target.id ?? linkTo(ctx.model, target, doc));
          return edit ? [{ title: `Trace to ${target.kind === 'vision' ? 'the vision' : 'vision section'} ${describe(target)}`, edits: [edit] }] : [];
        });
      const message = item.noTrace[0]
        ? `Goal ${describe(item)} is marked as serving no part of the vision: a goal should say which part of the vision it moves.`
        : `Goal ${describe(item)} traces to no vision: add “Vision: …” naming the vision or the pillar it serves.`;
      findings.push({ doc, range: item.range, message, fixes });
    }
    return findings;
  },
};
