// Whether a goal's own words state a measurable target (docs/rules/goal-missing-metric.md): a
// quantity such as `4 countries`, `5+ languages`, `under 30s`, `<25% CPU`, `10x`, `$1.2M ARR`,
// `1 second or less`, as opposed to numbers that only name things (`Phase 1`, `v1.2`, `#1297`,
// `2026`, `L3`, `0-to-1`).

const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|half|double|triple|twice';
const UNIT = String.raw`(?:%|x\b|×|k\b|m\b|mb\b|gb\b|ms\b|s\b|sec\w*|second\w*|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|users?|customers?|teams?|members?|people|companies|countries|languages?|entries|requests?|qps|rps|points?|pp\b|percent|per\s+cent|times)`;
const COMPARATOR = String.raw`(?:under|over|below|above|at least|at most|less than|more than|fewer than|greater than|up to|within|from|to|by|reach(?:es|ing)?|increase\w*|decrease\w*|reduce\w*|grow\w*|cut\w*|double|triple|<|>|≤|≥|~)`;

const QUANTITY = new RegExp(
  String.raw`(?:^|[\s(\[])` +
    '(?:' +
    // `$1.2M`, `€300k`
    String.raw`[$€£]\s?\d[\d,.]*\s?(?:k|m|bn|b|million|billion)?\b` +
    // `4 countries`, `5+ languages`, `<25% CPU`, `10x`, `200k views`, `30s`
    String.raw`|(?:${COMPARATOR}\s*)?\d[\d,]*(?:\.\d+)?\+?\s?(?:${UNIT}|[a-z]{3,})` +
    // `one second`, `two weeks`, `double the …`
    String.raw`|\b(?:${NUMBER_WORDS})\s+${UNIT}` +
    ')',
  'i',
);

/** Numbers that name rather than measure: labels, versions, issues, years, ranges like `0-to-1`. */
const NAMING = new RegExp(
  String.raw`(?:\b(?:phase|stage|step|priority|objective|goal|release|version|milestone|sprint|wave|tier|level|chapter|section|part|item|issue|pr|pull|rfc|tep|nap|kep|fy|cy)\s?#?\d[\d.]*|\b[a-z]{1,2}-?\d[\d.]*\b` +
    String.raw`|#\d+|\bv\d+(?:\.\d+)*\b|\b\d+\.\d+\.\d+\b|\b(?:19|20)\d{2}\b|\b\d+-to-[\w\d]+|\b\d{1,2}:\d{2}\b|\[\^?\d+\]|\(\d+\)|^\s*\d+[.)]\s)`,
  'gi',
);

/** The first quantity a text states, as written (for hovers), or undefined. */
export function hasQuantity(text: string): string | undefined {
  const cleaned = text.replace(NAMING, ' ');
  const m = QUANTITY.exec(cleaned);
  if (!m) return undefined;
  const at = m.index;
  const lineStart = cleaned.lastIndexOf('\n', at) + 1;
  const lineEnd = cleaned.indexOf('\n', at);
  return cleaned.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).replace(/\s+/g, ' ').trim().slice(0, 120);
}
