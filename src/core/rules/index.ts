import type { RuleId } from '../types';
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

export const RULES: readonly Rule[] = [
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
];

export const RULES_BY_ID: ReadonlyMap<RuleId, Rule> = new Map(RULES.map((r) => [r.id, r]));

/** A rule's documentation page, relative to the package root (shipped in the .vsix and the npm package). */
export function ruleDocsPath(id: RuleId): string {
  return `docs/rules/${id}.md`;
}
