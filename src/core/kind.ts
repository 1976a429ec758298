import picomatch from 'picomatch';
import type { Config } from './config';
import { DOC_KINDS } from './config';
import { findFrontMatter, keyInAnyCase, parseFrontMatter, scanKindLine, valueSpan, type FrontMatter } from './frontMatter';
import { editDistance } from './text';
import type { DocKind } from './types';

/** Front matter `kind:` values and their aliases (docs/format.md §1). */
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

/** Whole words of a file name that give its kind (docs/format.md §1). */
const NAME_WORDS: Record<string, DocKind> = {
  vision: 'vision',
  strategy: 'strategy',
  goals: 'goals',
  okrs: 'goals',
  okr: 'goals',
  objectives: 'goals',
  roadmap: 'roadmap',
};

export interface KindResult {
  kind: DocKind | null;
  /**
   * Where the kind came from: what the file says (`front-matter`), its name, config, the folder it
   * sits in (`folder`), its title (`title`), or a section of it named like roadmap content
   * (`section`: only that section is read). docs/format.md §8.
   */
  source: 'front-matter' | 'file-name' | 'config' | 'folder' | 'title' | 'section' | 'none';
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
  const block = findFrontMatter(text);
  // Most notes' front matter (a title, dates, tags) names no kind: it is parsed only once the file
  // proves to be a product doc, whose fields are read from it.
  const title = block && !/^\{|^["']?(?:kind|type)["']?[ \t]*:/im.test(block.yaml) ? plainTitle(block.yaml) : undefined;
  if (block && title !== undefined) {
    const found = kindByPlace(relPath, text, matchers, block.end, title ?? undefined);
    const frontMatter = found.kind ? parseFrontMatter(text) : undefined;
    return frontMatter ? { ...found, frontMatter } : found;
  }
  const frontMatter = parseFrontMatter(text);
  if (frontMatter) {
    const declared = declaredKind(frontMatter);
    if (declared && typeof declared.value === 'string') {
      const kind = KIND_VALUES[declared.value.toLowerCase()];
      if (kind) return { kind, source: 'front-matter', frontMatter };
      // `kind: none`: a file that looks like a product doc (its name, folder or title) but is not one.
      if (/^(?:none|other)$/i.test(declared.value)) return { kind: null, source: 'front-matter', frontMatter };
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
  const fmTitle = frontMatter?.data['title'];
  const found = kindByPlace(relPath, text, matchers, frontMatter?.block.end ?? 0, typeof fmTitle === 'string' ? fmTitle : undefined);
  return frontMatter ? { ...found, frontMatter } : found;
}

/**
 * The front matter's `title` when YAML would read it exactly as written on its line (a plain scalar
 * on one line), `null` when there is no `title` key, and undefined when only a YAML parser can tell.
 */
function plainTitle(yaml: string): string | null | undefined {
  const lines = yaml.split(/\r\n|\r|\n/);
  const at = lines.findIndex((l) => /^["']?title["']?[ \t]*:/i.test(l));
  if (at < 0) return null;
  if (lines.findIndex((l, i) => i > at && /^["']?title["']?[ \t]*:/i.test(l)) >= 0) return undefined;
  const value = lines[at]!.replace(/^["']?title["']?[ \t]*:/i, '').trim();
  // Quoted, flow, block, anchored or tagged values, comments, and plain values that go on to the next line.
  if (value === '' || /^["'[{|>&*!%@`#,?:-]/.test(value) || /\s#|:\s|:$/.test(value)) return undefined;
  if (/^[ \t]+\S/.test(lines[at + 1] ?? '')) return undefined;
  // YAML reads these as a number, a boolean or null, not as text.
  if (/^(?:~|null|true|false|yes|no|on|off|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|0x[\da-f]+|0o[0-7]+|[-+]?\.inf|\.nan)$/i.test(value)) return undefined;
  return value;
}

/** The kind a file's name, folder, config globs, title or sections give it, front matter aside. */
function kindByPlace(relPath: string, text: string, matchers: KindMatchers, bodyStart: number, fmTitle: string | undefined): KindResult {
  if (notProductDoc(relPath, text)) return { kind: null, source: 'none' };
  const byName = kindFromFileName(relPath);
  if (byName) return { kind: byName, source: 'file-name' };
  for (const [kind, isMatch] of matchers) {
    if (isMatch(relPath)) return { kind, source: 'config' };
  }
  const byFolder = kindFromFolders(relPath);
  if (byFolder) return { kind: byFolder, source: 'folder' };
  // An index or README takes its folder's kind only: its title describes the whole folder.
  const title = /(?:^|\/)(?:index|readme)\.(?:md|markdown)$/i.test(relPath) ? undefined : titleOf(text, bodyStart, fmTitle);
  const byTitle = title ? kindFromTitle(title) : null;
  if (byTitle) return { kind: byTitle, source: 'title' };
  if (hasRoadmapSection(text)) return { kind: 'roadmap', source: 'section' };
  return { kind: null, source: 'none' };
}

/** How much of a file its title and section names are looked for in: what the CLI peeks at, too. */
export const SNIFF_CHARS = 16_384;

/**
 * Files that are never product docs, whatever their name (docs/format.md §8): templates, changelogs,
 * architecture decision records, issue and pull request templates.
 */
function notProductDoc(relPath: string, text: string): boolean {
  const lower = relPath.toLowerCase();
  const segments = lower.split('/');
  const base = segments[segments.length - 1]!.replace(/\.(md|markdown)$/, '');
  const words = base.split(/[-_. ]+/);
  if (words.some((w) => /^templates?$/.test(w)) || /template/.test(base)) return true;
  if (words.some((w) => w === 'changelog' || w === 'changes' || w === 'history') || base === 'release-notes' || base === 'news') return true;
  if (segments.slice(0, -1).some((d) => d === '.github' || d === 'adr' || d === 'adrs' || d === 'decisions' || /(?:^|[-_])templates?$/.test(d))) return true;
  // An ADR by its headings: Context, Decision, Consequences.
  const head = text.slice(0, SNIFF_CHARS);
  return /^#{1,6}\s+(?:\d+[.)]?\s+)?context\b/im.test(head) && /^#{1,6}\s+(?:\d+[.)]?\s+)?decision\b/im.test(head) && /^#{1,6}\s+(?:\d+[.)]?\s+)?consequences\b/im.test(head);
}

/** The kind the nearest folder above a file names (`roadmap/2024.md`, `strategy/payments/index.md`). */
export function kindFromFolders(relPath: string): DocKind | null {
  const dirs = relPath.split('/').slice(0, -1);
  for (let i = dirs.length - 1; i >= 0; i--) {
    const kind = kindFromWords(dirs[i]!);
    if (kind) return kind;
  }
  return null;
}

/** A title's words that name a kind (docs/format.md §8): the first one read left to right. */
const TITLE_WORDS: Array<[RegExp, DocKind]> = [
  [/^(?:vision|mission|north star|values|principles)$/, 'vision'],
  [/^strategy$/, 'strategy'],
  [/^(?:goals|okrs?|objectives|objective and key results|objectives and key results|priorities|priority)$/, 'goals'],
  [/^roadmaps?$/, 'roadmap'],
];

export function kindFromTitle(title: string): DocKind | null {
  // `Throughline example: two products and company OKRs`: what follows a colon describes the title.
  const colon = title.indexOf(':');
  if (colon > 0 && title.slice(0, colon).trim().split(/\s+/).length >= 2) title = title.slice(0, colon);
  const folded = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!folded) return null;
  // Years, quarters and versions qualify a title (`Roadmap 2019`, `Q3 OKRs`); the kind is one of its
  // first or last two words (`Product vision`, `Plan for EF Core 8`), not a word in passing.
  const words = folded.split(' ').filter((w) => !/^(?:\d+|q[1-4]|h[12]|fy\d*|v\d+|\d+(?:st|nd|rd|th))$/.test(w));
  if (words[0] === 'plan' || /\b(?:release|product|delivery|project) plan$/.test(words.join(' '))) return 'roadmap';
  for (let i = 0; i < words.length; i++) {
    if (NEGATION_WORDS.has(words[i]!) || words[i] === 'template') return null;
    if (i >= 2 && i < words.length - 2) continue;
    for (const [re, kind] of TITLE_WORDS) {
      const two = `${words[i]} ${words[i + 1] ?? ''}`.trim();
      const four = words.slice(i, i + 4).join(' ');
      if (re.test(four) || re.test(two) || re.test(words[i]!)) return kind;
    }
  }
  return null;
}

const NEGATION_WORDS = new Set(['non', 'not', 'anti', 'no']);

/** A file's title: front matter `title:`, else its first heading (within what is sniffed). */
function titleOf(text: string, bodyStart: number, fmTitle: string | undefined): string | undefined {
  if (fmTitle?.trim()) return fmTitle;
  const head = text.slice(bodyStart, SNIFF_CHARS);
  const m = /^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(head) ?? /^(.+)\r?\n(?:=+|-+)[ \t]*$/m.exec(head);
  return m?.[1];
}

/** A heading named like roadmap content (`## Roadmap`, `## Strategic initiatives`, `## Deliverables`). */
function hasRoadmapSection(text: string): boolean {
  return /^ {0,3}#{1,6}[ \t]+(?:(?:our|the|strategic|current|project|product|key|planned)[ \t]+)?(?:roadmap|deliverables|initiatives|milestones and deliverables)[ \t]*:?[ \t]*$/im.test(text.slice(0, SNIFF_CHARS));
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
  return kindFromWords(relPath.slice(relPath.lastIndexOf('/') + 1).replace(/\.(md|markdown)$/i, ''));
}

/**
 * The kind a file or folder name gives, from its words split on `-`, `_`, `.` and spaces. When several
 * words name kinds (`strategy-roadmap`), the last one wins: names read general to specific. A negated
 * kind (`non-goals`, `anti-roadmap`) names none.
 */
function kindFromWords(name: string): DocKind | null {
  let kind: DocKind | null = null;
  const words = name.toLowerCase().split(/[-_. ]+/);
  for (let i = 0; i < words.length; i++) {
    const k = NAME_WORDS[words[i]!];
    if (!k) continue;
    if (i > 0 && NEGATION_WORDS.has(words[i - 1]!)) return null;
    kind = k;
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
