import { LineCounter, parseDocument } from 'yaml';

/** The YAML front matter block at the top of a Markdown file, located without a Markdown parse. */
export interface FrontMatterBlock {
  /** The YAML text between the fences. */
  yaml: string;
  /** Offset of the YAML text in the document. */
  yamlStart: number;
  /** Offset just past the closing fence line (where the Markdown body starts). */
  end: number;
  /** Offset of the start of the closing fence line, where new keys are inserted. */
  closingFenceStart: number;
}

export interface FrontMatterError {
  message: string;
  /** The YAML parser's error code (`BAD_INDENT`, `MISSING_CHAR`…), when it gave one. */
  code?: string;
  /** Offsets in the document. */
  start: number;
  end: number;
}

export interface FrontMatter {
  block: FrontMatterBlock;
  /** The parsed mapping, or an empty object when the YAML is not a mapping or did not parse. */
  data: Record<string, unknown>;
  error?: FrontMatterError;
}

/** Caps alias expansion so a "billion laughs" front matter cannot exhaust memory. */
const MAX_ALIAS_COUNT = 50;

/**
 * Finds front matter: a `---` line at the very top, closed by the next `---` line (trailing spaces
 * allowed). Mirrors remark-frontmatter exactly, so this and the Markdown parse agree on where it ends.
 */
export function findFrontMatter(text: string): FrontMatterBlock | undefined {
  const open = /^---[ \t]*(\r\n|\r|\n)/.exec(text);
  if (!open) return undefined;
  const yamlStart = open[0].length;
  const fence = /^---[ \t]*$/gm;
  fence.lastIndex = yamlStart;
  // An empty block (`---` directly followed by `---`) is valid front matter.
  let m: RegExpExecArray | null;
  while ((m = fence.exec(text))) {
    const lineStart = m.index;
    if (lineStart !== yamlStart && !/[\r\n]/.test(text[lineStart - 1] ?? '')) continue;
    let end = lineStart + m[0].length;
    if (text[end] === '\r') end++;
    if (text[end] === '\n') end++;
    const yamlEnd = lineStart === yamlStart ? yamlStart : trimBreak(text, lineStart);
    return { yaml: text.slice(yamlStart, yamlEnd), yamlStart, end, closingFenceStart: lineStart };
  }
  return undefined;
}

function trimBreak(text: string, lineStart: number): number {
  let end = lineStart;
  if (text[end - 1] === '\n') end--;
  if (text[end - 1] === '\r') end--;
  return end;
}

/** Parses the front matter block; errors come back with their position instead of throwing. */
export function parseFrontMatter(text: string): FrontMatter | undefined {
  const block = findFrontMatter(text);
  if (!block) return undefined;
  if (block.yaml.trim() === '') return { block, data: {} };
  const lineCounter = new LineCounter();
  let doc;
  try {
    // logLevel 'error': a complex key (`? [a]`) must not make the library print a process warning.
    doc = parseDocument(block.yaml, { lineCounter, prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
  } catch (e) {
    return { block, data: {}, error: { message: (e as Error).message, start: block.yamlStart, end: block.yamlStart } };
  }
  const yamlError = doc.errors[0];
  if (yamlError) {
    const [start, end] = yamlError.pos;
    return {
      block,
      data: {},
      error: {
        message: cleanYamlMessage(yamlError.message),
        code: yamlError.code,
        start: block.yamlStart + start,
        end: block.yamlStart + Math.max(end, start),
      },
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // toJS throws when alias expansion exceeds the cap.
    return { block, data: {}, error: { message: cleanYamlMessage((e as Error).message), start: block.yamlStart, end: block.end } };
  }
  const data = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  return { block, data };
}

function cleanYamlMessage(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/\s+at line \d+, column \d+:?$/, '').trim();
}

/**
 * Reads `kind:` / `type:` from front matter text with a line scan, for when the YAML does not parse:
 * a broken line elsewhere in the block should not make a roadmap stop being a roadmap.
 */
export function scanKindLine(yaml: string): { key: 'kind' | 'type'; value: string } | undefined {
  let found: { key: 'kind' | 'type'; value: string } | undefined;
  for (const line of yaml.split(/\r\n|\r|\n/)) {
    const m = /^(kind|type)[ \t]*:[ \t]*["']?([^"'#\r\n]*?)["']?[ \t]*(?:#.*)?$/i.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase() as 'kind' | 'type';
    if (key === 'kind' || !found) found = { key, value: m[2]!.trim() };
  }
  return found;
}

/** A front matter value as a list of strings (`goal: G1` or `goals: [G1, G2]`); other shapes give nothing. */
export function stringValues(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((v) => (typeof v === 'string' || typeof v === 'number' ? [String(v)] : []));
  if (typeof value === 'string' || typeof value === 'number') return [String(value)];
  return [];
}

/**
 * Offsets of a key's value as written on the key's line (`kind: [goals]` → `[goals]`), without a
 * trailing comment; of the key itself, with `inline` false, when the value is on later lines.
 */
export function valueSpan(block: FrontMatterBlock, key: string): { start: number; end: number; inline: boolean } {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const line = new RegExp(`^["']?${escaped}["']?[ \\t]*:[ \\t]*(.*?)[ \\t]*(?:#.*)?$`, 'm').exec(block.yaml);
  if (!line) return { start: block.yamlStart, end: block.yamlStart, inline: false };
  const raw = line[1]!;
  const lineStart = block.yamlStart + line.index;
  if (!raw) return { start: lineStart + line[0].indexOf(key), end: lineStart + line[0].indexOf(key) + key.length, inline: false };
  const start = lineStart + line[0].indexOf(raw, line[0].indexOf(':') + 1);
  return { start, end: start + raw.length, inline: true };
}

/** The name a key is written with in front matter, matched in any case (`ItemLevel` for `itemLevel`). */
export function keyInAnyCase(data: Record<string, unknown>, key: string): string | undefined {
  if (key in data) return key;
  const lower = key.toLowerCase();
  return Object.keys(data).find((k) => k.toLowerCase() === lower);
}
