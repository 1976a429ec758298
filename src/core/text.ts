import type { Position, Range } from './types';

/** Maps string offsets to zero-based line/character positions and back. */
export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    // An offset between the CR and LF of a line break is still the end of its line.
    return { line: lo, character: Math.min(o, this.lineEnd(lo)) - this.starts[lo]! };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  offset(position: Position): number {
    const line = Math.max(0, Math.min(position.line, this.starts.length - 1));
    return Math.min(this.starts[line]! + position.character, this.lineEnd(line));
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!;
  }

  /** Offset of the end of `line`, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1]!;
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
}

/** The document's line break, so inserted lines match it (first break found; `\n` when none). */
export function detectEol(text: string): '\n' | '\r\n' | '\r' {
  const i = text.search(/\r\n|\r|\n/);
  if (i < 0) return '\n';
  if (text[i] === '\n') return '\n';
  return text[i + 1] === '\n' ? '\r\n' : '\r';
}

/**
 * Folds a title for comparison: case, whitespace and punctuation do not matter, so
 * "Grow Retention!" and "grow  retention" are the same title. A possessive apostrophe is dropped
 * rather than read as a space, as people write titles both ways: "Win the CFO's trust" and
 * "Win the CFOs trust" are the same title, and so are "customers' data" and "customers data".
 */
/**
 * A function of a string answered once per string: titles, names and references are asked about
 * on every check and every re-read, the same few thousand strings each time. The memory is dropped
 * whole when it holds `limit` answers, so a long session cannot grow it without bound.
 */
export function memoByText<T>(compute: (text: string) => T, limit = 20_000): (text: string) => T {
  const answers = new Map<string, T>();
  return (text) => {
    if (answers.has(text)) return answers.get(text)!;
    if (answers.size >= limit) answers.clear();
    const answer = compute(text);
    answers.set(text, answer);
    return answer;
  };
}

export const foldTitle: (s: string) => string = memoByText((s) => fold(s), 50_000);

function fold(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    // `CFO's` → `cfos`, `customers'` → `customers`; other apostrophes (`don't`) stay word breaks.
    .replace(/(\p{L}|\p{N})['’ʼ](?=s(?![\p{L}\p{N}]))/gu, '$1')
    .replace(/(\p{L}s)['’ʼ](?![\p{L}\p{N}])/gu, '$1')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Levenshtein distance, bounded: returns `max + 1` as soon as the distance must exceed `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (cur[j]! < rowMin) rowMin = cur[j]!;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** Similarity in [0, 1] between two strings from their edit distance. */
export function similarity(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  if (len === 0) return 1;
  return 1 - editDistance(a, b) / len;
}

/**
 * Words that say nothing about what a goal or item is about: grammar words, and the vocabulary
 * every product doc shares (goal, item, metric, target, baseline…), which would match everything.
 */
const STOP_WORDS = new Set(
  (
    'a about after all also an and any are as at be been before being both but by can could do does each either etc every for from ' +
    'get has have how i if in into is it its just may more most much must my no not of on one only or other our out over own per so ' +
    'some such than that the their them then there these they this those through to too two under up us use using very via was we were ' +
    'what when where which while who whom why will with within would you your ' +
    'goal goals item items roadmap metric metrics target targets baseline kr key result results objective objectives okr okrs ' +
    'vision pillar pillars theme themes new first second third next now later q1 q2 q3 q4 h1 h2 fy'
  ).split(' '),
);

/** Content words of a text, lower-cased and stemmed, for ranking how well two texts match. Numbers are left out. */
export function contentWords(s: string): string[] {
  return foldTitle(s)
    .split(' ')
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w) && !/^\d+(?:[.,]\d+)*[a-z]?$/.test(w))
    .map(stem);
}

/** A crude English stem, enough for "teams"/"team" and "onboarding"/"onboard" to meet. */
function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** A short one-line excerpt of prose, cut on a word boundary. */
export function excerptOf(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : cut) + '…';
}

/**
 * A copy of `s` that does not keep the string it was cut from alive. V8 represents `big.slice(…)`
 * as a view of `big`; caches that outlive a document version must not pin every old version's text.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
