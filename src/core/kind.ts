import picomatch from 'picomatch';
import type { Config } from './config';
import { DOC_KINDS } from './config';
import { findFrontMatter, keyInAnyCase, parseFrontMatter, scanKindLine, valueSpan, type FrontMatter } from './frontMatter';
import { editDistance } from './text';
import type { DocKind } from './types';

/** Front matter `kind:` values and their aliases (FORMAT.md §1.1). */
const KIND_VALUES: Record<string, DocKind> = {
  vision: 'vision',
  mission: 'vision',
  strategy: 'strategy',
  goals: 'goals',
  okrs: 'goals',
  objectives: 'goals',
  roadmap: 'roadmap',
  goal: 'goal',
  objective: 'goal',
  okr: 'goal',
  'roadmap-item': 'roadmap-item',
  initiative: 'roadmap-item',
  epic: 'roadmap-item',
  feature: 'roadmap-item',
};

/** Whole words of a file name that give its kind (FORMAT.md §1.2). */
const NAME_WORDS: Record<string, DocKind> = {
  vision: 'vision',
  strategy: 'strategy',
  goals: 'goals',
  okrs: 'goals',
  objectives: 'goals',
  roadmap: 'roadmap',
};

export interface KindResult {
  kind: DocKind | null;
  source: 'front-matter' | 'file-name' | 'config' | 'none';
  frontMatter?: FrontMatter;
  /** Set when front matter names a kind that does not exist. */
  unknownKind?: UnknownKind;
}

export interface UnknownKind {
  /** The value as written (`epik`, or `[goals]` for a list). */
  value: string;
  key: 'kind' | 'type';
  start: number;
  end: number;
  suggestion?: string;
  /** Set when the value is not text at all: a list or a mapping where one kind belongs. */
  shape?: 'list' | 'mapping';
}

/**
 * Whether the start of a file (which may stop mid-way through its front matter) could name a kind:
 * it opens front matter and a `kind:` or `type:` line follows before the front matter closes.
 */
export function frontMatterMayNameKind(start: string): boolean {
  const text = start.charCodeAt(0) === 0xfeff ? start.slice(1) : start;
  if (!/^---[ \t]*(\r\n|\r|\n)/.test(text)) return false;
  const block = findFrontMatter(text);
  // Front matter longer than what was read: only a full read can tell.
  if (!block) return true;
  return /^(kind|type)[ \t]*:/im.test(block.yaml);
}

export function isMarkdownPath(path: string): boolean {
  return /\.(md|markdown)$/i.test(path);
}

/**
 * Decides a file's kind from front matter, then its name, then config globs, without parsing the
 * Markdown body. `relPath` is relative to the workspace folder, with `/` separators.
 */
export function detectKind(relPath: string, text: string, config: Config, matchers = kindMatchers(config)): KindResult {
  const frontMatter = parseFrontMatter(text);
  if (frontMatter) {
    const declared = declaredKind(frontMatter);
    if (declared && typeof declared.value === 'string') {
      const kind = KIND_VALUES[declared.value.toLowerCase()];
      if (kind) return { kind, source: 'front-matter', frontMatter };
      const start = valueOffset(text, frontMatter, declared.name, declared.value);
      return {
        kind: null,
        source: 'none',
        frontMatter,
        unknownKind: {
          value: declared.value,
          key: declared.key,
          start,
          end: start + declared.value.length,
          suggestion: suggestKind(declared.value),
        },
      };
    }
    if (declared) return { kind: null, source: 'none', frontMatter, unknownKind: nonTextKind(frontMatter, declared) };
  }
  const byName = kindFromFileName(relPath);
  if (byName) return { kind: byName, source: 'file-name', frontMatter };
  for (const [kind, isMatch] of matchers) {
    if (isMatch(relPath)) return { kind, source: 'config', frontMatter };
  }
  return { kind: null, source: 'none', frontMatter };
}

interface Declared {
  key: 'kind' | 'type';
  /** The key as written (`Kind`). */
  name: string;
  /** Trimmed text, or the YAML value when it is not text (`kind: [goals]`). */
  value: unknown;
}

/**
 * The kind front matter declares: `kind:`, else `type:`, with the key in any case (`Kind: goals`).
 * An empty value declares nothing; a value that is not text (a list, a number) is still a declaration,
 * so it can be reported rather than silently ignored.
 */
