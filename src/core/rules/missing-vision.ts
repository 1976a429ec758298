import type { DocumentInfo } from '../analyze/document';
import { join } from '../paths';
import { visionTemplate } from '../templates';
import type { Fix } from '../types';
import { scopeMissesVision, defineRule, type Finding } from './rule';

export const missingVision = defineRule({
  id: 'missing-vision',
  defaultSeverity: 'warning',
  title: 'Products with no vision doc',
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
        const create = createVisionFix(doc, ctx.model.rootUri, scope.dir, ctx.model.docs);
        findings.push({
          doc,
          range: doc.titleRange,
          message: `These goals have no vision to serve: ${why}. Add a vision.md beside them (or \`kind: vision\` in a doc's front matter) and trace each goal to it.`,
          ...(create ? { fixes: [create] } : {}),
        });
      }
    }
    return findings;
  },
});


/** Creates vision.md in the scope's folder (never over an existing file), for the goals to trace to. */
function createVisionFix(doc: DocumentInfo, root: string, scopeDir: string, docs: DocumentInfo[]): Fix | undefined {
  const relPath = join(scopeDir, 'vision.md');
  if (docs.some((d) => d.relPath.toLowerCase() === relPath.toLowerCase())) return undefined;
  return { title: `Create ${relPath} for these goals to serve`, edits: [], creates: [{ uri: `${root}${relPath.split('/').map(encodeURIComponent).join('/')}`, text: visionTemplate(doc.eol) }] };
}
