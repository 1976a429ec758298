import { join } from '../paths';
import { candidatesFor, linkedItems, defineRule, type Finding } from './rule';

/**
 * A product with roadmap items and no goals anywhere (docs/format.md §8): one finding for the product,
 * on its first roadmap, not one `untraced-item` per item.
 */
export const productWithoutGoals = defineRule({
  id: 'product-without-goals',
  defaultSeverity: 'warning',
  title: 'Products with a roadmap and no goals',
  summary: 'A product has roadmap items but no goals for them to serve.',
  check(ctx) {
    const findings: Finding[] = [];
    const items = linkedItems(ctx, 'roadmap-item');
    for (const scope of ctx.model.scopes) {
      // Items whose written traces fail are reported by unknown-reference: the same cause, said once.
      const own = items.filter((l) => l.scope === scope && !l.resolutions.some((r) => r.problem));
      if (own.length === 0 || candidatesFor(ctx, scope, 'goal').length > 0) continue;
      const docs = [...new Set(own.map((l) => l.doc))];
      // On the roadmap that holds most of the items: where the writer would add the traces.
      const count = (d: (typeof docs)[number]) => own.filter((l) => l.doc === d).length;
      const doc = [...docs].sort((a, b) => count(b) - count(a))[0]!;
      const where = join(scope.visions[0] ? scope.visions[0].relPath.replace(/[^/]*$/, '') : doc.relPath.replace(/[^/]*$/, ''), 'goals.md');
      const itemCount = own.length === 1 ? 'one roadmap item' : `${own.length} roadmap items`;
      const files = docs.length === 1 ? '' : ` in ${docs.length} files`;
      findings.push({
        doc,
        range: doc.titleRange,
        message: `This product has ${itemCount}${files} and no goals, so nothing on its roadmap can say which outcome it moves. Write the goals (in ${where}, or a “Goals” section), then trace each item to the goal it serves.`,
      });
    }
    return findings;
  },
});
