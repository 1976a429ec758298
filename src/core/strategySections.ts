import type { DocumentInfo } from './analyze/document';
import { answersWith } from './analyze/strategy';
import type { Config } from './config';
import { blockState } from './placeholder';
import type { StrategyQuestion } from './templates';
import type { Range } from './types';

// A strategy doc's who / what / why sections, as the strategy-missing-section rule and the Strategy
// view need them: where each answering section is, where it ends (a new section goes after its
// sibling), and whether what is written under it is an answer or still a prompt.

export type AnswerState = 'answered' | 'prompt' | 'empty' | 'missing';

export interface StrategySection {
  question: StrategyQuestion;
  /** A heading (`## Why it matters`) or a bold lead-in (`**Why:** …`). */
  kind: 'heading' | 'lead';
  /** Heading depth; 0 for a lead-in. */
  depth: number;
  /** The heading's (or lead-in's) line, and its text as written (marks dropped). */
  line: number;
  title: string;
  /** The first line after the section (the next heading of the same or a higher level, or the end). */
  end: number;
  /** What is written under it. */
  state: 'answered' | 'prompt' | 'empty';
  /** Where its prompt text is (the first line of its body that is not blank), for a fix to select. */
  body?: Range;
}

export interface StrategyAnswers {
  sections: StrategySection[];
  /** Per question: answered somewhere, only prompts or empty sections, or no section at all. */
  state: Record<StrategyQuestion, AnswerState>;
}

const QUESTIONS: readonly StrategyQuestion[] = ['who', 'what', 'why'];
const cache = new WeakMap<DocumentInfo, WeakMap<Config, StrategyAnswers>>();

/**
 * The doc's answers to who, what and why. A question the reader found answered (`doc.strategy`) is
 * `prompt` or `empty` only when every section answering it holds nothing but placeholders; one the
 * reader did not find is `missing`. Computed once per document version and config.
 */
export function strategyAnswers(doc: DocumentInfo, config: Config): StrategyAnswers {
  let byConfig = cache.get(doc);
  if (!byConfig) cache.set(doc, (byConfig = new WeakMap()));
  let answers = byConfig.get(config);
  if (!answers) byConfig.set(config, (answers = compute(doc, config)));
  return answers;
}

function compute(doc: DocumentInfo, config: Config): StrategyAnswers {
  const sections = scan(doc, config);
  const state = {} as Record<StrategyQuestion, AnswerState>;
  for (const q of QUESTIONS) {
    if (!doc.strategy?.[q]) state[q] = 'missing';
    else {
      const mine = sections.filter((s) => s.question === q);
      // A section the reader saw but this scan did not (a setext heading): trust the reader.
      if (mine.length === 0 || mine.some((s) => s.state === 'answered')) state[q] = 'answered';
      else state[q] = mine.some((s) => s.state === 'prompt') ? 'prompt' : 'empty';
    }
  }
  return { sections, state };
}

interface Line {
  n: number;
  text: string;
  heading?: { depth: number; text: string };
}

