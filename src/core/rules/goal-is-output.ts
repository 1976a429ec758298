import { addLineEdit, rangeOfInserted } from '../fixes';
import { outputWording, strategyWho } from '../outcome';
import { outcomeTemplate } from '../templates';
import type { Fix } from '../types';
import { describe, linkedItems, type Finding, defineRule } from './rule';

export const goalIsOutput = defineRule({
  id: 'goal-is-output',
  defaultSeverity: 'information',
  title: 'Goals worded as outputs',
  summary: 'A goal names something to ship (launch, build, migrate …) and measures no change for customers or the business.',
  check(ctx) {
    const findings: Finding[] = [];
    for (const linked of linkedItems(ctx, 'goal')) {
      const { item, doc, scope } = linked;
      const output = outputWording(item, doc);
      if (!output) continue;
      if (output.templateLine) {
        findings.push({
          doc,
          range: item.range,
          message: `Goal ${describe(item)}'s outcome is still a prompt: fill in from what, to what, by when, so the goal says what changes for customers rather than what ships.`,
          variant: 'prompt',
          fixes: [{ title: 'Go to the outcome to fill in', edits: [], select: { uri: doc.uri, range: output.templateLine.range } }],
        });
        continue;
      }
      const measured = output.deliveryMetric ? `, and its target “${output.deliveryMetric}” measures delivery` : ', and it states no change to measure';
      findings.push({
        doc,
        range: item.range,
        message: `Goal ${describe(item)} is worded as an output: it names what the team will ${output.verb.toLowerCase()}${measured}. Say what changes for customers or the business, from what to what, by when; what the team ships belongs on the roadmap.`,
        fixes: () => {
          const template = outcomeTemplate(strategyWho(ctx.model, scope, ctx.config));
          const edit = addLineEdit(doc, item, template.text);
          if (!edit) return [];
          const snippetEdit = { ...edit, snippet: edit.newText.replace(template.text, template.snippet) };
          const blank = rangeOfInserted(edit, template.blank);
          // A template is not an outcome: never preferred, so Fix All and `check --fix` never write it.
          const fix: Fix = { title: 'Add an outcome template (from … to … by …)', edits: [snippetEdit], ...(blank ? { select: { uri: doc.uri, range: blank } } : {}) };
          return [fix];
        },
      });
    }
    return findings;
  },
});
