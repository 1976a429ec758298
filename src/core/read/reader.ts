import type { RootContent } from 'mdast';
import { endOf, plainText, startOf } from '../markdown';
import { horizonBucket } from '../horizon';
import type { Syntax } from '../syntax';
import { excerptOf, foldTitle } from '../text';
import type { Item, NodeKind, Position, Range, Reference, TraceVia } from '../types';
import { ContentScanner, type ContentFacts } from '../analyze/content';
import { GroupTraces, documentTraces } from '../analyze/inherited';
import { GOAL_LAYERS, VISION_LAYERS, type Inherited, type ItemBuilder } from '../analyze/itemBuilder';
import { endsWithEmptyField } from '../analyze/nodes';
import { collectLegend, legendPair, nameReference, namedSuffix, proseNames } from './implicitTraces';
import { buildOutline, type OutlineNode } from './outline';
import { hasQuantity } from './quantity';
import { isFieldEntry, listShape, readTable } from './shapes';
import { GOAL_ID, KEY_RESULT_ID, leadingLabel, namedRole, shortLabelId, type NamedRole } from './vocabulary';

// The reader (docs/format.md §8): walks a document's outline the way a
// careful reader does, deciding for each heading, entry and row whether it is a group, a section, a
// goal, a roadmap item or a vision section, and which goal or pillar each item sits under. What a
// doc says explicitly (fields, front matter, `itemLevel`) always wins over what is inferred here.

/** What the walk is reading at a point of the document. */
type Mode = 'items' | 'goals' | 'none';

interface Ctx {
  mode: Mode;
  /** The goal (or vision section) the walk is inside: things found here trace to it by nesting. */
  parent?: Item;
  /** The groups above, outermost first (horizons, releases, areas). */
  groups: OutlineNode[];
  /** Inside a section (Background, FAQ…): only tables of things count. */
  section: boolean;
  /** What things here inherit when they state no trace: the nearest group's fields, else the document's. */
  inherited: Inherited;
}

/** How a node was read, for the reading markers in the editor (docs/format.md §8). */
export interface ReadingMark {
  /** Where the node's title is. */
  range: Range;
  role: 'group' | 'section' | 'goals-section' | 'items-section' | 'vision-section' | 'left-out' | 'navigation' | 'metadata' | 'legend' | 'calendar' | 'summary' | 'schedule';
  /** Why, in a few words: `horizon`, `named Background`, `links only`. */
  why: string;
}

export class Reader {
  private readonly ctxText: string;
  private readonly explicitLevel: number | undefined;
  private readonly docKind: 'roadmap' | 'goals' | 'strategy' | 'vision';
  /** Titles stated twice (a summary list and the headings it announces): folded title → the heading. */
  private summaries = new Set<OutlineNode>();
  /** Headings whose title a summary entry announced, with that entry when it carries the description. */
  private announcedBy = new Map<OutlineNode, OutlineNode>();
  /** Items made from announcing entries, so the headings they announce can nest under them. */
  private readonly thingOf = new Map<OutlineNode, Item>();
  /** Headings a summary announced that hold the work serving them: goals. */
  private readonly announcedGoals = new Set<OutlineNode>();
  /** Entries that state a goal whose work a heading of the same name lists further down. */
  private readonly announcingGoals = new Set<OutlineNode>();
  private readonly groupTraces: GroupTraces;
  private readonly marks: ReadingMark[] = [];
  private goalsMarked = false;
  /** Symbols the doc defines as names of goals or pillars (`📦 = Package managers`). */
  private legend = new Map<string, string>();
  private legendKey = '';

  constructor(
    private readonly b: ItemBuilder,
    docKind: 'roadmap' | 'goals' | 'strategy' | 'vision',
  ) {
    this.ctxText = b.ctx.text;
    this.docKind = docKind;
    this.explicitLevel = b.itemLevel(docKind === 'goals' ? 'goals at the level under the title' : 'items at ### (level 3)');
    const layers = docKind === 'goals' ? VISION_LAYERS : GOAL_LAYERS;
    const firstSection = b.input.headings.find((h) => h !== b.input.titleHeading);
    const inherited = documentTraces(b, layers, firstSection);
    this.groupTraces = new GroupTraces(b, layers, inherited);
    this.docInherited = inherited;
  }

  private readonly docInherited: Inherited;

  read(): ReadingMark[] {
    const { ctx, tree, headings, titleHeading } = this.b.input;
    const root = buildOutline(ctx, tree, headings, titleHeading);
    this.findSummaries(root);
    this.legend = collectLegend(root, (n) => (n.kind === 'row' ? readTable(n.row!.table, this.b.ctx.syntax).shape === 'legend' : n.kind === 'entry' && !!n.list && listShape(n.list, this.b.ctx.syntax) === 'legend'));
    this.legendKey = [...this.legend].map(([t, n]) => `${t}=${n}`).join(',');
    this.goalsMarked = this.docKind === 'goals' && hasMarkedGoalEntries(root);
    const mode: Mode = this.docKind === 'roadmap' ? 'items' : this.docKind === 'goals' ? 'goals' : 'none';
    this.readChildren(root, { mode, groups: [], section: false, inherited: this.docInherited });
    this.traceGoalsToMission(root);
    this.b.assignKeys();
    return this.marks;
  }

  // ---------------------------------------------------------------------------------------------
  // The walk

  private readChildren(node: OutlineNode, ctx: Ctx): void {
    let announced: Mode | undefined;
    for (const child of node.children) {
      if (child.kind === 'heading') {
        // A goals heading with only an intro announces the sibling headings after it (`## Themes`
        // "The following areas…", then `## Performance`, `## Tooling`).
        const role = this.headingRole(child, announced ? { ...ctx, mode: announced } : ctx);
        if (role.kind === 'container' && isIntroOnly(child)) {
          announced = role.mode;
          this.mark(child, role.mode === 'goals' ? 'goals-section' : 'items-section', 'announces the headings after it');
          continue;
        }
        if (announced && (role.kind === 'section' || role.kind === 'left-out' || role.kind === 'container')) announced = undefined;
        this.readHeading(child, announced ? { ...ctx, mode: announced } : ctx, role);
      } else this.readBlockChild(child, ctx);
    }
  }

  private readHeading(h: OutlineNode, ctx: Ctx, role: HeadingRole): void {
    switch (role.kind) {
      case 'left-out':
        this.mark(h, 'left-out', role.why);
        return;
      case 'vision':
        this.visionSections(h);
        return;
      case 'container': {
        this.mark(h, role.mode === 'goals' ? 'goals-section' : 'items-section', role.why);
        const inner = { ...ctx, mode: role.mode, section: false, inherited: this.inheritedFor(h, ctx) };
        // A goals section whose goals are its sub-headings: the lists in its intro define or summarise, they are not goals.
        if (role.mode === 'goals' && h.children.some((c) => c.kind === 'heading' && !isDetailHeading(c, h, this.b.ctx.syntax))) {
          this.readChildren({ ...h, children: h.children.filter((c) => c.kind === 'heading') }, inner);
        } else this.readChildren(h, inner);
        return;
      }
      case 'section':
        this.mark(h, 'section', role.why);
        this.readChildren(h, { ...ctx, section: true });
        return;
      case 'group':
        this.mark(h, 'group', role.why);
        this.readGroup(h, { ...ctx, groups: [...ctx.groups, h], inherited: this.inheritedFor(h, ctx) }, 'group', ctx.inherited);
        return;
      case 'thing': {
        const item = this.headingThing(h, ctx, role.kind2);
        this.readInside(h, item, ctx);
        return;
      }
      case 'details':
        return;
    }
  }

