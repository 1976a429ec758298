import type { DocumentInfo } from '../analyze/document';
import { appendEdit, insertAt, rangeOfInserted } from '../fixes';
import { strategyAnswers, type StrategySection } from '../strategySections';
import { STRATEGY_PROMPTS, type StrategyQuestion } from '../templates';
import type { Fix, TextEdit } from '../types';
import { defineRule, type Finding } from './rule';

const QUESTIONS: readonly StrategyQuestion[] = ['who', 'what', 'why'];

export const strategyMissingSection = defineRule({
  id: 'strategy-missing-section',
  defaultSeverity: 'warning',
  title: 'Strategy questions not answered',
  summary: 'A strategy doc has no section answering who, what or why, or answers one only with a prompt.',
  check(ctx) {
    const findings: Finding[] = [];
    for (const doc of ctx.model.docs) {
      if (doc.kind !== 'strategy' || !doc.strategy) continue;
      const answers = strategyAnswers(doc, ctx.config);
      const missing = QUESTIONS.filter((q) => answers.state[q] === 'missing');
      const unwritten = QUESTIONS.filter((q) => answers.state[q] === 'prompt' || answers.state[q] === 'empty');
      if (missing.length === 0 && unwritten.length === 0) continue;
      const parts: string[] = [];
      if (missing.length > 0) {
        parts.push(
          `This strategy doesn't say ${listWords(missing.map((q) => STRATEGY_PROMPTS[q].short), 'or')}: add a section headed ${listWords(missing.map((q) => `“${STRATEGY_PROMPTS[q].heading}”`), 'and')} (or a synonym such as ${synonymHint(missing[0]!)})`,
        );
      }
      if (unwritten.length > 0) {
        const sections = unwritten.map((q) => sectionOf(answers.sections, q)!);
        const names = listWords(sections.map((s) => `“${s.title}”`), 'and');
        const state = unwritten.every((q) => answers.state[q] === 'empty') ? 'empty' : sections.length === 1 ? 'still a prompt' : 'still prompts';
        const lead = parts.length ? 'its' : "This strategy's";
        parts.push(`${lead} ${names} ${sections.length === 1 ? 'section is' : 'sections are'} ${state}: write ${listWords(unwritten.map((q) => STRATEGY_PROMPTS[q].short), 'and')}`);
      }
      findings.push({
        doc,
        range: doc.titleRange,
        message: `${parts.join('; ')}.`,
        ...(missing.length === 0 ? { variant: 'prompt' as const } : {}),
        fixes: () => fixesFor(doc, answers.sections, missing, unwritten),
      });
    }
    return findings;
  },
});

/** The first section answering a question (for its title in messages and the prompt to select). */
function sectionOf(sections: readonly StrategySection[], q: StrategyQuestion): StrategySection | undefined {
  return sections.find((s) => s.question === q && s.state !== 'answered') ?? sections.find((s) => s.question === q);
}

/**
 * One fix per missing section and one for all of them, each placed beside its siblings in who →
 * what → why order (Why after the What section), with its prompt selected to write over; and, for
 * a section that is still a prompt, one that selects the prompt. Prompts are no answers, so none of
 * these is preferred: Fix All never writes them.
 */
function fixesFor(doc: DocumentInfo, sections: readonly StrategySection[], missing: readonly StrategyQuestion[], unwritten: readonly StrategyQuestion[]): Fix[] {
  const fixes: Fix[] = [];
  const add = (questions: readonly StrategyQuestion[], title: string) => {
    const edits = insertSections(doc, sections, questions);
    const first = [...edits].sort((a, b) => a.range.start.line - b.range.start.line)[0]!;
    const prompt = questions.map((q) => STRATEGY_PROMPTS[q].prompt).find((p) => first.newText.includes(p));
    const select = prompt ? rangeOfInserted(first, prompt) : undefined;
    fixes.push({ title, edits, ...(select ? { select: { uri: doc.uri, range: select } } : {}) });
  };
  if (missing.length > 1) add(missing, `Add ${listWords(missing.map((q) => `“${STRATEGY_PROMPTS[q].heading}”`))} sections`);
  for (const q of missing) add([q], `Add a “${STRATEGY_PROMPTS[q].heading}” section`);
  for (const q of unwritten) {
    const section = sectionOf(sections, q);
    const at = section?.body ?? (section ? { start: { line: section.line, character: 0 }, end: { line: section.line, character: doc.lines.lineText(section.line).length } } : undefined);
    if (section && at) fixes.push({ title: `Write the answer under “${section.title}”`, edits: [], select: { uri: doc.uri, range: at } });
  }
  return fixes;
}

/** Edits that add the sections for `questions`, each next to the section of the question before it (else after it, else at the end). */
function insertSections(doc: DocumentInfo, sections: readonly StrategySection[], questions: readonly StrategyQuestion[]): TextEdit[] {
  // Where each new section goes: after the last section of the nearest earlier question, else before the first of the nearest later one.
  const places = new Map<string, { line: number; sibling?: StrategySection; questions: StrategyQuestion[] }>();
  for (const q of questions) {
    const index = QUESTIONS.indexOf(q);
    let place: { line: number; sibling?: StrategySection } = { line: doc.lines.lineCount };
    const earlier = QUESTIONS.slice(0, index).reverse().map((e) => sections.filter((s) => s.question === e).pop()).find((s) => s);
    const later = QUESTIONS.slice(index + 1).map((l) => sections.find((s) => s.question === l)).find((s) => s);
    if (earlier) place = { line: earlier.end, sibling: earlier };
    else if (later) place = { line: later.line, sibling: later };
    const key = String(place.line);
    const entry = places.get(key) ?? { ...place, questions: [] };
    entry.questions.push(q);
    places.set(key, entry);
  }
  const edits: TextEdit[] = [];
  const eol = doc.eol;
  for (const { line, sibling, questions: qs } of places.values()) {
    const block = qs.map((q) => sectionText(doc, q, sibling)).join(eol + eol);
    if (line >= doc.lines.lineCount) {
      edits.push(appendEdit(doc, block));
      continue;
    }
    const previousBlank = line === 0 || doc.lines.lineText(line - 1).trim() === '';
    edits.push(insertAt(doc, { line, character: 0 }, `${previousBlank ? '' : eol}${block}${eol}${eol}`));
  }
  return edits;
}

/** A new section written like its sibling: a heading of the same level, or a bold lead-in; the question as an italic prompt. */
function sectionText(doc: DocumentInfo, q: StrategyQuestion, sibling: StrategySection | undefined): string {
  const { heading, prompt } = STRATEGY_PROMPTS[q];
  if (sibling?.kind === 'lead') return `**${heading}:** _${prompt}_`;
  const level = sibling?.kind === 'heading' ? sibling.depth : sectionLevel(doc);
  return `${'#'.repeat(level)} ${heading}${doc.eol}${doc.eol}_${prompt}_`;
}

function sectionLevel(doc: DocumentInfo): number {
  const depths = [...doc.text.matchAll(/^(#{1,6})[ \t]+\S/gm)].map((m) => m[1]!.length);
  const h1s = depths.filter((d) => d === 1).length;
  const body = h1s === 1 ? depths.filter((d) => d > 1) : depths;
  return body.length ? Math.min(...body) : 2;
}

function synonymHint(q: StrategyQuestion): string {
  return { who: '“Target customers”', what: '“Problem”', why: '“Why it matters”' }[q];
}

function listWords(words: string[], last = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1]}`;
}
