import { parse as parseYaml } from 'yaml';
import { DEFAULT_SEVERITIES, RULE_IDS } from './rules';
import type { DocKind, RuleId, Severity } from './types';

export type SeveritySetting = Severity | 'off';

/** The resolved configuration every part of the core reads. Built from defaults + config file + editor settings. */
export interface Config {
  rules: Record<RuleId, SeveritySetting>;
  /** Globs per kind, relative to the workspace folder (docs/format.md §1, third source). */
  kinds: Partial<Record<DocKind, string[]>>;
  /** Globs of files never read, on top of `node_modules` and `.git`. */
  exclude: string[];
  /** Trace labels by the layer they name: `goal` labels are read in roadmap items, `vision` labels in goals, `any` in both. */
  traceLabels: { goal: string[]; vision: string[]; any: string[] };
  /** Heading synonyms that answer who / what / why in a strategy doc. */
  sections: { who: string[]; what: string[]; why: string[] };
  /** Headings that name sections rather than goals or roadmap items. */
  nonItemHeadings: string[];
  /** Leading tokens that look like IDs but are labels (priorities, quarters), so they are not IDs. */
  notIds: string[];
  /** The share of the nearest horizon's items that should serve a goal (`horizon-misaligned`), 0 to 1. */
  alignmentTarget: number;
  /** Whether the config set `alignmentTarget`: a team that names a target checks it even without priorities or dates. */
  alignmentTargetSet?: boolean;
  /** How much each factor counts in the Prioritise score (exponents of a product; 0 leaves a factor out). */
  priorityWeights: PriorityWeights;
}

/** The factors of the Prioritise score (docs/format.md, “Priorities and drift”). */
export type PriorityFactorName = 'alignment' | 'impact' | 'urgency' | 'confidence' | 'effort';
export type PriorityWeights = Record<PriorityFactorName, number>;
export const PRIORITY_FACTORS: readonly PriorityFactorName[] = ['alignment', 'impact', 'urgency', 'confidence', 'effort'];
export const DEFAULT_PRIORITY_WEIGHTS: Readonly<PriorityWeights> = { alignment: 1, impact: 1, urgency: 1, confidence: 0, effort: 0 };
export const DEFAULT_ALIGNMENT_TARGET = 0.8;

export const DOC_KINDS: readonly DocKind[] = ['vision', 'strategy', 'goals', 'roadmap', 'goal', 'roadmap-item'];

export function defaultConfig(): Config {
  return {
    rules: { ...DEFAULT_SEVERITIES },
    kinds: {},
    exclude: [],
    traceLabels: {
      goal: ['Goal', 'Goals', 'Objective', 'Objectives', 'OKR', 'OKRs'],
      vision: ['Vision', 'Pillar', 'Pillars', 'Theme', 'Themes'],
      any: ['Supports', 'Traces to', 'Serves'],
    },
    // docs/format.md §11's synonyms, widened with the words strategy templates use for the same
    // questions (docs/format.md "Strategy docs" lists them all).
    sections: {
      who: [
        'Who', 'Target customers', 'Customers', 'Audience', 'Users', 'Personas', 'Who we serve',
        'Target customer', 'Target market', 'Target markets', 'Target users', 'Target user', 'Target audience', 'Target segment',
        'Target segments', 'Customer segment', 'Customer segments', 'Segments', 'Market segment', 'ICP', 'Ideal customer profile',
        'Ideal customer', 'Persona', 'User personas', 'Our customers', 'Our users', 'Who it is for', "Who it's for", 'Who we build for', 'Who we are for',
      ],
      what: [
        'What', 'Problem', 'Needs', 'Jobs to be done', 'What they are trying to accomplish',
        'Problems', 'The problem', 'Problem statement', 'Customer problem', 'Customer problems', 'User problems', 'JTBD', 'Jobs',
        'Customer needs', 'User needs', 'Needs and pains', 'Pain points', 'Pains', 'Customer jobs',
      ],
      why: [
        'Why', 'Why it matters', 'Value', 'Rationale', 'Why now',
        'Why this matters', 'Why it matters to them', 'Why now?', 'Value proposition', 'Customer value', 'Outcomes', 'Customer outcomes',
        'Desired outcomes', 'Benefits', 'Impact',
      ],
    },
    nonItemHeadings: [
      'Introduction',
      'Overview',
      'Background',
      'Context',
      'Summary',
      'Non-goals',
      'Out of scope',
      'Notes',
      'References',
      'Appendix',
      'Glossary',
      'Changelog',
      // Beyond the spec's list: sections real roadmaps use for prose, never for items.
      'FAQ',
      'Frequently asked questions',
      'Open questions',
      'Motivation',
      'Further reading',
      'Acknowledgements',
    ],
    notIds: ['P0', 'P1', 'P2', 'P3', 'P4', 'Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2'],
    alignmentTarget: DEFAULT_ALIGNMENT_TARGET,
    priorityWeights: { ...DEFAULT_PRIORITY_WEIGHTS },
  };
}

