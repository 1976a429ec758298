import { namesWork, productPlans } from '../drift';
import { priorityOf } from '../priority';
import { monthOf } from '../timeframe';
import { describe, type Finding, defineRule } from './rule';

export const staleGoal = defineRule({
  id: 'stale-goal',
  defaultSeverity: 'warning',
  title: 'Goals past their date that work still serves',
  summary: 'A goal whose timeframe has passed (by Q2 2025, a dated target, a quarter heading) still has roadmap items in Now or Next.',
  check(ctx) {
    const findings: Finding[] = [];
    const today = ctx.today ?? new Date();
    const month = monthOf(today);
    for (const plan of productPlans(ctx.model, today)) {
      for (const goal of plan.goals) {
        const { item, doc } = goal;
        const due = priorityOf(item, doc).due;
        if (!due || due.end >= month) continue;
        const current = goal.tracedBy.filter((i) => i.kind === 'roadmap-item' && namesWork(i) && (plan.buckets.get(i) === 'now' || plan.buckets.get(i) === 'next'));
        if (current.length === 0) continue;
        const where = due.source === 'heading' ? ` (the heading above it says ${due.text})` : due.source === 'front-matter' ? ` (front matter says ${due.text})` : '';
        const items = current.length === 1 ? `${describe(current[0]!)} still serves it` : `${current.length} items still serve it (${current.slice(0, 3).map(describe).join(', ')}${current.length > 3 ? ', …' : ''})`;
        findings.push({
          doc,
          range: item.range,
          message: `Goal ${describe(item)} was due by ${due.text}${where}, which has passed, yet in Now or Next ${items}: set the goal's new date, or close it and trace the work to a current goal.`,
          related: current.slice(0, 5).map((i) => ({ uri: i.uri, range: i.range, message: `In Now or Next: ${describe(i)}` })),
          fixes: [{ title: `Go to the date of ${describe(item)} (${due.text})`, edits: [], select: { uri: doc.uri, range: due.range } }],
        });
      }
    }
    return findings;
  },
});
