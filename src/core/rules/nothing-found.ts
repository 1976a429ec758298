import { defineRule, type Finding } from './rule';

const WHAT: Record<string, string> = {
  roadmap: 'roadmap items (headings, list entries or table rows naming the work)',
  goals: 'goals (headings or list entries stating outcomes, or `O1.` / `Objective:` lines)',
};

const WHY: Record<string, string> = {
  'file-name': 'its file name',
  folder: 'the folder it is in',
  title: 'its title',
  section: 'a section heading',
  config: 'a `kinds` pattern in the config',
};

/**
 * A doc read as a roadmap or goals doc in which nothing of that kind was found (docs/format.md §8):
 * one information finding that says what was looked for, rather than silence that reads as approval.
 */
export const nothingFound = defineRule({
  id: 'nothing-found',
  defaultSeverity: 'information',
  title: 'Docs with nothing of their kind in them',
  summary: 'A doc read as a roadmap or goals doc holds nothing of its kind.',
  check(ctx) {
    const findings: Finding[] = [];
    for (const doc of ctx.model.docs) {
      if (doc.skipped || doc.failure || !doc.kind || !WHAT[doc.kind]) continue;
      if (doc.kindSource === 'front-matter') continue;
      const wanted = doc.kind === 'roadmap' ? 'roadmap-item' : 'goal';
      if (doc.items.some((i) => i.kind === wanted || i.kind === 'goal' || i.kind === 'roadmap-item')) continue;
      findings.push({
        doc,
        range: doc.titleRange,
        message: `Throughline read this file as a ${doc.kind === 'roadmap' ? 'roadmap' : 'goals'} doc (from ${WHY[doc.kindSource] ?? 'its name'}) but found no ${WHAT[doc.kind]} in it. If it is not a product doc, put \`kind: none\` in its front matter; if it is, see §8 of docs/format.md (how Throughline reads docs it was not written for).`,
      });
    }
    return findings;
  },
});
