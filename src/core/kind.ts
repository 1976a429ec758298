import picomatch from 'picomatch';
import type { Config } from './config';
import { DOC_KINDS } from './config';
import { findFrontMatter, parseFrontMatter, scanKindLine, type FrontMatter } from './frontMatter';
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
  unknownKind?: { value: string; key: 'kind' | 'type'; start: number; end: number; suggestion?: string };
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
    if (declared) {
      const kind = KIND_VALUES[declared.value.toLowerCase()];
      if (kind) return { kind, source: 'front-matter', frontMatter };
      const start = valueOffset(text, frontMatter, declared.key, declared.value);
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
  }
  const byName = kindFromFileName(relPath);
  if (byName) return { kind: byName, source: 'file-name', frontMatter };
  for (const [kind, isMatch] of matchers) {
    if (isMatch(relPath)) return { kind, source: 'config', frontMatter };
  }
  return { kind: null, source: 'none', frontMatter };
}

function declaredKind(frontMatter: FrontMatter): { key: 'kind' | 'type'; value: string } | undefined {
  if (frontMatter.error) {
    const scanned = scanKindLine(frontMatter.block.yaml);
    return scanned && scanned.value !== '' ? scanned : undefined;
  }
  for (const key of ['kind', 'type'] as const) {
    const value = frontMatter.data[key];
    if (typeof value === 'string' && value.trim() !== '') return { key, value: value.trim() };
  }
  return undefined;
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
