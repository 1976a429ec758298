import type { DocumentInfo } from '../analyze/document';
import type { LinkedModel, Scope } from '../link';
import type { LabelLayer } from '../syntax';
import { syntaxFor } from '../syntax';
import type { Config } from '../config';
import { rankByMeaning } from '../suggest';
import type { Item, Position, Range } from '../types';
import { contains, itemsIn } from './locate';

export interface CompletionInfo {
  label: string;
  detail: string;
  /** What is inserted: the ID when there is one, else the title. */
  insertText: string;
  /** Text the editor filters on: ID and title, so typing either finds it. */
  filterText: string;
  kind: Item['kind'];
  /** The part of the line the completion replaces (the partial reference typed so far). */
  range: Range;
  sortText: string;
  /** The goal's metric (or text), so the list says what each goal measures. */
  documentation?: string;
  /** Set on the targets the item's words point to, with the words they share. */
  matches?: string[];
}

/**
 * Completions of goal IDs and titles inside a trace field (`Goal: G|`), or of vision sections
 * inside a goal's `Vision:` field. The goals the item's words point to come first (ranked as the
 * quick fixes rank them), then the rest of its product's, then the folder's.
 */
export function completionsAt(model: LinkedModel, config: Config, doc: DocumentInfo, position: Position): CompletionInfo[] {
  const line = doc.lines.lineText(position.line).slice(0, position.character);
  const field = fieldBefore(config, line, doc, position);
  if (!field) return [];
  const layer = doc.kind === 'goals' || doc.kind === 'goal' ? 'vision' : doc.kind === 'roadmap' || doc.kind === 'roadmap-item' ? 'goal' : undefined;
  if (!layer || (field.layer !== 'any' && field.layer !== layer)) return [];
  const scope = model.scopeOf.get(doc.uri);
  const targets = targetsFor(model, scope, layer);
  const partial = /[^,;:]*$/.exec(line)![0];
  const lead = partial.length - partial.trimStart().length;
  const range: Range = { start: { line: position.line, character: position.character - partial.length + lead }, end: position };
  const item = itemAt(model, doc, position, layer === 'goal' ? 'roadmap-item' : 'goal');
  const ranked = item ? rankByMeaning(scope?.targets[layer].items.length ? scope.targets[layer].items : targets, item, 5) : [];
  const first = new Map(ranked.map((r) => [r.item, r.shared]));
  const candidates = [...ranked.map((r) => r.item), ...targets.filter((t) => !first.has(t))];
  return candidates.map((target, i) => {
    const where = model.items.get(target)?.doc.relPath ?? '';
    const shared = first.get(target);
    const documentation = target.metric ?? target.excerpt;
    return {
      label: target.id && target.id !== target.title ? `${target.id} ${target.title}` : target.title,
      detail: `${target.kind === 'goal' ? 'goal' : 'vision'} · ${where}${shared ? ` · matches “${shared.slice(0, 3).join('”, “')}”` : ''}`,
      insertText: target.id ?? target.title,
      filterText: `${target.id ?? ''} ${target.title}`.trim(),
      kind: target.kind,
      range,
      sortText: String(i).padStart(5, '0'),
      ...(documentation ? { documentation } : {}),
      ...(shared ? { matches: shared } : {}),
    };
  });
}

/** The item of `kind` whose content holds the position (the innermost, for nested list items). */
function itemAt(model: LinkedModel, doc: DocumentInfo, position: Position, kind: Item['kind']): Item | undefined {
  let found: Item | undefined;
  for (const linked of itemsIn(model, doc.uri)) {
    const { item } = linked;
    if (item.kind !== kind || !contains(item.contentRange, position)) continue;
    if (!found || contains(found.contentRange, item.contentRange.start)) found = item;
  }
  return found;
}

/** The trace field the cursor's line is in, if the cursor is in its value. */
function fieldBefore(config: Config, line: string, doc: DocumentInfo, position: Position): { layer: LabelLayer } | undefined {
  const syntax = syntaxFor(config);
  const content = line.replace(/^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?(?:#{1,6}\s+)?/, '');
  const start = syntax.fieldAtStart(content);
  if (start) return { layer: start.layer };
  const end = syntax.fieldAtEnd(content);
  if (end) return { layer: end.layer };
  // Front matter `goal:` / `vision:` lines in one-item files.
  const block = doc.frontMatter?.block;
  const m = /^([A-Za-z][\w -]*):/.exec(line);
  if (block && m && doc.lines.lineStart(position.line) < block.closingFenceStart) {
    const layer = syntax.labelOf(m[1]!);
    if (layer) return { layer };
  }
  return undefined;
}

function targetsFor(model: LinkedModel, scope: Scope | undefined, layer: 'goal' | 'vision'): Item[] {
  const own = scope?.targets[layer].items ?? [];
  const rest = model.all[layer].items.filter((i) => !own.includes(i));
  return [...own, ...rest];
}
