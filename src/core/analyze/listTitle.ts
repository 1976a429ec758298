import type { Syntax } from '../syntax';

// How a roadmap list item is titled (docs/format.md §2, docs/format.md "Titles and IDs").

/** Longest title shown for a list item; the rest of a long bullet is its description. */
const MAX_LIST_TITLE = 100;

/** Words that end with a period without ending a sentence: `Acme Inc. Engineering` is one phrase. */
const ABBREVIATIONS = new Set(
  ('inc ltd llc plc corp co bros dept est approx ca etc vs cf al eg ie mr mrs ms dr prof sr jr st no nos vol fig ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun').split(' '),
);

/**
 * How many of a paragraph's lines are its title part: those before the first line (after the first)
 * that is a trace field on its own (`Goal: G1`). That line is a trace, not words of the title.
 */
export function titleLineCount(syntax: Syntax, lines: readonly string[]): number {
  for (let i = 1; i < lines.length; i++) {
    if (syntax.fieldAtStart(lines[i]!.replace(/^[ \t>]*/, ''))) return i;
  }
  return lines.length;
}

/**
 * A list item's title from the plain text of its first paragraph. A one-line bullet is titled by all
 * of it, like a heading or a cell (`Dark mode - lets users switch themes`); a bullet whose paragraph
 * wraps onto more lines by its first phrase: up to a spaced dash or the end of the first sentence,
 * never at an abbreviation's period. Either way without a trailing trace field or a closing period,
 * and at most 100 characters.
 */
export function listItemTitle(syntax: Syntax, paragraph: string): ReturnType<Syntax['titleAndId']> {
  const lines = paragraph.split(/\r\n|\r|\n/);
  const titleLines = lines.slice(0, titleLineCount(syntax, lines));
  const first = titleLines[0] ?? '';
  const wraps = titleLines.length > 1 && !syntax.fieldAtEnd(first);
  const parsed = syntax.titleAndId(wraps ? titleLines.join(' ') : first);
  let title = withoutClosingStop(wraps ? firstPhrase(parsed.title) : parsed.title);
  if (title.length > MAX_LIST_TITLE) {
    const space = title.lastIndexOf(' ', MAX_LIST_TITLE);
    title = `${title.slice(0, space > MAX_LIST_TITLE / 2 ? space : MAX_LIST_TITLE)}…`;
  }
  return { ...parsed, title: title || parsed.title };
}

/** The text up to a spaced dash (` — `, ` – `, ` - `) or the end of its first sentence. */
function firstPhrase(text: string): string {
  const dash = text.search(/\s(?:[—–-]|--)\s/);
  let end = dash > 0 ? dash : text.length;
  for (const m of text.slice(0, end).matchAll(/[.!?](?=\s+[\p{Lu}\p{N}])/gu)) {
    if (m[0] === '.' && isAbbreviation(text.slice(0, m.index))) continue;
    end = m.index + 1;
    break;
  }
  return text.slice(0, end).trim();
}

/** A sentence's closing period is punctuation, not title, unless it belongs to an abbreviation (`Acme Inc.`). */
function withoutClosingStop(title: string): string {
  if (!/[^.]\.$/.test(title) || isAbbreviation(title.slice(0, -1))) return title;
  return title.slice(0, -1).trimEnd();
}

/** Whether the word that `before` ends with is an abbreviation, so a period after it ends no sentence. */
function isAbbreviation(before: string): boolean {
  const word = /[\p{L}.]*$/u.exec(before)![0];
  if (/^\p{L}$/u.test(word)) return true; // an initial: `J. Smith`
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // `U.S`, `e.g`
  return ABBREVIATIONS.has(word.toLowerCase().replace(/\./g, ''));
}
