import type { LinkedItem, LinkedModel, Resolution } from '../link';
import type { Item, Position, Range } from '../types';
import { locate } from './locate';

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
 * items that trace to it; for a reference, what it resolves to or why it does not.
 */
export function hoverAt(model: LinkedModel, uri: string, position: Position): HoverContent | undefined {
  const found = locate(model, uri, position);
  if (!found) return undefined;
  if (found.kind === 'reference') return { markdown: referenceHover(model, found.resolution), range: found.resolution.ref.range };
  const { linked } = found;
  switch (linked.item.kind) {
    case 'roadmap-item':
      return { markdown: whyChain(model, linked), range: linked.item.range };
    case 'goal':
      return { markdown: goalHover(model, linked), range: linked.item.range };
    case 'vision':
    case 'vision-section':
      return { markdown: visionHover(model, linked), range: linked.item.range };
    default:
      return undefined;
  }
}

function whyChain(model: LinkedModel, linked: LinkedItem): string {
  const lines = [`**Roadmap item** ${name(linked.item)}`, ''];
  if (linked.item.excerpt) lines.push(escape(linked.item.excerpt), '');
  if (linked.traces.length === 0) {
    lines.push(linked.item.noTrace.length ? '$(warning) Marked as serving no goal.' : '$(warning) Traces to no goal: nothing says why it is on the roadmap.');
    return lines.join('\n');
  }
  lines.push('**Why it is on the roadmap:**', '');
  for (const goal of linked.traces) {
    const goalLinked = model.items.get(goal);
    lines.push(`- **Goal** ${name(goal)} · ${where(model, goal)}`);
    if (goal.metric) lines.push(`  - Metric: ${escape(goal.metric.replace(/^[^:]*:\s*/, ''))}`);
    else lines.push('  - $(warning) No measurable target');
    if (goal.excerpt) lines.push(`  - ${escape(goal.excerpt)}`);
    const visions = goalLinked?.traces ?? [];
    if (visions.length === 0) lines.push('  - $(warning) This goal traces to no vision.');
    for (const vision of visions) {
      lines.push(`  - **Vision** ${name(vision)} · ${where(model, vision)}`);
      if (vision.excerpt) lines.push(`    - ${escape(vision.excerpt)}`);
      const root = vision.kind === 'vision-section' ? model.items.get(vision)?.doc.root : undefined;
      if (root) lines.push(`    - part of ${name(root)}${root.excerpt ? `: ${escape(root.excerpt)}` : ''}`);
    }
  }
  return lines.join('\n');
}

function goalHover(model: LinkedModel, linked: LinkedItem): string {
  const { item } = linked;
  const lines = [`**Goal** ${name(item)}`, ''];
  lines.push(item.metric ? `Metric: ${escape(item.metric.replace(/^[^:]*:\s*/, ''))}` : '$(warning) No measurable target.', '');
  if (linked.traces.length === 0) lines.push('$(warning) Serves no part of the vision.', '');
  for (const vision of linked.traces) lines.push(`Serves **${escape(vision.title)}** · ${where(model, vision)}`, '');
  const items = linked.tracedBy;
  if (items.length === 0) lines.push('$(info) No roadmap item traces to this goal yet.');
  else {
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

function referenceHover(model: LinkedModel, resolution: Resolution): string {
  const target = resolution.target;
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
  const title = escape(item.title || '(untitled)');
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