  /**
   * Reads a group's section, or takes what it produced last time when none of its Markdown nodes
   * changed and its context is the same (the editor's re-read after an edit elsewhere). Only in docs
   * where no summary list ties headings across the doc, since those readings reach outside the group.
   */
  private readGroup(h: OutlineNode, ctx: Ctx, role: string, outside: Inherited): void {
    const cache = this.b.input.cache;
    const crossLinked = this.summaries.size + this.announcedBy.size + this.announcedGoals.size + this.announcingGoals.size > 0;
    if (!cache || crossLinked || !h.heading) return this.readChildren(h, ctx);
    // Lists are put together anew from their items on every parse (chunks.ts): their items are what is reused.
    const deps = this.b.sectionNodes(h.heading).flatMap((n): object[] => (n.type === 'list' ? n.children : [n]));
    const at = this.b.ctx.lines.position(h.start);
    const key = [role, ctx.mode, ctx.section, ctx.parent ? this.b.internalAnchor(ctx.parent) : '', inheritedKey(ctx.inherited), this.legendKey, groupsKey(ctx.groups), this.goalsMarked].join('\u0001');
    const hit = cache.takeGroup(h.heading.node, key, at, deps);
    if (hit) {
      for (const item of hit.items) this.b.adoptItem(item);
      for (const [anchor, item] of hit.anchors) this.b.info.anchors.set(anchor, item);
      this.marks.push(...(hit.marks as ReadingMark[]));
      return;
    }
    const items = this.b.info.items.length;
    const marks = this.marks.length;
    const anchors = this.b.recordAnchors();
    try {
      this.readChildren(h, ctx);
    } finally {
      this.b.stopRecordingAnchors(anchors);
    }
    const made = this.b.info.items.slice(items);
    // Traces inherited from outside the group (the document's fields) stay where they were written.
    cache.putGroup(h.heading.node, key, at, deps, { items: made, anchors: anchors.pairs, marks: this.marks.slice(marks) }, (item) => isInheritedCopy(item, outside));
  }

  /** Things nested in a goal are the items that serve it (in roadmaps and strategies); in goals docs, its details. */
  private readInside(node: OutlineNode, thing: Item, ctx: Ctx): void {
    if (thing.kind !== 'goal') return;
    if (this.docKind !== 'goals') {
      // `**API:** the interface to…` entries define what the goal covers: they describe it, they are not work.
      const children = node.children.filter((c) => !(c.kind === 'entry' && c.list && c.list.entries.every((e) => e.leadColon)));
      return this.readChildren({ ...node, children }, { ...ctx, mode: 'items', parent: thing, section: false });
    }
    // In a goals doc a goal's content is its details, but a part named like work (`Related work`,
    // `Initiatives:`) lists the items that serve it.
    const inner = { ...ctx, mode: 'items' as Mode, parent: thing, section: false };
    const visit = (n: OutlineNode) => {
      for (const c of n.children) {
        if (c.kind === 'entry' && c.rest) continue;
        if (namedRole(c.title) === 'items') {
          this.mark(c, 'items-section', `named ${c.title}`);
          this.readChildren(c, inner);
        } else if (c.kind === 'heading') visit(c);
      }
    };
    visit(node);
  }

  private readBlockChild(node: OutlineNode, ctx: Ctx): void {
    if (node.kind === 'label') return this.readLabel(node, ctx);
    if (node.kind === 'row') return this.readRow(node, ctx);
    return this.readEntry(node, ctx);
  }

  private readLabel(label: OutlineNode, ctx: Ctx): void {
    // `Goals:` over `- G1` / `- G2`: a field whose values are the list, read as the group's trace.
    if (label.paragraph && endsWithEmptyField(this.b.ctx, label.paragraph) && isValueList(label)) return;
    if (label.names === 'problems') return this.mark(label, 'section', 'problems, not work');
    // Inside a section (Timeline, Background), a sentence over a list does not make it goals or work.
    if (ctx.section) return;
    // Inside a goal, the aims it lists (`with two goals:`) say what the goal means: not goals of their own.
    if (ctx.parent && (label.names === 'goals' || (!label.sentence && namedRole(label.title) === 'goals'))) return this.mark(label, 'section', 'what the goal means');
    // `Feature priorities:` over `0. Mandatory` / `1. Optimal`: a legend of levels.
    if (/\b(?:priorit(?:y|ies)|legend|levels?|key|status(?:es)?|states|symbols)\b/i.test(label.title) && label.children.length > 0 && label.children.every((c) => c.kind === 'entry' && c.children.length === 0 && c.title.split(/\s+/).length <= 4)) {
      return this.mark(label, 'legend', 'defines levels');
    }
    const named = label.names ?? (label.sentence ? undefined : namedRole(label.title));
    // In a goals doc, a bold line over a list (`**Daemon is as reliable as it can be**` over its key
    // results) is an objective written as a paragraph: a goal, and the list its key results.
    if (ctx.mode === 'goals' && this.docKind === 'goals' && !named && !label.sentence && label.paragraph && isAllBold(label.paragraph) && label.children.length > 0) {
      const goal = this.entryThing(label, ctx, 'goal');
      this.readInside(label, goal, ctx);
      return;
    }
    // In a doc's introduction, before its first section, a sentence over a list tells a story
    // (`Since I wrote in May, a few things have happened:`): context, unless it says the list is work.
    if (label.parent?.kind === 'root' && !named && label.title.split(/\s+/).length >= 5 && label.parent.children.some((c) => c.kind === 'heading')) {
      return this.mark(label, 'section', 'the introduction');
    }
    if (named === 'negated') return this.mark(label, 'left-out', `named ${label.title}`);
    if (named === 'section' || /^(?:why|rationale)\b/i.test(label.title)) return this.mark(label, 'section', `named ${label.title}`);
    if (named === 'goals') return this.readChildren(label, { ...ctx, mode: 'goals', section: false });
    if (named === 'items') return this.readChildren(label, { ...ctx, mode: 'items', section: false });
    if (named === 'vision') return;
    // Any other label names the list below it: a horizon (`Immediate term:`), an area, or just an intro.
    this.mark(label, 'group', named === 'group' ? 'horizon or release' : 'names the list below it');
    this.readChildren(label, { ...ctx, groups: [...ctx.groups, label] });
  }

  private readEntry(entry: OutlineNode, ctx: Ctx): void {
    if (ctx.section || ctx.mode === 'none') {
      // Inside prose sections and strategies, only a label naming goals or items opens a list of things
      // (`* **Product**` over `* **Goals:**` over the goals).
      const named = namedRole(entry.title);
      if ((named === 'goals' || named === 'items') && entry.children.length > 0 && !entry.rest) {
        this.mark(entry, named === 'goals' ? 'goals-section' : 'items-section', `named ${entry.title}`);
        this.readChildren(entry, { ...ctx, mode: named, section: false });
      } else if (entry.children.length > 0 && named !== 'negated') this.readChildren(entry, ctx);
      return;
    }
    if (entry.kind === 'entry') {
      if (isFieldEntry(entry, this.b.ctx.syntax, ctx.mode === 'goals' ? VISION_LAYERS : GOAL_LAYERS) || entry.list!.fieldValues) return;
      const directive = entry.list!.directive;
      if (directive === 'ignore' || directive === 'section') return;
      if (directive === 'item' || directive === 'goal') {
        const item = this.entryThing(entry, ctx, directive === 'goal' ? 'goal' : 'roadmap-item');
        this.readInside(entry, item, ctx);
        return;
      }
      const shape = listShape(entry.list!, this.b.ctx.syntax);
      if (shape !== 'things') {
        if (entry === entry.list!.entries[0]) this.mark(entry, shape === 'navigation' ? 'navigation' : shape, shapeWhy(shape));
        return;
      }
      if (isTemplateDirective(entry.title)) return;
    }
    if (this.summaries.has(entry)) return this.mark(entry, 'summary', 'repeats a heading below');
    const label = leadingLabel(entry.title) ?? (entry.hasLead ? undefined : leadingLabel(plainOf(entry)));
    if (label?.role === 'negated') return this.mark(entry, 'left-out', `labelled ${label.label}`);
    if (label?.role === 'key-result' || KEY_RESULT_ID.test(this.b.ctx.syntax.leadingId(entry.title)?.id ?? '')) return;
    const named = entry.rest ? undefined : namedRole(entry.title);
    if (entry.children.length > 0 && !entry.rest && (named === 'goals' || named === 'items')) {
      this.mark(entry, named === 'goals' ? 'goals-section' : 'items-section', `named ${entry.title}`);
      return this.readChildren(entry, { ...ctx, mode: named, section: false });
    }
    if (named === 'negated') return this.mark(entry, 'left-out', `named ${entry.title}`);
    if (isRationale(entry)) return;
    // `* Operator` over only a note (`*No roadmap items yet.*`): an area with nothing in it.
    const subEntries = entry.children.filter((c) => c.kind === 'entry');
    if (subEntries.length > 0 && !entry.rest && subEntries.every(isNote) && entry.title.split(/\s+/).length <= 4) return this.mark(entry, 'group', 'holds only notes');
    const markedGoal = label?.role === 'goal' || GOAL_ID.test(this.b.ctx.syntax.leadingId(entry.title)?.id ?? '');
    // In a goals doc whose goals are marked (`Objective:`, `O1.`), unmarked entries are not goals.
    if (ctx.mode === 'goals' && this.goalsMarked && !markedGoal) {
      if (entry.children.length > 0) this.readChildren(entry, { ...ctx, groups: [...ctx.groups, entry] });
      return;
    }
    // In items mode, a short entry over its deliverables names their area; in goals mode an entry with
    // entries under it is a goal, and they are its work (readInside).
    if (ctx.mode === 'items' && isEntryGroup(entry, this.b.ctx.syntax) && !markedGoal) {
      this.mark(entry, 'group', 'names the entries below it');
      this.readChildren(entry, { ...ctx, groups: [...ctx.groups, entry] });
      return;
    }
    const kind: NodeKind = markedGoal || ctx.mode === 'goals' || this.announcingGoals.has(entry) ? 'goal' : 'roadmap-item';
    const item = this.entryThing(entry, ctx, kind);
    this.readInside(entry, item, ctx);
  }

