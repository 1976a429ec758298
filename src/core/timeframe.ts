// Periods written in product docs (`by Q2 2025`, `H1 2026`, `June 30, 2025`, `2025-06-30`, `end of
// 2025`), as month ranges, so a goal's timeframe can be compared with today (docs/format.md,
// “Priorities and drift”). Only periods that name their year, or take it from a heading above them,
// count: `by Q4` alone could be any year, and precision comes first.

/** A period as months since year 0 (`year × 12 + month`, January = 0), inclusive at both ends. */
export interface Period {
  start: number;
  end: number;
  /** The period as written (`Q2 2025`, `June 30, 2025`). */
  text: string;
  /** Offsets of `text` in the string it was read from. */
  at: [number, number];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const YEAR = String.raw`((?:19|20)\d\d)`;

/** Each pattern reads one way of writing a period; `null` year groups take the context year. */
const PATTERNS: Array<{ re: RegExp; read: (m: RegExpExecArray, contextYear?: number) => [number, number] | undefined }> = [
  // 2025-06-30, 2025-06
  { re: new RegExp(String.raw`\b${YEAR}-(0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?\b`, 'gi'), read: (m) => month(Number(m[1]), Number(m[2]) - 1) },
  // June 30, 2025 · 30 June 2025 · June 2025 · June 30 (year from context)
  {
    re: new RegExp(String.raw`\b(?:(?:[0-3]?\d)(?:st|nd|rd|th)?\s+)?${MONTH}(?:\s+(?:[0-3]?\d)(?:st|nd|rd|th)?)?(?:,?\s+${YEAR})?\b`, 'gi'),
    read: (m, contextYear) => {
      const year = m[2] ? Number(m[2]) : contextYear;
      // A month name alone (`May`) is also a word; only with a year, or a day beside it, is it a date.
      if (year === undefined || (!m[2] && !/\d/.test(m[0]))) return undefined;
      return month(year, MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()));
    },
  },
  // Q2 2025 · Q2 '25 · Q2 FY2025 · 2025 Q2 · Q2 (year from context); the same for halves
  {
    re: new RegExp(String.raw`\b(?:([qh])([1-4])(?:\s*[-/]?\s*(?:fy|cy)?\s*'?(\d{4}|\d{2}))?|(?:fy|cy)?\s*${YEAR}\s*[-/]?\s*([qh])([1-4]))\b`, 'gi'),
    read: (m, contextYear) => {
      const kind = (m[1] ?? m[5])!.toLowerCase();
      const n = Number(m[2] ?? m[6]);
      const yearText = m[3] ?? m[4];
      const year = yearText ? (yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText)) : contextYear;
      if (year === undefined || (kind === 'h' && n > 2)) return undefined;
      return kind === 'q' ? [year * 12 + (n - 1) * 3, year * 12 + n * 3 - 1] : [year * 12 + (n - 1) * 6, year * 12 + n * 6 - 1];
    },
  },
  // 2025 (a year alone)
  { re: new RegExp(String.raw`\b${YEAR}\b`, 'g'), read: (m) => [Number(m[1]) * 12, Number(m[1]) * 12 + 11] },
];

function month(year: number, m: number): [number, number] | undefined {
  return m >= 0 ? [year * 12 + m, year * 12 + m] : undefined;
}

/**
 * Every period written in `text`, longest first where two overlap (`Q2 2025`, not `2025` again).
 * `contextYear` completes periods written without their year (`by Q4` under a `2026` heading).
 */
export function periodsIn(text: string, contextYear?: number): Period[] {
  const found: Period[] = [];
  const taken: Array<[number, number]> = [];
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const at: [number, number] = [m.index, m.index + m[0].length];
      if (taken.some(([a, b]) => at[0] < b && a < at[1])) continue;
      const months = read(m, contextYear);
      if (!months) continue;
      taken.push(at);
      found.push({ start: months[0], end: months[1], text: m[0].trim(), at });
    }
  }
  return found.sort((a, b) => a.at[0] - b.at[0]);
}

/**
 * The periods in a goal's own words that say when it is due: after `by`, `before`, `until`, `due`,
 * `in`, `during`, `end of`, `deadline`, or in brackets (`(Q3 2025)`). Bare numbers and years in
 * prose (“since 2019”, “from 2024 levels”) are not timeframes.
 */
export function duePeriodsIn(text: string, contextYear?: number): Period[] {
  return periodsIn(text, contextYear).filter((p) => {
    const before = text.slice(Math.max(0, p.at[0] - 24), p.at[0]).toLowerCase();
    const after = text.slice(p.at[1], p.at[1] + 2);
    return /(?:\bby|\bbefore|\buntil|\btill|\bdue(?: date)?|\bin|\bduring|\bend of|\beoy|\bdeadline|\bwithin|\bthrough|\bfor)\s*(?:the\s+)?(?:end\s+of\s+)?:?\s*$/.test(before) || (/\(\s*$/.test(before) && /^\s*\)/.test(after));
  });
}

/** The year a heading names, when it names exactly one (`Goals for 2026`, `Company OKRs, H1 2026`). */
export function yearOf(text: string): number | undefined {
  const years = new Set([...text.matchAll(/\b((?:19|20)\d\d)\b/g)].map((m) => Number(m[1])));
  return years.size === 1 ? [...years][0] : undefined;
}

/** Today as a month index, comparable with `Period` bounds. */
export function monthOf(date: Date): number {
  return date.getFullYear() * 12 + date.getMonth();
}