/** The keys a config file may hold; anything else is a mistake worth naming. */
export interface ConfigFile {
  rules?: Partial<Record<RuleId, SeveritySetting>>;
  kinds?: Partial<Record<DocKind, string[]>>;
  exclude?: string[];
  traceLabels?: string[] | { goal?: string[]; vision?: string[]; any?: string[] };
  sections?: { who?: string[]; what?: string[]; why?: string[] };
  nonItemHeadings?: string[];
  notIds?: string[];
  alignmentTarget?: number;
  priorityWeights?: Partial<PriorityWeights>;
}

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly key?: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

export const CONFIG_FILE_NAMES = ['.throughline.yaml', '.throughline.yml', '.throughline.json'] as const;

const SEVERITY_ALIASES: Record<string, SeveritySetting> = {
  error: 'error',
  warning: 'warning',
  warn: 'warning',
  information: 'information',
  info: 'information',
  hint: 'hint',
  off: 'off',
  none: 'off',
  false: 'off',
};

/** Parses a config file's text (YAML or JSON). Throws ConfigError naming the offending key. */
export function parseConfigText(text: string): ConfigFile {
  let data: unknown;
  try {
    // Config is data only: no custom tags, aliases capped, nothing executed.
    data = parseYaml(text, { maxAliasCount: 100, prettyErrors: false });
  } catch (e) {
    throw new ConfigError(`not valid YAML or JSON: ${firstLine((e as Error).message)}`);
  }
  if (data === null || data === undefined) return {};
  return validateConfig(data);
}

/**
 * Checks the shape of a config object (from a file or editor settings); throws ConfigError naming
 * the key. Two kindnesses, both documented: a single string where a list is expected is a one-item
 * list, and a key left empty (`exclude:` with nothing after it, YAML null) is as if it were absent.
 */
export function validateConfig(data: unknown): ConfigFile {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ConfigError(`the config must be a mapping of keys (${CONFIG_KEYS.join(', ')}), not ${describe(data)}`);
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    // Own keys only: `__proto__` or `constructor` in a config file are unknown keys, not validators.
    const validate = Object.hasOwn(VALIDATORS, key) ? (VALIDATORS[key as keyof ConfigFile] as (value: unknown) => unknown) : undefined;
    if (!validate) throw new ConfigError(`unknown key "${key}"; known keys are ${CONFIG_KEYS.join(', ')}`, key);
    if (value !== null) out[key] = validate(value);
  }
  return out as ConfigFile;
}

const VALIDATORS: { [K in keyof Required<ConfigFile>]: (value: unknown) => ConfigFile[K] } = {
  rules: validateRules,
  kinds: (value) => namedLists(value, 'kinds', DOC_KINDS, () => `is not a kind; use one of ${DOC_KINDS.join(', ')}`),
  exclude: (value) => stringList(value, 'exclude'),
  traceLabels: (value) => {
    if (Array.isArray(value) || typeof value === 'string') return stringList(value, 'traceLabels');
    if (typeof value !== 'object' || value === null) {
      throw new ConfigError(`"traceLabels" must be a list of labels, or a mapping with goal, vision and any lists, not ${describe(value)}`, 'traceLabels');
    }
    return namedLists(value, 'traceLabels', ['goal', 'vision', 'any'] as const, () => 'is not a layer; use goal, vision or any');
  },
  sections: (value) => namedLists(value, 'sections', ['who', 'what', 'why'] as const, () => 'is not a strategy question; use who, what or why'),
  nonItemHeadings: (value) => stringList(value, 'nonItemHeadings'),
  notIds: (value) => stringList(value, 'notIds'),
  alignmentTarget: validateAlignmentTarget,
  priorityWeights: validatePriorityWeights,
};

/** A share from 0 to 1 (`0.8`) or a percentage (`80%`): the part of the nearest horizon that should serve a goal. */
function validateAlignmentTarget(value: unknown): number {
  const share = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+(?:\.\d+)?\s*%\s*$/.test(value) ? Number.parseFloat(value) / 100 : Number.NaN;
  if (!Number.isFinite(share) || share < 0 || share > 1) {
    throw new ConfigError(`"alignmentTarget" must be a share from 0 to 1 (0.8) or a percentage ("80%"), not ${describe(value)}`, 'alignmentTarget');
  }
  return share;
}

