import { replaceEdit } from '../fixes';
import { targetLayerOf, type LinkedItem, type Resolution } from '../link';
import { isPlaceholder } from '../placeholder';
import { certainTarget, rankByMeaning, sharedWords, type Ranked } from '../suggest';
import { replaceReferenceFixes, replacementFor } from '../traceFixes';
import type { Fix, IssueVariant, Item, RelatedLocation } from '../types';
import { candidatesFor, describe, linkedItems, type Finding, type Rule, type RuleContext } from './rule';

export const unknownReference: Rule = {
  id: 'unknown-reference',
  title: 'Broken traces',
  summary: 'A reference resolves to nothing; the message says what it most likely meant, and why.',
  check(ctx) {
    const findings: Finding[] = [];
    for (const linked of [...linkedItems(ctx, 'roadmap-item'), ...linkedItems(ctx, 'goal')]) {
      const layer = targetLayerOf(linked.item)!;
      const broken = linked.resolutions.filter((r) => r.problem);
      if (broken.length === 0) continue;
      const candidates = candidatesFor(ctx, linked.scope, layer);
      // What the item's words point to: the same answer for each of its broken references.
      const ranked = rankByMeaning(candidates, linked.item);
      for (const resolution of broken) findings.push(finding(ctx, linked, resolution, layer, candidates, ranked));
    }
    return findings;
  },
};

/**
 * A broken reference's finding. The fix it prefers (the one Fix All applies) is only ever the
 * target it certainly meant (`certainTarget`); otherwise the message names the target the item's
 * words point to, and why, and the fixes offer it among the user's choices.
 */
function finding(ctx: RuleContext, linked: LinkedItem, resolution: Resolution, layer: 'goal' | 'vision', candidates: Item[], ranked: Ranked[]): Finding {
  const { ref } = resolution;
  const { doc } = linked;
  const what = layer === 'goal' ? 'goal' : 'vision or vision section';
  const itemNoun = layer === 'goal' ? 'roadmap item' : 'goal';
  const written = ref.link ?? ref.text;
  let message: string;
  let variant: IssueVariant | undefined;
  switch (resolution.problem) {
    case 'wrong-layer':
      variant = 'wrong-layer';
      message = resolution.other
        ? `“${written}” is ${article(resolution.other.kind)}, not a ${what}: ${layer === 'goal' ? 'roadmap items trace to goals' : 'goals trace to the vision'}.`
        : `“${written}” does not lead to a ${what}.`;
      break;
    case 'dangling-anchor':
      variant = 'dangling-anchor';
      message = `${resolution.doc?.relPath ?? 'The linked file'} has no heading “#${ref.link?.split('#')[1] ?? ''}”: this ${itemNoun} traces to nothing.`;
      break;
    case 'whole-document':
      variant = 'whole-document';
      message = `This links to ${resolution.doc?.relPath ?? 'a document'} as a whole; link to one ${what} in it.`;
      break;
    default:
      if (ref.link === undefined && isPlaceholder(ref.text)) {
        variant = 'placeholder';
        message = `“${written}” holds the place of a ${what}: name the ${what} this ${itemNoun} serves.`;
      } else message = ref.link !== undefined ? `No ${what} at “${written}”.` : `No ${what} has the ID or title “${written}”.`;
  }
  const fixes: Fix[] = [];
  const related: RelatedLocation[] = [];
  const certain = variant === 'placeholder' ? undefined : certainTarget(candidates, resolution);
  if (certain) {
    message += ` Did you mean ${describe(certain.item)}? ${capitalize(certain.why)}.`;
    fixes.push({ title: `Change to ${describe(certain.item)}`, edits: [replaceEdit(doc, ref.range, replacementFor(ctx.model, doc, resolution, certain.item))], preferred: true });
    related.push({ uri: certain.item.uri, range: certain.item.range, message: `The ${layer === 'goal' ? 'goal' : 'vision section'} it meant: ${describe(certain.item)}` });
  } else if (ranked[0]) {
    const top = ranked[0];
    message += ` By its words, this ${itemNoun} may serve ${describe(top.item)} (both mention ${sharedWords(top)}); choose it or another in the quick fixes.`;
    related.push({ uri: top.item.uri, range: top.item.range, message: `What its words point to: ${describe(top.item)}` });
  } else if (candidates.length > 0 && variant !== 'placeholder') {
    message += ` No ${layer === 'goal' ? 'goal' : 'part of the vision'} shares its words: choose the one it serves in the quick fixes.`;
  }
  return {
    doc,
    range: ref.range,
    message,
    related,
    ...(variant ? { variant } : {}),
    fixes: () => [...fixes, ...replaceReferenceFixes({ model: ctx.model, linked, layer, candidates, ranked: ranked.filter((r) => r.item !== certain?.item) }, resolution)],
  };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function article(kind: Item['kind']): string {
  switch (kind) {
    case 'roadmap-item':
      return 'a roadmap item';
    case 'goal':
      return 'a goal';
    case 'vision':
      return 'the vision';
    case 'vision-section':
      return 'a section of the vision';
    default:
      return 'a strategy doc';
  }
}
