import type { DocumentInfo } from '../analyze/document';
import { horizonHeading, moveEdits, nearestOf, productPlans } from '../drift';
import { LANE_NAMES, moveFix, traceFixesFor } from '../driftFixes';
import type { LinkedItem } from '../link';
import type { Fix, Range } from '../types';
import { candidatesFor, describe, type Finding, defineRule } from './rule';

export const horizonMisaligned = defineRule({
  id: 'horizon-misaligned',
  defaultSeverity: 'warning',
  title: 'Horizons below the alignment target',
  summary: 'The share of the nearest horizon’s items that serve a goal is under the product’s target (alignmentTarget, 80 % by default).',
  check(ctx) {
    const findings: Finding[] = [];
    const target = ctx.config.alignmentTarget;
    for (const plan of productPlans(ctx.model, ctx.today)) {
      // Checked in the docs that rank or date their work, or everywhere when the team named its target.
      const items = ctx.config.alignmentTargetSet ? plan.items : plan.items.filter((l) => plan.planning.has(l.doc));
      const nearest = nearestOf(items, plan.buckets);
      if (!nearest) continue;
      const inHorizon = items.filter((l) => plan.buckets.get(l.item) === nearest);
      if (inHorizon.length === 0 || candidatesFor(ctx, plan.scope, 'goal').length === 0) continue;
      const aligned = inHorizon.filter((l) => l.traces.length > 0);
      const share = aligned.length / inHorizon.length;
      if (share >= target - 1e-9) continue;
      const horizon = LANE_NAMES[nearest];
      const unaligned = inHorizon.filter((l) => l.traces.length === 0);
      const at = placeOf(inHorizon);
      const pct = (x: number) => `${Math.round(x * 100)}%`;
      findings.push({
        doc: at.doc,
        range: at.range,
        message: `Only ${pct(share)} of ${horizon} serves a goal (${aligned.length} of ${inHorizon.length} items), under the target of ${pct(target)}: ${unaligned.slice(0, 3).map((l) => describe(l.item)).join(', ')}${unaligned.length > 3 ? ', …' : ''} ${unaligned.length === 1 ? 'serves' : 'serve'} no goal. Trace what serves one, and move the rest out of ${horizon}.`,
        related: unaligned.slice(0, 5).map((l) => ({ uri: l.item.uri, range: l.item.range, message: `Serves no goal: ${describe(l.item)}` })),
        fixes: () => {
          const fixes: Fix[] = [];
          for (const l of unaligned.slice(0, 2)) {
            const pick = traceFixesFor(ctx, l).find((f) => f.pick);
            if (pick) fixes.push({ ...pick, title: `Trace ${describe(l.item)} to goal…` });
            const next = nearest === 'now' ? 'next' : 'later';
            fixes.push(...moveFix(l, moveEdits(plan, l, next, ctx.today)));
          }
          return fixes;
        },
      });
    }
    return findings;
  },
});

/** The horizon's heading in the document holding most of its items (`## Now`), else that document's title. */
function placeOf(items: readonly LinkedItem[]): { doc: DocumentInfo; range: Range } {
  const counts = new Map<DocumentInfo, LinkedItem[]>();
  for (const l of items) counts.set(l.doc, [...(counts.get(l.doc) ?? []), l]);
  const [doc, mine] = [...counts].sort((a, b) => b[1].length - a[1].length)[0]!;
  const first = mine[0]!.item;
  const heading = first.horizon !== undefined && first.layout !== 'file' ? horizonHeading(doc, first.horizon, first.range.start.line) : undefined;
  return { doc, range: heading?.range ?? doc.titleRange };
}
