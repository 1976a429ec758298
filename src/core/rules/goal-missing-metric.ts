import type { DocumentInfo } from '../analyze/document';
import { addLineEdit, rangeOfInserted } from '../fixes';
import { isPlaceholder } from '../placeholder';
import { syntaxFor, type Syntax } from '../syntax';
import { METRIC_PROMPT, METRIC_PROMPT_VALUE } from '../templates';
import type { Fix, Item, Range } from '../types';
import { describe, linkedItems, defineRule, type Finding } from './rule';

export { METRIC_PROMPT };

export const goalMissingMetric = defineRule({
  id: 'goal-missing-metric',
  defaultSeverity: 'information',
  title: 'Goals with no measurable target',
  summary: 'A goal states no measurable target (a metric still written as a prompt does not count).',
  check(ctx) {
    const findings: Finding[] = [];
    const syntax = syntaxFor(ctx.config);
    for (const { item, doc } of linkedItems(ctx, 'goal')) {
      if (item.hasMetric) {
        const prompt = metricPrompt(doc, item, syntax);
        if (!prompt) continue;
        findings.push({
          doc,
          range: item.range,
          message: `Goal ${describe(item)}'s metric is still a prompt: write ${METRIC_PROMPT_VALUE}, so you can tell when it is met.`,
          variant: 'prompt',
          fixes: [{ title: 'Go to the metric prompt', edits: [], select: { uri: doc.uri, range: prompt } }],
        });
        continue;
      }
      const edit = addLineEdit(doc, item, METRIC_PROMPT);
      const select = edit && rangeOfInserted(edit, METRIC_PROMPT_VALUE);
      // A prompt is not a target: adding it is the user's step towards writing one, never Fix All's.
      const fixes: Fix[] = edit ? [{ title: 'Add a “Metric:” line', edits: [edit], ...(select ? { select: { uri: doc.uri, range: select } } : {}) }] : [];
      findings.push({
        doc,
        range: item.range,
        message: `Goal ${describe(item)} states no measurable target: add a “Metric:” or “Target:” line, or key results with numbers, so you can tell when it is met.`,
        ...(fixes.length ? { fixes } : {}),
      });
    }
    return findings;
  },
});

const METRIC_LABEL = /^(?:\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?)(\*\*|__|\*|_)?(?:metrics?|targets?|kpis?|key results?|success metrics?|measured by|kr)\1?\s*:\1?\s*(.*)$/i;

/**
 * Where a goal's only stated target is a prompt (`Metric: _what you will measure…_`, `Target: TBD?`):
 * the prompt's range, or undefined when the goal states a real target. The reader counts any
 * metric line as a target; a line that only holds a placeholder is not one, and neither is the
 * goal's first target when it is one (its other lines then hold no number either).
 */
function metricPrompt(doc: DocumentInfo, item: Item, syntax: Syntax): Range | undefined {
  const first = item.metric?.replace(/^[^:]*:\s*/, '') ?? '';
  if (!item.metric || !isPlaceholder(first) && !isPlaceholder(`_${first}_`)) return undefined;
  let prompt: Range | undefined;
  const start = item.contentRange.start.line;
  const end = item.contentRange.end.line;
  for (let line = start; line <= end; line++) {
    const text = doc.lines.lineText(line);
    if (line >= item.range.start.line && line <= item.range.end.line) continue; // the title (and its ID)
    const label = METRIC_LABEL.exec(text);
    if (label) {
      const value = label[2] ?? '';
      if (!isPlaceholder(value)) return undefined;
      if (!prompt) {
        const at = text.length - value.length;
        prompt = { start: { line, character: at + leadingMark(value) }, end: { line, character: text.trimEnd().length - trailingMark(value) } };
      }
      continue;
    }
    // Any other line with a number, other than a trace field, may be a target the reader counted.
    const bare = text.replace(/^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?/, '');
    if (/\d/.test(bare) && !syntax.fieldAtStart(bare) && !isPlaceholder(text)) return undefined;
  }
  return prompt;
}

function leadingMark(value: string): number {
  return /^(\*\*|__|\*|_)/.exec(value)?.[1]?.length ?? 0;
}

function trailingMark(value: string): number {
  return /(\*\*|__|\*|_)\s*$/.exec(value)?.[1]?.length ?? 0;
}
