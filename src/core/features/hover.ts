import type { LinkedItem, LinkedModel, Resolution } from '../link';
import type { Issue, Item, Position, Range, Severity } from '../types';
import { locate } from './locate';
import type { TreeSource } from './tree';

export interface HoverContent {
  /** Markdown; every piece of document text in it is escaped. */
  markdown: string;
  range: Range;
}

const KIND_LABEL: Record<Item['kind'], string> = {
  vision: 'Vision',
  'vision-section': 'Vision',
  strategy: 'Strategy',
  goal: 'Goal',
  'roadmap-item': 'Roadmap item',
};

/**
 * Hover text: for a roadmap item its why-chain (item → goal → vision); for a goal its vision and the
 * items that trace to it; for a reference, what it resolves to or why it does not. Every gap it
 * mentions is a finding the rules reported (`source.issues`): a rule switched off, or a finding
 * suppressed, is not mentioned.
 */
export function hoverAt(source: TreeSource, uri: string, position: Position): HoverContent | undefined {
  const { model } = source;
  const found = locate(model, uri, position);
  if (!found) return undefined;
  const findings = new Findings(source);
  if (found.kind === 'reference') return { markdown: referenceHover(model, found.resolution, findings.at(found.linked.item.uri, found.resolution.ref.range)), range: found.resolution.ref.range };
  const { linked } = found;
  switch (linked.item.kind) {
    case 'roadmap-item':
      return { markdown: whyChain(model, linked, findings), range: linked.item.range };
    case 'goal':
      return { markdown: goalHover(model, linked, findings), range: linked.item.range };
    case 'vision':
    case 'vision-section':
      return { markdown: visionHover(model, linked), range: linked.item.range };
    default:
      return undefined;
  }
}

/** The findings on an item's title, looked up by place. */
class Findings {
  constructor(private readonly source: TreeSource) {}

  at(uri: string, range: Range): readonly Issue[] {
    return (this.source.issues.get(uri) ?? []).filter((i) => sameRange(i.range, range));
  }

