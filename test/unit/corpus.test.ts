import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, ROOT, allIssues, readFixture, relPath, workspaceOf } from './helpers';

const CORPUS = path.join(FIXTURES, 'corpus', 'real');
const EXPECTED = path.join(FIXTURES, 'corpus', 'expected-findings.txt');

/**
 * Every real document is analysed without an exception, and what Throughline reports on each
 * repository is pinned: a change in behaviour on real docs must show up in review. Regenerate with
 * UPDATE_CORPUS=1 npm run test:unit after checking the new findings make sense.
 */
describe('real-world corpus', () => {
  const repos = fs.readdirSync(CORPUS, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith('_'));

  it('holds the repositories it is meant to', () => {
    assert.ok(repos.length >= 7, `only ${repos.length} repositories found in ${CORPUS}`);
  });

  it('analyses every file without an exception and reports what is pinned', () => {
    const lines: string[] = [];
    for (const repo of repos.map((r) => r.name).sort()) {
      const { files } = readFixture(path.join(CORPUS, repo));
      const ws = workspaceOf(files);
      const docs = ws.documents();
      assert.ok(docs.every((d) => !d.failure), `${repo}: ${docs.filter((d) => d.failure).map((d) => `${d.relPath}: ${d.failure}`).join('; ')}`);
      const summary = ws.check().summary;
      lines.push(`## ${repo}: ${summary.files} product docs, ${summary.goals} goals, ${summary.roadmapItems} roadmap items, ${summary.tracedItems} traced`);
      for (const issue of allIssues(ws).sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line))) {
        assert.ok(issue.uri.startsWith(ROOT));
        lines.push(`${relPath(issue.uri)}:${issue.range.start.line + 1} ${issue.rule}: ${issue.message}`);
      }
    }
    const actual = `${lines.join('\n')}\n`;
    if (process.env['UPDATE_CORPUS']) fs.writeFileSync(EXPECTED, actual);
    assert.equal(actual, fs.readFileSync(EXPECTED, 'utf8'));
  });
});
