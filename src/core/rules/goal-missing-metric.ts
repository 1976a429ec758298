import { addLineEdit } from '../fixes';
import { describe, linkedItems, type Finding, type Rule } from './rule';

export const METRIC_PROMPT = 'Metric: _what you will measure, from what baseline to what target, by when_';

export const goalMissingMetric: Rule = {
  id: 'goal-missing-metric',
  summary: 'A goal states no measurable target.',
  check(ctx) {
    const findings: Finding[] = [];
    for (const { item, doc } of linkedItems(ctx, 'goal')) {
      if (item.hasMetric) continue;
      const edit = addLineEdit(doc, item, METRIC_PROMPT);
      findings.push({
        doc,
        range: item.range,
        message: `Goal ${describe(item)} states no measurable target: add a “Metric:” or “Target:” line, or key results with numbers, so you can tell when it is met.`,
        ...(edit ? { fixes: [{ title: 'Add a “Metric:” line', edits: [edit], preferred: true }] } : {}),
      });
    }
    return findings;
  },
};
