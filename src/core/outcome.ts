import type { DocumentInfo } from './analyze/document';
import type { Config } from './config';
import type { LinkedModel, Scope } from './link';
import { strategyAnswers } from './strategySections';
import { OUTCOME_BLANK } from './templates';
import type { Item, Range } from './types';

// Outcomes over outputs (docs/rules/goal-is-output.md): a goal says what changes for customers or
// the business (“cut time to first insight from 3 days to 1 hour”), not what the team ships
// (“launch the mobile app”). Precision first: a goal is read as an output only when its title opens
// with a verb of delivery and names a thing to deliver, and nothing it states measures a change.

/** Verbs that open a goal worded as a deliverable: the team ships it, and is done. */
const OUTPUT_VERBS = new Set([
  'ship', 'launch', 'build', 'release', 'migrate', 'implement', 'add', 'deliver', 'develop', 'create', 'rewrite', 'rebuild',
  'deploy', 'introduce', 'integrate', 'redesign', 'refactor', 'port', 'publish', 'complete', 'finish', 'roll', 'replace',
  'upgrade', 'rework', 'rearchitect', 're-architect', 'revamp', 'overhaul', 'automate', 'translate', 'localize', 'localise',
  'provide', 'support', 'offer', 'enable', 'allow', 'open', 'set', 'stand', 'move', 'convert', 'adopt', 'install', 'fix',
]);

/**
 * Verbs that also read as an outcome with some objects (`support 10k users`, `enable teams to …`,
 * `open a new market`): an output only with a concrete, made thing after them.
 */
const WEAK_VERBS = new Set(['provide', 'support', 'offer', 'enable', 'allow', 'open', 'set', 'stand', 'move', 'convert', 'adopt', 'install', 'complete', 'finish', 'create', 'develop', 'deliver', 'automate', 'integrate']);

/** Objects no one can ship: building these is an outcome in other words (`build trust`, `deliver value`). */
const ABSTRACT = /\b(?:value|trust|community|communities|culture|foundation|foundations|momentum|awareness|loyalty|habit|habits|relationships?|confidence|reputation|team|teams|company|organi[sz]ation|ecosystem|growth|engagement|adoption|demand|brand|partnerships?|presence|leadership|excellence|expertise|capabilit(?:y|ies)|understanding|alignment|clarity|visibility|transparency|discipline|practice|motion|movement|standard|reliability|security|quality|performance|experience|satisfaction|success|health|sustainability|diversity|inclusion|talent|skills?|knowledge|insights?|feedback loop|flywheel|muscle|strategy|vision|mission)\b/i;

/** A phrase in a title that says what changes, so the title is an outcome however it opens. */
const CHANGE_IN_TITLE = /\d\s*%|\b\d+x\b|\bfrom\s+\S.*\bto\s+\S|\bso (?:that|customers|users|teams|people)\b|\bin order to\b|\bto (?:increase|reduce|decrease|grow|cut|improve|raise|lower|halve|double|triple|lift|boost|drive|help|let|enable|make)\b|\bwithout\b|\bthat (?:lets|helps|allows|cuts|reduces|increases)\b/i;

/** Verbs that state a change in a measure. */
const CHANGE_VERB = /\b(?:increase[sd]?|reduc(?:e[sd]?|ing)|decrease[sd]?|grow(?:s|n|th)?|cut|improv(?:e[sd]?|ing)|rais(?:e[sd]?|ing)|lower(?:ed|s)?|halve[sd]?|double[sd]?|triple[sd]?|lift(?:ed|s)?|boost(?:ed|s)?|reach(?:es|ed)?|achiev(?:e[sd]?|ing)|maintain(?:ed|s)?|keep|above|below|under|over|at least|at most|less than|more than|fewer than|up to|from\s+\S+\s+to)\b/i;

/** What outcomes are measured in: people, money, time, rates and scores. */
const MEASURE_NOUN = /(?:[%$€£¥]|\b(?:users?|customers?|teams?|accounts?|companies|developers?|people|members?|visitors?|subscribers?|buyers?|sellers?|merchants?|admins?|seats?|workspaces?|orgs?|organizations?|retention|churn|revenue|arr|mrr|nrr|grr|gmv|ltv|cac|nps|csat|ces|dau|wau|mau|conversion|activation|adoption|engagement|satisfaction|sign-?ups?|registrations?|sessions?|usage|renewals?|upsells?|expansion|deals?|logos?|bookings?|contracts?|wins?|win rate|opportunit(?:y|ies)|margin|profit|cost|costs|spend|savings?|time|times|latency|minutes?|hours?|days?|weeks?|seconds?|ms|rate|rates|share|percent|percentage|score|ratings?|reviews?|tickets?|complaints?|incidents?|errors?|crashes|uptime|availability|downtime|p\d\d|response|resolution|completion|success rate|repeat|returning|active|weekly|monthly|daily|per (?:week|month|day|user|customer))\b)/i;

