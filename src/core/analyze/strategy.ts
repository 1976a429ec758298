import { plainText } from '../markdown';
import { foldTitle } from '../text';
import type { ItemBuilder } from './itemBuilder';

// Strategy documents (docs/format.md §11): which of who / what / why their headings answer.

export function strategy(b: ItemBuilder): void {
  b.info.root = b.docItem('strategy');
  b.info.items.push(b.info.root);
  const answered = { who: false, what: false, why: false };
  const { sections } = b.ctx.syntax;
  const check = (text: string) => {
    for (const q of ['who', 'what', 'why'] as const) {
      if (!answered[q] && sections[q].some((s) => answersWith(text, s))) answered[q] = true;
    }
  };
  for (const h of b.input.headings) if (h !== b.input.titleHeading) check(h.text);
  // A bold lead-in (`**Who:** mid-size teams`) answers a question as well as a heading does.
  for (const node of b.input.tree.children) {
    if (node.type === 'paragraph' && node.children[0]?.type === 'strong') check(plainText(node.children[0]));
  }
  b.info.strategy = answered;
}

/** Bare question words: on their own they answer, followed by more words they ask something else. */
const QUESTION_WORDS = new Set(['who', 'what', 'why', 'how', 'when', 'where']);
/** Words that turn a heading into what is *not* done (`no` and `without` describe people too: `Users without a data team`). */
const NEGATIONS = new Set(['not', 'non', 'never']);

/**
 * Whether a heading (or bold lead-in) answers with a synonym. What counts is its leading phrase: the
 * text before a colon, question mark, parenthesis or spaced dash, a leading number (`2.`) dropped.
 * The phrase must be the synonym, or start with it as whole words (`Target customers for 2027`);
 * a bare question word must stand alone (`Why?`, `Who: …`), since `What should we build next?`
 * asks a different question. A phrase with a negation (`What we're not working on & why`,
 * `Non-goals`, `Users we don't serve`) answers nothing.
 */
export function answersWith(heading: string, synonym: string): boolean {
  const phrase = foldTitle(leadingPhrase(heading));
  const target = foldTitle(synonym);
  if (!target || isNegated(phrase)) return false;
  if (phrase === target) return true;
  return !QUESTION_WORDS.has(target) && phrase.startsWith(target + ' ');
}

function leadingPhrase(text: string): string {
  const unnumbered = text.trim().replace(/^(?:\d+(?:\.\d+)*[.)]?|[ivx]+[.)]|[a-z][.)])\s+/i, '');
  const cut = unnumbered.search(/\s*(?:[:?!(]|\s[—–-]\s|\s--\s)/);
  return cut > 0 ? unnumbered.slice(0, cut) : unnumbered;
}

/** Folded words holding a negation; `don't` folds to `don t`. */
function isNegated(folded: string): boolean {
  const words = folded.split(' ');
  return words.some((w, i) => NEGATIONS.has(w) || (w === 't' && i > 0 && words[i - 1]!.endsWith('n')));
}
