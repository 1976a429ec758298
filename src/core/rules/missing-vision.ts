import { scopeMissesVision, type Finding, type Rule } from './rule';

export const missingVision: Rule = {
  id: 'missing-vision',
  summary: 'A product scope has goals but no vision doc.',
  check(ctx) {
    const findings: Finding[] = [];
    for (const scope of ctx.model.scopes) {
      if (!scopeMissesVision(ctx, scope)) continue;
      const elsewhere = ctx.model.scopes.flatMap((s) => s.visions.map((v) => v.relPath)).sort();
      const why =
        elsewhere.length > 0
          ? `no vision doc covers this folder (${elsewhere.slice(0, 3).join(', ')}${elsewhere.length > 3 ? '…' : ''} cover${elsewhere.length === 1 ? 's' : ''} only ${elsewhere.length === 1 ? 'its' : 'their'} own folder${elsewhere.length === 1 ? '' : 's'})`
          : 'there is no vision doc in this workspace folder';
      for (const doc of scope.docs) {
        if (doc.kind !== 'goals' && doc.kind !== 'goal') continue;
        findings.push({
          doc,
          range: doc.titleRange,
          message: `These goals have no vision to serve: ${why}. Add a vision.md beside them (or \`kind: vision\` in a doc's front matter) and trace each goal to it.`,
        });
      }
    }
    return findings;
  },
};