  private readRow(row: OutlineNode, ctx: Ctx): void {
    if (ctx.mode === 'none') return;
    const table = readTable(row.row!.table, this.b.ctx.syntax);
    const first = row.row!.table.rows[0] === row;
    if (table.shape !== 'things') {
      if (first) this.mark(row, table.shape === 'metadata' ? 'metadata' : table.shape === 'legend' ? 'legend' : 'schedule', shapeWhy(table.shape));
      return;
    }
    // In a prose section only a table headed like a list of things, or with a trace column, is read.
    if (ctx.section && table.traceColumns.length === 0 && !/^(?:items?|features?|initiatives?|epics?|deliverables?|goals?|objectives?|okrs?)$/i.test(row.row!.table.header[table.titleColumn] ?? '')) return;
    const title = row.row!.cells[table.titleColumn] ?? '';
    if (!title.trim() || isTemplateDirective(title) || /^\s*[↳└├]?\s*(?:tbd|tba|todo|\?+|…|\.\.\.)\s*$/i.test(title)) return;
    // Child rows (`↳ Sub-item`, `└ …`) belong to the row above them (docs/format.md §8): in a roadmap
    // the parent row is a goal and its children the work that serves it; under an item they are details.
    const rows = row.row!.table.rows;
    const i = rows.indexOf(row);
    const isChild = (r: OutlineNode | undefined) => !!r && CHILD_ROW.test(r.row!.cells[table.titleColumn] ?? '');
    if (isChild(row)) {
      let parent = i - 1;
      while (parent >= 0 && isChild(rows[parent])) parent--;
      const goal = parent >= 0 ? this.rowGoals.get(rows[parent]!) : undefined;
      if (goal) this.rowThing(row, { ...ctx, parent: goal }, 'roadmap-item', table.titleColumn, table.traceColumns);
      return;
    }
    const parentOfChildren = ctx.mode === 'items' && isChild(rows[i + 1]);
    const item = this.rowThing(row, ctx, ctx.mode === 'goals' || parentOfChildren ? 'goal' : 'roadmap-item', table.titleColumn, table.traceColumns);
    if (parentOfChildren) this.rowGoals.set(row, item);
  }

  /** Table rows read as goals because child rows (`↳`) follow them. */
  private readonly rowGoals = new Map<OutlineNode, Item>();

  // ---------------------------------------------------------------------------------------------
  // Heading roles

  private headingRole(h: OutlineNode, ctx: Ctx): HeadingRole {
    const title = h.title;
    // The writer's own word (`<!-- throughline-read-as: group -->`) wins over every inference.
    switch (h.directive) {
      case 'group':
        return { kind: 'group', why: 'marked as a group' };
      case 'item':
        return { kind: 'thing', kind2: 'roadmap-item' };
      case 'goal':
        return { kind: 'thing', kind2: 'goal' };
      case 'section':
        return { kind: 'section', why: 'marked as a section' };
      case 'ignore':
        return { kind: 'left-out', why: 'marked to ignore' };
    }
    if (this.explicitLevel !== undefined) return this.roleByLevel(h, ctx);
    const label = leadingLabel(title);
    if (label?.role === 'negated') return { kind: 'left-out', why: `labelled ${label.label}` };
    const named = namedRole(title);
    if (named === 'negated') return { kind: 'left-out', why: `named ${title}` };
    if (named === 'vision' && !label) return { kind: 'vision' };
    if (label?.role === 'vision') return { kind: 'vision' };
    // Inside a section only a heading naming goals or items opens things again.
    if (ctx.section && named !== 'goals' && named !== 'items') return { kind: 'section', why: 'inside a section' };
    if (label?.role === 'goal' || (this.isIdLed(h) && ctx.mode === 'goals')) return { kind: 'thing', kind2: 'goal' };
    if (label?.role === 'item') return { kind: 'thing', kind2: 'roadmap-item' };
    if (label?.role === 'key-result' || KEY_RESULT_ID.test(this.b.ctx.syntax.leadingId(title)?.id ?? '')) return { kind: 'details' };
    if (named === 'goals') return { kind: 'container', mode: 'goals', why: `named ${title}` };
    if (named === 'items') return { kind: 'container', mode: 'items', why: `named ${title}` };
    if (named === 'group' || label?.role === 'group') return { kind: 'group', why: 'horizon, release or status' };
    if (named === 'section' || this.b.ctx.syntax.isNonItemHeading(title)) return { kind: 'section', why: `named ${title}` };
    // `**Goal**: Achieve sub-second cold starts.` states this section's own goal; it names no other.
    if (ctx.mode === 'items' && this.statesOwnGoal(h)) return { kind: 'thing', kind2: 'goal' };
    if (ctx.mode === 'none' || ctx.section) return { kind: 'section', why: ctx.section ? 'inside a section' : 'not a goals or roadmap section' };
    // A heading a summary entry announced (and described) is that entry's section: what it holds serves the entry.
    const announcer = this.announcedBy.get(h);
    const announced = announcer ? this.thingOf.get(announcer) : undefined;
    if (announced) return { kind: 'group', why: `the section of “${announced.title}”` };
    if (this.announcedGoals.has(h)) return { kind: 'thing', kind2: 'goal' };
    return this.roleByContent(h, ctx);
  }

  /** Front matter `itemLevel`: headings at that level are things, shallower ones groups, deeper ones details. */
  private roleByLevel(h: OutlineNode, ctx: Ctx): HeadingRole {
    const level = this.explicitLevel!;
    if (this.b.ctx.syntax.isNonItemHeading(h.title) || namedRole(h.title) === 'negated') return { kind: 'section', why: `named ${h.title}` };
    if (h.depth === level) return { kind: 'thing', kind2: ctx.mode === 'goals' ? 'goal' : 'roadmap-item' };
    if (h.depth < level) return { kind: 'group', why: `above itemLevel ${level}` };
    return { kind: 'details' };
  }