function scan(doc: DocumentInfo, config: Config): StrategySection[] {
  const lines = bodyLines(doc);
  const titleLine = doc.titleRange.start.line;
  const out: StrategySection[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.heading) {
      if (line.n === titleLine && line.heading.depth === 1) continue;
      const q = questionOf(line.heading.text, config);
      if (!q) continue;
      let j = i + 1;
      while (j < lines.length && !(lines[j]!.heading && lines[j]!.heading!.depth <= line.heading.depth)) j++;
      const end = j < lines.length ? lines[j]!.n : doc.lines.lineCount;
      const body = lines.slice(i + 1, j);
      const bodyText = body.map((l) => l.text).join('\n');
      out.push({ question: q, kind: 'heading', depth: line.heading.depth, line: line.n, title: line.heading.text.trim(), end, state: answerState(bodyText, line.heading.text), ...firstBody(body) });
      continue;
    }
    // `**Who:** mid-size teams`: a bold lead-in answers like a heading; the rest of its paragraph is the answer.
    const lead = /^(\*\*|__)(.+?)\1\s*:?\s*(.*)$/.exec(line.text.trim());
    if (!lead || (i > 0 && lines[i - 1]!.text.trim() !== '' && !lines[i - 1]!.heading)) continue;
    const q = questionOf(lead[2]!.replace(/:\s*$/, ''), config);
    if (!q) continue;
    let j = i + 1;
    while (j < lines.length && lines[j]!.text.trim() !== '' && !lines[j]!.heading) j++;
    const rest = [lead[3] ?? '', ...lines.slice(i + 1, j).map((l) => l.text)].join('\n');
    const end = j < lines.length ? lines[j]!.n : doc.lines.lineCount;
    out.push({ question: q, kind: 'lead', depth: 0, line: line.n, title: lead[2]!.replace(/:\s*$/, '').trim(), end, state: answerState(rest, lead[2]!), ...leadBody(line, lead) });
  }
  return out;
}

/**
 * What a section's body says: `blockState`, and a body that only repeats its heading (`## Who we
 * serve` over `Who we serve.`) says nothing either, so it is read as a prompt (docs/format.md,
 * “Strategy docs”).
 */
function answerState(body: string, heading: string): StrategySection['state'] {
  const state = blockState(body);
  if (state !== 'answered') return state;
  const words = (s: string) => s.replace(/<!--[\s\S]*?-->/g, ' ').replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, ' ').toLowerCase().replace(/[^\p{L}\p{N}\s]+/gu, ' ').split(/\s+/).filter((w) => w && !FILLER.has(w));
  const said = words(body);
  const asked = new Set(words(heading));
  return said.length > 0 && said.length <= asked.size + 1 && said.every((w) => asked.has(w)) ? 'prompt' : 'answered';
}

/** Words that add nothing to a heading repeated as its own answer. */
const FILLER = new Set(['the', 'a', 'an', 'our', 'we', 'is', 'are', 'this', 'it', 'to', 'of', 'and', 'for', 'here', 'section', 'goes', 'see', 'below', 'above']);

function questionOf(text: string, config: Config): StrategyQuestion | undefined {
  return QUESTIONS.find((q) => config.sections[q].some((s) => answersWith(text, s)));
}

/** The range of the first non-blank line of a section's body: what a fix selects to write over. */
function firstBody(body: Line[]): { body?: Range } {
  const first = body.find((l) => l.text.trim() !== '' && !l.heading);
  if (!first) return {};
  const start = first.text.length - first.text.trimStart().length;
  return { body: { start: { line: first.n, character: start }, end: { line: first.n, character: first.text.trimEnd().length } } };
}

/** The range of a lead-in's answer on its own line (`**Who:** TBD` → `TBD`). */
function leadBody(line: Line, lead: RegExpExecArray): { body?: Range } {
  const rest = lead[3] ?? '';
  if (!rest.trim()) return {};
  const end = line.text.trimEnd().length;
  return { body: { start: { line: line.n, character: end - rest.trimEnd().length }, end: { line: line.n, character: end } } };
}

/** The document's lines after its front matter, with ATX headings marked; fenced code is never a heading. */
function bodyLines(doc: DocumentInfo): Line[] {
  const startLine = doc.frontMatter ? doc.lines.position(doc.frontMatter.block.end).line : 0;
  const out: Line[] = [];
  let fence: string | undefined;
  for (let n = startLine; n < doc.lines.lineCount; n++) {
    const text = doc.lines.lineText(n);
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(text);
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = undefined;
      out.push({ n, text });
      continue;
    }
    if (f) {
      fence = f[1]!;
      out.push({ n, text });
      continue;
    }
    const h = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(text);
    out.push(h ? { n, text, heading: { depth: h[1]!.length, text: (h[2] ?? '').replace(/[*_`]/g, '') } } : { n, text });
  }
  return out;
}
