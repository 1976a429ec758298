import type { LinkedItem, LinkedModel } from '../link';
import type { Item, Position, TraceVia } from '../types';

// The reading markers (docs/format.md §8): a quiet note at the end of each heading, entry and row that
// says what Throughline read it as and what it traces to, and how, so a misread is one glance away
// (`item → G1 · nested`, `group · horizon`, `left out · named Non-goals`).

export interface ReadingMarker {
  /** Where the marker goes: the end of the title it describes. */
  position: Position;
  label: string;
  /** A sentence saying the same, with the remedy when the reading is wrong. */
  tooltip: string;
}

// Short, because VS Code cuts an inlay hint at 43 characters by default; the tooltip says it in full.
const VIA: Record<TraceVia, string> = {
  field: 'written',
  column: 'column',
  'front-matter': 'front matter',
  link: 'link',
  nesting: 'nested',
  legend: 'legend',
  parenthetical: 'named',
  prose: 'in text',
};

const VIA_SENTENCE: Record<TraceVia, string> = {
  field: 'a trace written on it',
  column: 'its trace column',
  'front-matter': 'its front matter',
  link: 'a link to it',
  nesting: 'nested under it',
  legend: 'the legend symbol on it',
  parenthetical: 'named at its end',
  prose: 'named in its text',
};

const REMEDY = 'If this is a misread, put `<!-- throughline-read-as: item | goal | group | section | ignore -->` on the line above (see §8 of docs/format.md).';

/** The markers of one document, in document order. */
export function readingMarkers(model: LinkedModel, uri: string): ReadingMarker[] {
  const doc = model.docs.find((d) => d.uri === uri);
  if (!doc) return [];
  const out: ReadingMarker[] = [];
  for (const item of doc.items) {
    const linked = model.items.get(item);
    if (!linked || item.layout === 'document' || item.layout === 'file') continue;
    const marker = itemMarker(linked);
    if (marker) out.push({ position: item.range.end, ...marker });
  }
  for (const mark of doc.readings ?? []) {
    const label = `${ROLE[mark.role] ?? mark.role} · ${mark.why}`;
    out.push({ position: mark.range.end, label, tooltip: `Throughline reads this as ${ROLE_SENTENCE[mark.role] ?? mark.role} (${mark.why}). ${REMEDY}` });
  }
  return out.sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}

const ROLE: Record<string, string> = {
  group: 'group',
  section: 'section',
  'goals-section': 'goals',
  'items-section': 'roadmap',
  'vision-section': 'vision',
  'left-out': 'left out',
  navigation: 'links',
  metadata: 'details',
  legend: 'legend',
  calendar: 'dates',
  summary: 'summary',
  schedule: 'schedule',
};

const ROLE_SENTENCE: Record<string, string> = {
  group: 'a group of items or goals',
  section: 'a section that holds no items or goals',
  'goals-section': 'a section of goals',
  'items-section': 'a section of roadmap items',
  'left-out': 'work left out of the plan',
  navigation: 'a list of links, not items',
  metadata: 'details, not items',
  legend: 'a legend',
  calendar: 'a list of dates',
  summary: 'a summary of the headings below it',
  schedule: 'a schedule',
};

function itemMarker(linked: LinkedItem): { label: string; tooltip: string } | undefined {
  const { item } = linked;
  const role = item.kind === 'roadmap-item' ? 'item' : item.kind === 'goal' ? 'goal' : item.kind === 'vision-section' ? 'vision' : undefined;
  if (!role) return undefined;
  if (item.kind === 'vision-section') return { label: 'vision section', tooltip: `Throughline reads this as a part of the vision that goals may serve. ${REMEDY}` };
  const traced = linked.resolutions.filter((r) => r.target);
  if (traced.length === 0) {
    const broken = linked.resolutions.some((r) => r.problem);
    const none = item.kind === 'goal' ? 'no vision' : 'no goal';
    return {
      label: `${role} · ${broken ? 'broken reference' : item.noTrace.length ? `${none} (marked)` : none}`,
      tooltip: `Throughline reads this as a ${item.kind === 'goal' ? 'goal' : 'roadmap item'} that traces to ${broken ? 'something that is not there' : 'nothing'}. ${REMEDY}`,
    };
  }
  const first = traced[0]!;
  const target = name(first.target!);
  const more = traced.length > 1 ? ` +${traced.length - 1}` : '';
  return {
    label: `${role} → ${target}${more} · ${VIA[first.ref.via]}`,
    tooltip: `Throughline reads this as a ${item.kind === 'goal' ? 'goal' : 'roadmap item'} serving ${traced.map((r) => name(r.target!)).join(', ')} (${VIA_SENTENCE[first.ref.via]}). ${REMEDY}`,
  };
}

/** A target as a marker names it: its ID, else its title, kept short. */
function name(item: Item): string {
  if (item.id) return item.id;
  const title = item.title.length > 24 ? `${item.title.slice(0, 23)}…` : item.title;
  return title;
}
