import type { ListItem, Paragraph } from 'mdast';
import { plainText } from '../markdown';
import type { LabelLayer, Syntax } from '../syntax';
import { foldTitle } from '../text';
import type { ListInfo, OutlineNode, TableInfo } from './outline';
import { isMetricLabel } from '../analyze/metrics';
import { isCalendarName, isDataValue, isSymbol } from './vocabulary';

// What a list or a table is, from its shape (docs/format.md §8): navigation, metadata, a calendar, a
// legend, or a list of things. Each answer is worked out once per list or table.

export type ListShape = 'things' | 'navigation' | 'metadata' | 'calendar' | 'legend';

const listShapes = new WeakMap<ListInfo, ListShape>();

export function listShape(list: ListInfo, syntax: Syntax): ListShape {
  let shape = listShapes.get(list);
  if (!shape) {
    // The same list items as last time (the incremental parser reuses unchanged nodes): the same shape.
    const first = list.entries[0]?.listItem;
    const previous = first ? shapesByItems.get(first) : undefined;
    if (previous && previous.syntax === syntax && previous.items.length === list.entries.length && previous.items.every((li, i) => li === list.entries[i]!.listItem)) shape = previous.shape;
    else {
      shape = computeListShape(list, syntax);
      if (first) shapesByItems.set(first, { syntax, items: list.entries.map((e) => e.listItem!), shape });
    }
    listShapes.set(list, shape);
  }
  return shape;
}

const shapesByItems = new WeakMap<ListItem, { syntax: Syntax; items: ListItem[]; shape: ListShape }>();

function computeListShape(list: ListInfo, syntax: Syntax): ListShape {
  const entries = list.entries.filter((e) => e.listItem && !isFieldEntry(e, syntax));
  if (entries.length === 0) return 'things';
  // Links only, or a short heading line over links only (`- Project roadmaps` over `  - [Pipeline](…)`).
  if (entries.every((e) => isLinkOnly(e.listItem!) || (e.children.length > 0 && e.title.split(/\s+/).length <= 5 && e.children.every((c) => c.listItem && isLinkOnly(c.listItem))))) return 'navigation';
  if (entries.every((e) => isCalendarName(e.title) || (isLinkOnly(e.listItem!) && isCalendarName(linkTextOf(e.listItem!) ?? '')))) return 'calendar';
  const pairs = entries.map((e) => labelValue(e));
  if (pairs.every((p) => p && isSymbol(p.label))) return 'legend';
  if (entries.length >= 1 && entries.every((e) => !syntax.fieldAtEnd(e.title)) && pairs.every((p) => p && p.label.split(/\s+/).length <= 3 && isDataValue(p.value) && !/^\d+$/.test(p.label))) return 'metadata';
  return 'things';
}

