import type { HorizonBucket } from './horizon';
import type { LinkedItem } from './link';
import { candidatesFor, describe, type RuleContext } from './rules/rule';
import { rankByMeaning } from './suggest';
import { addTraceFixes } from './traceFixes';
import type { Fix, TextEdit } from './types';

// Fixes the drift rules share (docs/format.md, “Priorities and drift”). None is preferred: which
// goal an item serves and when it is done are the team's calls, so Fix All never makes them.

export const LANE_NAMES: Record<HorizonBucket, string> = { now: 'Now', next: 'Next', later: 'Later', done: 'Done' };

/** The trace fixes an untraced item gets (the goals its words point to, and a pick of every goal), without “mark as untraced”. */
export function traceFixesFor(ctx: RuleContext, linked: LinkedItem): Fix[] {
  const goals = candidatesFor(ctx, linked.scope, 'goal');
  if (goals.length === 0) return [];
  return addTraceFixes({ model: ctx.model, linked, layer: 'goal', candidates: goals, ranked: rankByMeaning(goals, linked.item) }).filter((f) => f.pick || f.title.startsWith('Trace to '));
}

/** `Move “Dark mode” to Next`, from the edits `moveEdits` made. */
export function moveFix(linked: LinkedItem, move: { edits: TextEdit[]; horizon: string } | undefined): Fix[] {
  return move ? [{ title: `Move ${describe(linked.item)} to ${move.horizon}`, edits: move.edits }] : [];
}
