import type { DocumentInfo } from '../analyze/document';
import { addItemAfterEdit } from '../fixes';
import type { LinkedItem, LinkedModel } from '../link';
import { referenceTextFor } from '../suggest';
import type { Fix, Item } from '../types';
import { describe, linkedItems, type Finding, type Rule } from './rule';

export const goalWithoutItems: Rule = {
  id: 'goal-without-items',
  summary: 'No roadmap item traces to a goal (strategy with no execution).',
  check(ctx) {
    const findings: Finding[] = [];
    for (const linked of linkedItems(ctx, 'goal')) {
      const { item, doc, tracedBy } = linked;
      if (tracedBy.length > 0) continue;
      findings.push({
        doc,
        range: item.range,
        message: `No roadmap item traces to goal ${describe(item)}: nothing on the roadmap moves it yet.`,
        fixes: () => addItemFix(ctx.model, linked),
      });
    }
    return findings;
  },
};

/** "Add a roadmap item for G4": a new item, written like the roadmap's last one, that names the goal. */
function addItemFix(model: LinkedModel, goal: LinkedItem): Fix[] {
  const last = lastRoadmapItem(model, goal);
  if (!last) return [];
  const [item, roadmap] = last;
  const title = `New item for “${goal.item.title}”`;
  const edit = addItemAfterEdit(roadmap, item, title, 'Goal', referenceTextFor(model, goal.item, roadmap));
  if (!edit) return [];
  return [{ title: `Add a roadmap item for ${describe(goal.item)} to ${roadmap.relPath}`, edits: [edit] }];
}

/** The last item of the first roadmap document in the goal's product, else in the whole folder. */
function lastRoadmapItem(model: LinkedModel, goal: LinkedItem): [Item, DocumentInfo] | undefined {
  const roadmaps = (docs: DocumentInfo[]) => docs.filter((d) => d.kind === 'roadmap' && d.items.length > 0);
  const doc = roadmaps(goal.scope.docs)[0] ?? roadmaps(model.docs)[0];
  const item = doc?.items[doc.items.length - 1];
  return doc && item ? [item, doc] : undefined;
}