  of(item: Item, rule?: Issue['rule']): readonly Issue[] {
    return this.at(item.uri, item.range).filter((i) => !rule || i.rule === rule);
  }
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

const ICON: Record<Severity, string> = { error: '$(error)', warning: '$(warning)', information: '$(info)', hint: '$(lightbulb)' };

function findingLine(issue: Issue): string {
  return `${ICON[issue.severity]} ${escape(issue.message)}`;
}

/** A goal's finding said briefly, as a line of an item's why-chain. */
function briefly(issue: Issue): string {
  switch (issue.rule) {
    case 'goal-missing-metric':
      return `${ICON[issue.severity]} ${issue.variant === 'prompt' ? 'Its metric is still a prompt' : 'No measurable target'}`;
    case 'goal-without-vision':
      return `${ICON[issue.severity]} This goal traces to no vision.`;
    case 'goal-without-items':
      return '';
    default:
      return findingLine(issue);
  }
}

function whyChain(model: LinkedModel, linked: LinkedItem, findings: Findings): string {
  const lines = [`**Roadmap item** ${name(linked.item)}`, ''];
  if (linked.item.excerpt) lines.push(escape(linked.item.excerpt), '');
  for (const issue of findings.of(linked.item)) lines.push(findingLine(issue), '');
  // Its broken traces too: a reference written under the item (or for its horizon) that leads nowhere.
  const seen = new Set<Issue>();
  for (const r of linked.resolutions) {
    if (!r.problem) continue;
    for (const issue of findings.at(linked.item.uri, r.ref.range)) {
      if (issue.rule !== 'unknown-reference' || seen.has(issue)) continue;
      seen.add(issue);
      lines.push(findingLine(issue), '');
    }
  }
  if (linked.traces.length === 0) return lines.join('\n').trimEnd();
  lines.push('**Why it is on the roadmap:**', '');
  for (const goal of linked.traces) {
    const goalLinked = model.items.get(goal);
    const goalFindings = findings.of(goal);
    lines.push(`- **Goal** ${name(goal)} · ${where(model, goal)}`);
    if (goal.metric && !goalFindings.some((i) => i.rule === 'goal-missing-metric')) lines.push(`  - Metric: ${escape(goal.metric.replace(/^[^:]*:\s*/, ''))}`);
    for (const issue of goalFindings) {
      const line = briefly(issue);
      if (line) lines.push(`  - ${line}`);
    }
    if (goal.excerpt) lines.push(`  - ${escape(goal.excerpt)}`);
    const visions = goalLinked?.traces ?? [];
    for (const vision of visions) {
      lines.push(`  - **Vision** ${name(vision)} · ${where(model, vision)}`);
      if (vision.excerpt) lines.push(`    - ${escape(vision.excerpt)}`);
      const root = vision.kind === 'vision-section' ? model.items.get(vision)?.doc.root : undefined;
      if (root) lines.push(`    - part of ${name(root)}${root.excerpt ? `: ${escape(root.excerpt)}` : ''}`);
    }
  }
  return lines.join('\n');
}

function goalHover(model: LinkedModel, linked: LinkedItem, findings: Findings): string {
  const { item } = linked;
  const lines = [`**Goal** ${name(item)}`, ''];
  const own = findings.of(item);
  if (item.metric && !own.some((i) => i.rule === 'goal-missing-metric')) lines.push(`Metric: ${escape(item.metric.replace(/^[^:]*:\s*/, ''))}`, '');
  for (const issue of own) lines.push(findingLine(issue), '');
  for (const vision of linked.traces) lines.push(`Serves **${escape(vision.title)}** · ${where(model, vision)}`, '');
  const items = linked.tracedBy;
  if (items.length === 0) {
    if (lines[lines.length - 1] === '') lines.pop();
  } else {
    lines.push(`**${items.length} roadmap item${items.length === 1 ? '' : 's'}:**`, '');
    for (const it of items.slice(0, 15)) lines.push(`- ${name(it)} · ${where(model, it)}`);
    if (items.length > 15) lines.push(`- … and ${items.length - 15} more`);
  }
  return lines.join('\n');
}

function visionHover(model: LinkedModel, linked: LinkedItem): string {
  const goals = linked.tracedBy;
  const lines = [`**${KIND_LABEL[linked.item.kind]}** ${name(linked.item)}`, ''];
  if (goals.length === 0) lines.push('No goal traces here yet.');
  else {
    lines.push(`**${goals.length} goal${goals.length === 1 ? '' : 's'}:**`, '');
    for (const g of goals.slice(0, 15)) lines.push(`- ${name(g)} · ${where(model, g)}`);
  }
  return lines.join('\n');
}

function referenceHover(model: LinkedModel, resolution: Resolution, issues: readonly Issue[]): string {
  const target = resolution.target;
  // The finding on the reference says why it leads nowhere and what it most likely meant.
  const finding = issues.find((i) => i.rule === 'unknown-reference');
  if (!target && finding) return findingLine(finding);
  if (target) {
    const lines = [`→ **${KIND_LABEL[target.kind]}** ${name(target)} · ${where(model, target)}`];
    if (target.metric) lines.push('', `Metric: ${escape(target.metric.replace(/^[^:]*:\s*/, ''))}`);
    if (target.excerpt) lines.push('', escape(target.excerpt));
    return lines.join('\n');
  }
  switch (resolution.problem) {
    case 'wrong-layer':
      return `$(error) ${resolution.other ? `${name(resolution.other)} is a ${KIND_LABEL[resolution.other.kind].toLowerCase()}` : 'This'}: it is not the layer above this item.`;
    case 'dangling-anchor':
      return `$(error) ${escape(resolution.doc?.relPath ?? 'The linked file')} has no heading with this anchor.`;
    case 'whole-document':
      return '$(error) This links to a whole document; link to one goal in it.';
    default:
      return `$(error) Nothing has the ID, title or path “${escape(resolution.ref.link ?? resolution.ref.text)}”.`;
  }
}

function name(item: Item): string {
  // A pillar without its `Pillar:` label: “Vision V1 One inbox…”, not “Vision V1 Pillar: One inbox…”.
  const shown = (item.kind === 'vision-section' ? item.aliases?.[0] : undefined) ?? item.title;
  const title = escape(shown || '(untitled)');
  return item.id && item.id !== item.title ? `${escape(item.id)} ${title}` : title;
}

function where(model: LinkedModel, item: Item): string {
  const doc = model.items.get(item)?.doc;
  return doc ? `\`${doc.relPath}:${item.range.start.line + 1}\`` : '';
}

/** Escapes Markdown and HTML in document text, so a title can never inject markup or links. */
export function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&~$]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}
