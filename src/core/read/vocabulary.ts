import { foldTitle, memoByText } from '../text';

// The words a careful reader goes by (docs/format.md "How Throughline reads docs it was not written
// for"): which headings name sections, groups, goals sections, the vision, or work left out.
// Everything here works on folded titles (lower case, punctuation as spaces; see `foldTitle`).

/** What a heading's name alone says about its section. */
export type NamedRole =
  /** Work explicitly left out (Non-goals, Out of scope, What we are not doing): nothing in it counts. */
  | 'negated'
  /** The vision, mission, purpose, values: vision sections, never items or goals. */
  | 'vision'
  /** A section of goals (Goals, Objectives, Priorities, Focus areas, Themes, OKRs). */
  | 'goals'
  /** A section of roadmap items (Roadmap, Deliverables, Initiatives). */
  | 'items'
  /** When, where or what kind: a horizon, release, status, date or phase. Holds items or goals. */
  | 'group'
  /** Prose that is never an item or goal (Background, FAQ, Risks, Timeline…). */
  | 'section';

const PERIOD = String.raw`(?:(?:fy|cy)\s?)?(?:\d{4}(?:\s?(?:q[1-4]|h[12]))?|q[1-4](?:\s?(?:fy|cy)?\s?\d{2,4})?|h[12](?:\s?\d{2,4})?|\d{2,4}h[12])`;
const QUALIFIER = String.raw`(?:our|the|key|main|major|top|current|core|strategic|primary|product|project|team|company|annual|quarterly|yearly|technical|high level|overall|roadmap|big|big picture|${PERIOD})`;

/** `KEY`, with qualifiers before it and a period or parenthetical after it: `2019 Priorities`, `Goals for 2026`. */
function named(keys: string): RegExp {
  return new RegExp(String.raw`^(?:${QUALIFIER} )*(?:${keys})(?: (?:for|in|of)? ?(?:the )?(?:${PERIOD}|year|quarter|half|next \w+|this \w+))*(?: set \d+)?$`);
}

const GOALS_NAMED = named(
  String.raw`goals?|objectives?(?: and key results?)?|okrs?|priorities|priority|focus(?: areas?)?|focus areas?|themes?|outcomes?|primary focus|areas of focus|goals? and objectives|objectives? and goals?|goals? objectives and requirements|goals? and non goals|bets|north star metrics?`,
);
const ITEMS_NAMED = named(String.raw`roadmap|deliverables?|initiatives?|planned work|related work|work items?|workstreams?|projects?|features?|epics?|milestones and deliverables|plans?`);
const VISION_NAMED = /^(?:(?:our|the|product|project|company|long term|\d+ years?|\d+ year|\w+ s) )*(?:vision|mission|mission statement|purpose|north star|values|core values|vision and mission|mission and vision|mission vision and values|mission and values|vision and values|mission vision and guiding principles|founding principles|guiding principles)(?: .*)?$/;
const NEGATED = /^(?:non|not|anti|never|no)\b|\b(?:non|not|anti)\s?(?:goals?|objectives?|roadmap|scope|priorit\w*|focus|doing|working on|planned|in scope|here)\b|\bout of scope\b|\bwhat (?:we re|we are|s|is|we will|we ll) not\b|\bwon t\b|\bwill not\b|\bleaving off\b|\bleft out\b|\bexclu(?:ded|sions?)\b|\bwe (?:re|are) not doing\b/;

