import type { LineIndex } from '../text';
import type { Reference } from '../types';
import type { OutlineNode } from './outline';

// Traces a reader sees in what an item says without a trace field (docs/format.md §8): a symbol a
// legend defines (`📦` where `📦 = Package managers`), a goal named in parentheses or after a dash at
// the end of the item (`Lockfile v2 (Consumable)`, `… — Package managers`), or prose naming the goal
// (`this supports *Grow self-serve revenue*`). Each becomes a reference by title that counts only if
// it resolves (link.ts); a named parenthetical that resolves to nothing is reported when the doc
// names goals that way elsewhere.

/** A leading or trailing symbol token: emoji or a pictographic sign. */
const SYMBOL = /[\p{Extended_Pictographic}][\uFE0F\u200D\p{Extended_Pictographic}]*/gu;

/** `📦 = Package managers`, `📦: Package managers`, `📦 Package managers` (a legend entry or a goal's heading). */
export function legendPair(text: string): { token: string; name: string } | undefined {
  const m = /^\s*([\p{Extended_Pictographic}][\uFE0F\u200D\p{Extended_Pictographic}]*)\s*(?:[=:–—-]\s*)?(.+?)\s*$/u.exec(text);
  if (!m) return undefined;
  const name = m[2]!.replace(/[*_`]/g, '').trim();
  if (!name || name.split(/\s+/).length > 8) return undefined;
  return { token: m[1]!.replace(/\uFE0F/g, ''), name };
}

/** The symbol tokens an item's line carries (`📦 Lockfile v2 🔒`). */
export function tokensIn(text: string): string[] {
  return [...text.matchAll(SYMBOL)].map((m) => m[0].replace(/\uFE0F/g, ''));
}

/**
 * A name in parentheses or after a spaced dash at the end of a title line (`(Consumable)`, `— Package
 * managers`): short, not a status, date, version or link text. Offsets are within `line`.
 */
export function namedSuffix(line: string): { text: string; start: number; end: number } | undefined {
  const paren = /\(\s*([^()]{2,60}?)\s*\)\s*$/.exec(line);
  const dash = /\s[—–-]{1,2}\s+([^—–()]{2,60}?)\s*$/.exec(line);
  const m = paren ?? dash;
  if (!m) return undefined;
  const text = m[1]!.replace(/[*_`]/g, '').trim();
  if (!looksLikeName(text)) return undefined;
  const start = m.index + m[0].indexOf(m[1]!);
  return { text, start, end: start + m[1]!.length };
}

/** Prose naming the goal it serves: `supports *Grow self-serve revenue*`, `toward “Faster onboarding”`. */
export function proseNames(text: string): string[] {
  const out: string[] = [];
  const re = /\b(?:supports?|serves?|moves?|advances?|contributes? to|helps? (?:us )?(?:achieve|reach)|towards?|in service of|for the goal|achieves?)\s+(?:the\s+)?(?:(?:goal|objective|pillar|theme|okr)\s+)?(?:[*_]{1,2}([^*_\n]{3,80})[*_]{1,2}|[“"]([^”"\n]{3,80})[”"])/gi;
  for (const m of text.matchAll(re)) out.push((m[1] ?? m[2]!).trim());
  return out;
}

function looksLikeName(text: string): boolean {
  if (text.split(/\s+/).length > 6) return false;
  // Statuses, dates, versions, issue numbers and asides are not names of goals.
  if (/^(?:done|shipped|complete[d]?|in progress|wip|alpha|beta|ga|later|next|now|tbd|optional|p\d|#?\d[\d.,]*|v\d.*|q[1-4].*|h[12].*|\d{4}.*|e\.?g\..*|i\.?e\..*|see .*|via .*|from .*|aka .*|formerly .*|with .*|for .*|if .*|maybe .*|\w+ released)$/i.test(text)) return false;
  return /^\p{Lu}/u.test(text) || /^[A-Z]{1,5}[-.]?\d+(?:\.\d+)?$/.test(text);
}

/** A reference by name, written at `start`-`end` of the document, or at the node's title when inferred. */
export function nameReference(lines: LineIndex, text: string, start: number, end: number, via: Reference['via'], written: boolean): Reference {
  return { text, range: lines.range(start, end), via, explicit: false, ...(written ? {} : { inferred: true }) };
}

/** The legend of a document: tokens defined as names in legend lists or tables, or leading a heading or entry. */
export function collectLegend(root: OutlineNode, isLegendEntry: (n: OutlineNode) => boolean): Map<string, string> {
  const legend = new Map<string, string>();
  // A symbol leading one heading names it (`### 📦 Package managers`); one leading many is a status mark (`✅`).
  const byHeadings = new Map<string, string[]>();
  const visit = (n: OutlineNode) => {
    if (n.kind === 'row' && n.row) {
      const [first, second] = n.row.cells;
      const pair = first && second ? legendPair(`${first} = ${second}`) : undefined;
      if (pair && isLegendEntry(n)) legend.set(pair.token, pair.name);
    } else if (n.kind === 'entry' && isLegendEntry(n)) {
      const pair = legendPair(n.title);
      if (pair) legend.set(pair.token, pair.name);
    } else if (n.kind === 'heading') {
      const pair = legendPair(n.title);
      if (pair) byHeadings.set(pair.token, [...(byHeadings.get(pair.token) ?? []), pair.name]);
    }
    n.children.forEach(visit);
  };
  visit(root);
  for (const [token, names] of byHeadings) if (names.length === 1 && !legend.has(token)) legend.set(token, names[0]!);
  return legend;
}