  /** A heading no name decides: a group when its section holds things, else one thing (docs/format.md §8). */
  private roleByContent(h: OutlineNode, ctx: Ctx): HeadingRole {
    const thing: HeadingRole = { kind: 'thing', kind2: ctx.mode === 'goals' ? 'goal' : 'roadmap-item' };
    if (this.isIdLed(h) && ctx.mode === 'goals') return thing;
    const subs = h.children.filter((c) => c.kind === 'heading' && !isDetailHeading(c, h, this.b.ctx.syntax));
    if (ctx.mode === 'goals') {
      if (hasMarkedGoals(h, this.b.ctx.syntax)) return { kind: 'group', why: 'holds goals' };
      // In a goals doc, headings under a heading are its goals; in a roadmap's goals section, its items.
      if (subs.length > 0 && this.docKind === 'goals') return { kind: 'group', why: 'holds goal headings' };
      if (subs.length === 0 && h.children.length === 0 && !ownProse(h) && this.siblingsAreGroups(h)) return { kind: 'group', why: 'an empty area like its siblings' };
      return thing;
    }
    if (subs.length > 0) return { kind: 'group', why: 'holds headings' };
    // Numbered headings over lists of work (`## (#1) Inclusive`, `# 1. Diagnosing causes`) are the
    // roadmap's numbered themes: goals, which the work under them serves.
    if (isNumbered(h.title) && holdsListOfThings(h, this.b.ctx.syntax)) return { kind: 'thing', kind2: 'goal' };
    // `Status: In progress`, `Tracked by #123`, `Value proposition: …` describe one thing: its lists are details.
    if (hasFieldLines(h)) return thing;
    if (holdsListOfThings(h, this.b.ctx.syntax)) return { kind: 'group', why: 'holds a list of things' };
    // Only a list, nothing written about the heading itself: at the level of horizons (`## Team A`
    // over `- Dark mode`) it names its list; deeper (`### Offline mode` over `- sync`) it is an item.
    if (h.depth <= 2 && !ownProse(h) && h.children.some((c) => c.kind === 'entry' && !isFieldEntry(c, this.b.ctx.syntax))) return { kind: 'group', why: 'names the list below it' };
    if (h.children.length === 0 && !ownProse(h) && this.siblingsAreGroups(h)) return { kind: 'group', why: 'an empty group like its siblings' };
    return thing;
  }

  private statesOwnGoal(h: OutlineNode): boolean {
    return this.goalStatements(h).length > 0;
  }

  /**
   * `Goal: <sentence>` paragraphs whose value is a sentence rather than a reference: the first line of
   * each value (what the field scanner reads as a reference), for filtering.
   */
  private goalStatements(h: OutlineNode): string[] {
    const out: string[] = [];
    for (const b of h.blocks) {
      if (b.type !== 'paragraph') continue;
      const text = plainText(b).trim();
      const field = this.b.ctx.syntax.fieldAtStart(text);
      if (!field || field.layer !== 'goal') continue;
      // The value runs on until a line that starts another field (`Target: …`).
      const lines = text.slice(field.valueStart).split(/\r?\n/);
      const end = lines.findIndex((l, i) => i > 0 && /^\s*(?:\*\*|__)?[\p{L}][\p{L} ]{0,20}(?:\*\*|__)?\s*:/u.test(l));
      const value = (end > 0 ? lines.slice(0, end) : lines).join(' ').replace(/\s+/g, ' ').trim();
      if (isStatement(value)) out.push(lines[0]!.trim());
    }
    return out;
  }

