import { slug } from 'github-slugger';
import type { DocumentInfo } from '../analyze/document';
import type { LinkedItem, LinkedModel } from '../link';
import { splitLink } from '../paths';
import type { Item, NodeKind, Position, Range, TextEdit } from '../types';
import { locate, subjectAt } from './locate';

export interface Location {
  uri: string;
  range: Range;
}

/** Go to definition: from a reference, the item it resolves to. */
export function definitionAt(model: LinkedModel, uri: string, position: Position): Location | undefined {
  const found = locate(model, uri, position);
  if (found?.kind !== 'reference' || !found.resolution.target) return undefined;
  const target = found.resolution.target;
  return { uri: target.uri, range: target.range };
}

/** Find all references: every trace that resolves to the item at (or referenced at) the position. */
export function referencesAt(model: LinkedModel, uri: string, position: Position, includeDeclaration: boolean): Location[] {
  const subject = subjectAt(model, uri, position);
  if (!subject) return [];
  const out: Location[] = includeDeclaration ? [{ uri: subject.item.uri, range: subject.item.range }] : [];
  for (const linked of model.items.values()) {
    for (const r of linked.resolutions) if (r.target === subject.item) out.push({ uri: linked.item.uri, range: r.ref.range });
  }
  return out;
}

/** The item whose ID can be renamed at the position (on its ID, or on a reference to it by ID). */
export function renameTargetAt(model: LinkedModel, uri: string, position: Position): { item: Item; range: Range } | undefined {
  const found = locate(model, uri, position);
  if (!found) return undefined;
  if (found.kind === 'item') {
    const { item } = found.linked;
    return item.id && item.idRange ? { item, range: item.idRange } : undefined;
  }
  const target = found.resolution.target;
  const span = target?.id ? idSpanInReference(found.resolution.ref.text, target.id) : undefined;
  if (!target || !span || found.resolution.ref.link !== undefined) return undefined;
  const start = found.resolution.ref.range.start;
  return { item: target, range: { start: { line: start.line, character: start.character + span[0] }, end: { line: start.line, character: start.character + span[1] } } };
}

/**
 * Renames an item's ID everywhere it is used as an ID: where it is declared, every reference that
 * names it by ID (`G1`, `G1 Grow retention`, `Grow retention (G1)`), and every link whose anchor
 * the heading's new text changes. Nothing else is touched.
 */
export function renameId(model: LinkedModel, item: Item, newId: string): TextEdit[] {
  if (!item.id || !item.idRange) return [];
  const edits: TextEdit[] = [{ uri: item.uri, range: item.idRange, newText: newId }];
  const doc = model.items.get(item)?.doc;
  const oldAnchor = item.anchors[0];
  const newAnchor = doc && oldAnchor && item.layout === 'heading' ? headingSlugAfterRename(doc, item, newId) : undefined;
  for (const linked of model.items.values()) {
    for (const r of linked.resolutions) {
      if (r.target !== item) continue;
      const { ref } = r;
      if (ref.link !== undefined) {
        const fragment = splitLink(ref.link).fragment;
        if (!newAnchor || !fragment || fragment.toLowerCase() !== oldAnchor) continue;
        const written = linked.doc.text.slice(linked.doc.lines.offset(ref.range.start), linked.doc.lines.offset(ref.range.end));
        const at = written.toLowerCase().lastIndexOf(`#${oldAnchor}`);
        if (at < 0 || ref.range.start.line !== ref.range.end.line) continue;
        const character = ref.range.start.character + at + 1;
        edits.push({ uri: linked.item.uri, range: { start: { line: ref.range.start.line, character }, end: { line: ref.range.start.line, character: character + oldAnchor.length } }, newText: newAnchor });
        continue;
      }
      const span = idSpanInReference(ref.text, item.id);
      if (!span || ref.range.start.line !== ref.range.end.line) continue;
      const written = linked.doc.text.slice(linked.doc.lines.offset(ref.range.start), linked.doc.lines.offset(ref.range.end));
      if (written.slice(span[0], span[1]).toUpperCase() !== item.id.toUpperCase()) continue; // escaped or reformatted text: leave it
      const line = ref.range.start.line;
      edits.push({ uri: linked.item.uri, range: { start: { line, character: ref.range.start.character + span[0] }, end: { line, character: ref.range.start.character + span[1] } }, newText: newId });
    }
  }
  return edits;
}

/** The GitHub anchor the item's heading will have once its ID reads `newId`. */
function headingSlugAfterRename(doc: DocumentInfo, item: Item, newId: string): string | undefined {
  const idRange = item.idRange!;
  if (idRange.start.line !== item.range.start.line) return undefined;
  const line = doc.lines.lineText(idRange.start.line);
  const renamed = line.slice(0, idRange.start.character) + newId + line.slice(idRange.end.character);
  const text = renamed
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/\s+#+\s*$/, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]/g, '');
  return slug(text.trim());
}

/** Where an ID stands in a reference's text: the whole text, a leading token, or `(ID)` at the end. */
function idSpanInReference(text: string, id: string): [number, number] | undefined {
  const upper = text.toUpperCase();
  const target = id.toUpperCase();
  if (upper === target) return [0, text.length];
  if (upper.startsWith(target) && /^[:.\-—–\s]/.test(text.slice(id.length))) return [0, id.length];
  const paren = new RegExp(`\\((${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})\\)\\s*$`, 'i').exec(text);
  return paren ? [paren.index + 1, paren.index + 1 + id.length] : undefined;
}

export interface CodeLensInfo {
  range: Range;
  title: string;
  /** Where the items that trace here are, for a "show references" click. */
  locations: Location[];
}

/** A lens on each goal (and vision section): how many items trace to it. */
export function codeLenses(model: LinkedModel, uri: string): CodeLensInfo[] {
  const out: CodeLensInfo[] = [];
  for (const linked of model.items.values()) {
    if (linked.doc.uri !== uri) continue;
    const { item, tracedBy } = linked;
    if (item.kind !== 'goal' && item.kind !== 'vision-section') continue;
    const noun = item.kind === 'goal' ? 'roadmap item' : 'goal';
    out.push({
      range: item.range,
      title: tracedBy.length === 0 ? `no ${noun}s` : `${tracedBy.length} ${noun}${tracedBy.length === 1 ? '' : 's'}`,
      locations: tracedBy.map((t) => ({ uri: t.uri, range: t.range })),
    });
  }
  return out;
}

export interface SymbolInfo {
  name: string;
  kind: NodeKind;
  location: Location;
  /** The product scope's folder, for the symbol's container name. */
  container: string;
}

/** Workspace symbols: every goal, roadmap item and vision section whose ID or title matches the query. */
export function workspaceSymbols(model: LinkedModel, query: string): SymbolInfo[] {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const out: SymbolInfo[] = [];
  for (const linked of model.items.values()) {
    const { item } = linked;
    if (item.kind === 'strategy') continue;
    const name = item.id && item.id !== item.title ? `${item.id} ${item.title}` : item.title;
    if (q && !fuzzyMatch(name.toLowerCase(), q)) continue;
    out.push({ name, kind: item.kind, location: { uri: item.uri, range: item.range }, container: containerOf(linked) });
  }
  return out;
}

function containerOf(linked: LinkedItem): string {
  return linked.item.group ? `${linked.doc.relPath} › ${linked.item.group}` : linked.doc.relPath;
}

/** Characters of the query appear in order in the name (VS Code's own symbol matching). */
function fuzzyMatch(name: string, query: string): boolean {
  let i = 0;
  for (const c of name) if (c === query[i]) i++;
  return i === query.length;
}
