import { isLowestGoal, itemLevels, moveEdits, productPlans, type ProductPlan } from '../drift';
import { LANE_NAMES, moveFix, traceFixesFor } from '../driftFixes';
import { addTraceEdit } from '../fixes';
import type { LinkedItem } from '../link';
import { referenceTextFor } from '../suggest';
import type { Fix, Item } from '../types';
import { candidatesFor, describe, type Finding, type RuleContext, defineRule } from './rule';

/** An item ranked this high (`Urgency: high`, `Priority: P1`, `must`) is urgent. */
const URGENT = 0.8;

export const urgentUnaligned = defineRule({
  id: 'urgent-unaligned',
  defaultSeverity: 'warning',
  title: 'Urgent work that serves no goal',
  summary: 'An item in the nearest horizon (Now, the current quarter) is ranked urgent but serves no goal, or serves only the lowest-priority goals.',
  check(ctx) {
    const findings: Finding[] = [];
    for (const plan of productPlans(ctx.model, ctx.today)) {
      if (!plan.nearest) continue;
      for (const linked of plan.items) {
        if (plan.buckets.get(linked.item) !== plan.nearest) continue;
        const finding = check(ctx, plan, linked);
        if (finding) findings.push(finding);
      }
    }
    return findings;
  },
});

function check(ctx: RuleContext, plan: ProductPlan, linked: LinkedItem): Finding | undefined {
  const { item, doc } = linked;
  const horizon = LANE_NAMES[plan.nearest!];
  if (linked.traces.length === 0) {
    // Broken references are unknown-reference's; a product with no goals is product-without-goals'.
    if (linked.resolutions.some((r) => r.problem) || candidatesFor(ctx, linked.scope, 'goal').length === 0) return undefined;
    const urgency = itemLevels(plan, linked).urgency;
    if (!urgency || urgency.level < URGENT) return undefined;
    return {
      doc,
      range: item.range,
      message: `Roadmap item ${describe(item)} is in ${horizon} and ranked urgent (${urgency.from.label}: ${urgency.from.text}), but serves no goal: urgent work the strategy does not ask for is how a roadmap drifts. Trace it to the goal it moves, or move it out of ${horizon}.`,
      fixes: () => [...traceFixesFor(ctx, linked), ...moveFixes(ctx, plan, linked)],
    };
  }
  const goals = linked.traces.filter((t) => t.kind === 'goal');
  if (goals.length === 0 || !goals.every((g) => isLowestGoal(plan, g))) return undefined;
  const higher = plan.goals.filter((g) => !isLowestGoal(plan, g.item) && plan.goalLevels.has(g.item)).sort((a, b) => plan.goalLevels.get(b.item)! - plan.goalLevels.get(a.item)!);
  const names = goals.map((g) => describe(g)).join(' and ');
  return {
    doc,
    range: item.range,
    message: `Roadmap item ${describe(item)} is in ${horizon} but serves only ${names}, ${goals.length === 1 ? 'the lowest-priority goal' : 'the lowest-priority goals'}${higher[0] ? `, while ${describe(higher[0].item)} ranks higher` : ''}: ${horizon} should move the goals that matter most. Trace it to a higher-priority goal it also moves, or move it out of ${horizon}.`,
    variant: 'low-priority',
    fixes: () => [...higher.slice(0, 3).flatMap((g) => traceToFix(ctx, linked, g.item)), ...moveFixes(ctx, plan, linked)],
  };
}

/** `Trace to goal G1 “…”` as well: adds a reference beside the ones the item has. */
function traceToFix(ctx: RuleContext, linked: LinkedItem, goal: Item): Fix[] {
  const { item, doc } = linked;
  const value = referenceTextFor(ctx.model, goal, doc);
  const written = item.references.find((r) => !r.inferred && r.via === 'field');
  const edit = written ? { uri: doc.uri, range: { start: written.range.end, end: written.range.end }, newText: `, ${value}` } : addTraceEdit(doc, item, 'Goal', value, goal.id ?? value);
  return edit ? [{ title: `Trace to goal ${describe(goal)} too`, edits: [edit] }] : [];
}

function moveFixes(ctx: RuleContext, plan: ProductPlan, linked: LinkedItem): Fix[] {
  const to = plan.nearest === 'now' ? (['next', 'later'] as const) : (['later'] as const);
  return to.flatMap((bucket) => moveFix(linked, moveEdits(plan, linked, bucket, ctx.today)));
}
