import type { DocumentInfo } from '../analyze/document';
import type { LinkedModel, Scope } from '../link';
import type { LabelLayer } from '../syntax';
import { syntaxFor } from '../syntax';
import type { Config } from '../config';
import type { Item, Position, Range } from '../types';

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
}

/**
 * Completions of goal IDs and titles inside a trace field (`Goal: G|`), or of vision sections
 * inside a goal's `Vision:` field.
 */
export function completionsAt(model: LinkedModel, config: Config, doc: DocumentInfo, position: Position): CompletionInfo[] {
  const line = doc.lines.lineText(position.line).slice(0, position.character);
  const field = fieldBefore(config, line, doc, position);
  if (!field) return [];
  const layer = doc.kind === 'goals' || doc.kind === 'goal' ? 'vision' : doc.kind === 'roadmap' || doc.kind === 'roadmap-item' ? 'goal' : undefined;
  if (!layer || (field.layer !== 'any' && field.layer !== layer)) return [];
  const scope = model.scopeOf.get(doc.uri);
  const candidates = targetsFor(model, scope, layer);
  const partial = /[^,;:]*$/.exec(line)![0];
  const lead = partial.length - partial.trimStart().length;
  const range: Range = { start: { line: position.line, character: position.character - partial.length + lead }, end: position };
  return candidates.map((item, i) => ({
    label: item.id && item.id !== item.title ? `${item.id} ${item.title}` : item.title,
    detail: item.kind === 'goal' ? `goal · ${model.items.get(item)?.doc.relPath ?? ''}` : `vision · ${model.items.get(item)?.doc.relPath ?? ''}`,
    insertText: item.id ?? item.title,
    filterText: `${item.id ?? ''} ${item.title}`.trim(),
    kind: item.kind,
    range,
    sortText: String(i).padStart(5, '0'),
  }));
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