  private isIdLed(h: OutlineNode): boolean {
    return this.b.ctx.syntax.leadingId(h.title) !== undefined || /^\s*\(#?\d+\)\s/.test(h.title);
  }

  private siblingsAreGroups(h: OutlineNode): boolean {
    const syntax = this.b.ctx.syntax;
    const siblings = (h.parent?.children ?? []).filter((c) => c.kind === 'heading' && c !== h && c.depth === h.depth);
    return siblings.some((s) => hasMarkedGoals(s, syntax) || holdsListOfThings(s, syntax) || s.children.some((c) => c.kind === 'heading' && !isDetailHeading(c, s, syntax)));
  }

  /**
   * Goals whose own words say they serve the mission or vision (`in alignment with our mission`), or a
   * doc that says its priorities carry out the mission, trace to that section of the doc (docs/format.md §8).
   */
  private traceGoalsToMission(root: OutlineNode): void {
    const sections = this.b.info.items.filter((i) => i.kind === 'vision-section');
    if (sections.length === 0) return;
    const target = (word: string) => sections.find((v) => new RegExp(`\\b${word}\\b`, 'i').test(v.title)) ?? sections[0]!;
    const docWide = /\b(?:roadmap|priorities|goals|themes|deliverables|objectives)\b/i.test(this.docText(root)) ? missionSentence(this.docText(root), true) : undefined;
    for (const goal of this.b.info.items) {
      if (goal.kind !== 'goal') continue;
      // A goal reused from the previous version already holds the reference made then: made afresh.
      if (goal.references.some((r) => missionReferences.has(r))) goal.references = goal.references.filter((r) => !missionReferences.has(r));
      if (goal.references.some((r) => r.explicit) || goal.noTrace.length > 0) continue;
      const own = missionSentence(`${goal.title}\n${goal.excerpt}`, false) ?? docWide;
      if (!own) continue;
      const to = target(own);
      const ref: Reference = { text: to.title, range: { start: { ...goal.range.start }, end: { ...goal.range.start } }, via: 'prose', link: `#${this.b.internalAnchor(to)}`, explicit: false, inferred: true };
      missionReferences.add(ref);
      goal.references = [...goal.references, ref];
    }
  }

  /** The doc's prose outside goals and items: its intro and its sections' own paragraphs. */
  private docText(root: OutlineNode): string {
    const parts: string[] = [];
    const visit = (n: OutlineNode) => {
      if (n.kind === 'heading' || n.kind === 'root') {
        parts.push(ownProseText(n));
        n.children.forEach(visit);
      }
    };
    visit(root);
    return parts.join('\n');
  }

  // ---------------------------------------------------------------------------------------------
  // Summaries: a list that names the headings after it ("three things: A, B, C", then `# A`, `# B`, `# C`)

  private findSummaries(root: OutlineNode): void {
    const headingsByTitle = new Map<string, OutlineNode[]>();
    const visit = (n: OutlineNode) => {
      if (n.kind === 'heading') {
        const key = summaryKey(leadingLabel(n.title)?.title ?? n.title);
        if (key) headingsByTitle.set(key, [...(headingsByTitle.get(key) ?? []), n]);
      }
      n.children.forEach(visit);
    };
    visit(root);
    const lists = new Set<OutlineNode[]>();
    const collect = (n: OutlineNode) => {
      // A table of contents names the headings too, but only to link to them: it announces nothing.
      const entries = n.children.filter((c) => c.kind === 'lead' || (c.kind === 'entry' && listShape(c.list!, this.b.ctx.syntax) === 'things'));
      if (entries.length >= 2) lists.add(entries);
      n.children.forEach(collect);
    };
    collect(root);
    for (const entries of lists) {
      const matched = entries.map((e) => (headingsByTitle.get(summaryKey(e.title)) ?? []).find((h) => h.start > e.start));
      const count = matched.filter(Boolean).length;
      if (count < 2 || count < entries.length * 0.6) continue;
      // The entries left over name the remaining sibling headings in the same order, in other words.
      const first = matched.find(Boolean)!;
      const siblings = (first.parent?.children ?? []).filter((c) => c.kind === 'heading' && c.depth === first.depth);
      const unclaimed = siblings.filter((h) => !matched.includes(h) && h.start > entries[0]!.start);
      entries.forEach((_e, i) => {
        if (!matched[i] && unclaimed.length > 0 && entries.length === siblings.filter((h) => h.start > entries[0]!.start).length) matched[i] = unclaimed.shift();
      });
      const announced = matched.filter((h): h is OutlineNode => h !== undefined);
      // Announced sections that list work are the goals that work serves (`# 1. Diagnosing causes`).
      if (announced.some((h) => holdsListOfThings(h, this.b.ctx.syntax))) {
        for (const h of announced) this.announcedGoals.add(h);
      }
      const holdsWork = announced.reduce((n, h) => n + thingsIn(h, this.b.ctx.syntax), 0) >= 2;
      entries.forEach((e, i) => {
        const h = matched[i];
        if (!h) return;
        // Where the thing is described: the entry when it says more than its title and the heading
        // only holds the work below it, else the heading.
        if (e.rest && e.rest.length > 40 && !ownProse(h)) {
          this.announcedBy.set(h, e);
          if (holdsWork) this.announcingGoals.add(e);
        } else this.summaries.add(e);
      });
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Vision sections

  private visionSections(h: OutlineNode): void {
    const facts: ContentFacts = { references: [], noTrace: [], hasMetric: false, subIds: [], excerpt: excerptOf(ownProseText(h)) };
    this.b.addHeadingItem('vision-section', h.heading!, facts, this.b.sectionNodes(h.heading!));
    for (const c of h.children) if (c.kind === 'heading' && namedRole(c.title) !== 'negated') this.visionSections(c);
  }

  // ---------------------------------------------------------------------------------------------
  // Making things

  private makeHeadingThing(h: OutlineNode, ctx: Ctx, kind: NodeKind): Item {
    const section = this.b.sectionNodes(h.heading!);
    const scanner = new ContentScanner(this.b.ctx, kind === 'goal' ? VISION_LAYERS : GOAL_LAYERS);
    scanner.scanTitleLine(h.heading!.span[0], h.heading!.span[1]);
    // A goal's own content is its text and key results, not the items nested in it.
    scanner.scanNodes(kind === 'goal' && this.docKind !== 'goals' ? ownBlocks(h, section) : section);
    let facts = this.withMetric(scanner.finish(section), h, kind);
    // A goal named like a pillar of the vision (`(#1) Inclusive and community-driven` and the principle
    // `1. Inclusive and community-driven`) serves that pillar: a reference by title, kept only if it resolves.
    if (kind === 'goal' && !facts.references.some((r) => r.explicit) && facts.noTrace.length === 0 && this.docKind !== 'goals' && isNumbered(h.title)) {
      const at = this.b.ctx.lines.position(h.titleSpan[0]);
      facts = { ...facts, references: [...facts.references, { text: h.title.replace(/^\s*(?:\(#?\d+\)|#?\d+[.)])\s+/, ''), range: { start: at, end: { ...at } }, via: 'prose', explicit: false, inferred: true }] };
    }
    // A goal stating itself in a `Goal:` line: that line is its statement, not a reference.
    if (kind === 'goal') {
      const statements = new Set(this.goalStatements(h).map((t) => foldTitle(t)));
      facts = { ...facts, references: facts.references.filter((r) => !(r.via === 'field' && (statements.has(foldTitle(r.whole?.text ?? r.text)) || statements.has(foldTitle(r.text))))) };
    }
    const label = leadingLabel(h.title);
    const item = this.b.addHeadingItem(kind, h.heading!, this.inferTraces(facts, ctx, h), section, label && !label.numbered ? label.title : undefined, label?.numbered);
    return item;
  }

  private headingThing(h: OutlineNode, ctx: Ctx, kind: NodeKind): Item {
    const section = this.b.sectionNodes(h.heading!);
    const last = section[section.length - 1];
    const deps = section.flatMap((n): object[] => (n.type === 'list' ? n.children : [n]));
    const item = this.cachedThing(h.heading!.node, deps, kind, ctx, h.start, last ? endOf(last) : h.end, () => this.makeHeadingThing(h, ctx, kind));
    // Headings inside a goal address the goal too (`goals.md#kr-12-…`), unless they are things of their own.
    if (kind === 'goal' && this.docKind === 'goals') this.b.addSubAnchors(item, h.heading!);
    this.thingOf.set(h, item);
    return item;
  }

  private entryThing(entry: OutlineNode, ctx: Ctx, kind: NodeKind): Item {
    const node = entry.listItem ?? entry.paragraph!;
    const item = this.cachedThing(node, [], kind, ctx, entry.start, entry.end, () => this.makeEntryThing(entry, ctx, kind));
    this.thingOf.set(entry, item);
    return item;
  }

  private rowThing(row: OutlineNode, ctx: Ctx, kind: NodeKind, titleColumn: number, traceColumns: number[]): Item {
    return this.cachedThing(row.row!.node, [row.row!.table.node], kind, ctx, row.start, row.end, () => this.makeRowThing(row, ctx, kind, titleColumn, traceColumns));
  }

  /**
   * A thing read from `node` (and `deps`, by identity), reused from the previous version when neither
   * they nor its context changed, moved to its new lines; else made afresh and kept for the next one.
   */
  private cachedThing(node: object, deps: readonly object[], kind: NodeKind, ctx: Ctx, start: number, end: number, make: () => Item): Item {
    const cache = this.b.input.cache;
    const parent = ctx.parent ?? this.announcedParent(ctx);
    const named = parent ? undefined : this.goalNamedBy(ctx);
    if (!cache) {
      const item = make();
      this.place(item, ctx);
      return item;
    }
    const at = this.b.ctx.lines.position(start);
    const lineSpan = this.b.ctx.lines.position(end).line - at.line;
    const key = [
      kind,
      parent ? this.b.internalAnchor(parent) : '',
      named ? this.b.internalAnchor(named) : '',
      inheritedKey(ctx.inherited),
      this.legendKey,
      groupsKey(ctx.groups),
      this.announcingGoals.size,
    ].join('\u0001');
    let item = cache.take(node, key, at, lineSpan, deps);
    if (item) this.b.adoptItem(item);
    else {
      item = make();
      cache.put(node, key, item, at, lineSpan, deps, isInheritedCopy(item, ctx.inherited));
    }
    this.place(item, ctx);
    return item;
  }

  private makeEntryThing(entry: OutlineNode, ctx: Ctx, kind: NodeKind): Item {
    const scanner = new ContentScanner(this.b.ctx, kind === 'goal' ? VISION_LAYERS : GOAL_LAYERS);
    const nodes = (entry.listItem ? entry.listItem.children : entry.blocks) as RootContent[];
    if (entry.listItem) scanner.scanListItem(entry.listItem);
    else scanner.scanNodes(entry.blocks);
    const facts = this.withMetric(scanner.finish(nodes), entry, kind);
    const span = entry.titleSpan;
    const label = leadingLabel(entry.title);
    const syntax = this.b.ctx.syntax;
    // `Objective: Grow` is titled `Grow`; `Phase 1: Platform` keeps its label.
    const stripLabel = label && !entry.hasLead && (label.role === 'goal' || label.role === 'item');
    const reparsed = syntax.titleAndId(stripLabel ? label.title : entry.title);
    const parsed = { ...reparsed, id: entry.id ?? reparsed.id, attributeId: entry.attributeId ?? reparsed.attributeId };
    const title = stripDecorations(parsed.title);
    const lineEnd = span[1];
    const item = this.b.makeItem({
      kind,
      layout: 'list',
      key: '',
      id: parsed.id ?? (stripLabel ? label.numbered : undefined) ?? null,
      title,
      range: this.b.ctx.lines.range(span[0], span[1]),
      idSearch: span,
      contentStart: entry.start,
      contentEnd: entry.end,
      facts: this.inferTraces({ ...facts, excerpt: excerptOf(entry.rest ?? '') || facts.excerpt, ...withShortId(facts.subIds, parsed.id ? undefined : stripLabel ? label.numbered : undefined) }, ctx, entry),
      anchors: parsed.attributeId ? [parsed.attributeId.toLowerCase()] : [],
      insertion: { mode: 'suffix', at: this.b.ctx.lines.position(lineEnd) },
    });
    return item;
  }

  private makeRowThing(row: OutlineNode, ctx: Ctx, kind: NodeKind, titleColumn: number, traceColumns: number[]): Item {
    const info = row.row!;
    const titleCell = info.node.children[titleColumn];
    const titleSpan = titleCell ? contentSpanOf(titleCell) : undefined;
    const scanner = new ContentScanner(this.b.ctx, kind === 'goal' ? VISION_LAYERS : GOAL_LAYERS);
    if (titleSpan) scanner.scanTitleLine(titleSpan[0], titleSpan[1]);
    for (const column of traceColumns) {
      const cell = info.node.children[column];
      if (!cell) continue;
      const span = contentSpanOf(cell);
      if (span) scanner.addValue(span[0], span[1], 'column');
      else scanner.addExplicit([], [{ text: '', range: this.b.ctx.lines.range(...emptyCell(this.ctxText, cell)) }]);
    }
    const cells = info.node.children as unknown as RootContent[];
    const facts = this.withMetric(scanner.finish(cells), row, kind);
    const parsed = this.b.ctx.syntax.titleAndId(titleCell ? plainText(titleCell) : '');
    const others = info.node.children.filter((_c, i) => i !== titleColumn && !traceColumns.includes(i));
    const traceCell = traceColumns.length ? info.node.children[traceColumns[0]!] : undefined;
    const item = this.b.makeItem({
      kind,
      layout: 'table',
      key: '',
      id: parsed.id,
      title: stripDecorations(parsed.title),
      range: titleSpan ? this.b.ctx.lines.range(titleSpan[0], titleSpan[1]) : this.b.ctx.lines.range(row.start, row.end),
      ...(titleSpan ? { idSearch: titleSpan } : {}),
      contentStart: row.start,
      contentEnd: row.end,
      facts: this.inferTraces({ ...facts, excerpt: excerptOf(others.map((c) => plainText(c)).join(' · ')) }, ctx, row),
      anchors: parsed.attributeId ? [parsed.attributeId.toLowerCase()] : [],
      insertion: traceCell
        ? { mode: 'cell', at: this.b.ctx.lines.range(...(contentSpanOf(traceCell) ?? emptyCell(this.ctxText, traceCell))), empty: !contentSpanOf(traceCell) }
        : titleSpan
          ? { mode: 'suffix', at: this.b.ctx.lines.position(titleSpan[1]) }
          : { mode: 'none' },
    });
    item.row = { columns: info.node.children.length, titleColumn, traceColumn: traceColumns[0] ?? -1 };
    return item;
  }

  /** A goal states a measurable target in a metric line or key result, or a quantity in its own words. */
  private withMetric(facts: ContentFacts, node: OutlineNode, kind: NodeKind): ContentFacts {
    if (kind !== 'goal' || facts.hasMetric) return facts;
    const text = [node.title, node.rest ?? '', ownProseText(node), ...node.children.filter((c) => c.kind === 'entry' || c.kind === 'label').map((c) => plainOfDeep(c))].join('\n');
    const quantity = hasQuantity(text);
    return quantity ? { ...facts, hasMetric: true, metric: quantity } : facts;
  }

  /**
   * The traces of a thing that states none itself (docs/format.md §8): its group's or the document's
   * fields, else the goal or pillar it is nested in.
   */
  private inferTraces(facts: ContentFacts, ctx: Ctx, node: OutlineNode): ContentFacts {
    // Fields and front matter state the trace; links in prose count only if they reach a goal, so the
    // inferred trace stays beside them and linking keeps whichever resolves first (link.ts).
    if (facts.references.some((r) => r.explicit) || facts.noTrace.length > 0) return facts;
    if ((ctx.inherited.references.length > 0 || ctx.inherited.noTrace.length > 0) && facts.references.length === 0) return this.b.inherit(facts, ctx.inherited);
    facts = { ...facts, references: [...facts.references, ...this.writtenNames(node)] };
    const parent = ctx.parent ?? this.announcedParent(ctx);
    if (parent) return { ...facts, references: [...facts.references, this.nestingReference(parent, node, 'nesting')] };
    // Under a group headed with a goal's exact title (`### Core technology` under Deliverables, the
    // same words as the focus area above): the group is that goal's work.
    const named = this.goalNamedBy(ctx);
    if (named) return { ...facts, references: [...facts.references, this.nestingReference(named, node, 'prose')] };
    return facts;
  }

  /** Legend tokens, a named parenthetical or suffix, and prose naming a goal, in what the thing says. */
  private writtenNames(node: OutlineNode): Reference[] {
    const out: Reference[] = [];
    const lines = this.b.ctx.lines;
    const [start, end] = node.titleSpan;
    const line = this.ctxText.slice(start, end);
    const own = legendPair(node.title);
    for (const m of line.matchAll(/[\p{Extended_Pictographic}][\uFE0F\u200D\p{Extended_Pictographic}]*/gu)) {
      const token = m[0].replace(/\uFE0F/g, '');
      const name = this.legend.get(token);
      if (name && !(own && own.token === token && foldTitle(own.name) === foldTitle(name))) out.push(nameReference(lines, name, start + m.index, start + m.index + m[0].length, 'legend', true));
    }
    const suffix = node.kind === 'row' ? undefined : namedSuffix(line.replace(/\s*\{#[^}]*\}\s*$/, ''));
    if (suffix) out.push(nameReference(lines, suffix.text, start + suffix.start, start + suffix.end, 'parenthetical', true));
    // Prose as written (emphasis marks the name): the thing's own text, not its children's.
    const firstChild = node.children[0];
    const text = this.ctxText.slice(node.start, firstChild ? firstChild.start : node.end);
    for (const name of proseNames(text)) out.push({ ...nameReference(lines, name, start, start, 'prose', false) });
    return out;
  }

  private goalNamedBy(ctx: Ctx): Item | undefined {
    if (ctx.groups.length === 0) return undefined;
    if (this.goalsByTitle.size !== this.goalsCounted || this.itemsCounted !== this.b.info.items.length) {
      for (let i = this.itemsCounted; i < this.b.info.items.length; i++) {
        const it = this.b.info.items[i]!;
        if (it.kind === 'goal' && !this.goalsByTitle.has(summaryKey(it.title))) this.goalsByTitle.set(summaryKey(it.title), it);
      }
      this.itemsCounted = this.b.info.items.length;
      this.goalsCounted = this.goalsByTitle.size;
    }
    for (let i = ctx.groups.length - 1; i >= 0; i--) {
      const goal = this.goalsByTitle.get(summaryKey(ctx.groups[i]!.title));
      if (goal) return goal;
    }
    return undefined;
  }

  /** Goals read so far, by title, for groups headed with a goal's title. */
  private readonly goalsByTitle = new Map<string, Item>();
  private itemsCounted = 0;
  private goalsCounted = 0;

  /** Things in a group that a summary entry announced trace to that entry's goal. */
  private announcedParent(ctx: Ctx): Item | undefined {
    for (let i = ctx.groups.length - 1; i >= 0; i--) {
      const announcer = this.announcedBy.get(ctx.groups[i]!);
      const thing = announcer ? this.thingOf.get(announcer) : undefined;
      if (thing) return thing;
    }
    return undefined;
  }

  private nestingReference(parent: Item, node: OutlineNode, via: TraceVia): Reference {
    const anchor = this.b.internalAnchor(parent);
    const at = this.b.ctx.lines.position(node.titleSpan[0]);
    return { text: parent.title, range: { start: at, end: { ...at } }, via, link: `#${anchor}`, explicit: false, inferred: true };
  }

  private place(item: Item, ctx: Ctx): void {
    const group = ctx.groups[ctx.groups.length - 1];
    if (group) item.group = group.title;
    for (let i = ctx.groups.length - 1; i >= 0; i--) {
      if (horizonBucket(ctx.groups[i]!.title)) {
        item.horizon = ctx.groups[i]!.title;
        break;
      }
    }
  }

  private inheritedFor(h: OutlineNode, ctx: Ctx): Inherited {
    if (!h.heading) return ctx.inherited;
    const own = this.groupTraces.of(h.heading);
    return own.references.length > 0 || own.noTrace.length > 0 ? own : ctx.inherited;
  }

  private mark(node: OutlineNode, role: ReadingMark['role'], why: string): void {
    this.marks.push({ range: this.b.ctx.lines.range(node.titleSpan[0], node.titleSpan[1]), role, why });
  }
}

type HeadingRole =
  | { kind: 'left-out'; why: string }
  | { kind: 'vision' }
  | { kind: 'container'; mode: 'goals' | 'items'; why: string }
  | { kind: 'section'; why: string }
  | { kind: 'group'; why: string }
  | { kind: 'thing'; kind2: NodeKind }
  | { kind: 'details' };

// -------------------------------------------------------------------------------------------------
// Small readings of outline nodes

/** A heading with an intro and nothing else: no sub-headings, no list, no table. */
function isIntroOnly(h: OutlineNode): boolean {
  return h.children.length === 0;
}

/** Sub-headings that describe their parent rather than stand beside it: Key results, Metrics, repeated templates. */
function isDetailHeading(sub: OutlineNode, parent: OutlineNode, syntax: Syntax): boolean {
  // `##### OKR: Grow retention` under an item is its trace field.
  if (syntax.fieldAtStart(sub.title)) return true;
  const role = namedRole(sub.title);
  if (role === 'section' || role === 'negated') return true;
  if (/^(?:key results?|krs?|metrics?|measures?|targets?|success (?:metrics|criteria)|related work|deep dives?|project agreement|details?|description|why|how|what|status|requirements|scope|tasks?|owners?|notes?)$/i.test(foldTitle(sub.title))) return true;
  // The same sub-heading under each sibling (`Deep Dives`, `Related work` under every priority) is a
  // template's field; the same horizon under each area (`Short term` under every component) is a group.
  if (role === 'group') return false;
  // `### Leads:`, `### Notes: NA`: a heading written as a field label is one of its parent's fields.
  if (/[:：]\s*$/.test(sub.title) || /^[^:]{1,40}:\s*(?:`[^`]*`|n\/?a|tbd|none|-)\s*$/i.test(sub.title)) return true;
  const siblings = (parent.parent?.children ?? []).filter((c) => c.kind === 'heading' && c !== parent && c.depth === parent.depth);
  const key = fieldName(sub.title);
  return siblings.filter((s) => s.children.some((c) => c.kind === 'heading' && fieldName(c.title) === key)).length >= 1;
}

/** A heading whose section is mostly a list (or table) of two or more things, with at most a short intro. */
function holdsListOfThings(h: OutlineNode, syntax: Syntax): boolean {
  const entries = h.children.filter((c) => (c.kind === 'entry' && !isFieldEntry(c, syntax) && listShape(c.list!, syntax) === 'things') || c.kind === 'lead');
  const rows = h.children.filter((c) => c.kind === 'row' && readTable(c.row!.table, syntax).shape === 'things');
  const labels = h.children.filter((c) => c.kind === 'label' && c.children.length > 0);
  const count = entries.length + rows.length + labels.reduce((n, l) => n + l.children.length, 0);
  if (count < 2) return false;
  const firstThing = Math.min(...[...entries, ...rows, ...labels].map((c) => c.start));
  const prose = h.blocks.filter((b) => b.type === 'paragraph' || b.type === 'blockquote' || b.type === 'code');
  const before = prose.filter((b) => endOf(b) <= firstThing);
  const after = prose.filter((b) => startOf(b) > firstThing);
  // docs/format.md §8: entries that each have a title of their own (a bold lead, a link, a checkbox, an
  // ID, `Title: what it is`) make the heading a group; plain sentences under it describe it.
  const listed = [...entries, ...labels.flatMap((l) => l.children)];
  if (listed.filter(isTitledEntry).length * 2 >= listed.length && listed.length > 0) return after.length <= 2;
  // Rows of a table, or lists under their own labels (`**Architecture improvements**`), are titled too;
  // a short note after the list (`*Benefits: …*`) still leaves the section a list of things.
  // A sentence that ends in a colon (`The following features have to be contributed:`) is prose
  // unless it says what the list is (`The following are our goals:`).
  const named = labels.filter((l) => !l.sentence || l.names);
  if (rows.length + named.length > 0) return before.length <= 3 && (after.length === 0 || (after.length === 1 && named.length > 0));
  // Plain entries with at most a one-line intro: the heading names the list. Under a paragraph that
  // explains the heading, they describe it.
  // An all-italic or all-bold line (`*Benefits: …*`, a tagline) is a note on the section, not an explanation.
  const sentences = labels.filter((l) => l.sentence && !l.names).map((l) => l.paragraph!);
  const explaining = [...before, ...sentences].filter((b) => !(b.type === 'paragraph' && isAllEmphasis(b)));
  return after.length === 0 && explaining.length <= 1 && explaining.every((b) => plainText(b).length <= 200);
}

function isAllEmphasis(paragraph: import('mdast').Paragraph): boolean {
  const kids = paragraph.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  return kids.length === 1 && (kids[0]!.type === 'emphasis' || kids[0]!.type === 'strong');
}

/** A sub-heading's name as a template field: `Notes: \`NA\`` and `Notes:` are the same field. */
function fieldName(title: string): string {
  const colon = title.search(/[:：]/);
  return foldTitle(colon > 0 && title.slice(0, colon).split(/\s+/).length <= 5 ? title.slice(0, colon) : title);
}

/** An entry with a title of its own: a bold lead, a leading link, a checkbox, an ID, or `Title: what it is`. */
function isTitledEntry(e: OutlineNode): boolean {
  if (e.hasLead || e.checked !== undefined || e.id) return true;
  const first = e.listItem?.children[0];
  if (first?.type === 'paragraph' && (first.children[0]?.type === 'link' || first.children[0]?.type === 'linkReference')) return true;
  return e.kind === 'entry' && /^[\p{L}][^:]{1,40}:\s+\S/u.test(e.title) && e.title.split(':')[0]!.split(/\s+/).length <= 4;
}

/** How many things (list entries, table rows, labelled entries) a heading's own section lists. */
function thingsIn(h: OutlineNode, syntax: Syntax): number {
  const entries = h.children.filter((c) => (c.kind === 'entry' && !isFieldEntry(c, syntax) && listShape(c.list!, syntax) === 'things') || c.kind === 'lead');
  const rows = h.children.filter((c) => c.kind === 'row' && readTable(c.row!.table, syntax).shape === 'things');
  return entries.length + rows.length + h.children.filter((c) => c.kind === 'label').reduce((n, l) => n + l.children.length, 0);
}

/** Entries marked as goals (`Objective:`, `O1.`) directly in a heading's section. */
function hasMarkedGoals(h: OutlineNode, syntax: Syntax): boolean {
  const visit = (n: OutlineNode): boolean =>
    n.children.some((c) => (c.kind === 'entry' || c.kind === 'lead') && (leadingLabel(c.title)?.role === 'goal' || leadingLabel(plainOf(c))?.role === 'goal' || GOAL_ID.test(syntax.leadingId(c.title)?.id ?? '')) || (c.kind === 'label' && visit(c)));
  return visit(h);
}

function hasMarkedGoalEntries(root: OutlineNode): boolean {
  let found = false;
  const visit = (n: OutlineNode) => {
    if (found) return;
    if ((n.kind === 'entry' || n.kind === 'lead') && (leadingLabel(n.title)?.role === 'goal' || leadingLabel(plainOf(n))?.role === 'goal')) found = true;
    n.children.forEach(visit);
  };
  visit(root);
  return found;
}

/**
 * An entry that names an area whose sub-entries are the things (`* Catalog` over its deliverables):
 * short, saying nothing more, with entries below it. An entry ending in a colon (`… with regard to:`)
 * introduces its own details instead.
 */
function isEntryGroup(entry: OutlineNode, syntax: Syntax): boolean {
  const subs = entry.children.filter((c) => c.kind === 'entry' && !isFieldEntry(c, syntax) && !isRationale(c));
  if (subs.length === 0) return false;
  // `- [ ] Amazing examples` over its sub-tasks: a checkbox marks the entry itself as work to do.
  if (entry.checked !== undefined) return false;
  if (subs.every((s) => s.listItem && listShape(s.list!, syntax) !== 'things')) return false;
  const first = plainOf(entry);
  if (/[:：]\s*$/.test(first)) return false;
  const words = entry.title.split(/\s+/).filter(Boolean).length;
  if (entry.hasLead && entry.rest && entry.rest.length > 0) return false;
  // A single sub-entry with entries of its own is this entry's outline, not a list of things.
  if (subs.length === 1 && subs[0]!.children.length > 0) return false;
  return words <= 3 || (subs.length >= 2 && words <= 8);
}

const ITEM_FIELDS = /^(?:status|state|owners?|assignees?|(?:t-shirt )?size|estimate|effort|priority|eta|due|target(?: date)?|release|milestone|issues?|epic|tracking issue|value proposition|team|point of contact|champions?)$/i;

/** Paragraphs of `Label: value` lines that describe one thing (`Status: Complete`, `T-shirt size: Large`, `Tracked by #1`). */
function hasFieldLines(h: OutlineNode): boolean {
  return h.blocks.some((b) => {
    if (b.type !== 'paragraph') return false;
    const first = plainText(b).trim().split(/\r?\n/)[0]!;
    if (/^tracked (?:by|in)\b/i.test(first)) return true;
    const m = /^([\p{Lu}][\p{L}\p{N} /-]{0,24}):\s+(\S.*)$/u.exec(first);
    if (!m) return false;
    // Known item metadata, or any short label with a data-like value (`Owner: @bo`, `ETA: Q3`).
    return ITEM_FIELDS.test(m[1]!.trim()) || (m[2]!.split(/\s+/).length <= 4 && !/^(?:note|update|e\.g|example|tl;?dr|benefits?|why)$/i.test(m[1]!.trim()));
  });
}

/** A field value that is a sentence (`All relevant numbers are tracked and reported.`), not a reference. */
function isStatement(value: string): boolean {
  const words = value.split(/\s+/).filter(Boolean).length;
  return (/[.!]$/.test(value.trim()) && words >= 4) || words >= 10;
}

/** An entry written all in italics: a note (`*At the time this was authored, there were no items.*`). */
function isNote(entry: OutlineNode): boolean {
  const first = entry.listItem?.children[0];
  return first?.type === 'paragraph' && first.children.length === 1 && first.children[0]!.type === 'emphasis';
}

function isAllBold(paragraph: import('mdast').Paragraph): boolean {
  const kids = paragraph.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  return kids.length === 1 && kids[0]!.type === 'strong';
}

/** `Objective 1: …` is also `O1`: the short ID joins the item's other IDs. */
function withShortId(subIds: string[], numbered: string | undefined): { subIds?: string[] } {
  const short = shortLabelId(numbered);
  return short && !subIds.includes(short) ? { subIds: [...subIds, short] } : {};
}

/** A child row's title: `↳ Sub-item`, `└ …`, `├ …`, maybe indented with spaces. */
const CHILD_ROW = /^\s*[↳└├]/;

/** A cache key for the traces things inherit from their group: what they say and where. */
function inheritedKey(inherited: Inherited): string {
  let key = inheritedKeys.get(inherited);
  if (key === undefined) {
    const range = (r: { start: { line: number; character: number } }) => `${r.start.line}:${r.start.character}`;
    key = [...inherited.references.map((r) => `${r.text}@${range(r.range)}`), ...inherited.noTrace.map((m) => `!${m.text}@${range(m.range)}`)].join(',');
    inheritedKeys.set(inherited, key);
  }
  return key;
}

const inheritedKeys = new WeakMap<Inherited, string>();

/** The titles of the groups above, as a cache key; each list of groups is keyed once. */
function groupsKey(groups: OutlineNode[]): string {
  let key = groupKeys.get(groups);
  if (key === undefined) groupKeys.set(groups, (key = groups.map((g) => g.title).join('\u0002')));
  return key;
}

const groupKeys = new WeakMap<OutlineNode[], string>();

/** References to the mission a post-pass adds to goals (`traceGoalsToMission`), so it can make them afresh. */
const missionReferences = new WeakSet<Reference>();

/** Whether an item's traces are its group's (copied by `ItemBuilder.inherit`), which stay where the group wrote them. */
function isInheritedCopy(item: Item, inherited: Inherited): boolean {
  if (inherited.references.length + inherited.noTrace.length === 0) return false;
  const same = (a: { text: string; range: { start: Position } }, b: { text: string; range: { start: Position } }) => a.text === b.text && a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character;
  return item.references.length === inherited.references.length && item.noTrace.length === inherited.noTrace.length && item.references.every((r, i) => same(r, inherited.references[i]!)) && item.noTrace.every((m, i) => same(m, inherited.noTrace[i]!));
}

/** A heading numbered like a list (`1. Diagnosing causes`, `(#3) Support all features`). */
function isNumbered(title: string): boolean {
  return /^\s*(?:\(#?\d+\)|#?\d+[.)])\s+\S/.test(title);
}

/** An entry that gives a reason or a note (`Why? …`, `Because …`, `e.g. …`), not a thing. */
function isRationale(entry: OutlineNode): boolean {
  if (/^(?:why|because|rationale|reasons?|notes?|e\.?g|for example|context|see also|yes|no|maybe)\b/i.test(entry.title)) return true;
  if (isNote(entry)) return true;
  // A question (`Will I need to know Python?`) heads an answer; a one-word `How?` heads the work.
  return /\?\s*$/.test(entry.title) && (entry.children.length === 0 || entry.title.split(/\s+/).length >= 3);
}

function isValueList(label: OutlineNode): boolean {
  return label.children.every((c) => c.kind === 'entry' && c.children.length === 0 && c.title.split(/\s+/).length <= 8);
}

function ownProse(h: OutlineNode): boolean {
  return h.blocks.some((b) => b.type === 'paragraph' || b.type === 'blockquote' || b.type === 'code' || b.type === 'html' || b.type === 'table');
}

function ownProseText(n: OutlineNode): string {
  return n.blocks.filter((b) => b.type === 'paragraph' || b.type === 'blockquote').map((b) => plainText(b)).join('\n');
}

/** The first line of an entry as plain text (with its lead). */
function plainOf(n: OutlineNode): string {
  const first = n.listItem?.children[0] ?? n.paragraph;
  return first ? plainText(first).split(/\r?\n/)[0]!.trim() : n.title;
}

function plainOfDeep(n: OutlineNode): string {
  return [n.title, n.rest ?? '', ...n.children.map(plainOfDeep)].join(' ');
}

/** The blocks of a heading's section that are its own, not its sub-headings' or child things'. */
function ownBlocks(h: OutlineNode, section: RootContent[]): RootContent[] {
  const firstChild = h.children.find((c) => c.kind === 'heading' || c.kind === 'entry' || c.kind === 'row' || c.kind === 'label' || c.kind === 'lead');
  if (!firstChild) return section;
  return section.filter((n) => endOf(n) <= firstChild.start);
}

function summaryKey(title: string): string {
  return foldTitle(title.replace(/^\s*\(?#?\d+[.)]?\)?\s+/, ''));
}

/** Template markup standing in for rows or text (`(((ROADMAP ROWS: …)))`, `{{ … }}`): not a thing. */
function isTemplateDirective(title: string): boolean {
  return /^\s*(?:\(\(\(|\{\{|\{%|<%|\[\[)/.test(title);
}

/**
 * Whether a text says it serves the mission or vision (`in alignment with our mission`, `carry out
 * the project's mission`): the word it names, or undefined. A whole doc's prose must also name the
 * things that serve it (`strategic deliverables … carry out the project's mission`).
 */
function missionSentence(text: string, needsSubject: boolean): 'mission' | 'vision' | undefined {
  for (const sentence of text.split(/(?<=[.!?])\s+|\n/)) {
    const m = /\b(?:deliver(?:s|ing)?|achiev\w*|carr(?:y|ies) out|serv(?:e|es|ing)|fulfil\w*|realiz\w*|advanc\w*|in (?:alignment|line) with|aligned with|align(?:s)? with|towards?)\b[^.]{0,60}?\b(mission|vision)\b/i.exec(sentence);
    if (!m) continue;
    if (needsSubject && !/\b(?:roadmap|priorities|goals|themes|deliverables|objectives)\b/i.test(sentence)) continue;
    return m[1]!.toLowerCase() as 'mission' | 'vision';
  }
  return undefined;
}

/** A title as its writer wrote it, without status emoji or glued markers (docs/format.md §8). */
export function stripDecorations(title: string): string {
  return title
    .replace(/[\p{Extended_Pictographic}\uFE0F\u200D]+/gu, ' ')
    .replace(/\(\s*\)/g, ' ')
    .replace(/\s+([)\]])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[:;,]$/, '')
    .trim() || title;
}

function shapeWhy(shape: string): string {
  switch (shape) {
    case 'navigation':
      return 'links only';
    case 'metadata':
      return 'label: value pairs';
    case 'calendar':
      return 'dates';
    case 'legend':
      return 'defines symbols';
    case 'schedule':
      return 'dates or releases';
    case 'people':
      return 'people';
    default:
      return shape;
  }
}

function contentSpanOf(cell: { children: RootContent[] | unknown[] } & { position?: unknown }): [number, number] | undefined {
  const children = (cell as { children: RootContent[] }).children;
  const first = children[0];
  const last = children[children.length - 1];
  if (!first || !last) return undefined;
  return [startOf(first), endOf(last)];
}

function emptyCell(text: string, cell: { position?: { start: { offset?: number }; end: { offset?: number } } }): [number, number] {
  const start = startOf(cell);
  const raw = text.slice(start, endOf(cell));
  const open = raw.startsWith('|') ? 1 : 0;
  const close = raw.length > open && raw.endsWith('|') ? raw.length - 1 : raw.length;
  return [start + open, start + Math.max(open, close)];
}

export type { NamedRole };
