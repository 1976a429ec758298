import { slug } from 'github-slugger';
import type { DocumentInfo } from './analyze/document';
import { addItemAfterEdit, addTraceEdit, rangeOfInserted, replaceEdit } from './fixes';
import type { LinkedItem, LinkedModel, Resolution } from './link';
import { describe } from './rules/rule';
import { linkTo, referenceTextFor, type Ranked } from './suggest';
import { METRIC_PROMPT } from './templates';
import type { Fix, Item, PickOption, TextEdit } from './types';

// The choices a user has for an item that traces to nothing, or to something that does not exist:
// the targets its words point to (when any do), every target in a searchable pick, "deliberately
// none", and a new goal made from the item. None of them is preferred: which goal an item serves is
// the user's call, so Fix All and `check --fix` never write a trace (docs/format.md, Fixes).

export interface TraceContext {
  model: LinkedModel;
  linked: LinkedItem;
  layer: 'goal' | 'vision';
  /** The targets offered: the item's product's goals (or vision and pillars), else the folder's. */
  candidates: Item[];
  /** The targets the item's words point to (`rankByMeaning`), computed once by the caller. */
  ranked: Ranked[];
}

/** Fixes that add a trace to an item with none (`untraced-item`, `goal-without-vision`). */
export function addTraceFixes(t: TraceContext): Fix[] {
  const { model, linked, layer } = t;
  const { item, doc } = linked;
  const label = layer === 'goal' ? 'Goal' : 'Vision';
  const write = (target: Item) => addTraceEdit(doc, item, label, referenceTextFor(model, target, doc), target.id ?? linkTo(model, target, doc));
  const fixes: Fix[] = [];
  for (const { item: target } of t.ranked) {
    const edit = write(target);
    if (edit) fixes.push({ title: `Trace to ${targetNoun(target)} ${describe(target)}`, edits: [edit] });
  }
  const pick = pickFix(t, layer === 'goal' ? 'Trace to goal…' : 'Trace to the vision…', write);
  if (pick) fixes.push(pick);
  if (layer === 'goal' && item.noTrace.length === 0) {
    const edit = addTraceEdit(doc, item, 'Goal', 'N/A', 'N/A');
    if (edit) fixes.push({ title: 'Mark as deliberately untraced (Goal: N/A)', edits: [edit] });
  }
  if (layer === 'goal') {
    const create = createGoalFix(t, undefined, (ref) => addTraceEdit(doc, item, 'Goal', ref.body, ref.frontMatter));
    if (create) fixes.push(create);
  }
  return fixes;
}

/** Fixes that replace a broken reference (`unknown-reference`) with a target the user picks. */
export function replaceReferenceFixes(t: TraceContext, resolution: Resolution): Fix[] {
  const { model, linked } = t;
  const { doc } = linked;
  const ref = resolution.ref;
  if (ref.inferred) return [];
  const write = (target: Item) => replaceEdit(doc, ref.range, replacementFor(model, doc, resolution, target));
  const fixes: Fix[] = t.ranked.map(({ item: target }) => ({ title: `Change to ${describe(target)}`, edits: [write(target)] }));
  const pick = pickFix(t, t.layer === 'goal' ? 'Change to goal…' : 'Change to the vision…', write);
  if (pick) fixes.push(pick);
  if (t.layer === 'goal') {
    // `Goal: G7` with no G7: the goal the writer had in mind may simply not be written yet.
    const wanted = ref.link === undefined && /^[A-Z]{1,5}[-.]?\d+(?:\.\d+)?$/.test(ref.text.trim()) ? ref.text.trim() : undefined;
    const create = createGoalFix(t, wanted, (written) => (wanted ? undefined : replaceEdit(doc, ref.range, ref.link !== undefined ? written.link : written.body)));
    if (create) fixes.push(create);
  }
  return fixes;
}

/** The text that replaces a broken reference: a link keeps being a link, anything else names the target. */
export function replacementFor(model: LinkedModel, doc: DocumentInfo, resolution: Resolution, target: Item): string {
  const { ref } = resolution;
  const replacement = ref.link !== undefined ? linkTo(model, target, doc) : (target.id ?? target.title);
  // A prose reference-style link is replaced whole (`[text][label]` → `[text](path)`).
  const written = doc.text.slice(doc.lines.offset(ref.range.start), doc.lines.offset(ref.range.end));
  return written.startsWith('[') ? `[${ref.text}](${replacement})` : replacement;
}

/** “Trace to goal…”: every candidate, those the item's words point to first, each with its metric. */
function pickFix(t: TraceContext, title: string, write: (target: Item) => TextEdit | undefined): Fix | undefined {
  const { model, linked } = t;
  const first = new Set(t.ranked.map((r) => r.item));
  const ordered = [...t.ranked.map((r) => r.item), ...t.candidates.filter((c) => !first.has(c) && c !== linked.item)];
  const options: PickOption[] = [];
  for (const target of ordered) {
    const edit = write(target);
    if (!edit) continue;
    const where = model.items.get(target)?.doc.relPath;
    options.push({
      label: target.id && target.id !== target.title ? `${target.id} ${target.title}` : target.title,
      ...(where ? { description: first.has(target) ? `${where} · matches its words` : where } : {}),
      ...(target.metric ? { detail: target.metric } : target.excerpt ? { detail: target.excerpt } : {}),
      edits: [edit],
    });
  }
  if (options.length === 0) return undefined;
  const what = t.layer === 'goal' ? 'goal' : 'part of the vision';
  return { title, edits: [], pick: { placeholder: `Which ${what} does ${describe(linked.item)} serve? (${options.length}; type to search titles and metrics)`, options } };
}

