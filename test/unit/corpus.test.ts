import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, ROOT, allIssues, readFixture, relPath, workspaceOf } from './helpers';
import { f1, precision, recall, scoreRepo, sum, type Label } from './readingScore';

const CORPUS = path.join(FIXTURES, 'corpus', 'real');
const LABELS = path.join(FIXTURES, 'corpus', 'labels');
const EXPECTED = path.join(FIXTURES, 'corpus', 'expected-findings.txt');

/**
 * Real product docs nobody wrote for Throughline (test/fixtures/corpus, each repository in its
 * original tree, with what a careful reader sees in each in labels/). Every document is analysed
 * without an exception; the reading scores at least the targets of the issue on reading real docs;
 * and what Throughline reports is pinned, so a change in behaviour on real docs shows up in review
 * (regenerate with UPDATE_CORPUS=1 npm run test:unit after checking the new findings make sense).
 */
describe('real-world corpus', () => {
  const repos = fs
    .readdirSync(CORPUS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
    .map((d) => d.name)
    .sort();
  const workspaces = new Map(repos.map((repo) => [repo, workspaceOf(readFixture(path.join(CORPUS, repo)).files)]));

  it('holds the repositories it is meant to, each with its labels', () => {
    assert.ok(repos.length >= 16, `only ${repos.length} repositories found in ${CORPUS}`);
    for (const repo of repos) assert.ok(fs.existsSync(path.join(LABELS, `${repo}.json`)), `no labels for ${repo}`);
  });

  it('reads real docs as a careful reader does: items, goals, traces and findings above the targets', () => {
    const scores = repos.map((repo) => scoreRepo(workspaces.get(repo)!, JSON.parse(fs.readFileSync(path.join(LABELS, `${repo}.json`), 'utf8')) as Label));
    const items = sum(scores.map((s) => s.items));
    const goals = sum(scores.map((s) => s.goals));
    const traces = sum(scores.map((s) => s.traces));
    const findings = sum(scores.map((s) => s.findings));
    const misses = scores.flatMap((s, i) => s.misses.map((m) => `${repos[i]}: ${m}`)).join('\n');
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    const table = `items F1 ${pct(f1(items))}, goals F1 ${pct(f1(goals))}, traces F1 ${pct(f1(traces))}, findings P ${pct(precision(findings))} R ${pct(findings.found / findings.want)}`;
    if (process.env['SHOW_SCORE']) console.log(table);
    assert.ok(f1(items) >= 0.9, `${table}\n${misses}`);
    assert.ok(f1(goals) >= 0.85, `${table}\n${misses}`);
    assert.ok(f1(traces) >= 0.8, `${table}\n${misses}`);
    assert.ok(precision(findings) >= 0.9, `${table}\n${misses}`);
    assert.ok(recall({ tp: findings.found, want: findings.want }) >= 0.75, `${table}\n${misses}`);
  });

  it('analyses every file without an exception and reports what is pinned', () => {
    const lines: string[] = [];
    for (const repo of repos) {
      const ws = workspaces.get(repo)!;
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
