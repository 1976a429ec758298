// The text Throughline itself writes into docs: the prompts its fixes insert and the starter docs of
// Create Product Docs. They are questions, not answers: `placeholder.ts` recognises every one of
// them, so a finding stays until a person writes over the prompt.

export type StrategyQuestion = 'who' | 'what' | 'why';

/** The strategy questions as the fixes and the starter strategy ask them. */
export const STRATEGY_PROMPTS: Record<StrategyQuestion, { heading: string; prompt: string; short: string }> = {
  who: { heading: 'Who', prompt: 'Who are our target customers? Name the segment, its size, and who we are not for.', short: 'who the target customers are' },
  what: { heading: 'What', prompt: 'What are they trying to accomplish? Describe the job, the problem and how they get it done today.', short: 'what they are trying to accomplish' },
  why: { heading: 'Why', prompt: 'Why does it matter to them, and why now? Say what changes for them when we succeed.', short: 'why it matters to them' },
};

/** The value of the metric line a fix (and the starter goals) writes: a prompt, not a target. */
export const METRIC_PROMPT_VALUE = 'what you will measure, from what baseline to what target, by when';
export const METRIC_PROMPT = `Metric: _${METRIC_PROMPT_VALUE}_`;

/**
 * The outcome template `goal-is-output`'s fix writes: a metric in the from / to / by form with blanks
 * (`…`) to fill, for the customers the strategy names. As a snippet, each blank is a tab stop.
 */
export function outcomeTemplate(who: string | undefined): { text: string; snippet: string; blank: string } {
  const escape = (text: string) => text.replace(/[$}\\]/g, '\\$&');
  return {
    text: `Metric: from … to … by …, for ${who ?? '<who>'}`,
    snippet: `Metric: from \${1:…} to \${2:…} by \${3:…}, for ${who ? `\${4:${escape(who)}}` : '${4:<who>}'}`,
    blank: '…',
  };
}

/** A blank of the outcome template still to fill: `from … to`, `by …,`. */
export const OUTCOME_BLANK = /\b(?:from|to|by)\s+…(?=[\s,.;]|$)/;

/** The title of a roadmap item a fix adds for a goal nothing moves: a prompt to name the work. */
export function newItemTitle(goalTitle: string): string {
  return `New item for “${goalTitle}”`;
}

const VISION_PROMPT = 'In one or two sentences: what the world looks like for our customers when we have succeeded.';
const PILLAR_PROMPT = 'A lasting theme the vision rests on. Goals trace to pillars with `Vision: V1`.';
const ITEM_PROMPT = 'What we will build, and for whom.';

/** Other prompts the starter docs hold, so they are recognised wherever they are left unanswered. */
export const OTHER_PROMPTS: readonly string[] = [
  VISION_PROMPT,
  PILLAR_PROMPT,
  'A lasting theme the vision rests on. Goals trace to pillars.',
  'Another lasting theme.',
  'Another theme.',
  ITEM_PROMPT,
  'What this goal changes for our customers, and why it matters now.',
];

/** A new vision doc with one pillar, for goals that have no vision to serve (`missing-vision`'s fix). */
export function visionTemplate(eol: string): string {
  return ['# Vision', '', `_${VISION_PROMPT}_`, '', '## Pillar: First pillar {#V1}', '', `_${PILLAR_PROMPT}_`, ''].join(eol);
}

/**
 * The starter product docs of Create Product Docs. Every answer is a prompt: left as it is, each
 * doc reports what is still to write (the strategy's who / what / why, each goal's metric, the
 * roadmap's items), and the view shows the product as unwritten, never as 100 % done.
 */
export const PRODUCT_DOC_TEMPLATES: Readonly<Record<'vision.md' | 'strategy.md' | 'goals.md' | 'roadmap.md', string>> = {
  'vision.md': `# Product vision

_${VISION_PROMPT}_

## Pillar: First pillar {#V1}

_${PILLAR_PROMPT}_

## Pillar: Second pillar {#V2}

_Another lasting theme._
`,
  'strategy.md': `# Product strategy

## Who

_${STRATEGY_PROMPTS.who.prompt}_

## What

_${STRATEGY_PROMPTS.what.prompt}_

## Why

_${STRATEGY_PROMPTS.why.prompt}_
`,
  'goals.md': `# Goals

Outcomes we commit to, not outputs. Each one names the part of the vision it serves and how we will
know it is met.

## G1: First goal

Vision: V1
${METRIC_PROMPT}

## G2: Second goal

Vision: V2
${METRIC_PROMPT}
`,
  'roadmap.md': `# Roadmap

How we get there. Every item names the goal it moves.

## Now

### ${newItemTitle('First goal')}

Goal: G1

_${ITEM_PROMPT}_

## Next

- ${newItemTitle('Second goal')} — Goal: G2

## Later

- ${newItemTitle('First goal')} — Goal: G1
`,
};
