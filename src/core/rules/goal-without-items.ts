import type { DocumentInfo } from '../analyze/document';
import { addItemAfterEdit, rangeOfInserted } from '../fixes';
import type { LinkedItem, LinkedModel } from '../link';
import { isPlaceholderTitle } from '../placeholder';
import { referenceTextFor } from '../suggest';
import { newItemTitle } from '../templates';
import type { Fix, Item } from '../types';
import { describe, linkedItems, locationOf, defineRule, type Finding } from './rule';

export const goalWithoutItems = defineRule({
  id: 'goal-without-items',
  defaultSeverity: 'information',
  title: 'Goals nothing on the roadmap moves',
  summary: 'No roadmap item traces to a goal (strategy with no execution); placeholder items do not count.',
  check(ctx) {
    const findings: Finding[] = [];
    for (const linked of linkedItems(ctx, 'goal')) {
      const { item, doc, tracedBy } = linked;
      // An item still titled as a prompt (`New item for …`, `TBD`) names no work: it does not count.
      if (tracedBy.some((i) => i.kind === 'roadmap-item' && !isPlaceholderTitle(i.title))) continue;
      const placeholders = tracedBy.filter((i) => i.kind === 'roadmap-item');
      if (placeholders.length === 0) {
        findings.push({
          doc,
          range: item.range,
          message: `No roadmap item traces to goal ${describe(item)}: nothing on the roadmap moves it yet.`,
          fixes: () => addItemFix(ctx.model, linked),
        });
        continue;
      }
      const first = placeholders[0]!;
      const firstLinked = ctx.model.items.get(first);
      findings.push({
        doc,
        range: item.range,
        message: `Only ${placeholders.length === 1 ? 'a placeholder item' : `${placeholders.length} placeholder items`} (${describe(first)}${firstLinked ? `, ${locationOf(first, firstLinked.doc)}` : ''}) trace${placeholders.length === 1 ? 's' : ''} to goal ${describe(item)}: ${placeholders.length === 1 ? 'the item is still a prompt' : 'they are still prompts'}, so name the work that moves this goal.`,
        variant: 'prompt',
        related: placeholders.slice(0, 5).map((p) => ({ uri: p.uri, range: p.range, message: `Placeholder item: ${describe(p)}` })),
        fixes: [{ title: `Go to the placeholder item ${describe(first)}`, edits: [], select: { uri: first.uri, range: first.range } }],
      });
    }
    return findings;
  },
});

/** "Add a roadmap item for G4": a new item, written like the roadmap's last one, that names the goal; its title is selected to write over. */
function addItemFix(model: LinkedModel, goal: LinkedItem): Fix[] {
  const last = lastRoadmapItem(model, goal);
  if (!last) return [];
  const [item, roadmap] = last;
  const title = newItemTitle(goal.item.title);
  const edit = addItemAfterEdit(roadmap, item, title, 'Goal', referenceTextFor(model, goal.item, roadmap));
  if (!edit) return [];
  const select = rangeOfInserted(edit, title);
  return [{ title: `Add a roadmap item for ${describe(goal.item)} to ${roadmap.relPath}`, edits: [edit], ...(select ? { select: { uri: roadmap.uri, range: select } } : {}) }];
}

/** The last item of the first roadmap document in the goal's product, else in the whole folder. */
function lastRoadmapItem(model: LinkedModel, goal: LinkedItem): [Item, DocumentInfo] | undefined {
  const roadmaps = (docs: DocumentInfo[]) => docs.filter((d) => d.kind === 'roadmap' && d.items.length > 0);
  const doc = roadmaps(goal.scope.docs)[0] ?? roadmaps(model.docs)[0];
  const item = doc?.items[doc.items.length - 1];
  return doc && item ? [item, doc] : undefined;
}
