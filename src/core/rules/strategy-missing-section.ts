import type { DocumentInfo } from '../analyze/document';
import { appendEdit } from '../fixes';
import type { Fix } from '../types';
import type { Finding, Rule } from './rule';

type Question = 'who' | 'what' | 'why';

const PROMPTS: Record<Question, { heading: string; prompt: string; short: string }> = {
  who: { heading: 'Who', prompt: 'Who are our target customers? Name the segment, its size, and who we are not for.', short: 'who the target customers are' },
  what: { heading: 'What', prompt: 'What are they trying to accomplish? Describe the job, the problem and how they get it done today.', short: 'what they are trying to accomplish' },
  why: { heading: 'Why', prompt: 'Why does it matter to them, and why now? Say what changes for them when we succeed.', short: 'why it matters to them' },
};

export const strategyMissingSection: Rule = {
  id: 'strategy-missing-section',
  summary: 'A strategy doc has no section answering who, what or why.',
  check(ctx) {
    const findings: Finding[] = [];
    for (const doc of ctx.model.docs) {
      if (doc.kind !== 'strategy' || !doc.strategy) continue;
      const missing = (['who', 'what', 'why'] as const).filter((q) => !doc.strategy![q]);
      if (missing.length === 0) continue;
      const fixes: Fix[] = missing.map((q) => ({
        title: `Add a “${PROMPTS[q].heading}” section`,
        edits: [appendEdit(doc, sectionsText(doc, [q]))],
      }));
      if (missing.length > 1) {
        fixes.push({ title: `Add ${listWords(missing.map((q) => `“${PROMPTS[q].heading}”`))} sections`, edits: [appendEdit(doc, sectionsText(doc, missing))], preferred: true });
      } else fixes[0]!.preferred = true;
      findings.push({
        doc,
        range: doc.titleRange,
        message: `This strategy doesn't say ${listWords(missing.map((q) => PROMPTS[q].short), 'or')}: add a section headed ${listWords(missing.map((q) => `“${PROMPTS[q].heading}”`), 'and')} (or a synonym such as ${synonymHint(missing[0]!)}).`,
        fixes,
      });
    }
    return findings;
  },
};

/** New sections at the level of the doc's existing sections, each with its strategy question as a prompt. */
function sectionsText(doc: DocumentInfo, questions: readonly Question[]): string {
  const level = sectionLevel(doc);
  const hashes = '#'.repeat(level);
  return questions.map((q) => `${hashes} ${PROMPTS[q].heading}${doc.eol}${doc.eol}_${PROMPTS[q].prompt}_`).join(doc.eol + doc.eol);
}

function sectionLevel(doc: DocumentInfo): number {
  const depths = [...doc.text.matchAll(/^(#{1,6})[ \t]+\S/gm)].map((m) => m[1]!.length);
  const h1s = depths.filter((d) => d === 1).length;
  const body = h1s === 1 ? depths.filter((d) => d > 1) : depths;
  return body.length ? Math.min(...body) : h1s === 1 ? 2 : 2;
}

function synonymHint(q: Question): string {
  return { who: '“Target customers”', what: '“Problem”', why: '“Why it matters”' }[q];
}

function listWords(words: string[], last = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1]}`;
}
