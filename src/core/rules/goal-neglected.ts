import type { DocumentInfo } from '../analyze/document';
import { isLowestGoal, isTopGoal, moveEdits, namesWork, productPlans, type ProductPlan } from '../drift';
import { LANE_NAMES, moveFix } from '../driftFixes';
import { addItemAfterEdit, rangeOfInserted } from '../fixes';
import type { LinkedItem } from '../link';
import { referenceTextFor } from '../suggest';
import { newItemTitle } from '../templates';
import type { Fix, Item } from '../types';
import { describe, locationOf, type Finding, type RuleContext, defineRule } from './rule';

export const goalNeglected = defineRule({
  id: 'goal-neglected',
  defaultSeverity: 'information',
  title: 'Goals with nothing in Now or Next',
  summary: 'A goal, above all a top-priority one, has roadmap items, but none in the nearest two horizons (Now and Next).',
  check(ctx) {
    const findings: Finding[] = [];
    for (const plan of productPlans(ctx.model, ctx.today)) {
      // Only a product that ranks or dates its work, and plans it in horizons, can neglect a goal.
      if (!plan.plans || !plan.nearest) continue;
      for (const goal of plan.goals) {
        const finding = check(ctx, plan, goal);
        if (finding) findings.push(finding);
      }
    }
    return findings;
  },
});

function check(ctx: RuleContext, plan: ProductPlan, goal: LinkedItem): Finding | undefined {
  const { item, doc } = goal;
  // A goal ranked lowest is meant to wait; goal-without-items speaks for a goal with no items at all.
  if (isLowestGoal(plan, item)) return undefined;
  const work = goal.tracedBy.filter((i) => i.kind === 'roadmap-item');
  // The goal, or the roadmap that serves it, must rank or date its work.
  const planned = (i: Item) => {
    const l = ctx.model.items.get(i);
    return !!l && plan.planning.has(l.doc);
  };
  if (!plan.planning.has(goal.doc) && !work.some(planned)) return undefined;
  const real = work.filter(namesWork);
  if (real.length === 0) return undefined;
  const bucket = (i: Item) => plan.buckets.get(i);
  const soon = work.filter((i) => bucket(i) === 'now' || bucket(i) === 'next');
  const later = real.filter((i) => bucket(i) === 'later');
  // Items with no horizon may be planned anywhere: only a goal whose items are all later (or done) is neglected.
  if (later.length === 0 || real.some((i) => bucket(i) === undefined)) return undefined;
  const top = isTopGoal(plan, item);
  const who = `${top ? 'Top-priority goal' : 'Goal'} ${describe(item)}`;
  if (soon.length > 0) {
    if (soon.some(namesWork)) return undefined;
    // Only placeholders in Now or Next: the work is still to be named.
    const first = soon[0]!;
    const firstLinked = ctx.model.items.get(first);
    return {
      doc,
      range: item.range,
      message: `${who} has only a placeholder item in Now or Next (${describe(first)}${firstLinked ? `, ${locationOf(first, firstLinked.doc)}` : ''}): the item is still a prompt, so name the work that moves this goal soon.`,
      variant: 'prompt',
      fixes: [{ title: `Go to the placeholder item ${describe(first)}`, edits: [], select: { uri: first.uri, range: first.range } }],
    };
  }
  const count = later.length === 1 ? `its only item, ${describe(later[0]!)}, is in Later` : `its ${later.length} items are all in Later`;
  return {
    doc,
    range: item.range,
    message: `${who} has nothing in Now or Next: ${count}. Important work that is never urgent is the work that never gets done; bring an item forward, or rank the goal lower if it can wait.`,
    ...(top ? { variant: 'top-priority' as const } : {}),
    fixes: () => fixesFor(ctx, plan, goal, later),
  };
}

function fixesFor(ctx: RuleContext, plan: ProductPlan, goal: LinkedItem, later: Item[]): Fix[] {
  const fixes: Fix[] = [];
  for (const item of later.slice(0, 3)) {
    const linked = ctx.model.items.get(item);
    if (linked) fixes.push(...moveFix(linked, moveEdits(plan, linked, 'next', ctx.today)));
  }
  const add = addToNext(ctx, plan, goal);
  if (add) fixes.push(add);
  return fixes;
}

/** `Add a roadmap item for G1 to Next`: a placeholder written like the last item in Next, its title selected to write over. */
function addToNext(ctx: RuleContext, plan: ProductPlan, goal: LinkedItem): Fix | undefined {
  const next = plan.items.filter((l) => plan.buckets.get(l.item) === 'next' && l.item.layout !== 'file');
  const last = next[next.length - 1] ?? plan.items.filter((l) => plan.buckets.get(l.item) === 'now' && l.item.layout !== 'file').pop();
  if (!last) return undefined;
  const doc: DocumentInfo = last.doc;
  const title = newItemTitle(goal.item.title);
  const edit = addItemAfterEdit(doc, last.item, title, 'Goal', referenceTextFor(ctx.model, goal.item, doc));
  if (!edit) return undefined;
  const select = rangeOfInserted(edit, title);
  const horizon = LANE_NAMES[plan.buckets.get(last.item)!];
  return { title: `Add a roadmap item for ${describe(goal.item)} to ${horizon}`, edits: [edit], ...(select ? { select: { uri: doc.uri, range: select } } : {}) };
}
