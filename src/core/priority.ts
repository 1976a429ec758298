import type { DocumentInfo } from './analyze/document';
import { duePeriodsIn, periodsIn, yearOf, type Period } from './timeframe';
import { itemsOf } from './link';
import type { Item, Range } from './types';

// What a roadmap item or a goal says about its priority (docs/format.md, “Priorities and drift”):
// `Impact: high`, `Urgency: low`, `Effort: M`, `Confidence: 80%`, `RICE: 42`, `Priority: P1`,
// `Weight: 40%`, `Due: 2025-06-30`, written as a field in the item's own lines, a column of the
// table it is a row of, or front matter of a one-item file; a leading `P1` in a title too. Read
// from the text once per document version, beside the reader (which is left as it is): only values
// that read as a level, a number or a date count, so prose after `Impact:` is never a priority.

/** The priority fields a doc can carry, by what they say. */
export type PriorityField = 'impact' | 'urgency' | 'effort' | 'confidence' | 'reach' | 'priority' | 'score' | 'weight';

export const PRIORITY_FIELDS: readonly PriorityField[] = ['impact', 'urgency', 'effort', 'confidence', 'reach', 'priority', 'score', 'weight'];

/** One value as written, and what it reads as. */
export interface PriorityValue {
  /** The value as written: `high`, `P1`, `42`, `3/5`, `80%`. */
  text: string;
  /** The label it was written under (`Impact`, `RICE`, the column header). */
  label: string;
  /** From 0 to 1 where the value says so itself (a word, `P1`, `3/5`, `80%`). */
  level?: number;
  /** The number written, for values whose scale comes from the product (`RICE: 42`, `Priority: 2`). */
  number?: number;
  /** Where the value is written. */
  range: Range;
  via: 'field' | 'column' | 'front-matter' | 'title';
}

export interface ItemPriority {
  fields: Partial<Record<PriorityField, PriorityValue>>;
  /** When the item or goal is due, from a `Due:`-style field, its own words (`by Q2 2025`) or a heading above it. */
  due?: Period & { range: Range; source: 'field' | 'text' | 'heading' | 'front-matter' };
}