function targetNoun(target: Item): string {
  return target.kind === 'goal' ? 'goal' : target.kind === 'vision' ? 'the vision' : 'vision section';
}

/** How the new goal is referred to: in a field's text, as a link, and as a front matter value. */
interface Written {
  body: string;
  link: string;
  frontMatter: string;
}

/**
 * “Create a goal from this item”: a new goal, written like the product's last goal and titled like
 * the item, with a metric prompt to fill in; the item traces to it (`traceEdit`, given how the goal
 * is referred to). With `wantedId` (a broken `Goal: G7`), the new goal takes that ID and the
 * reference is left as written.
 */
function createGoalFix(t: TraceContext, wantedId: string | undefined, traceEdit: (written: Written) => TextEdit | undefined): Fix | undefined {
  const { model, linked } = t;
  const goalsDoc = goalsDocFor(model, linked);
  if (!goalsDoc) return undefined;
  const last = goalsDoc.items.filter((i) => i.kind === 'goal').pop();
  if (!last) return undefined;
  const title = linked.item.title.replace(/\s+/g, ' ').trim();
  if (!title) return undefined;
  // The next ID in the style of the goals doc it goes in (G6 after its G5), free among all the product's goals.
  const docGoals = goalsDoc.items.filter((i) => i.kind === 'goal');
  const id = wantedId && !t.candidates.some((c) => c.id?.toUpperCase() === wantedId.toUpperCase()) ? wantedId : wantedId ? undefined : nextGoalId(docGoals, t.candidates);
  if (wantedId && !id) return undefined;
  const eol = goalsDoc.eol;
  let goalEdit: TextEdit | undefined;
  let anchor: string;
  if (last.layout === 'heading') {
    const heading = id ? `${id}: ${title}` : title;
    goalEdit = { uri: goalsDoc.uri, range: { start: last.contentRange.end, end: last.contentRange.end }, newText: `${eol}${eol}${'#'.repeat(last.depth ?? 2)} ${heading}${eol}${eol}${METRIC_PROMPT}` };
    anchor = slug(heading);
  } else {
    goalEdit = addItemAfterEdit(goalsDoc, last, id ? `${id}: ${title}` : title, 'Metric', METRIC_PROMPT.replace(/^Metric: /, ''));
    anchor = slug(id ? `${id}: ${title}` : title);
  }
  if (!goalEdit) return undefined;
  const path = linkTo(model, last, linked.doc).replace(/#.*$/, '');
  const link = `${path}#${anchor}`;
  const written: Written = id ? { body: id, link, frontMatter: id } : { body: `[${title.replace(/([[\]\\])/g, '\\$1')}](${link})`, link, frontMatter: link };
  const trace = traceEdit(written);
  if (!wantedId && !trace) return undefined;
  const select = rangeOfInserted(goalEdit, title);
  return {
    title: id ? `Create goal ${id} “${title}” in ${goalsDoc.relPath}` : `Create a goal “${title}” in ${goalsDoc.relPath}`,
    edits: trace ? [goalEdit, trace] : [goalEdit],
    ...(select ? { select: { uri: goalsDoc.uri, range: select } } : {}),
  };
}

/** The goals document new goals go in: the first in the item's product that holds goals, else in the folder. */
function goalsDocFor(model: LinkedModel, linked: LinkedItem): DocumentInfo | undefined {
  const holdsGoals = (d: DocumentInfo) => d.kind === 'goals' && d.items.some((i) => i.kind === 'goal');
  return linked.scope.docs.find(holdsGoals) ?? model.docs.find(holdsGoals);
}

/** The next free ID in the style most of `goals` use (`G6` after G1…G5), free among `taken` too; undefined when goals have no IDs. */
function nextGoalId(goals: readonly Item[], all: readonly Item[]): string | undefined {
  const byPrefix = new Map<string, number[]>();
  for (const g of goals) {
    const m = /^([A-Za-z]{1,5}[-.]?)(\d+)$/.exec(g.id ?? '');
    if (!m) continue;
    const list = byPrefix.get(m[1]!) ?? [];
    list.push(Number(m[2]));
    byPrefix.set(m[1]!, list);
  }
  const [prefix, numbers] = [...byPrefix.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  if (!prefix || !numbers) return undefined;
  const taken = new Set([...goals, ...all].map((g) => g.id?.toUpperCase()));
  let n = Math.max(...numbers) + 1;
  while (taken.has(`${prefix}${n}`.toUpperCase())) n++;
  return `${prefix}${n}`;
}

export type { Ranked };