/** `Label: value` in an entry's first line (`- Start Date: 2018-01-29`, `* 📝: in progress`). */
function labelValue(entry: OutlineNode): { label: string; value: string } | undefined {
  const first = entry.listItem?.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const text = plainText(first).split(/\r?\n/)[0]!;
  const m = /^\s*([^:]{1,40}?)\s*[:=]\s+(.*)$/.exec(text) ?? /^\s*(\S{1,4})\s+[-—–]\s+(.*)$/.exec(text);
  if (!m) return undefined;
  const label = m[1]!.trim();
  // `Dark mode — Goal: G1` is an item with a trace, not a `Label: value` pair.
  if (!isSymbol(label) && !/^[\p{L}][\p{L}\p{N} '’()/&]*$/u.test(label)) return undefined;
  return { label, value: m[2]!.trim() };
}

/** An entry that is only a link (or links), with nothing else written: a table of contents line. */
export function isLinkOnly(item: ListItem): boolean {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return false;
  let linked = false;
  for (const child of first.children) {
    if (child.type === 'link' || child.type === 'linkReference') linked = true;
    else if (child.type === 'text' && /^[\s,;·|/–—-]*$/.test(child.value)) continue;
    else return false;
  }
  return linked;
}

function linkTextOf(item: ListItem): string | undefined {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const link = first.children.find((c) => c.type === 'link' || c.type === 'linkReference');
  return link ? plainText(link) : undefined;
}

/** An entry that is a trace field (`- Goal: G1`, `- **Supports:** V2`): it describes its group, it is not a thing. */
export function isFieldEntry(entry: OutlineNode, syntax: Syntax, layers?: ReadonlySet<LabelLayer>): boolean {
  const first = entry.listItem?.children[0];
  if (first?.type !== 'paragraph') return false;
  const line = firstLineOf(first);
  const field = syntax.fieldAtStart(line);
  if (!field || (layers && !layers.has(field.layer))) return false;
  // `- Goal: G1`, `- Supports: Grow retention`; a sentence after a label (`Objective: Make X valuable
  // to every dev and company`) states a goal rather than naming one.
  return line.slice(field.valueStart).trim().split(/\s+/).length <= 8;
}

function firstLineOf(paragraph: Paragraph): string {
  const t = plainText(paragraph);
  const nl = t.search(/\r?\n/);
  return nl >= 0 ? t.slice(0, nl) : t;
}

// ---------------------------------------------------------------------------------------------------
// Tables

export type TableShape = 'things' | 'metadata' | 'legend' | 'schedule' | 'people';

export interface TableReading {
  shape: TableShape;
  /** The column that titles each row, or -1. */
  titleColumn: number;
  /** Columns headed by a trace label: each row's references. */
  traceColumns: number[];
}

const tableReadings = new WeakMap<TableInfo, TableReading>();

const ITEM_HEADER = /^(?:items?|features?|initiatives?|epics?|deliverables?|scenarios?|work(?: items?)?|projects?|names?|titles?|tasks?|stor(?:y|ies)|capabilit(?:y|ies)|themes?|goals?|objectives?|okrs?|outcomes?|priorit(?:y|ies) name|what)$/;
const LEGEND_HEADER = /^(?:meaning|description|definition|explanation|means|stands for)$/;
const DESCRIPTION_HEADER = /^(?:what and why|why|descriptions?|description notes|notes?|details?|comments?|summary|rationale|context|benefits?|value proposition|links?|issues?|status|state|when|dates?|timespan|timeline|eta|target|owners?|priority|confidence|size|effort)$/;
const PEOPLE_HEADER = /^(?:alias|owners?|champions?|members?|people|contacts?|names? of people|github|handle|team|teams)$/;

export function readTable(table: TableInfo, syntax: Syntax): TableReading {
  let reading = tableReadings.get(table);
  if (!reading) tableReadings.set(table, (reading = computeTable(table, syntax)));
  return reading;
}

function computeTable(table: TableInfo, syntax: Syntax): TableReading {
  const header = table.header;
  const folded = header.map((h) => foldTitle(h.replace(/\*/g, '')));
  const layers = header.map((h) => syntax.labelOf(h));
  const rows = table.rows.map((r) => r.row!.cells.map(stripSymbols));
  const column = (i: number) => rows.map((cells) => cells[i] ?? '');
  const traceColumns = layers.flatMap((layer, i) => (layer && layer !== 'vision' ? [i] : []));
  const none: TableReading = { shape: 'metadata', titleColumn: -1, traceColumns: [] };
  if (rows.length === 0 || header.length === 0) return none;
  // Two columns, the second empty in the header (`| Metadata | |`) or a label in the first: fields.
  if (header.length === 2 && (!header[1]!.trim() || (syntax.labelOf(header[0]!) !== undefined && !isListHeader(folded[0]!)) || /^(?:values?|settings?|details?)$/.test(folded[1]!))) return none;
  // Two columns whose first cells are labels (`| Owner | Bo |`, `| Goal | G1 |`): a record of fields.
  if (header.length === 2 && rows.some((cells) => syntax.labelOf(cells[0] ?? '') !== undefined || isMetricLabel(cells[0] ?? ''))) return none;
  if (header.length === 2 && LEGEND_HEADER.test(folded[1]!)) return { ...none, shape: 'legend' };
  // Symbols down the first column and a short meaning beside each (`| ✔️ | shipped |`): a legend. With a
  // column of longer, distinct names beside them, the symbols are the rows' status instead.
  if (header.length === 2 && table.rows.every((r) => isSymbol(r.row!.cells[0] ?? '')) && table.rows.every((r) => (r.row!.cells[1] ?? '').split(/\s+/).length <= 5)) return { ...none, shape: 'legend' };
  // The title column: one headed like a list of things, else the first column whose cells read as names.
  let titleColumn = folded.findIndex((h, i) => ITEM_HEADER.test(h) && !traceColumns.includes(i));
  // A first column of distinct versions, dates or quarters lists releases or a schedule: rows are not things.
  const first = column(0);
  if (titleColumn < 0 && isReleaseColumn(first)) return { ...none, shape: 'schedule' };
  if (titleColumn < 0) titleColumn = folded.findIndex((h, i) => !traceColumns.includes(i) && !PEOPLE_HEADER.test(h) && !DESCRIPTION_HEADER.test(h) && readsAsNames(column(i)));
  // Only a description column names the rows (`| Status | Description | Comments |`): it titles them.
  if (titleColumn < 0) titleColumn = folded.findIndex((h, i) => !traceColumns.includes(i) && /^(?:descriptions?|summary|details?)$/.test(h) && readsAsNames(column(i)));
  // A column headed like a trace whose cells are names, not references (`| Goal | Timespan | What and why |`
  // listing deliverables): it titles the rows.
  if (titleColumn < 0) {
    const named = traceColumns.find((i) => readsAsNames(column(i)) && !column(i).some(looksLikeReference));
    if (named !== undefined) return { shape: 'things', titleColumn: named, traceColumns: traceColumns.filter((c) => c !== named) };
  }
  if (titleColumn < 0) return { ...none, shape: 'schedule' };
  // Dates, durations or people down the first column: a schedule or a roster, not a list of things.
  if (titleColumn !== 0 && first.filter((c) => isCalendarName(c) || /^\d+\s*(?:weeks?|days?|months?)$/i.test(c) || /^\d{4}-\d{2}/.test(c)).length >= first.length / 2) return { ...none, shape: 'schedule' };
  if (PEOPLE_HEADER.test(folded[titleColumn]!) || column(titleColumn).every((c) => /^@\S+$/.test(c))) return { ...none, shape: 'people' };
  return { shape: 'things', titleColumn, traceColumns };
}

/** Emoji and symbols written as status marks (`1.1 ✅`): not part of what a cell names. */
function stripSymbols(cell: string): string {
  return cell.replace(/[\p{Extended_Pictographic}\uFE0F\u200D]/gu, '').trim();
}

/** Distinct versions, quarters or dates: each row is a release or a date, not a deliverable. */
function isReleaseColumn(cells: string[]): boolean {
  const filled = cells.filter((c) => c.trim());
  if (filled.length < 2) return false;
  const releases = filled.filter((c) => /^v?\d+(?:\.\d+|\.x)*\+?$/i.test(c) || isCalendarName(c) || /^\d{4}-\d{2}/.test(c) || /^\[?v?\d+(?:\.\d+)+\]?/.test(c));
  return releases.length >= filled.length * 0.8 && new Set(filled).size === filled.length;
}

function isListHeader(folded: string): boolean {
  return ITEM_HEADER.test(folded);
}

/** Cells that name things: mostly distinct short text, not dates, numbers, handles or status words. */
function readsAsNames(cells: string[]): boolean {
  const filled = cells.filter((c) => c.trim());
  if (filled.length === 0) return false;
  const names = filled.filter((c) => {
    const words = c.split(/\s+/).length;
    if (words > 12) return false;
    if (isCalendarName(c) || /^[\d\s.,:/%$€£+~x-]+$/i.test(c) || /^@\S+$/.test(c) || isSymbol(c)) return false;
    if (/^\d{4}-\d{2}(?:-\d{2})?$/.test(c)) return false;
    return true;
  });
  if (names.length < filled.length * 0.6) return false;
  return new Set(names.map((c) => c.toLowerCase())).size >= names.length * 0.7;
}

function looksLikeReference(cell: string): boolean {
  const t = cell.trim();
  return /^[A-Z]{1,5}[-.]?\d+(?:\.\d+)?(?:\s*[,;]\s*[A-Z]{1,5}[-.]?\d+(?:\.\d+)?)*$/.test(t) || /^(?:n\/a|none|-|—)$/i.test(t);
}
