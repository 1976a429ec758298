import type { DocumentInfo } from '../analyze/document';
import { replaceEdit } from '../fixes';
import { linkedDoc, targetLayerOf, type LinkedItem, type Resolution } from '../link';
import { splitLink } from '../paths';
import { similarity } from '../text';
import { closestTarget, linkTo } from '../suggest';
import type { Fix, Item, RelatedLocation } from '../types';
import { candidatesFor, describe, linkedItems, type Finding, type Rule, type RuleContext } from './rule';

export const unknownReference: Rule = {
  id: 'unknown-reference',
  summary: 'A reference resolves to nothing; the message offers the closest goal.',
  check(ctx) {
    const findings: Finding[] = [];
    for (const linked of [...linkedItems(ctx, 'roadmap-item'), ...linkedItems(ctx, 'goal')]) {
      const layer = targetLayerOf(linked.item)!;
      for (const resolution of linked.resolutions) {
        if (!resolution.problem) continue;
        const suggestion = closestTarget(candidatesFor(ctx, linked.scope, layer), resolution.ref, linked.item);
        findings.push(finding(ctx, linked, resolution, layer, suggestion));
      }
    }
    findings.push(...danglingAnchors(ctx, findings));
    return findings;
  },
};

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
      const target = linkedDoc(ctx.model, doc, safeDecode(path));
      if (!target || !target.headingAnchors || target.skipped || target.failure) continue;
      const wanted = loose(safeDecode(fragment));
      if (!wanted || [...target.headingAnchors].some((a) => loose(a) === wanted)) continue;
      const near = closestAnchor(target, safeDecode(fragment));
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

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function finding(ctx: RuleContext, linked: LinkedItem, resolution: Resolution, layer: 'goal' | 'vision', suggestion: Item | undefined): Finding {
  const { ref } = resolution;
  const { doc } = linked;
  const what = layer === 'goal' ? 'goal' : 'vision or vision section';
  const written = ref.link ?? ref.text;
  let message: string;
  switch (resolution.problem) {
    case 'wrong-layer':
      message = resolution.other
        ? `“${written}” is ${article(resolution.other.kind)}, not a ${what}: ${layer === 'goal' ? 'roadmap items trace to goals' : 'goals trace to the vision'}.`
        : `“${written}” does not lead to a ${what}.`;
      break;
    case 'dangling-anchor':
      message = `${resolution.doc?.relPath ?? 'The linked file'} has no heading “#${ref.link?.split('#')[1] ?? ''}”: this ${layer === 'goal' ? 'roadmap item' : 'goal'} traces to nothing.`;
      break;
    case 'whole-document':
      message = `This links to ${resolution.doc?.relPath ?? 'a document'} as a whole; link to one ${what} in it.`;
      break;
    default:
      message = ref.link !== undefined ? `No ${what} at “${written}”.` : `No ${what} has the ID or title “${written}”.`;
  }
  const fixes: Fix[] = [];
  const related: RelatedLocation[] = [];
  if (suggestion) {
    const replacement = ref.link !== undefined ? linkTo(ctx.model, suggestion, doc) : (suggestion.id ?? suggestion.title);
    message += ` Did you mean ${describe(suggestion)}?`;
    fixes.push({ title: `Change to ${describe(suggestion)}`, edits: [replaceEdit(doc, ref.range, linkReplacement(doc, ref.range, ref.text, replacement))], preferred: true });
    related.push({ uri: suggestion.uri, range: suggestion.range, message: `The closest ${layer}: ${describe(suggestion)}` });
  }
  return { doc, range: ref.range, message, fixes, related };
}

/** A prose reference-style link is replaced whole (`[text][label]` → `[text](path)`); anything else is its URL or text. */
function linkReplacement(doc: DocumentInfo, range: Resolution['ref']['range'], text: string, replacement: string): string {
  const written = doc.text.slice(doc.lines.offset(range.start), doc.lines.offset(range.end));
  return written.startsWith('[') ? `[${text}](${replacement})` : replacement;
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