/** Section words (docs/format.md §8): a heading starting with one of these is a section, at any level. */
const SECTION_START = new RegExp(
  '^(?:' +
    [
      'introduction', 'intro', 'overview', 'background', 'motivation', 'summary', 'tl ?dr', 'abstract', 'guide level explanation',
      'reference level explanation', 'drawbacks', 'rationale', 'alternatives', 'prior art', 'unresolved questions', 'open questions',
      'future possibilities', 'risks?', 'known risks', 'requests? to other teams', 'how to help', 'how you can help',
      'how to contribute', 'get involved', 'getting involved', 'contributing', 'faq', 'frequently asked questions', 'process',
      'about', 'metrics', 'kpis?', 'success metrics', 'measures', 'measurement', 'context', 'appendix', 'glossary', 'changelog',
      'change log', 'revision history', 'further reading', 'acknowledg(?:e)?ments?', 'definitions?', 'key concepts', 'terminology',
      'quick links', 'table of contents', 'schedule', 'timeline', 'calendar', 'meetings?', 'meeting times', 'meeting links',
      'linked issues', 'project board', 'staffing', 'help wanted', 'team members', 'governance', 'funding', 'team asks',
      'competitive landscape', 'competition', 'the status quo', 'status quo', 'design axioms', 'assumptions', 'pricing',
      'market segmentation', 'example use cases', 'use cases', 'issue triage', 'triage', 'release cadence', 'deep dives?',
      'project agreement', 'general principles', 'guiding principles', 'general information', 'lessons learned', 'retrospective',
      // explanations: how to, how we, why we, what is
      'how to', 'how we', 'how do', 'how does', 'how should', 'why we', 'why do', 'what is', 'what are', 'the basics',
      'getting started', 'introducing', 'current progress', 'progress', 'personas?', 'target customers', 'target users',
      'our customers', 'customers', 'users', 'audience', 'who we serve', 'user profiles',
    ].join('|') +
    ')(?: |$)',
);
/** Section words that name a section only as the whole heading (`References`, not `Reference link`). */
const SECTION_EXACT = new RegExp(
  '^(?:' +
    [
      'references?', 'links', 'resources', 'notes?', 'status', 'current status', 'current state', 'where we are now', 'design',
      'examples?', 'questions', 'feedback', 'suggestions', 'support', 'contact', 'license', 'credits', 'authors', 'people',
      'members', 'labels', 'discussion', 'related', 'see also', 'strategy', 'tactics', 'approach', 'methodology', 'principles',
      'dependencies', 'history', 'updates?', 'contents', 'toc', 'how we work', 'who we are', 'why', 'how', 'cadence', 'milestones',
    ].join('|') +
    ')$',
);
/** The last word of a heading that makes it a section whatever comes before (`Roadmap strategy`, `Potential challenges`). */
const SECTION_END = /(?:^| )(?:strategy|strategies|philosophy|approach|principles|process|overview|background|challenges|risks|assumptions|context|status|faq|questions|prioriti[sz]ation|triage|cadence|timeline|schedule|calendar|glossary|template|templates|landscape|guidelines|explained|explanation)$/;

