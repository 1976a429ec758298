import type { LinkedItem, LinkedModel, Resolution } from '../link';
import type { Position, Range } from '../types';

/** What is under the cursor: an item's title, or one of its references. */
export type Located = { kind: 'item'; linked: LinkedItem } | { kind: 'reference'; linked: LinkedItem; resolution: Resolution };

export function contains(range: Range, p: Position): boolean {
  const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return afterStart && beforeEnd;
}

/** The linked items of one document, in document order. */
export function itemsIn(model: LinkedModel, uri: string): LinkedItem[] {
  const out: LinkedItem[] = [];
  for (const linked of model.items.values()) if (linked.doc.uri === uri) out.push(linked);
  return out;
}

export function locate(model: LinkedModel, uri: string, position: Position): Located | undefined {
  const items = itemsIn(model, uri);
  for (const linked of items) {
    for (const resolution of linked.resolutions) {
      if (contains(resolution.ref.range, position)) return { kind: 'reference', linked, resolution };
    }
  }
  for (const linked of items) {
    // Whole-document nodes are found by their title only, not anywhere in the file.
    if (contains(linked.item.range, position)) return { kind: 'item', linked };
  }
  return undefined;
}

/** The goal, vision section or item a position is about: the item itself, or what a reference resolves to. */
export function subjectAt(model: LinkedModel, uri: string, position: Position): LinkedItem | undefined {
  const found = locate(model, uri, position);
  if (!found) return undefined;
  if (found.kind === 'item') return found.linked;
  return found.resolution.target ? model.items.get(found.resolution.target) : undefined;
}