function declaredKind(frontMatter: FrontMatter): Declared | undefined {
  if (frontMatter.error) {
    const scanned = scanKindLine(frontMatter.block.yaml);
    return scanned && scanned.value !== '' ? { ...scanned, name: scanned.key } : undefined;
  }
  for (const key of ['kind', 'type'] as const) {
    const name = keyInAnyCase(frontMatter.data, key);
    if (name === undefined) continue;
    const value = frontMatter.data[name];
    if (typeof value === 'string' ? value.trim() === '' : value === null || value === undefined) continue;
    return { key, name, value: typeof value === 'string' ? value.trim() : value };
  }
  return undefined;
}

/** An unknown-kind finding for a kind that is a list, a mapping, a number…: on the value as written. */
function nonTextKind(frontMatter: FrontMatter, declared: Declared): UnknownKind {
  const { start, end, inline } = valueSpan(frontMatter.block, declared.name);
  const value = declared.value;
  // A block list (`kind:` then `- goals`) leaves only the key on its line: say what it holds instead.
  const raw = inline ? frontMatter.block.yaml.slice(start - frontMatter.block.yamlStart, end - frontMatter.block.yamlStart) : '';
  const shape = Array.isArray(value) ? 'list' : typeof value === 'object' ? 'mapping' : undefined;
  const text = raw || (Array.isArray(value) ? `[${value.map(String).join(', ')}]` : String(value));
  // One known kind in a list (`[goals]`) is the kind meant; offered when the fix can replace it in place.
  const only = Array.isArray(value) && value.length === 1 && typeof value[0] === 'string' ? value[0] : undefined;
  const suggestion = only && raw && KIND_VALUES[only.toLowerCase()] ? only : undefined;
  return { value: text, key: declared.key, start, end, ...(shape ? { shape } : {}), ...(suggestion ? { suggestion } : {}) };
}

function valueOffset(text: string, frontMatter: FrontMatter, key: string, value: string): number {
  const re = new RegExp(`^${key}[ \\t]*:[ \\t]*["']?`, 'im');
  const m = re.exec(frontMatter.block.yaml);
  if (m && frontMatter.block.yaml.startsWith(value, m.index + m[0].length)) {
    return frontMatter.block.yamlStart + m.index + m[0].length;
  }
  const i = text.indexOf(value, frontMatter.block.yamlStart);
  return i >= 0 && i < frontMatter.block.end ? i : frontMatter.block.yamlStart;
}

function suggestKind(value: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of Object.keys(KIND_VALUES)) {
    const d = editDistance(value.toLowerCase(), candidate, bestDistance);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * The kind a file name gives, from its words split on `-`, `_`, `.` and spaces. When several words
 * name kinds (`strategy-roadmap.md`), the last one wins: names read general to specific.
 */
export function kindFromFileName(relPath: string): DocKind | null {
  const base = relPath.slice(relPath.lastIndexOf('/') + 1).replace(/\.(md|markdown)$/i, '');
  let kind: DocKind | null = null;
  for (const word of base.toLowerCase().split(/[-_. ]+/)) {
    const k = NAME_WORDS[word];
    if (k) kind = k;
  }
  return kind;
}

export type KindMatchers = Array<[DocKind, (relPath: string) => boolean]>;

export function kindMatchers(config: Config): KindMatchers {
  const out: KindMatchers = [];
  for (const kind of DOC_KINDS) {
    const globs = config.kinds[kind];
    if (globs && globs.length > 0) out.push([kind, picomatch(globs, { dot: true, nocase: true })]);
  }
  return out;
}

/** Matches paths that are never read: `node_modules`, `.git` and the configured excludes. */
export function excludeMatcher(config: Config): (relPath: string) => boolean {
  const globs = config.exclude.flatMap((g) => (g.endsWith('/**') || /[*?[\]{}]/.test(g) ? [g] : [g, `${g.replace(/\/$/, '')}/**`]));
  const isExcluded = globs.length > 0 ? picomatch(globs, { dot: true }) : () => false;
  return (relPath) => /(^|\/)(node_modules|\.git)(\/|$)/.test(relPath) || isExcluded(relPath);
}