/** Words that measure delivery, not a change: `shipped by Q3`, `launched`, `3 features released`. */
const DELIVERY = /\b(?:ship(?:ped)?|launch(?:ed)?|releas(?:e|ed)|deliver(?:ed)?|live|available|go-?live|ga|complete[d]?|done|finish(?:ed)?|implemented|built|deployed|rolled out|migrated|merged|published|hired|features?|milestones?|on time|on schedule|by (?:the )?deadline)\b/i;

export interface OutputWording {
  /** The verb the title opens with, as written. */
  verb: string;
  /** The goal's own lines that state targets, when all of them measure delivery (`Metric: shipped by Q3`). */
  deliveryMetric?: string;
  /** Set when the goal already has an outcome template whose blanks are not filled in yet. */
  templateLine?: { line: number; range: Range };
}


/**
 * Whether a goal is worded as an output: its title opens with a verb of delivery and names a
 * concrete thing, and neither its title nor any of its target lines measures a change for
 * customers or the business. Undefined when it reads as an outcome, or cannot be told.
 */
export function outputWording(goal: Item, doc: DocumentInfo): OutputWording | undefined {
  const title = goal.title.replace(/[*_`]/g, '').trim();
  const words = title.split(/\s+/);
  // `To launch the app` reads as `Launch the app`.
  const verbAt = (words[0] ?? '').toLowerCase() === 'to' && words.length > 2 ? 1 : 0;
  const first = (words[verbAt] ?? '').toLowerCase().replace(/[^a-z-]/g, '');
  const rest = words.slice(verbAt + 1).join(' ');
  if (!OUTPUT_VERBS.has(first) || !rest || words.length < 2) return undefined;
  if (CHANGE_IN_TITLE.test(title) || ABSTRACT.test(rest)) return undefined;
  // `Support for ESM`, `Release of v2`: a noun naming an area of work, not a verb.
  if (/^(?:for|of)\b/i.test(rest)) return undefined;
  // `Roll out`, `Set up`, `Stand up`, `Move to`: only with their particle are they delivery.
  if ((first === 'roll' && !/^out\b/i.test(rest)) || (first === 'set' && !/^up\b/i.test(rest)) || (first === 'stand' && !/^up\b/i.test(rest))) return undefined;
  // A weak verb needs a made thing after it: `Support SAML login` is an output, `Support every team` is not.
  const integration = first === 'integrate' && /^with\s/i.test(rest);
  if (WEAK_VERBS.has(first) && !integration && !/\b(?:app|apps|api|apis|sdk|integration|integrations|connector|connectors|feature|features|page|pages|dashboard|dashboards|plugin|plugins|widget|tool|tools|tooling|version|v\d|release|mode|login|sso|saml|oauth|export|import|report|reports|editor|cli|ui|ux|flow|wizard|portal|site|website|endpoint|service|services|pipeline|workflow|template|templates|docs|documentation|guide|module|library|extension|engine|support for)\b/i.test(rest)) return undefined;
  const targets = targetLines(goal, doc);
  const template = targets.find((t) => OUTCOME_BLANK.test(t.text));
  const measured = targets.filter((t) => t !== template && measuresChange(t.text));
  if (measured.length > 0) return undefined;
  const delivery = targets.filter((t) => t !== template && !isPromptLine(t.text));
  return {
    verb: words[verbAt]!.replace(/[^A-Za-z-]/g, ''),
    ...(delivery.length ? { deliveryMetric: delivery[0]!.text.replace(/^\s*(?:[-*+]\s+)?(?:\*\*|__)?[^:]{1,24}:(?:\*\*|__)?\s*/, '').trim() } : {}),
    ...(template ? { templateLine: { line: template.line, range: template.range } } : {}),
  };
}

/** Whether a target states a change in a measure: a number (or `from … to …`) with what it measures. */
export function measuresChange(text: string): boolean {
  const plain = text.replace(/[*_`]/g, ' ');
  if (OUTCOME_BLANK.test(plain)) return false;
  const hasNumber = /\d/.test(plain) || /\bfrom\s+\S+.*\bto\s+\S+/i.test(plain);
  if (!hasNumber) return false;
  const stripped = plain.replace(/\b(?:by|in|before|until|end of)\s+(?:q[1-4]|h[12]|(?:19|20)\d\d|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)(?:\s*[-/]?\s*(?:[0-3]?\d(?:st|nd|rd|th)?,?\s*)?'?(?:\d{2,4})?)?/gi, ' ');
  const measure = MEASURE_NOUN.test(stripped);
  const change = CHANGE_VERB.test(stripped) || /\d/.test(stripped);
  if (!measure || !change) return false;
  // `3 features shipped`, `launched to 100% of users`: a count of deliveries, or a delivery with a number.
  if (DELIVERY.test(stripped) && !/\b(?:retention|churn|revenue|arr|mrr|nps|csat|conversion|activation|adoption|satisfaction|time to|latency|rate|score|active|engagement|usage)\b/i.test(stripped)) return false;
  return true;
}

/** A goal's lines that state targets: `Metric:`, `Target:`, `Outcome:`, `KR…`, and the key results under it. */
function targetLines(goal: Item, doc: DocumentInfo): Array<{ line: number; text: string; range: Range }> {
  const out: Array<{ line: number; text: string; range: Range }> = [];
  const start = goal.range.end.line + 1;
  const end = Math.min(goal.contentRange.end.line, doc.lines.lineCount - 1);
  let inKeyResults = false;
  for (let line = start; line <= end; line++) {
    const text = doc.lines.lineText(line);
    const bare = text.replace(/^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?(?:\[[ xX]\]\s+)?/, '').replace(/^(?:\*\*|__)/, '');
    if (/^ {0,3}#{1,6}\s/.test(text)) {
      inKeyResults = /\b(?:key results?|krs?|metrics?|measures?|targets?|success (?:metrics|criteria)|outcomes?)\b/i.test(text);
      continue;
    }
    const labelled = /^(?:metrics?|targets?|kpis?|key results?|success metrics?|success measures?|measured by|outcomes?|kr[-.]?\d*(?:\.\d+)?)\b/i.test(bare);
    const listEntry = /^\s*(?:[-*+]|\d+[.)])\s/.test(text);
    if (/^(?:key results?|krs?|metrics?)\s*:?\s*$/i.test(bare.replace(/[*_]/g, '').trim())) {
      inKeyResults = true;
      continue;
    }
    if (labelled || (inKeyResults && listEntry)) {
      const at = text.length - text.trimStart().length;
      out.push({ line, text: bare, range: { start: { line, character: at }, end: { line, character: text.trimEnd().length } } });
    } else if (!listEntry && text.trim() === '') continue;
    else if (!listEntry) inKeyResults = inKeyResults && /^\s/.test(text);
  }
  // A goal whose title carries its target (`G1: Grow retention to 55%`) was already let through above.
  return out;
}

function isPromptLine(text: string): boolean {
  const value = text.replace(/^[^:]{1,24}:\s*/, '').replace(/[*_`]/g, '').trim();
  return value === '' || /^(?:tbd|tbc|todo|n\/?a|\?+|…)$/i.test(value) || /\bwhat you will measure\b/i.test(value);
}

/**
 * Who the product's strategy says its customers are, in a few words, for the outcome template: the
 * first sentence of the answered who section, up to its first clause (`Product-led SaaS companies
 * with 5 to 50 employees`). Undefined when no strategy answers who.
 */
export function strategyWho(model: LinkedModel, scope: Scope, config: Config): string | undefined {
  const strategies = [...scope.docs, ...model.docs.filter((d) => !scope.docs.includes(d))].filter((d) => d.kind === 'strategy' && !d.skipped && !d.failure);
  for (const doc of strategies) {
    const answers = strategyAnswers(doc, config);
    const section = answers.sections.find((s) => s.question === 'who' && s.state === 'answered' && s.body);
    if (!section?.body) continue;
    const text = doc.lines.lineText(section.body.start.line).slice(section.body.start.character, section.body.end.character);
    const who = shortWho(text);
    if (who) return who;
  }
  return undefined;
}

function shortWho(paragraph: string): string | undefined {
  let text = paragraph.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]/g, '').replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '').trim();
  text = text.split(/(?<=[.!?])\s/)[0]!.replace(/[.!?]+$/, '');
  text = text.split(/\s*(?:[,;:(—–]|\s-\s|\bwho\b|\bthat\b|\bwhich\b|\bwhere\b)\s*/i)[0]!.trim();
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 12) return words.length > 12 ? words.slice(0, 8).join(' ') : undefined;
  // Lower-case a capitalised first word (`Product-led SaaS companies` → `product-led SaaS companies`), not an acronym or a name in capitals.
  const head = words[0]!;
  if (/^[A-Z][a-z]/.test(head)) words[0] = head[0]!.toLowerCase() + head.slice(1);
  return words.join(' ');
}
