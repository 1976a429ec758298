import type { Severity } from '../types';
import { duplicateId } from './duplicate-id';
import { goalIsOutput } from './goal-is-output';
import { goalMissingMetric } from './goal-missing-metric';
import { goalNeglected } from './goal-neglected';
import { goalWithoutItems } from './goal-without-items';
import { goalWithoutVision } from './goal-without-vision';
import { horizonMisaligned } from './horizon-misaligned';
import { invalidFrontMatter } from './invalid-front-matter';
import { missingVision } from './missing-vision';
import { nothingFound } from './nothing-found';
import { productWithoutGoals } from './product-without-goals';
import type { Rule } from './rule';
import { staleGoal } from './stale-goal';
import { strategyMissingSection } from './strategy-missing-section';
import { unknownKind } from './unknown-kind';
import { unknownReference } from './unknown-reference';
import { untracedItem } from './untraced-item';
import { urgentUnaligned } from './urgent-unaligned';

/**
 * Every rule, in the order the README and the Gaps view list them. A new rule is its file, its line
 * here and its page in docs/rules/; every other place that names rules is derived from this list
 * or checked against it (test/unit/ruleCatalogue.test.ts).
 */
export const RULES = [
  untracedItem,
  unknownReference,
  goalWithoutVision,
  goalWithoutItems,
  missingVision,
  strategyMissingSection,
  goalMissingMetric,
  duplicateId,
  invalidFrontMatter,
  unknownKind,
  productWithoutGoals,
  nothingFound,
  goalIsOutput,
  urgentUnaligned,
  goalNeglected,
  staleGoal,
  horizonMisaligned,
] as const;

/** A rule's stable id: what configs, suppression comments and CI output name it by. */
export type RuleId = (typeof RULES)[number]['id'];

export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.id);

export const DEFAULT_SEVERITIES: Readonly<Record<RuleId, Severity>> = Object.fromEntries(RULES.map((r) => [r.id, r.defaultSeverity])) as Record<RuleId, Severity>;

export const RULES_BY_ID: ReadonlyMap<RuleId, Rule> = new Map(RULES.map((r) => [r.id, r as Rule]));

/** A rule's documentation page, relative to the package root (shipped in the .vsix and the npm package). */
export function ruleDocsPath(id: RuleId): string {
  return `docs/rules/${id}.md`;
}
