import { foldTitle } from '../text';
import { ContentScanner } from './content';
import type { HeadingInfo } from './document';
import { GroupTraces, documentTraces } from './inherited';
import { VISION_LAYERS, type ItemBuilder } from './itemBuilder';

// Goals documents (FORMAT.md §2): each heading at the goal level is a goal.

export function goalsDoc(b: ItemBuilder): void {
  const { level, isGoal } = goalHeadings(b);
  const body = b.input.headings.filter((h) => h !== b.input.titleHeading);
  const { groupsOf, groups } = groupsAbove(b, body, level, isGoal);
  const firstGoal = body.find((h) => isGoal.has(h.index));
  const inherited = documentTraces(b, VISION_LAYERS, firstGoal ?? body.find((h) => h.depth <= level), groups);
  const groupTraces = new GroupTraces(b, VISION_LAYERS, inherited);
  const inheritedOf = (h: HeadingInfo) => groupTraces.effective(groupsOf.get(h) ?? []);
  const extract = (from: number, to: number) => {
    for (const h of b.input.headings) {
      if (h.index < from || h.index >= to || !isGoal.has(h.index)) continue;
      const section = b.sectionNodes(h);
      const scanner = new ContentScanner(b.ctx, VISION_LAYERS);
      scanner.scanTitleLine(h.span[0], h.span[1]);
      scanner.scanNodes(section);
      const item = b.addHeadingItem('goal', h, b.inherit(scanner.finish(section), inheritedOf(h)), section);
      b.addSubAnchors(item, h);
    }
  };
  // Each goal heading starts a unit, so a unit holds at most one goal, its first heading. Whether
  // that heading is a goal can depend on a heading above the unit (`# Goals`): it is in the key.
  const unitGoal = (unitHeadings: HeadingInfo[]) => unitHeadings.find((h) => isGoal.has(h.index));
  b.forEachUnit(
    level,
    inherited,
    (unitHeadings) => (unitGoal(unitHeadings) ? 'goal' : ''),
    extract,
    () => {},
    (unitHeadings) => {
      const goal = unitGoal(unitHeadings);
      return goal ? inheritedOf(goal) : inherited;
    },
  );
}

/**
 * The goal level and the goal headings. The level is front matter `itemLevel`, else the shallowest
 * level below the title. A heading named like the document's kind (`# Goals`, `# Q3 OKRs`) is not a
 * goal but holds them: when one has headings below it, the goals are those, at the shallowest level
 * inside it (`# Summary` / `# Goals` / `## G1` / `## G2` has the goals G1 and G2).
 */
function goalHeadings(b: ItemBuilder): { level: number; isGoal: Set<number> } {
  const { headings, titleHeading } = b.input;
  const syntax = b.ctx.syntax;
  const body = headings.filter((h) => h !== titleHeading);
  const explicit = b.itemLevel('goals at the level under the title');
  const kindSections = explicit === undefined ? body.filter((h) => isGoalsHeading(h.text)).map((h) => headingsUnder(headings, h)).filter((s) => s.length > 0) : [];
  const candidates = kindSections.length > 0 ? kindSections.flat() : body;
  const level = explicit ?? Math.min(...candidates.map((h) => h.depth));
  const isGoal = new Set<number>();
  for (const h of candidates) {
    if (h.depth !== level || syntax.isNonItemHeading(h.text)) continue;
    if (explicit === undefined && isGoalsHeading(h.text)) continue;
    isGoal.add(h.index);
  }
  return { level, isGoal };
}

/** The headings in a heading's section. */
function headingsUnder(headings: readonly HeadingInfo[], h: HeadingInfo): HeadingInfo[] {
  const out: HeadingInfo[] = [];
  for (let i = headings.indexOf(h) + 1; i < headings.length && headings[i]!.depth > h.depth; i++) out.push(headings[i]!);
  return out;
}

const PERIOD = String.raw`(?:\d{4}|q[1-4]|h[12]|fy ?\d{2,4})`;
const GOALS_HEADING = new RegExp(
  String.raw`^(?:(?:our|the|company|team|product|annual|quarterly|${PERIOD}) )*(?:goals|okrs|objectives(?: and key results)?)(?: (?:for |in )?${PERIOD})*$`,
);

/** A heading named like a goals document: Goals, OKRs, Objectives, maybe with a period or `Our`/`Company`. */
export function isGoalsHeading(text: string): boolean {
  return GOALS_HEADING.test(foldTitle(text).replace(/^\d+ /, ''));
}

/**
 * The headings above the goal level that group goals (`## Team A` over `### G1`), outermost first,
 * for each goal; section-like headings group nothing.
 */
function groupsAbove(b: ItemBuilder, body: readonly HeadingInfo[], level: number, isGoal: ReadonlySet<number>) {
  const groupsOf = new Map<HeadingInfo, HeadingInfo[]>();
  const groups = new Set<HeadingInfo>();
  const stack: HeadingInfo[] = [];
  for (const h of body) {
    while (stack.length && stack[stack.length - 1]!.depth >= h.depth) stack.pop();
    if (isGoal.has(h.index)) groupsOf.set(h, [...stack]);
    else if (h.depth < level && !b.ctx.syntax.isNonItemHeading(h.text)) {
      stack.push(h);
      groups.add(h);
    }
  }
  return { groupsOf, groups };
}