/** Headings that are always groups (docs/format.md §8): horizons, releases, statuses, dates, phases. */
const HORIZON = String.raw`(?:now|next|later|soon|future|someday|backlog|icebox|ideas|wish ?list|planning|in planning|current|upcoming|planned|committed|exploring|under consideration|beyond|eventually|(?:short|medium|mid|middle|near|long|immediate) ?term|(?:this|next|last|previous) (?:quarter|half|year|month|sprint|cycle|release)|up next)`;
const STATUS = String.raw`(?:in progress|ongoing|doing|to do|todo|done|shipped|completed?|released|delivered|launched|finished|accomplished|active|paused|on hold|blocked|retired|archived|deprecated|cancelled|canceled|work in progress|wip|in review|in need of (?:a )?\w+|in flight|in development|in design|under way|underway|recently (?:shipped|completed|released))`;
const THINGS = String.raw`(?:work|items?|milestones?|initiatives?|projects?|features?|releases?|priorities|efforts?|steps|plans?|bets?)`;
const GROUP_NAMED = new RegExp(
  '^(?:' +
    [
      // horizons and statuses, alone or naming what they hold: `Now`, `Future work`, `In progress`, `Completed / Retired`
      String.raw`(?:${HORIZON}|${STATUS})(?: (?:${HORIZON}|${STATUS}|${THINGS}|and|or|in the \w+|\d.*|${PERIOD}.*))*`,
      String.raw`(?:current|future|completed|active|past|previous|recent|new|planned|proposed|open|closed|cached|deferred|parked|postponed|remaining|other|candidate|possible|potential) ${THINGS}`,
      String.raw`what we ve (?:accomplished|shipped|delivered|done|achieved)`,
      String.raw`what s (?:new|done|shipped)`,
      String.raw`(?:what )?we (?:ll|will) keep doing|keep doing`,
      String.raw`(?:below|above) the cut ?line|cut ?line|stretch(?: goals)?`,
      // releases, versions, milestones, phases
      String.raw`(?:release|version|milestones?|phase|stage|sprint|iteration|wave|step|m)\s?v?\d[\w.+]*(?: .*)?`,
      String.raw`milestones?\s+(?:m?\d|q[1-4]|v\d|h[12])[\w .+&-]*`,
      String.raw`v?\d+(?:\.\d+|\.x)+\+?(?: .*)?`,
      String.raw`v\d+(?: .*)?`,
      String.raw`[\w.]+ v?\d+\.\d+[\w.+]*(?: .*)?`,
      // dates
      String.raw`${PERIOD}(?: .*)?`,
      String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?: \d{4})?`,
      String.raw`(?:spring|summer|autumn|fall|winter)(?: \d{4})?`,
    ].join('|') +
    ')$',
);

const ABOUT_KIND = /\b(?:goals|okrs|objectives|north stars)\b/;

/** What a heading's (or a label line's) name says on its own, or undefined when its content must decide. */
export const namedRole: (title: string) => NamedRole | undefined = memoByText((title) => computeNamedRole(title));

function computeNamedRole(title: string): NamedRole | undefined {
  // A parenthetical qualifies the name (`Themes (and what's next and why)`, `OKRs (2020 Set 1)`).
  const folded = foldName(title.replace(/\([^)]*\)/g, ' ')) || foldName(title);
  if (!folded) return undefined;
  // A question heads an answer (`Why does it need a roadmap?`), never an item or goal.
  if (/\?\s*(?:\{#[^}]*\})?\s*$/.test(title) && !NEGATED.test(folded)) return 'section';
  if (NEGATED.test(folded)) return 'negated';
  if (VISION_NAMED.test(folded)) return 'vision';
  if (GOALS_NAMED.test(folded)) return 'goals';
  if (ITEMS_NAMED.test(folded)) return 'items';
  if (GROUP_NAMED.test(folded)) return 'group';
  if (SECTION_START.test(folded) || SECTION_EXACT.test(folded) || SECTION_END.test(folded)) return 'section';
  // A heading that talks about goals or the roadmap in passing (`Three ways we approach goals
  // differently`) is about them, not one of them.
  if (ABOUT_KIND.test(folded) && folded.split(' ').length >= 4) return 'section';
  return undefined;
}

/** A heading's name for the tests above: folded, with a leading number (`2.`, `(#3)`) and trailing `:` dropped. */
export function foldName(title: string): string {
  return title
    .replace(/^\s*(?:\(?#?\d+(?:\.\d+)*[.):]?\)?|[ivx]+[.)]|[a-z][.)])\s+/i, '')
    .normalize('NFKC')
    .toLowerCase()
    // Dots and pluses stay between digits (`v1.5+`, `1.19`): versions name releases.
    .replace(/(\d)\.(?=\d|x\b)/g, '$1\u0000')
    .replace(/(\d)\+/g, '$1\u0001')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\u0000/g, '.')
    .replace(/\u0001/g, '+')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A leading label that says what a heading or entry is (`Goal: Cultivate a healthy community`,
 * `Theme: Performance`, `Objective 2 - Grow`, `**OBJECTIVE:** …`, `Problem Area: …`): the role, the
 * title after it, and the label as written (`Objective 2` doubles as an ID).
 */
export interface LeadingLabel {
  role: 'goal' | 'item' | 'vision' | 'group' | 'key-result' | 'negated';
  title: string;
  label: string;
  /** `Objective 2` / `Goal 3` written with a number: usable as an ID. */
  numbered?: string;
}

const LABELS: Array<[LeadingLabel['role'], string]> = [
  ['negated', String.raw`non[- ]?goals?|non[- ]?objectives?|not doing|out of scope`],
  ['key-result', String.raw`key results?|kr`],
  ['goal', String.raw`goals?|objectives?|okrs?|themes?|focus(?: area)?|priority|outcomes?|problem areas?|bets?|north star`],
  ['item', String.raw`initiatives?|epics?|features?|projects?|deliverables?|work items?`],
  ['vision', String.raw`pillars?|principles?|values?|tenets?`],
  ['group', String.raw`milestones|phases|stages|releases|horizons`],
];
const LEADING_LABEL = new RegExp(
  // An optional period or rank before the label: `2026 goal: …`, `Q3 objective: …`, `Primary goal: …`.
  String.raw`^(?:\*\*|__)?(?:(?:\d{4}|q[1-4]|h[12]|fy ?\d{2,4}|primary|main|top|key|overall)\s+)?(${LABELS.map(([, l]) => l).join('|')})(?:\s+(#?\d+(?:\.\d+)?))?(?:\*\*|__)?\s*(?::|\s[-—–]\s|\.\s)\s*(?:\*\*|__)?\s*`,
  'i',
);

/** The leading label of a title (`Goal: X`), when the rest is a title of its own. */
export const leadingLabel: (plain: string) => LeadingLabel | undefined = memoByText((plain) => computeLeadingLabel(plain));

function computeLeadingLabel(plain: string): LeadingLabel | undefined {
  const m = LEADING_LABEL.exec(plain.trim());
  if (!m) return undefined;
  const rest = plain.trim().slice(m[0].length).replace(/^(?:\*\*|__)|(?:\*\*|__)$/g, '').trim();
  if (!rest) return undefined;
  const word = m[1]!.toLowerCase();
  const role = LABELS.find(([, l]) => new RegExp(`^(?:${l})$`, 'i').test(word))![0];
  const label = m[2] ? `${m[1]} ${m[2]}` : m[1]!;
  return { role, title: rest, label, ...(m[2] ? { numbered: `${capitalize(m[1]!)} ${m[2].replace('#', '')}` } : {}) };
}

/** The short ID a numbered label is also written as: `Objective 1` → `O1`, `Goal 2` → `G2`, `OKR 3` → `OKR3`. */
export function shortLabelId(numbered: string | undefined): string | undefined {
  const m = /^(objective|goal|okr)s?\s+#?(\d+(?:\.\d+)?)$/i.exec(numbered ?? '');
  if (!m) return undefined;
  const prefix = { objective: 'O', goal: 'G', okr: 'OKR' }[m[1]!.toLowerCase() as 'objective' | 'goal' | 'okr'];
  return `${prefix}${m[2]}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
}

/** A leading ID that marks a goal in any doc (`O1.`, `G2:`, `OKR-3`, `KR1.2`), as opposed to an item's (`R12`). */
export const GOAL_ID = /^(?:O|G|OKR|OBJ|KR)[-.]?\d+(?:\.\d+)?$/i;
export const KEY_RESULT_ID = /^KR[-.]?\d+(?:\.\d+)?$/i;

/** Month, quarter or date names: entries of a calendar, not items (docs/format.md §8). */
const CALENDAR_ENTRY = new RegExp(
  String.raw`^(?:(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?: \d{1,2})?(?: \d{2,5})?|${PERIOD}|\d{4}(?: \d{2}){1,2}|(?:week|sprint|day) \d+)$`,
);

export function isCalendarName(plain: string): boolean {
  return CALENDAR_ENTRY.test(foldTitle(plain));
}

/** A value that reads as data (a date, a number, a handle, a status word) rather than a description. */
export function isDataValue(plain: string): boolean {
  const t = plain.trim();
  if (!t) return true;
  if (/^[@#]?[\w.-]+$/.test(t) && t.split(/\s+/).length === 1) return true;
  if (/^[\d\s.,:/%$€£+-]+(?:[a-z]{0,3})?$/i.test(t)) return true;
  if (isCalendarName(t)) return true;
  return t.split(/\s+/).length <= 3 && !/[.!?]$/.test(t);
}

/** A single symbol, emoji or short code: the first cell or term of a legend (`📝`, `✔️`, `P0`). */
export function isSymbol(plain: string): boolean {
  const t = plain.trim();
  if (!t) return false;
  if (/^[\p{Extended_Pictographic}\p{So}\p{Sm}\uFE0F\u200D\s]+$/u.test(t)) return true;
  return /^\d$/.test(t) || /^[^\p{L}\p{N}\s]$/u.test(t);
}

/**
 * What the sentence introducing a list says the list holds (`There are four big themes we want to
 * tackle`, `This work is comprised of two big initiatives`): goals, items, or nothing said.
 */
export function introNames(paragraph: string): 'goals' | 'items' | 'problems' | undefined {
  const folded = foldTitle(paragraph);
  // `They face three limitations in practice:`, `The two main friction points are:`: the list states problems.
  if (/\b(?:limitations|friction points|pain points|problems|challenges|drawbacks|risks|obstacles|blockers|complaints)\b(?:[^.:]{0,40})?:?\s*$/.test(folded) || /\b(?:limitations|friction points|pain points|problems|challenges)\b[^.]{0,30}\b(?:are|include)\b\s*$/.test(folded)) return 'problems';
  // `three goals`, `the following goals`, `The following are general goals in…`.
  const quantified = String.raw`(?:\d+|two|three|four|five|six|seven|eight|nine|ten|(?:the )?following(?: (?:are|is))?)`;
  // `High level goals for kind include:`, `Our priorities are:`: the sentence is about the list's goals.
  if (!NEGATED.test(folded) && /^(?:[\w-]+ ){0,3}(?:goals|objectives|priorities|themes|focus areas|outcomes)(?: (?:for|of|in) [\w ]{1,30}?)? (?:include|includes|are|will be)$/.test(folded)) return 'goals';
  if (/^(?:[\w-]+ ){0,3}(?:initiatives|deliverables|features|projects|work items)(?: (?:for|of|in) [\w ]{1,30}?)? (?:include|includes|are|will be)$/.test(folded)) return 'items';
  if (new RegExp(String.raw`\b${quantified} (?:\w+ )?(?:themes|goals|objectives|priorities|focus areas|outcomes|bets)\b`).test(folded) && !/\b(?:non|not) (?:goals|objectives)\b/.test(folded)) return 'goals';
  if (new RegExp(String.raw`\b${quantified} (?:\w+ )?(?:initiatives|deliverables|projects|features|work items|epics)\b`).test(folded)) return 'items';
  return undefined;
}
