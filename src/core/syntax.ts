import type { Config } from './config';
import { foldTitle } from './text';

/** Which layer a trace label names: a goal (read in roadmap items), the vision (read in goals), or either. */
export type LabelLayer = 'goal' | 'vision' | 'any';

/** A trace field found in a line of raw Markdown: where its value starts and what label introduced it. */
export interface FieldMatch {
  label: string;
  layer: LabelLayer;
  /** Offset of the field's start (the label, or the opening parenthesis) within the line. */
  start: number;
  /** Offset of the value within the line, and its end (before a closing parenthesis). */
  valueStart: number;
  valueEnd: number;
}

/** The leading ID token of docs/format.md §2: 1-5 capitals, optional `-`/`.`, digits, optional `.digits`. */
const LEADING_ID = /^([A-Z]{1,5}[-.]?\d+(?:\.\d+)?)(?=[:.\-—–\s)]|$)[:.\-—–\s]*/;
const HEADING_ATTRIBUTE = /\s*\{#([^\s}]+)\}\s*$/;
const CHECKBOX = /^\[[ xX]\]\s+/;
const EMPHASIS = String.raw`(\*\*|__|\*|_)?`;
/** Priority fields at the end of a title line, after its trace field: ` — Impact: high`, ` · Urgency: low`, ` (effort: M)`. */
const PRIORITY_TAIL =
  /(?:\s+(?:—|–|--?|\||·|•)\s+|\s*[,;]\s+|\s*\(\s*)(?:\*\*|__|\*|_)?(?:impact|urgency|effort|confidence|reach|priority|rice|ice|wsjf|score|weight|size|due|deadline)(?:\*\*|__|\*|_)?\s*:(?:(?!\s+(?:—|–|--?|\||·|•)\s+(?:\*\*|__|\*|_)?(?:goals?|objectives?|okrs?|supports|traces to|serves|vision|pillars?|themes?)\b).)*$/i;

/**
 * Everything about the written syntax that depends on configuration (labels, synonyms, non-item
 * names), compiled once per config.
 */
export class Syntax {
  private readonly labelLayer = new Map<string, LabelLayer>();
  private readonly ownLine: RegExp;
  private readonly trailingParen: RegExp;
  private readonly trailingSeparated: RegExp;
  private readonly leadingLabel: RegExp;
  private readonly nonItem: Set<string>;
  private readonly notIds: Set<string>;
  readonly sections: Record<'who' | 'what' | 'why', string[]>;

  constructor(config: Config) {
    for (const layer of ['any', 'goal', 'vision'] as const) {
      for (const label of config.traceLabels[layer]) this.labelLayer.set(foldLabel(label), layer);
    }
    const labels = [...this.labelLayer.keys()]
      .sort((a, b) => b.length - a.length)
      .map((l) => l.split(' ').map(escapeRegExp).join(String.raw`\s+`))
      .join('|');
    // `Goal: G1`, `**Goal**: G1`, `**Goal:** G1`, `_Goals_: G1, G2`
    this.ownLine = new RegExp(String.raw`^${EMPHASIS}(${labels})\1?[ \t]*:\1?[ \t]*`, 'i');
    // `Offline mode (goals: G1, G3)`
    this.trailingParen = new RegExp(String.raw`\s*\(\s*${EMPHASIS}(${labels})\1?[ \t]*:\1?[ \t]*((?:[^()]|\([^()]*\))*)\)\s*$`, 'i');
    // `**Offline mode** — Goal: G1`, `Dark mode - goals: G2; G3`, `Sync. Goal: G4`
    this.trailingSeparated = new RegExp(
      String.raw`(?:\s+(?:—|–|--?|\||·|•)|[.,;])\s+${EMPHASIS}(${labels})\1?[ \t]*:\1?[ \t]*(.*)$`,
      'i',
    );
    this.leadingLabel = new RegExp(String.raw`^(?:${labels}|principle|value)(?:\s+\d+)?\s*:\s*`, 'i');
    this.nonItem = new Set(config.nonItemHeadings.map(foldTitle));
    this.notIds = new Set(config.notIds.map((s) => s.toUpperCase()));
    this.sections = config.sections;
  }

  /** The layer a label names, if `text` (a table cell, a front matter key) is exactly a trace label. */
  labelOf(text: string): LabelLayer | undefined {
    return this.labelLayer.get(foldLabel(text.replace(/[*_`]/g, '').replace(/:\s*$/, '')));
  }

  /** A field that a line starts with: `Goal: G1`. `line` is raw Markdown without container markers. */
  fieldAtStart(line: string): FieldMatch | undefined {
    const m = this.ownLine.exec(line);
    if (!m) return undefined;
    const valueStart = m[0].length;
    return { label: m[2]!, layer: this.layerOf(m[2]!), start: 0, valueStart, valueEnd: line.length };
  }

  /**
   * A field that ends a title line: `Offline mode (goals: G1)` or `Offline mode — Goal: G1`. Priority
   * fields after it (`— Goal: G1 — Impact: high`) are not part of its value (docs/format.md §12).
   */
  fieldAtEnd(whole: string): FieldMatch | undefined {
    const tail = PRIORITY_TAIL.exec(whole);
    const line = tail && tail.index > 0 ? whole.slice(0, tail.index) : whole;
    const paren = this.trailingParen.exec(line);
    if (paren) {
      const valueEnd = paren.index + paren[0].trimEnd().length - 1; // before the closing parenthesis
      return {
        label: paren[2]!,
        layer: this.layerOf(paren[2]!),
        start: paren.index,
        valueStart: valueEnd - paren[3]!.length,
        valueEnd,
      };
    }
    const sep = this.trailingSeparated.exec(line);
    if (sep && sep.index > 0) {
      return {
        label: sep[2]!,
        layer: this.layerOf(sep[2]!),
        start: sep.index,
        valueStart: line.length - sep[3]!.length,
        valueEnd: line.length,
      };
    }
    return undefined;
  }

  /**
   * Whether a heading names a section (Background, Non-goals…) rather than a goal or item: the
   * whole heading, or its part before a colon (`Further reading: metrics`).
   */
  isNonItemHeading(title: string): boolean {
    let answer = this.nonItemAnswers.get(title);
    if (answer === undefined) {
      const colon = title.indexOf(':');
      answer = this.nonItem.has(foldTitle(title)) || (colon > 0 && this.nonItem.has(foldTitle(title.slice(0, colon))));
      if (this.nonItemAnswers.size > 50_000) this.nonItemAnswers.clear();
      this.nonItemAnswers.set(title, answer);
    }
    return answer;
  }

  /** Every heading of a document is asked about on every re-check: each title is answered once. */
  private readonly nonItemAnswers = new Map<string, boolean>();

  /** A title without a leading label (`Pillar: Clarity` → `Clarity`, `Theme 2: Speed` → `Speed`). */
  withoutLeadingLabel(title: string): string | undefined {
    const m = this.leadingLabel.exec(title);
    return m && m[0].length < title.length ? title.slice(m[0].length).trim() : undefined;
  }

  /** A title's leading ID token and the rest, unless the token is a label such as `P1` or `Q3`. */
  leadingId(title: string): { id: string; rest: string } | undefined {
    const m = LEADING_ID.exec(title);
    if (!m || this.notIds.has(m[1]!.toUpperCase())) return undefined;
    return { id: m[1]!, rest: title.slice(m[0].length) };
  }

  /**
   * An item's title and ID from its plain text: drops a `{#id}` attribute, a trailing trace field,
   * a leading checkbox and a leading ID (docs/format.md §2).
   */
  titleAndId(plain: string): { title: string; id: string | null; attributeId: string | null } {
    let text = plain.replace(/\s+/g, ' ').trim();
    let attributeId: string | null = null;
    const attr = HEADING_ATTRIBUTE.exec(text);
    if (attr) {
      attributeId = attr[1]!;
      text = text.slice(0, attr.index);
    }
    const field = this.fieldAtEnd(text);
    if (field) text = text.slice(0, field.start);
    else {
      // Priority fields after a title are not part of it: `Dark mode — Urgency: high` is “Dark mode”.
      const tail = PRIORITY_TAIL.exec(text);
      if (tail && tail.index > 0) text = text.slice(0, tail.index);
    }
    text = text.replace(CHECKBOX, '');
    let id: string | null = null;
    const lead = this.leadingId(text);
    if (lead) {
      id = lead.id;
      text = lead.rest;
    }
    text = text.trim();
    return { title: text || id || attributeId || '', id: id ?? attributeId, attributeId };
  }

  private layerOf(label: string): LabelLayer {
    return this.labelLayer.get(foldLabel(label)) ?? 'any';
  }
}

function foldLabel(label: string): string {
  return label.toLowerCase().replace(/\s+/g, ' ').trim();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const cache = new WeakMap<Config, Syntax>();

export function syntaxFor(config: Config): Syntax {
  let syntax = cache.get(config);
  if (!syntax) {
    syntax = new Syntax(config);
    cache.set(config, syntax);
  }
  return syntax;
}
