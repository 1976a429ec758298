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
  /**
   * Units cached while extracting this one (the items of a long list). Their items are among this
   * unit's, so when this unit is reused whole they are kept for the next version too.
   */
  nested?: NestedUnit[];
}

export interface NestedUnit {
  context: string;
  text: string;
  result: UnitResult;
}

/**
 * One document's units from its last version, by context and text. Two levels, so the document's
 * text is never copied into one long key per unit.
 */
export class UnitCache {
  private previous = new Map<string, Map<string, UnitResult[]>>();
  private current = new Map<string, Map<string, UnitResult[]>>();

  /** Results in use in the version being built, nested ones included: each item belongs to one place. */
  private claimed = new Set<UnitResult>();

  /** A previous version's result for this context and text, moved to start at `line`, or undefined. */
  take(context: string, text: string, line: number): UnitResult | undefined {
    const result = this.previous.get(context)?.get(text)?.pop();
    // A unit whose items (or some of them, through a nested unit) are already in use elsewhere in
    // this version is extracted afresh, so no item ever stands in two places.
    if (!result || !this.claim(result)) return undefined;
    moveUnit(result, line);
    return result;
  }

  private claim(result: UnitResult): boolean {
    if (this.inUse(result)) return false;
    this.mark(result);
    return true;
  }

  private inUse(result: UnitResult): boolean {
    if (this.claimed.has(result)) return true;
    for (const n of result.nested ?? []) if (this.inUse(n.result)) return true;
    return false;
  }

  private mark(result: UnitResult): void {
    this.claimed.add(result);
    for (const n of result.nested ?? []) this.mark(n.result);
  }

  /** Keeps a result for the next version; returns the key text as stored (a copy that holds no older document). */
  put(context: string, text: string, result: UnitResult): string {
    let byText = this.current.get(context);
    if (!byText) this.current.set(context, (byText = new Map()));
    const list = byText.get(text);
    if (list) {
      list.push(result);
      return text;
    }
    const key = detach(text);
    byText.set(key, [result]);
    return key;
  }

  /** Keeps a reused unit's nested units for the next version, as if they had been looked up too. */
  keepNested(result: UnitResult): void {
    for (const n of result.nested ?? []) {
      this.put(n.context, n.text, n.result);
      this.keepNested(n.result);
    }
  }

  /** Ends a version: what it used (or made) is what the next version can reuse. */
  commit(): void {
    this.previous = this.current;
    this.current = new Map();
    this.claimed = new Set();
  }
}

/** Shifts every position held by the unit's items; shared positions move once. */
function moveUnit(result: UnitResult, line: number): void {
  const delta = line - result.line;
  if (delta === 0) return;
  shiftLines(result, delta);
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

/** Records that a unit and its nested units now start `delta` lines further (their positions are moved once, by the caller). */
function shiftLines(result: UnitResult, delta: number): void {
  result.line += delta;
  for (const n of result.nested ?? []) shiftLines(n.result, delta);
}