/** Labels, folded to lower case, and the field each one fills. */
const LABELS: ReadonlyArray<[PriorityField | 'due', readonly string[]]> = [
  ['impact', ['impact', 'value', 'business value', 'user value', 'customer value']],
  ['urgency', ['urgency', 'time criticality']],
  ['effort', ['effort', 'size', 't-shirt size', 'tshirt size', 'estimate', 'cost', 'complexity']],
  ['confidence', ['confidence']],
  ['reach', ['reach']],
  ['priority', ['priority', 'prio', 'moscow']],
  ['score', ['rice', 'rice score', 'ice', 'ice score', 'wsjf', 'score', 'priority score']],
  ['weight', ['weight', 'weighting']],
  ['due', ['due', 'due date', 'deadline', 'target date', 'timeframe', 'time frame', 'by', 'date due']],
];
const FIELD_OF = new Map<string, PriorityField | 'due'>(LABELS.flatMap(([field, labels]) => labels.map((l) => [l, field] as const)));
const LABEL_ALTERNATION = [...FIELD_OF.keys()].sort((a, b) => b.length - a.length).map((l) => l.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&').replace(/ /g, '\\s+')).join('|');

/**
 * A field in a line whose marks (`**`, `_`, backticks) were masked with spaces: at the line's start
 * (after a list or quote marker), or after `(`, `,`, `;`, `·`, `|` or a spaced dash. Its value runs
 * to the next such separator.
 */
const FIELD = new RegExp(
  String.raw`(?:^\s*(?:>\s*)*(?:[-+]\s+|\d+[.)]\s+)?(?:\[[ xX]\]\s+)?|[(,;·|]\s*|\s[-–—]\s+)(${LABEL_ALTERNATION})\s*:\s*([^,;·|()\r\n]*?)\s*(?=$|[,;·|)]|\s[-–—]\s)`,
  'gid',
);

const WORD_LEVELS: ReadonlyArray<[RegExp, number]> = [
  [/^(?:critical|very high|highest|top|urgent|blocker|must|must have|asap|immediate|p0|huge|massive)$/, 1],
  [/^(?:high|should|should have|p1|major|important)$/, 0.8],
  [/^(?:medium|med|moderate|normal|mid|average|p2)$/, 0.5],
  [/^(?:low|could|could have|nice to have|minor|p3|small)$/, 0.3],
  [/^(?:very low|lowest|minimal|trivial|won ?t|won ?t have|wont|p4|none|tiny)$/, 0.1],
];
/** T-shirt sizes, for effort. */
const SIZES: Readonly<Record<string, number>> = { xs: 0.1, s: 0.3, m: 0.5, l: 0.8, xl: 1, xxl: 1, small: 0.3, medium: 0.5, large: 0.8, 'extra large': 1 };

/** What a value reads as, or undefined when it is not a priority at all (prose, a link, a name). */
export function readValue(field: PriorityField, raw: string): { level?: number; number?: number } | undefined {
  const text = raw.replace(/[*_`~]/g, '').trim().replace(/[.!]$/, '').trim().toLowerCase().replace(/[’']/g, ' ').replace(/\s+/g, ' ');
  if (!text) return undefined;
  if (field === 'effort' && SIZES[text] !== undefined) return { level: SIZES[text] };
  for (const [words, level] of WORD_LEVELS) if (words.test(text)) return { level };
  const pct = /^(\d{1,3}(?:\.\d+)?)\s*%$/.exec(text);
  if (pct) return { level: Math.min(1, Number(pct[1]) / 100), number: Number(pct[1]) };
  const fraction = /^(\d+(?:\.\d+)?)\s*(?:\/|out of|of)\s*(\d+(?:\.\d+)?)$/.exec(text);
  if (fraction && Number(fraction[2]) > 0) return { level: Math.min(1, Number(fraction[1]) / Number(fraction[2])), number: Number(fraction[1]) };
  const n = /^(\d+(?:\.\d+)?)(?:\s*(?:pts?|points?|weeks?|days?|sprints?|months?))?$/.exec(text);
  if (n) return { number: Number(n[1]) };
  return undefined;
}

const cache = new WeakMap<DocumentInfo, Map<Item, ItemPriority>>();

/** The priority fields and due date of every goal and roadmap item in a document, read once per version. */
export function prioritiesOf(doc: DocumentInfo): Map<Item, ItemPriority> {
  let found = cache.get(doc);
  if (!found) cache.set(doc, (found = readDocument(doc)));
  return found;
}

/** One item's (or goal's) priority; empty when it states none. */
export function priorityOf(item: Item, doc: DocumentInfo): ItemPriority {
  return prioritiesOf(doc).get(item) ?? NONE;
}

const NONE: ItemPriority = { fields: {} };

function readDocument(doc: DocumentInfo): Map<Item, ItemPriority> {
  const out = new Map<Item, ItemPriority>();
  const items = itemsOf(doc).filter((i) => i.kind === 'goal' || i.kind === 'roadmap-item');
  if (items.length === 0 || doc.skipped || doc.failure) return out;
  const lines = doc.lines;
  const bodyStart = doc.frontMatter ? lines.position(doc.frontMatter.block.end).line : 0;
  const skip = codeLines(doc, bodyStart);
  const headings = headingLines(doc, bodyStart, skip);
  const children = nestedItems(items);
  for (const item of items) {
    const priority: ItemPriority = { fields: {} };
    const own = item.layout === 'table' ? [] : ownLines(item, children.get(item) ?? [], bodyStart, lines.lineCount);
    if (item.layout === 'file') readFrontMatter(doc, priority);
    if (item.layout === 'table') readColumns(doc, item, priority);
    readTitle(doc, item, priority);
    for (const line of own) if (!skip.has(line)) readFields(doc, line, priority);
    if (item.kind === 'goal' && !priority.due) readDue(doc, item, own.length ? own : [item.range.start.line], headings, skip, priority);
    if (Object.keys(priority.fields).length > 0 || priority.due) out.set(item, priority);
  }
  return out;
}

/** Each item's directly nested items (an item inside a goal's section), found in one pass over the items in order. */
function nestedItems(items: readonly Item[]): Map<Item, Item[]> {
  const sorted = [...items].sort((a, b) => a.range.start.line - b.range.start.line || b.contentRange.end.line - a.contentRange.end.line);
  const out = new Map<Item, Item[]>();
  const stack: Item[] = [];
  for (const item of sorted) {
    while (stack.length && stack[stack.length - 1]!.contentRange.end.line < item.range.start.line) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && parent.range.start.line < item.range.start.line) {
      const list = out.get(parent);
      if (list) list.push(item);
      else out.set(parent, [item]);
    }
    stack.push(item);
  }
  return out;
}

/** The lines that are the item's own: its title to the end of its content, without the items nested inside it. */
function ownLines(item: Item, nested: readonly Item[], bodyStart: number, lineCount: number): number[] {
  const start = item.layout === 'file' ? bodyStart : item.range.start.line;
  const end = Math.min(item.contentRange.end.line, lineCount - 1);
  const out: number[] = [];
  let next = 0;
  for (let line = start; line <= end; line++) {
    while (next < nested.length && nested[next]!.contentRange.end.line < line) next++;
    const inside = nested[next];
    if (inside && line >= inside.range.start.line) {
      line = inside.contentRange.end.line;
      continue;
    }
    out.push(line);
  }
  return out;
}

/** Fields written in one line of the item's own text. */
function readFields(doc: DocumentInfo, line: number, priority: ItemPriority): void {
  const text = doc.lines.lineText(line);
  if (!text.includes(':')) return;
  const masked = text.replace(/\*\*|__|[*_`]/g, (m) => ' '.repeat(m.length));
  FIELD.lastIndex = 0;
  for (let m = FIELD.exec(masked); m; m = FIELD.exec(masked)) {
    const label = m[1]!.replace(/\s+/g, ' ').toLowerCase();
    const field = FIELD_OF.get(label);
    const valueText = m[2]!;
    if (!field || !valueText.trim()) continue;
    const valueStart = m.indices![2]![0];
    const original = text.slice(valueStart, valueStart + valueText.length).trim();
    const range = doc.lines.range(doc.lines.lineStart(line) + valueStart, doc.lines.lineStart(line) + valueStart + valueText.length);
    if (field === 'due') {
      const period = periodsIn(original)[0];
      if (period && !priority.due) priority.due = { ...period, range, source: 'field' };
      continue;
    }
    setField(priority, field, original, text.slice(m.indices![1]![0], m.indices![1]![1]), range, 'field');
  }
}

function setField(priority: ItemPriority, field: PriorityField, text: string, label: string, range: Range, via: PriorityValue['via']): void {
  if (priority.fields[field]) return;
  const value = readValue(field, text);
  if (!value) return;
  priority.fields[field] = { text, label, ...value, range, via };
}

/** `P1 Offline mode`, `Offline mode [P1]`, `Offline mode (P1)`: a priority written into the title. */
function readTitle(doc: DocumentInfo, item: Item, priority: ItemPriority): void {
  if (item.layout === 'table' || item.layout === 'file' || item.layout === 'document') return;
  const lineText = doc.lines.lineText(item.range.start.line);
  const from = item.range.start.character;
  const titleText = item.range.start.line === item.range.end.line ? lineText.slice(from, item.range.end.character) : lineText.slice(from);
  const m = /^(?:\*\*|__)?(P[0-4])(?=[\s:—–-])|[[(](P[0-4])[\])]/.exec(titleText);
  if (!m) return;
  const token = (m[1] ?? m[2])!;
  const start = doc.lines.lineStart(item.range.start.line) + from + m.index + m[0].indexOf(token);
  setField(priority, 'priority', token, 'title', doc.lines.range(start, start + token.length), 'title');
}

/** Front matter keys of a one-item file (`impact: high`, `priority: P1`, `due: 2025-06-30`). */
function readFrontMatter(doc: DocumentInfo, priority: ItemPriority): void {
  const fm = doc.frontMatter;
  if (!fm || fm.error) return;
  for (const [key, value] of Object.entries(fm.data)) {
    const field = FIELD_OF.get(key.toLowerCase().replace(/[_-]+/g, ' ').trim()) ?? FIELD_OF.get(key.toLowerCase());
    if (!field || (typeof value !== 'string' && typeof value !== 'number' && !(value instanceof Date))) continue;
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    const range = frontMatterKeyRange(doc, key) ?? doc.titleRange;
    if (field === 'due') {
      const period = periodsIn(text)[0];
      if (period && !priority.due) priority.due = { ...period, range, source: 'front-matter' };
    } else setField(priority, field, text, key, range, 'front-matter');
  }
}

function frontMatterKeyRange(doc: DocumentInfo, key: string): Range | undefined {
  const fm = doc.frontMatter!;
  const m = new RegExp(`^${key.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&')}[ \\t]*:[ \\t]*(.*?)[ \\t]*$`, 'm').exec(fm.block.yaml);
  if (!m) return undefined;
  const start = fm.block.yamlStart + m.index + m[0].length - m[1]!.length - (m[0].length - m[0].trimEnd().length);
  return doc.lines.range(start, start + m[1]!.length);
}

/** A table row's cells under priority headers (`| Item | Goal | Impact | Urgency |`). */
function readColumns(doc: DocumentInfo, item: Item, priority: ItemPriority): void {
  const rowLine = item.range.start.line;
  const header = tableHeader(doc, rowLine);
  if (!header) return;
  const row = cellsOf(doc.lines.lineText(rowLine));
  header.forEach((cell, i) => {
    const field = FIELD_OF.get(cell.text.replace(/[*_`]/g, '').trim().toLowerCase().replace(/\s+/g, ' ').replace(/:$/, ''));
    const value = row[i];
    if (!field || !value || !value.text.trim()) return;
    const start = doc.lines.lineStart(rowLine) + value.start;
    const range = doc.lines.range(start, start + value.text.length);
    if (field === 'due') {
      const period = periodsIn(value.text)[0];
      if (period && !priority.due) priority.due = { ...period, range, source: 'field' };
    } else setField(priority, field, value.text.trim(), cell.text.trim(), range, 'column');
  });
}

/** The header cells of the table a row belongs to: the line above its delimiter row. */
function tableHeader(doc: DocumentInfo, rowLine: number): Array<{ text: string; start: number }> | undefined {
  for (let line = rowLine - 1; line >= 1; line--) {
    const text = doc.lines.lineText(line);
    if (!text.includes('|')) return undefined;
    if (/^\s*\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?\s*$/.test(text)) return cellsOf(doc.lines.lineText(line - 1));
  }
  return undefined;
}

/** A table line's cells with their offsets in the line (escaped pipes stay inside a cell). */
function cellsOf(line: string): Array<{ text: string; start: number }> {
  const cells: Array<{ text: string; start: number }> = [];
  let start = 0;
  let i = 0;
  const trimmed = line.trimStart();
  const lead = line.length - trimmed.length;
  i = lead;
  if (line[i] === '|') i++;
  start = i;
  for (; i <= line.length; i++) {
    if (i === line.length || (line[i] === '|' && line[i - 1] !== '\\')) {
      const raw = line.slice(start, i);
      if (i < line.length || raw.trim() !== '') {
        const inner = raw.trim();
        cells.push({ text: inner, start: start + raw.indexOf(inner) });
      }
      start = i + 1;
    }
  }
  return cells;
}

/**
 * A goal's timeframe from its own words (`by Q2 2025` in its title, metric or key results), else
 * from the nearest heading above it that names a period (`## Q2 2025`, `# Company OKRs, H1 2026`).
 * A period without its year (`by Q4`) takes the year of that heading.
 */
function readDue(doc: DocumentInfo, goal: Item, own: readonly number[], headings: ReadonlyArray<{ line: number; depth: number; text: string }>, skip: ReadonlySet<number>, priority: ItemPriority): void {
  const above = headingsAbove(goal, headings);
  const contextYear = above.map((h) => yearOf(h.text)).find((y) => y !== undefined) ?? frontMatterYear(doc);
  let latest: (Period & { range: Range }) | undefined;
  for (const line of own) {
    if (skip.has(line)) continue;
    const text = doc.lines.lineText(line);
    for (const p of duePeriodsIn(text, contextYear)) {
      if (!latest || p.end > latest.end) latest = { ...p, range: doc.lines.range(doc.lines.lineStart(line) + p.at[0], doc.lines.lineStart(line) + p.at[1]) };
    }
  }
  if (latest) {
    priority.due = { ...latest, source: 'text' };
    return;
  }
  for (const h of above) {
    const p = periodsIn(h.text)[0];
    if (!p) continue;
    const lineText = doc.lines.lineText(h.line);
    const at = lineText.indexOf(p.text);
    const start = doc.lines.lineStart(h.line) + Math.max(0, at);
    priority.due = { ...p, range: doc.lines.range(start, start + p.text.length), source: 'heading' };
    return;
  }
  const fmPeriod = frontMatterPeriod(doc);
  if (fmPeriod) priority.due = fmPeriod;
}

/** Front matter of a goals doc that dates all its goals: `timeframe: Q2 2025`, `quarter: Q2 2025`, `period: 2025`. */
function frontMatterPeriod(doc: DocumentInfo): ItemPriority['due'] {
  const data = doc.frontMatter?.data;
  if (!data || doc.frontMatter?.error) return undefined;
  for (const key of ['timeframe', 'period', 'quarter', 'due', 'deadline']) {
    const value = data[key];
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const p = periodsIn(String(value))[0];
    if (p) return { ...p, range: frontMatterKeyRange(doc, key) ?? doc.titleRange, source: 'front-matter' };
  }
  return undefined;
}

function frontMatterYear(doc: DocumentInfo): number | undefined {
  const p = frontMatterPeriod(doc);
  return p ? Math.floor(p.end / 12) : undefined;
}

/** The headings a goal sits under, nearest first (its own heading is not one of them). */
function headingsAbove(goal: Item, headings: ReadonlyArray<{ line: number; depth: number; text: string }>): Array<{ line: number; depth: number; text: string }> {
  const out: Array<{ line: number; depth: number; text: string }> = [];
  let depth = goal.layout === 'heading' ? (goal.depth ?? 7) : 7;
  for (let i = headings.length - 1; i >= 0; i--) {
    const h = headings[i]!;
    if (h.line >= goal.range.start.line) continue;
    if (h.depth < depth) {
      out.push(h);
      depth = h.depth;
    }
  }
  return out;
}

/** Lines inside fenced code blocks: nothing in them is a field. */
function codeLines(doc: DocumentInfo, bodyStart: number): Set<number> {
  const out = new Set<number>();
  if (!/^ {0,3}(?:`{3,}|~{3,})/m.test(doc.text)) return out;
  let fence: string | undefined;
  for (let n = bodyStart; n < doc.lines.lineCount; n++) {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(doc.lines.lineText(n));
    if (fence) {
      out.add(n);
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = undefined;
    } else if (f) {
      fence = f[1]!;
      out.add(n);
    }
  }
  return out;
}

function headingLines(doc: DocumentInfo, bodyStart: number, skip: ReadonlySet<number>): Array<{ line: number; depth: number; text: string }> {
  const out: Array<{ line: number; depth: number; text: string }> = [];
  for (let n = bodyStart; n < doc.lines.lineCount; n++) {
    if (skip.has(n)) continue;
    const text = doc.lines.lineText(n);
    if (text.charCodeAt(0) !== 35 && !/^ {1,3}#/.test(text)) continue;
    const h = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(text);
    if (h) out.push({ line: n, depth: h[1]!.length, text: h[2]!.replace(/[*_`]/g, '') });
  }
  return out;
}
