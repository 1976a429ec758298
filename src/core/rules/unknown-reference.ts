import type { DocumentInfo } from '../analyze/document';
import { replaceEdit } from '../fixes';
import { linkedDoc, targetLayerOf, type LinkedItem, type Resolution } from '../link';
import { decodeComponent, splitLink } from '../paths';
import { isPlaceholder } from '../placeholder';
import { certainTarget, nearName, rankByMeaning, sharedWords, type Ranked } from '../suggest';
import { similarity } from '../text';
import { replaceReferenceFixes, replacementFor } from '../traceFixes';
import type { Fix, IssueVariant, Item, RelatedLocation } from '../types';
import { candidatesFor, describe, linkedItems, defineRule, type Finding, type RuleContext } from './rule';

export const unknownReference = defineRule({
  id: 'unknown-reference',
  defaultSeverity: 'error',
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
    findings.push(...danglingAnchors(ctx, findings));
    return findings;
  },
});

/**
 * Any link in a product doc to a heading of a product doc that is no longer there (a renamed
 * section, a deleted goal): the reader following it lands nowhere. Links already reported as traces
 * are not reported twice; anchors are compared loosely (letters and digits only), since doc sites
 * make anchors in slightly different ways.
 */
function danglingAnchors(ctx: RuleContext, already: Finding[]): Finding[] {
  const out: Finding[] = [];
  // Links written as an item's trace are resolved (and reported) as references: not again here.
  const asTrace = new Map<string, Array<{ start: number; end: number }>>();
  for (const linked of ctx.model.items.values()) {
    for (const ref of linked.item.references) {
      if (ref.link === undefined || ref.inferred || ref.range.start.line !== ref.range.end.line) continue;
      const key = `${linked.doc.uri} ${ref.range.start.line}`;
      const spans = asTrace.get(key) ?? [];
      spans.push({ start: ref.range.start.character, end: ref.range.end.character });
      asTrace.set(key, spans);
    }
  }
  const traced = (doc: DocumentInfo, r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
    (asTrace.get(`${doc.uri} ${r.start.line}`) ?? []).some((s) => s.start < (r.end.line === r.start.line ? r.end.character : Infinity) && s.end > r.start.character);
  const reported = new Set(already.map((f) => `${f.doc.uri} ${f.range.start.line}:${f.range.start.character}`));
  const loose = (a: string) => a.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  for (const doc of ctx.model.docs) {
    for (const link of doc.anchorLinks ?? []) {
      if (reported.has(`${doc.uri} ${link.range.start.line}:${link.range.start.character}`) || traced(doc, link.range)) continue;
      const { path, fragment } = splitLink(link.url);
      if (!fragment) continue;
      const target = linkedDoc(ctx.model, doc, decodeComponent(path));
      if (!target || !target.headingAnchors || target.skipped || target.failure) continue;
      const wanted = loose(decodeComponent(fragment));
      if (!wanted || [...target.headingAnchors].some((a) => loose(a) === wanted)) continue;
      const near = closestAnchor(target, decodeComponent(fragment));
      out.push({
        doc,
        range: link.range,
        message: `${target === doc ? 'This doc' : target.relPath} has no heading “#${fragment}”: the link leads nowhere.${near ? ` Did you mean “#${near}”?` : ''}`,
      });
    }
  }
  return out;
}

function closestAnchor(doc: DocumentInfo, fragment: string): string | undefined {
  let best: string | undefined;
  let bestScore = 0.6;
  for (const a of doc.headingAnchors ?? []) {
    const score = similarity(fragment.toLowerCase(), a);
    if (score > bestScore) {
      best = a;
      bestScore = score;
    }
  }
  return best;
}


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
  let near: Item | undefined;
  if (certain) {
    message += ` Did you mean ${describe(certain.item)}? ${capitalize(certain.why)}.`;
    fixes.push({ title: `Change to ${describe(certain.item)}`, edits: [replaceEdit(doc, ref.range, replacementFor(ctx.model, doc, resolution, certain.item))], preferred: true });
    related.push({ uri: certain.item.uri, range: certain.item.range, message: `The ${layer === 'goal' ? 'goal' : 'vision section'} it meant: ${describe(certain.item)}` });
  } else if (variant === undefined && ref.link === undefined && (near = nearName(candidates, ref.text))) {
    // A name a typo or two from one title (`(Consumabel)`): offered first, for the writer to choose.
    message += ` Did you mean ${describe(near)}?`;
    const target = near;
    fixes.push({ title: `Change to ${describe(target)}`, edits: [replaceEdit(doc, ref.range, replacementFor(ctx.model, doc, resolution, target))] });
    related.push({ uri: target.uri, range: target.range, message: `The name it is closest to: ${describe(target)}` });
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
    fixes: () => [...fixes, ...replaceReferenceFixes({ model: ctx.model, linked, layer, candidates, ranked: ranked.filter((r) => r.item !== certain?.item && r.item !== near) }, resolution)],
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
