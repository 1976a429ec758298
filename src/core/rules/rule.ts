import type { DocumentInfo } from '../analyze/document';
import type { Config } from '../config';
import type { LinkedItem, LinkedModel, Scope } from '../link';
import type { Fix, IssueVariant, Item, Range, RelatedLocation, RuleId, Severity } from '../types';

/** A finding before severity and suppression are applied. */
export interface Finding {
  doc: DocumentInfo;
  range: Range;
  message: string;
  related?: RelatedLocation[];
  /** Fixes, or a function computing them: ranking goals for every untraced item on every keystroke
   * would be wasted work when the fixes are only read for the finding under the cursor. */
  fixes?: Fix[] | (() => Fix[]);
  /** Which case of the rule this is (`Issue.variant`), for the views' short badges. */
  variant?: IssueVariant;
}

export interface RuleContext {
  model: LinkedModel;
  config: Config;
  /** The day dated horizons and goal timeframes are judged against (`Q3 2026` is now or later); now by default. */
  today?: Date;
}

/**
 * One rule, and everything the rest of the product says about it: a stable id (its docs page is
 * `docs/rules/<id>.md`), a title for views, a one-line summary for docs, menus and SARIF, the
 * severity it reports at unless configured, and a check over the linked model. The settings
 * schema, the README's rule table and the config defaults are checked against these by a test.
 */
export interface Rule<Id extends string = RuleId> {
  id: Id;
  title: string;
  summary: string;
  defaultSeverity: Severity;
  check(ctx: RuleContext): Finding[];
}

/** Declares a rule, keeping its id's literal type so the catalogue (`rules/index.ts`) can name every id. */
export function defineRule<const Id extends string>(rule: Rule<Id>): Rule<Id> {
  return rule;
}

/** `G1 “Grow retention”`, or just `“Grow retention”` for an item without an ID; a pillar without its `Pillar:` label. */
export function describe(item: Item): string {
  const shown = (item.kind === 'vision-section' ? item.aliases?.[0] : undefined) ?? item.title;
  const title = shown ? `“${shown}”` : '(untitled)';
  return item.id && item.id !== item.title ? `${item.id} ${title}` : title;
}

export function linkedItems(ctx: RuleContext, kind: Item['kind']): LinkedItem[] {
  let byKind = itemsByKind.get(ctx.model);
  if (!byKind) {
    byKind = new Map();
    for (const linked of ctx.model.items.values()) {
      const list = byKind.get(linked.item.kind);
      if (list) list.push(linked);
      else byKind.set(linked.item.kind, [linked]);
    }
    itemsByKind.set(ctx.model, byKind);
  }
  return byKind.get(kind) ?? [];
}

/** The model's items by kind, built once per model: several rules ask for the same kind. */
const itemsByKind = new WeakMap<LinkedModel, Map<Item['kind'], LinkedItem[]>>();

/** Candidates of a layer for an item: its own scope's, else the whole workspace folder's. */
export function candidatesFor(ctx: RuleContext, scope: Scope, layer: 'goal' | 'vision'): Item[] {
  const own = scope.targets[layer].items;
  return own.length > 0 ? own : ctx.model.all[layer].items;
}

/** A place in another file, for related information: `goals.md:12`. */
export function locationOf(item: Item, doc: DocumentInfo): string {
  return `${doc.relPath}:${item.range.start.line + 1}`;
}

/** Does a goal scope have no vision to serve (the `missing-vision` condition)? */
export function scopeMissesVision(ctx: RuleContext, scope: Scope): boolean {
  // A vision doc, or a Vision / Mission section in any of the product's docs (docs/format.md §8).
  if (scope.visions.length > 0 || scope.targets.vision.items.length > 0) return false;
  const goals = scope.docs.flatMap((d) => (d.root?.kind === 'goal' ? [d.root] : d.items.filter((i) => i.kind === 'goal')));
  if (goals.length === 0) return false;
  return !goals.some((g) => (ctx.model.items.get(g)?.traces.length ?? 0) > 0);
}
