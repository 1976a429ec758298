import { keyInAnyCase, stringValues, valueSpan, type FrontMatter } from '../frontMatter';
import { parseReferenceValue } from '../referenceText';
import type { LabelLayer } from '../syntax';
import { addParsedValue, type DocContext } from './content';
import { isPlaceholder } from './metrics';
import type { DocumentInfo } from './document';
import type { Inherited } from './itemBuilder';

// What one-item files (and whole documents) say about themselves in front matter.

/** Front matter keys that are trace labels (`goal`, `goals`, `supports`, `vision`…) for these layers. */
export function frontMatterTraces(info: DocumentInfo, ctx: DocContext, layers: ReadonlySet<LabelLayer>): Inherited {
  const fm = info.frontMatter;
  const out: Inherited = { references: [], noTrace: [] };
  if (!fm) return out;
  for (const [key, value] of Object.entries(fm.data)) {
    const layer = ctx.syntax.labelOf(key.replace(/[-_]/g, ' '));
    if (!layer || !layers.has(layer)) continue;
    const values = stringValues(value);
    const keyAt = findKeyOffset(fm.block.yaml, key);
    const keyStart = fm.block.yamlStart + keyAt;
    if (values.length === 0 || values.every((v) => v.trim() === '')) {
      out.noTrace.push({ text: '', range: ctx.lines.range(keyStart, keyStart + key.length) });
      continue;
    }
    let searchFrom = keyAt;
    for (const v of values) {
      const at = fm.block.yaml.indexOf(v, searchFrom);
      const start = fm.block.yamlStart + (at >= 0 ? at : keyAt);
      if (at >= 0) searchFrom = at + v.length;
      // Each list entry is one reference, commas and all; a single string (`goals: G1, G3`) is read
      // like a body field: split at commas, and also tried whole, since a title may hold a comma.
      addParsedValue(out, parseReferenceValue(v, start, ctx.definitions, !Array.isArray(value)), ctx.lines, 'front-matter');
    }
  }
  return out;
}

const METRIC_KEYS = ['metric', 'metrics', 'target', 'targets'];
const KEY_RESULT_KEYS = ['kr', 'krs', 'key results', 'keyResults', 'key-results'];

/**
 * A goal file's measurable target from front matter, as text. The body's rules hold here too: a
 * `metric:`/`target:` needs a value that is not a placeholder (`TBD`, `N/A`), and key results need
 * a number in at least one of them.
 */
export function frontMatterMetric(info: DocumentInfo): string | undefined {
  const data = info.frontMatter?.data ?? {};
  for (const key of [...METRIC_KEYS, ...KEY_RESULT_KEYS]) {
    const values = stringValues(data[key]).filter((v) => !isPlaceholder(v));
    const measurable = METRIC_KEYS.includes(key) ? values.length > 0 : values.some((v) => /\d/.test(v));
    if (measurable) return `${key}: ${values.join('; ')}`;
  }
  return undefined;
}

/** Offsets of a front matter line `key: value` (the whole line), to search its value. */
export function frontMatterLineSpan(info: DocumentInfo, key: string): [number, number] | undefined {
  const block = info.frontMatter?.block;
  if (!block) return undefined;
  const m = new RegExp(`^${key}[ \\t]*:.*$`, 'm').exec(block.yaml);
  return m ? [block.yamlStart + m.index + key.length + 1, block.yamlStart + m.index + m[0].length] : undefined;
}

function findKeyOffset(yaml: string, key: string): number {
  const m = new RegExp(`^["']?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?[ \\t]*:`, 'm').exec(yaml);
  return m ? m.index : 0;
}

/** A front matter field that has a value Throughline cannot use, with where it is written. */
export interface FieldProblem {
  message: string;
  start: number;
  end: number;
}

/**
 * Front matter `itemLevel` (the key in any case): the heading level it sets, or, for a value that is
 * no heading level (`9`, `two`), a problem to report; the document is then read with the default.
 */
export function itemLevelSetting(fm: FrontMatter | undefined, defaultLevel: string): { level?: number; problem?: FieldProblem } {
  const key = fm ? keyInAnyCase(fm.data, 'itemLevel') : undefined;
  if (!fm || key === undefined) return {};
  const value = fm.data[key];
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return {};
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  if (Number.isInteger(n) && n >= 1 && n <= 6) return { level: n };
  const { start, end, inline } = valueSpan(fm.block, key);
  const written = inline ? fm.block.yaml.slice(start - fm.block.yamlStart, end - fm.block.yamlStart) : JSON.stringify(value);
  return { problem: { message: `${key} must be a heading level from 1 to 6, not “${written}”: this document is read with the default, ${defaultLevel}.`, start, end } };
}