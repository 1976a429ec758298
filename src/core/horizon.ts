import { foldTitle } from './text';

// Horizons (Now / Next / Later) of roadmap items, as their writers name them: a horizon heading
// above the item (`## Now`, `### Q3 2026`, `## In progress`) or front matter `horizon:`.

/** Where an item stands in time, in the three buckets product teams plan with, plus work already done. */
export type HorizonBucket = 'now' | 'next' | 'later' | 'done';

export const HORIZON_BUCKETS: readonly HorizonBucket[] = ['now', 'next', 'later', 'done'];

const BUCKET_WORDS: Array<[HorizonBucket, RegExp]> = [
  ['done', /^(?:done|shipped|completed?|released|delivered|launched|finished|accomplished|what we ve (?:accomplished|shipped|delivered))\b/],
  ['now', /^(?:now|current(?:ly)?|in progress|ongoing|doing|this (?:quarter|month|sprint|half|cycle)|active|short term|immediate(?: term)?|committed)\b/],
  ['next', /^(?:next|up next|upcoming|soon|planned|near term|medium term|middle term|mid term|next (?:quarter|half|up))\b/],
  ['later', /^(?:later|future|someday|long term|backlog|ideas?|exploring|under consideration|beyond|eventually|icebox)\b/],
];

const QUARTER = /\b(?:q([1-4])|h([12]))\b(?:\s*(?:fy|cy)?\s*'?(\d{2,4}))?|\b(?:fy|cy)?\s*'?(\d{4})\s*(?:q([1-4])|h([12]))\b/;

/**
 * The bucket a horizon name falls in: by its words (`Now`, `In progress`, `Later`, `Done ✅`), else by
 * the period it names (`Q3 2026`, `H1`, `2027`) compared with `today`. Undefined when it names neither.
 */
export function horizonBucket(name: string, today: Date = new Date()): HorizonBucket | undefined {
  const folded = foldTitle(name);
  if (!folded) return undefined;
  for (const [bucket, words] of BUCKET_WORDS) if (words.test(folded)) return bucket;
  const period = periodOf(folded);
  if (!period) return undefined;
  const now = today.getFullYear() * 12 + today.getMonth();
  if (period.end < now) return 'done';
  if (period.start <= now) return 'now';
  // The period right after the current one is next; anything further is later.
  return period.start - now <= 6 ? 'next' : 'later';
}

/** A quarter, half or year named in a folded title, as a month range (year × 12 + month). */
function periodOf(folded: string): { start: number; end: number } | undefined {
  const q = QUARTER.exec(folded);
  if (q) {
    const quarter = q[1] ?? q[5];
    const half = q[2] ?? q[6];
    const yearText = q[3] ?? q[4];
    if (!yearText) return undefined;
    const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    if (quarter) return { start: year * 12 + (Number(quarter) - 1) * 3, end: year * 12 + Number(quarter) * 3 - 1 };
    return { start: year * 12 + (Number(half) - 1) * 6, end: year * 12 + Number(half) * 6 - 1 };
  }
  const y = /^(?:in |for )?(\d{4})$/.exec(folded);
  if (y) {
    const year = Number(y[1]);
    return { start: year * 12, end: year * 12 + 11 };
  }
  return undefined;
}
