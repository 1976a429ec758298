import type { LinkedItem } from '../link';
import type { RelatedLocation } from '../types';
import { describe, locationOf, type Finding, type Rule } from './rule';

/** At most this many other places are listed with each duplicate, so thousands stay readable. */
const MAX_RELATED = 5;

export const duplicateId: Rule = {
  id: 'duplicate-id',
  summary: 'Two items in one product scope share an ID.',
  check(ctx) {
    const findings: Finding[] = [];
    const byScopeAndId = new Map<string, LinkedItem[]>();
    for (const linked of ctx.model.items.values()) {
      const { item } = linked;
      // Whole documents (a vision doc's `id: vision`) are not items.
      if (!item.id || item.layout === 'document') continue;
      const key = `${linked.scope.dir}\u0000${item.id.toUpperCase()}`;
      const group = byScopeAndId.get(key);
      if (group) group.push(linked);
      else byScopeAndId.set(key, [linked]);
    }
    for (const group of byScopeAndId.values()) {
      if (group.length < 2) continue;
      for (const linked of group) {
        const others = group.filter((o) => o !== linked);
        const first = others[0]!;
        const related: RelatedLocation[] = others.slice(0, MAX_RELATED).map((o) => ({
          uri: o.item.uri,
          range: o.item.range,
          message: `Also ${linked.item.id}: ${describe(o.item)}`,
        }));
        const more = others.length > 1 ? ` and ${others.length - 1} more` : '';
        findings.push({
          doc: linked.doc,
          range: linked.item.range,
          message: `ID ${linked.item.id} is also used by ${describe(first.item)} (${locationOf(first.item, first.doc)})${more}: references to ${linked.item.id} cannot tell them apart.`,
          related,
        });
      }
    }
    return findings;
  },
};
