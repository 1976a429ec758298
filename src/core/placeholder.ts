import { memoByText } from './text';
import { METRIC_PROMPT_VALUE, OTHER_PROMPTS, OUTCOME_BLANK, STRATEGY_PROMPTS } from './templates';

// Text that holds the place of an answer without being one (docs/format.md "Prompts and
// placeholders"): the prompts Throughline writes itself, and the placeholders people leave in
// templates. A finding whose answer is still a placeholder stays, reworded ("… is still a prompt").

/** Words people leave where an answer goes: `TBD`, `TODO`, `N/A`, `?`, `…`, `Coming soon`. */
const TOKENS =
  /^(?:tbd|tbc|tba|todo|to ?do|to be (?:decided|defined|determined|written|confirmed|done)|n\/?a|none yet|not yet|\?+|…|\.{2,}|-+|—|coming soon|placeholder|fill (?:this |me |it )?in(?: later)?|write (?:this|here|me)(?: later)?|xx+|lorem ipsum\b.*)[.!]?$/i;

const TOOL_PROMPTS = new Set(
  [METRIC_PROMPT_VALUE, ...Object.values(STRATEGY_PROMPTS).map((p) => p.prompt), ...OTHER_PROMPTS].map(foldPrompt),
);

/**
 * Whether a value or a paragraph (raw Markdown) holds no answer: empty, a placeholder word (`TBD`),
 * a prompt Throughline writes, italics that only ask a question (`_Who are our customers?_`), or a
 * bracketed blank to fill in (`[Describe the segment]`, `<target>`). HTML comments are ignored.
 */
export const isPlaceholder: (raw: string) => boolean = memoByText((raw) => computeIsPlaceholder(raw));

function computeIsPlaceholder(raw: string): boolean {
  let text = raw.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ').trim();
  // A list marker, quote marker or checkbox in front says nothing.
  text = text.replace(/^(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?(?:\[[ xX]\]\s+)?/, '').trim();
  if (text === '') return true;
  const italic = /^(?:_(?!_)([\s\S]+)_|\*(?!\*)([\s\S]+)\*)$/.exec(text);
  if (italic) {
    const inner = (italic[1] ?? italic[2] ?? '').trim();
    if (inner.includes('?') || isToolPrompt(inner)) return true;
  }
  if (isBlank(text)) return true;
  const plain = text.replace(/[*_`~]/g, '').replace(/\s+/g, ' ').trim();
  // The outcome template with a blank left (`from … to 55% by …`): a target not written yet.
  return TOKENS.test(plain) || isToolPrompt(plain) || OUTCOME_BLANK.test(plain);
}

/** Whether an item's title is a placeholder: one a fix or a starter doc wrote (`New item for …`), or `TBD`. */
export function isPlaceholderTitle(title: string): boolean {
  const t = title.replace(/[*_`~]/g, '').replace(/\s+/g, ' ').trim();
  return (
    t === '' ||
    TOKENS.test(t) ||
    /^new (?:roadmap )?item for\b/i.test(t) ||
    /^(?:first|second|third|fourth|fifth|another|next) (?:roadmap item|item|goal|pillar|theme)$/i.test(t) ||
    /^untitled\b/i.test(t)
  );
}

/**
 * How a block of Markdown (a section's body) answers: `empty` (nothing but blank lines, comments
 * and headings), `prompt` (only placeholders), or `answered`. Paragraphs are separated by blank
 * lines; headings inside the block count as structure, not as answers.
 */
export function blockState(raw: string): 'empty' | 'prompt' | 'answered' {
  const body = raw.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
  const paragraphs = body
    .split(/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/)
    .map((p) =>
      p
        .split(/\r\n|\r|\n/)
        .filter((line) => !/^ {0,3}#{1,6}(?:\s|$)/.test(line))
        .join(' ')
        .trim(),
    )
    .filter((p) => p !== '');
  if (paragraphs.length === 0) return 'empty';
  // A list is judged item by item: `- TBD` is a placeholder, `- Mid-size teams` an answer.
  const pieces = paragraphs.flatMap((p) => (/^(?:[-*+]|\d+[.)])\s/.test(p) ? p.split(/\s(?=(?:[-*+]|\d+[.)])\s)/) : [p]));
  return pieces.every(isPlaceholder) ? 'prompt' : 'answered';
}

function isToolPrompt(text: string): boolean {
  const folded = foldPrompt(text);
  return TOOL_PROMPTS.has(folded) || /^new (?:roadmap )?item for\b/.test(folded);
}

/** `[Describe the segment]`, `<your target>`: a blank to fill in, not a link or an HTML tag. */
function isBlank(text: string): boolean {
  const square = /^\[([^\]]+)\]$/.exec(text);
  if (square) return true;
  const angle = /^<([^<>]+)>$/.exec(text);
  return !!angle && /\s/.test(angle[1]!) && !/[=/:@]/.test(angle[1]!);
}

function foldPrompt(text: string): string {
  return text
    .replace(/[*_`~]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!]+$/, '')
    .toLowerCase();
}
