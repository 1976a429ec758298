import { replaceEdit } from '../fixes';
import type { LinkedItem } from '../link';
import type { Fix, RelatedLocation } from '../types';
import { describe, locationOf, defineRule, type Finding } from './rule';

/** At most this many other places are listed with each duplicate, so thousands stay readable. */
const MAX_RELATED = 5;

export const duplicateId = defineRule({
  id: 'duplicate-id',
  defaultSeverity: 'error',
  title: 'IDs used twice',
  summary: 'Two items in one product scope share an ID.',
  check(ctx) {
    const findings: Finding[] = [];
    // Per product, its items by upper-cased ID. Runs on every re-check: no key strings built per item.
    const byScope = new Map<string, Map<string, LinkedItem[]>>();
    for (const linked of ctx.model.items.values()) {
      const { item } = linked;
      // Whole documents (a vision doc's `id: vision`) are not items.
      if (!item.id || item.layout === 'document') continue;
      let byId = byScope.get(linked.scope.dir);
      if (!byId) byScope.set(linked.scope.dir, (byId = new Map()));
      const id = upper(item.id);
      const group = byId.get(id);
      if (group) group.push(linked);
      else byId.set(id, [linked]);
    }
    for (const byId of byScope.values()) {
      for (const group of byId.values()) {
        if (group.length < 2) continue;
        for (const f of duplicates(group, (id) => byId.has(upper(id)))) findings.push(f);
      }
    }
    return findings;
  },
});

const uppers = new Map<string, string>();

/** IDs upper-cased once: the same few thousand on every re-check. */
function upper(id: string): string {
  let u = uppers.get(id);
  if (u === undefined) {
    if (uppers.size > 50_000) uppers.clear();
    uppers.set(id, (u = id.toUpperCase()));
  }
  return u;
}

/** One finding per item of a group that shares an ID. */
function duplicates(group: LinkedItem[], taken: (id: string) => boolean): Finding[] {
  const findings: Finding[] = [];
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
      fixes: () => renumberFix(linked, taken),
    });
  }
  return findings;
}

/** "Renumber to G5": the next free ID with the same prefix in the item's product; references stay as they are. */
function renumberFix(linked: LinkedItem, taken: (id: string) => boolean): Fix[] {
  const { item } = linked;
  const m = /^([A-Za-z]+[-.]?)(\d+)$/.exec(item.id ?? '');
  if (!m || !item.idRange) return [];
  let n = Number.parseInt(m[2]!, 10);
  let next: string;
  do next = `${m[1]}${++n}`;
  while (taken(next));
  return [{ title: `Renumber this one to ${next}`, edits: [replaceEdit(linked.doc, item.idRange, next)] }];
}
