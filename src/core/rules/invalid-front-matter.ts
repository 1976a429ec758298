import { closeFrontMatterEdit } from '../fixes';
import { defineRule, type Finding } from './rule';

export const invalidFrontMatter = defineRule({
  id: 'invalid-front-matter',
  defaultSeverity: 'error',
  title: 'Front matter that cannot be read',
  summary: 'The YAML front matter does not parse, or a field in it has a value Throughline cannot use.',
  check(ctx) {
    const findings: Finding[] = [];
    for (const doc of ctx.model.docs) {
      for (const problem of doc.frontMatterProblems ?? []) {
        findings.push({ doc, range: doc.lines.range(problem.start, problem.end), message: problem.message });
      }
      const error = doc.frontMatter?.error;
      if (!error) continue;
      const start = doc.lines.position(error.start);
      // A zero-width error position is widened to the rest of its line, so it can be seen.
      const end = error.end > error.start ? doc.lines.position(error.end) : doc.lines.position(doc.lines.lineEnd(start.line));
      const close = closeFrontMatterEdit(doc);
      findings.push({
        doc,
        range: { start, end },
        message: `The front matter is not valid YAML (${error.message}); its fields are ignored, the rest of the file is still checked.`,
        ...(close ? { fixes: [{ title: `Close the ${close.newText === ']' ? 'list' : close.newText === '}' ? 'mapping' : 'quoted text'} with ${close.newText}`, edits: [close], preferred: true }] } : {}),
      });
    }
    return findings;
  },
});
