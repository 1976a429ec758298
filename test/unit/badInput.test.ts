import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RULES, Workspace, mergeConfig } from '../../src/core';
import type { Rule } from '../../src/core/rules/rule';
import { analyzeDocument } from '../../src/core/analyze/document';
import { REPO, ROOT, allIssues, findingLines, issuesOf, workspaceOf } from './helpers';

const GOALS = '# Goals\n\n## G1: Grow retention\n\nVision: Vision\nMetric: 55%\n';
const VISION = '# Vision\n';
const ok = (roadmap: string) => workspaceOf({ 'vision.md': VISION, 'goals.md': GOALS, 'roadmap.md': roadmap });

/** Runs `fn` and returns how long it took, in ms. */
function timed(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

// Each case: bad input, and the outcome a user can rely on. Nothing here may throw or hang.
describe('bad input', () => {
  it('a byte order mark is not part of the text: positions are those the editor shows', () => {
    const ws = ok('\uFEFF# Roadmap\n\n## Now\n\n- Dark mode\n');
    const [issue] = issuesOf(ws, 'untraced-item');
    assert.deepEqual(issue?.range.start, { line: 4, character: 2 });
  });

  it('CRLF and mixed line endings give the same findings at the same places', () => {
    const lf = '# Roadmap\n\n## Now\n\n### Dark mode\n\nNotes.\n\n- Import — Goal: G9\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const mixed = lf.replace(/\n/g, (_, i: number) => (i % 2 ? '\r\n' : '\n'));
    const expected = findingLines(ok(lf));
    assert.ok(expected.length >= 2);
    assert.deepEqual(findingLines(ok(crlf)), expected);
    assert.deepEqual(findingLines(ok(mixed)), expected);
  });

  it('text that is not UTF-8 is read with replacement characters and still checked', () => {
    const latin1 = Buffer.from('# Roadmap\n\n## Now\n\n- Caf\xe9 cr\xe8me \xfc - Goal: G1\n- Untraced\n', 'latin1');
    const text = new TextDecoder('utf-8').decode(latin1);
    assert.ok(text.includes('\uFFFD'));
    assert.deepEqual(findingLines(ok(text), 'untraced-item'), ['roadmap.md:6 untraced-item']);
  });

  it('a product doc too large to be written by hand is skipped with a notice, not parsed', () => {
    const huge = `# Roadmap\n\n## Now\n\n${'- Item — Goal: G1\n'.repeat(120_000)}`;
    let ws!: Workspace;
    const ms = timed(() => (ws = ok(huge)));
    const issues = allIssues(ws).filter((i) => i.uri.endsWith('roadmap.md'));
    assert.deepEqual(issues.map((i) => i.rule), ['file-skipped']);
    assert.match(issues[0]!.message, /larger than 2 million characters/);
    assert.ok(ms < 2000, `took ${ms.toFixed(0)} ms`);
  });

  it('a very long line is analysed in bounded time', () => {
    const ms = timed(() => assert.deepEqual(findingLines(ok(`# Roadmap\n\n- ${'word '.repeat(200_000)}\n`), 'untraced-item'), ['roadmap.md:3 untraced-item']));
    assert.ok(ms < 5000, `took ${ms.toFixed(0)} ms`);
  });

  it('lists and quotes nested absurdly deep are skipped with a notice; nesting within reason is read', () => {
    const quotes = ok(`# Roadmap\n\n${'>'.repeat(5000)} Goal: G1\n`);
    assert.match(issuesOf(quotes, 'file-skipped')[0]!.message, /nests quotes more than 40 levels/);
    const lists = ok(`# Roadmap\n\n${Array.from({ length: 100 }, (_, i) => `${' '.repeat(i * 2)}- level ${i}`).join('\n')}\n`);
    assert.match(issuesOf(lists, 'file-skipped')[0]!.message, /nests lists more than 120 columns/);
    const reasonable = ok(`# Roadmap\n\n${Array.from({ length: 12 }, (_, i) => `${' '.repeat(i * 2)}- level ${i}`).join('\n')}\n`);
    assert.deepEqual(findingLines(reasonable, 'untraced-item'), ['roadmap.md:3 untraced-item']);
    assert.deepEqual(findingLines(reasonable, 'file-skipped'), []);
  });

  it('reference cycles cannot form: a goal naming a goal, an item naming an item, are wrong-layer references', () => {
    const ws = workspaceOf({
      'vision.md': VISION,
      'goals.md': '# Goals\n\n## G1: One\n\nVision: G2\nMetric: 1\n\n## G2: Two\n\nVision: G1\nMetric: 2\n',
      'roadmap.md': '# Roadmap\n\n## Now\n\n### R1: First\n\nGoal: R2\n\n### R2: Second\n\nGoal: R1\n',
    });
    const messages = issuesOf(ws, 'unknown-reference').map((i) => i.message);
    assert.equal(messages.length, 4);
    assert.ok(messages.every((m) => / is (a goal|a roadmap item), not a/.test(m)), messages.join('\n'));
    assert.equal(ws.graph().edges.length, 0);
  });

  it('thousands of duplicate IDs are each reported once, with a bounded list of the others', () => {
    const goals = `# Goals\n\n${Array.from({ length: 3000 }, (_, i) => `## G1: Goal ${i}\n\nVision: Vision\nMetric: ${i}\n`).join('\n')}`;
    let ws!: Workspace;
    const ms = timed(() => (ws = workspaceOf({ 'vision.md': VISION, 'goals.md': goals })));
    const dups = issuesOf(ws, 'duplicate-id');
    assert.equal(dups.length, 3000);
    assert.ok(dups.every((d) => (d.related?.length ?? 0) <= 5));
    assert.match(dups[0]!.message, /and 2998 more/);
    assert.ok(ms < 10_000, `took ${ms.toFixed(0)} ms`);
  });

  it('an exception while analysing one file is reported on that file, and the others are still checked', () => {
    const config = mergeConfig();
    // A config object that cannot be compiled into the syntax tables: the analysis throws.
    const broken = { ...config, nonItemHeadings: null as unknown as string[] };
    const info = analyzeDocument({ uri: `${ROOT}/roadmap.md`, relPath: 'roadmap.md', text: '# Roadmap\n\n- Dark mode\n', config: broken });
    assert.ok(info.failure, 'the failure is recorded, not thrown');
    const ws = new Workspace(ROOT, config);
    ws.adopt(info);
    ws.update(`${ROOT}/goals.md`, GOALS);
    ws.update(`${ROOT}/other-roadmap.md`, '# Roadmap\n\n- Untraced\n');
    const byFile = new Map([...ws.check().issues].map(([uri, list]) => [uri.slice(ROOT.length + 1), list.map((i) => i.rule)]));
    assert.deepEqual(byFile.get('roadmap.md'), ['internal-error']);
    assert.ok(byFile.get('other-roadmap.md')?.includes('untraced-item'));
  });

  it('a rule that throws is skipped and recorded; every other rule still reports', () => {
    const broken: Rule = {
      id: 'goal-missing-metric',
      defaultSeverity: 'information',
      title: 'A rule with a bug',
      summary: 'a rule with a bug',
      check: () => {
        throw new Error('boom');
      },
    };
    const rules = RULES.map((r) => (r.id === 'goal-missing-metric' ? broken : r));
    const ws = new Workspace(ROOT, mergeConfig(), { rules });
    ws.update(`${ROOT}/goals.md`, '# Goals\n\n## G1: One\n');
    ws.update(`${ROOT}/roadmap.md`, '# Roadmap\n\n- Untraced\n');
    const result = ws.check();
    assert.deepEqual(result.failures, [{ rule: 'goal-missing-metric', message: 'boom' }]);
    const found = [...result.issues.values()].flat().map((i) => i.rule);
    assert.ok(found.includes('untraced-item') && found.includes('goal-without-items'), `other rules ran: ${found.join(', ')}`);
  });

  it('a document whose analysis failed outside the core is reported on the file (Workspace.fail)', () => {
    const ws = workspaceOf({ 'goals.md': GOALS, 'roadmap.md': '# Roadmap\n\n- Untraced\n' });
    ws.fail(`${ROOT}/roadmap.md`, 'the adapter threw');
    const issues = ws.check().issues.get(`${ROOT}/roadmap.md`) ?? [];
    assert.deepEqual(issues.map((i) => i.rule), ['internal-error']);
    assert.match(issues[0]!.message, /the adapter threw/);
    ws.fail(`${ROOT}/notes.md`, 'not a product doc');
    assert.equal(ws.get(`${ROOT}/notes.md`), undefined, 'a file with no kind is not recorded');
  });

  it('a product doc that could not be read is only a file-skipped notice, whatever its kind (no strategy or goal findings)', () => {
    const ws = ok('# Roadmap\n\n- Item — Goal: G1\n');
    assert.equal(ws.skip(`${ROOT}/strategy.md`, 'it could not be read (permission denied)'), true);
    assert.equal(ws.skip(`${ROOT}/exported.md`, 'it is larger than 5 MB', '---\nkind: goals\n---\n'), true, 'front matter in the start names a kind');
    assert.equal(ws.skip(`${ROOT}/notes.md`, 'it could not be read (permission denied)'), false, 'no kind: ignored');
    const found = allIssues(ws).filter((i) => /strategy|exported|notes/.test(i.uri)).map((i) => `${i.uri.slice(ROOT.length + 1)} ${i.rule}`);
    assert.deepEqual(found.sort(), ['exported.md file-skipped', 'strategy.md file-skipped']);
  });

  it('a config file with wrong types is refused naming the key (CLI: one line, exit 2)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-bad-'));
    try {
      fs.writeFileSync(path.join(dir, 'roadmap.md'), '# Roadmap\n');
      fs.writeFileSync(path.join(dir, '.throughline.yaml'), 'kinds:\n  roadmap: 3\n');
      const r = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'check', dir], { encoding: 'utf8' });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /"kinds\.roadmap" must be a list of strings, not number 3\n$/);
      assert.equal(r.stderr.split('\n').length, 2, 'one line');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  // A file deleted between listing and reading is covered in cliInput.test.ts, through the CLI's seam.
  it('symbolic link loops and dangling links do not trap the CLI', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-loop-'));
    try {
      fs.writeFileSync(path.join(dir, 'vision.md'), VISION);
      fs.writeFileSync(path.join(dir, 'goals.md'), GOALS);
      fs.writeFileSync(path.join(dir, 'roadmap.md'), '# Roadmap\n\n- Item — Goal: G1\n');
      fs.mkdirSync(path.join(dir, 'sub'));
      fs.symlinkSync(dir, path.join(dir, 'sub', 'loop'));
      fs.symlinkSync(path.join(dir, 'missing.md'), path.join(dir, 'dangling-roadmap.md'));
      const r = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'check', dir, '--format', 'json'], { encoding: 'utf8', timeout: 20_000 });
      assert.equal(r.status, 0, r.stderr);
      assert.equal((JSON.parse(r.stdout) as { summary: { files: number } }).summary.files, 3);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