/** How much each Prioritise factor counts: a number from 0 (left out) to 5 per factor. */
function validatePriorityWeights(value: unknown): Partial<PriorityWeights> {
  const out: Partial<PriorityWeights> = {};
  for (const [factor, weight] of Object.entries(expectObject(value, 'priorityWeights'))) {
    if (!(PRIORITY_FACTORS as readonly string[]).includes(factor)) {
      throw new ConfigError(`"priorityWeights.${factor}" is not a factor of the score; use ${PRIORITY_FACTORS.join(', ')}`, `priorityWeights.${factor}`);
    }
    if (weight === null) continue;
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0 || weight > 5) {
      throw new ConfigError(`"priorityWeights.${factor}" must be a number from 0 (left out) to 5, not ${describe(weight)}`, `priorityWeights.${factor}`);
    }
    out[factor as PriorityFactorName] = weight;
  }
  return out;
}

export const CONFIG_KEYS = Object.keys(VALIDATORS);

/** A mapping from a fixed set of names (kinds, layers, questions) to lists of strings. */
function namedLists<N extends string>(value: unknown, key: string, names: readonly N[], notAName: () => string): Partial<Record<N, string[]>> {
  const out: Partial<Record<N, string[]>> = {};
  for (const [name, list] of Object.entries(expectObject(value, key))) {
    if (!(names as readonly string[]).includes(name)) throw new ConfigError(`"${key}.${name}" ${notAName()}`, `${key}.${name}`);
    if (list !== null) out[name as N] = stringList(list, `${key}.${name}`);
  }
  return out;
}

function validateRules(value: unknown): Partial<Record<RuleId, SeveritySetting>> {
  const rules = expectObject(value, 'rules');
  const out: Partial<Record<RuleId, SeveritySetting>> = {};
  for (const [rule, setting] of Object.entries(rules)) {
    if (setting === null) continue;
    if (!(RULE_IDS as readonly string[]).includes(rule)) {
      throw new ConfigError(`"rules.${rule}" is not a Throughline rule; rules are ${RULE_IDS.join(', ')}`, `rules.${rule}`);
    }
    const severity = typeof setting === 'string' || typeof setting === 'boolean' ? SEVERITY_ALIASES[String(setting).toLowerCase()] : undefined;
    if (!severity) {
      const what = typeof setting === 'string' ? `"${setting}"` : describe(setting);
      throw new ConfigError(`"rules.${rule}" must be error, warning, information, hint or off, not ${what}`, `rules.${rule}`);
    }
    out[rule as RuleId] = severity;
  }
  return out;
}

/** Layers config sources over the defaults; later sources win for severities, lists add up. */
export function mergeConfig(...files: ConfigFile[]): Config {
  const config = defaultConfig();
  for (const file of files) {
    Object.assign(config.rules, file.rules);
    for (const [kind, globs] of Object.entries(file.kinds ?? {})) {
      config.kinds[kind as DocKind] = [...(config.kinds[kind as DocKind] ?? []), ...(globs ?? [])];
    }
    config.exclude.push(...(file.exclude ?? []));
    if (Array.isArray(file.traceLabels)) config.traceLabels.any.push(...file.traceLabels);
    else if (file.traceLabels) {
      config.traceLabels.goal.push(...(file.traceLabels.goal ?? []));
      config.traceLabels.vision.push(...(file.traceLabels.vision ?? []));
      config.traceLabels.any.push(...(file.traceLabels.any ?? []));
    }
    config.sections.who.push(...(file.sections?.who ?? []));
    config.sections.what.push(...(file.sections?.what ?? []));
    config.sections.why.push(...(file.sections?.why ?? []));
    config.nonItemHeadings.push(...(file.nonItemHeadings ?? []));
    // notIds replaces rather than adds: an empty list is how a team says "P1 is an ID here".
    if (file.notIds) config.notIds = [...file.notIds];
    if (file.alignmentTarget !== undefined) {
      config.alignmentTarget = file.alignmentTarget;
      config.alignmentTargetSet = true;
    }
    Object.assign(config.priorityWeights, file.priorityWeights);
  }
  return config;
}

function expectObject(value: unknown, key: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(`"${key}" must be a mapping (key: value pairs), not ${describe(value)}`, key);
  }
  return value as Record<string, unknown>;
}

function stringList(value: unknown, key: string): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list)) throw new ConfigError(`"${key}" must be a list of strings, not ${describe(value)}`, key);
  const wrong = list.findIndex((v) => typeof v !== 'string');
  if (wrong >= 0) throw new ConfigError(`"${key}" must be a list of strings, but entry ${wrong + 1} is ${describe(list[wrong])}`, key);
  if (list.some((v) => (v as string).trim() === '')) throw new ConfigError(`"${key}" holds an empty entry; remove it`, key);
  return list as string[];
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
