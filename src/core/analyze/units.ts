import { detach } from '../text';
import type { Item, Position } from '../types';

/**
 * Incremental extraction. Goals and roadmap documents are read in units: the text from one heading
 * at (or above) the item level to the next. A unit's items depend only on its text and a little
 * context (the item level, the horizon headings above it, the document's inherited traces), so
 * when neither changed since the last version, its items are reused, moved to their new lines,
 * instead of being extracted again.
 */

/** What a unit produced: its items (before inherited traces are applied) and the anchors it set. */
export interface UnitResult {
  items: Item[];
  /** Items that state no trace of their own and take the document's inherited ones. */
  inheriting: Set<Item>;
  /** Anchors set while extracting the unit, in order; `ifAbsent` keeps an earlier anchor. */
  anchors: Array<{ anchor: string; item: Item; ifAbsent: boolean }>;
  /** The unit's first line when the items were last placed. */
  line: number;
}

/**
 * One document's units from its last version, by context and text. Two levels, so the document's
 * text is never copied into one long key per unit.
 */
export class UnitCache {
  private previous = new Map<string, Map<string, UnitResult[]>>();
  private current = new Map<string, Map<string, UnitResult[]>>();

  /** A previous version's result for this context and text, moved to start at `line`, or undefined. */
  take(context: string, text: string, line: number): UnitResult | undefined {
    const result = this.previous.get(context)?.get(text)?.pop();
    if (result) moveUnit(result, line);
    return result;
  }

  put(context: string, text: string, result: UnitResult): void {
    let byText = this.current.get(context);
    if (!byText) this.current.set(context, (byText = new Map()));
    const list = byText.get(text);
    if (list) list.push(result);
    else byText.set(detach(text), [result]);
  }

  /** Ends a version: what it used (or made) is what the next version can reuse. */
  commit(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

/** Shifts every position held by the unit's items; shared positions move once. */
function moveUnit(result: UnitResult, line: number): void {
  const delta = line - result.line;
  result.line = line;
  if (delta === 0) return;
  const seen = new Set<Position>();
  const move = (p: Position | undefined) => {
    if (!p || seen.has(p)) return;
    seen.add(p);
    p.line += delta;
  };
  const moveRange = (r: { start: Position; end: Position } | undefined) => {
    move(r?.start);
    move(r?.end);
  };
  for (const item of result.items) {
    moveRange(item.range);
    moveRange(item.contentRange);
    moveRange(item.idRange);
    // Inherited traces sit in the preamble, which did not move; they are replaced on reuse anyway.
    if (!result.inheriting.has(item)) {
      for (const ref of item.references) {
        moveRange(ref.range);
        moveRange(ref.whole?.range);
      }
      for (const marker of item.noTrace) moveRange(marker.range);
    }
    const at = item.insertion;
    if (at.mode === 'line') {
      move(at.at);
      move(at.frontMatter?.at);
    } else if (at.mode === 'suffix') move(at.at);
    else if (at.mode === 'cell') moveRange(at.at);
  }
}
