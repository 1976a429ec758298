import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cli } from './cliHelpers';

// `throughline trend` and the report's chart, on a repository built here with commits dated in
// three weeks (docs/format.md §12): the share of each horizon that traces to a goal at each week's
// last commit, read from git without writing to it, re-reading only the product docs that changed.

const GOALS = '# Goals\n\n## G1: Grow retention\n\nPriority: high\nMetric: weekly retention from 40% to 55%\n';
const roadmap = (now: string[]) => `# Roadmap\n\n## Now\n\n${now.map((i) => `- ${i}`).join('\n')}\n\n## Later\n\n- Churn alerts — Goal: G1\n`;

/** A repository whose history has one commit on each of the given days (UTC noon), each writing `files`. */
function repository(commits: Array<{ day: string; files: Record<string, string> }>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-trend-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const git = (args: string[], env: Record<string, string> = {}) => execFileSync('git', args, { cwd: dir, env: { ...process.env, ...env }, stdio: 'pipe' });
  git(['init', '-q']);
  git(['config', 'user.email', 'pm@example.invalid']);
  git(['config', 'user.name', 'PM']);
  for (const { day, files } of commits) {
    for (const [p, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
      fs.writeFileSync(path.join(dir, p), text);
    }
    git(['add', '-A']);
    const when = `${day}T12:00:00Z`;
    git(['commit', '-q', '--allow-empty', '-m', `on ${day}`], { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when });
  }
  return dir;
}

describe('throughline trend', function () {
  this.timeout(60_000);
  let repo: string;

  before(() => {
    repo = repository([
      { day: '2026-10-06', files: { 'goals.md': GOALS, 'roadmap.md': roadmap(['Cohorts — Goal: G1', 'Retention emails — Goal: G1']), 'notes/meeting.md': '# Notes\n' } },
      { day: '2026-10-08', files: { 'roadmap.md': roadmap(['Cohorts — Goal: G1', 'Retention emails — Goal: G1', 'Dark mode']) } },
      { day: '2026-10-21', files: { 'notes/meeting.md': '# Notes\n\nNothing about the product.\n' } },
      { day: '2026-11-04', files: { 'roadmap.md': roadmap(['Cohorts — Goal: G1', 'Dark mode', 'Custom fields']) } },
    ]);
  });

  it('prints the share per horizon at each week’s last commit', () => {
    const r = cli(['trend', '--since', '2026-10-01'], repo);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], `${path.basename(repo)} (top level): roadmap items that trace to a goal, at each week's last commit`);
    assert.match(r.stdout, /week of\s+commit\s+all\s+Now\s+Later/);
    const rows = lines.filter((l) => /^\s+2026-/.test(l)).map((l) => l.trim().split(/\s{2,}/));
    assert.deepEqual(rows.map((r) => [r[0], r[2], r[3], r[4]]), [
      ['2026-10-05', '75% (3/4)', '67% (2/3)', '100% (1/1)'],
      ['2026-10-19', '75% (3/4)', '67% (2/3)', '100% (1/1)'],
      ['2026-11-02', '50% (2/4)', '33% (1/3)', '100% (1/1)'],
    ]);
    assert.match(r.stdout, /3 weeks since 2026-10-01; target 80%; 3 product doc reads\.$/m, 'the goals and roadmap once, then the roadmap when it changed; never the notes');
  });

  it('gives the same as JSON, per product and week', () => {
    const r = cli(['trend', '.', '--since', '2026-10-01', '--format', 'json'], repo);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { version: number; since: string; target: number; products: Array<{ scope: string; points: Array<{ week: string; commit: string; all: { items: number; traced: number; alignment: number }; lanes: Record<string, { alignment: number }> }> }>; weeks: unknown[] };
    assert.deepEqual([out.version, out.since, out.target, out.weeks.length], [1, '2026-10-01', 0.8, 3]);
    const points = out.products[0]!.points;
    assert.deepEqual(points.map((p) => [p.week, p.all.alignment, p.lanes['now']!.alignment]), [['2026-10-05', 0.75, 0.67], ['2026-10-19', 0.75, 0.67], ['2026-11-02', 0.5, 0.33]]);
    assert.match(points[0]!.commit, /^[0-9a-f]{40}$/);
  });

  it('says so when nothing was committed since the date', () => {
    const r = cli(['trend', '--since', '2026-11-20'], repo);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, 'No commits since 2026-11-20: nothing to compare.\n');
  });

  it('leaves the repository as it was: nothing written, no lock left', () => {
    // The test's own `git status` must not refresh the index either.
    const status = () => execFileSync('git', ['status', '--porcelain', '--ignored'], { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } });
    const listing = () => fs.readdirSync(path.join(repo, '.git')).sort().join(' ');
    const before = status();
    const index = fs.statSync(path.join(repo, '.git', 'index')).mtimeMs;
    const files = listing();
    cli(['trend', '--since', '2026-10-01'], repo);
    assert.equal(fs.statSync(path.join(repo, '.git', 'index')).mtimeMs, index, 'the index is not rewritten');
    assert.equal(listing(), files, 'no lock or other file is left in .git');
    assert.equal(status(), before);
  });

  it('says in one line, exit 2, when there is no git or no repository, or the date is not a date', () => {
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-no-repo-'));
    after(() => fs.rmSync(plain, { recursive: true, force: true }));
    fs.writeFileSync(path.join(plain, 'roadmap.md'), roadmap(['Cohorts']));
    const outside = cli(['trend'], plain);
    assert.equal(outside.code, 2);
    assert.match(outside.stderr, /^throughline: .* is not in a git repository: the trend reads the product docs' history from git\n$/);
    const noGit = cli(['trend'], repo, { PATH: path.join(plain, 'no-such-folder') });
    assert.equal(noGit.code, 2);
    assert.equal(noGit.stderr, "throughline: git is not installed (no `git` on the PATH): the trend reads the product docs' history with it\n");
    const bad = cli(['trend', '--since', 'last week'], repo);
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, "throughline: --since needs a date as YYYY-MM-DD, not “last week”; see 'throughline --help'\n");
  });

  it('draws the chart in the report, with the ranking; a report outside a repository has the ranking only', () => {
    const out = path.join(repo, 'out.html');
    const r = cli(['report', '.', '--out', out, '--since', '2026-10-01'], repo);
    assert.equal(r.code, 0, r.stderr);
    const html = fs.readFileSync(out, 'utf8');
    fs.rmSync(out);
    assert.match(html, /<h2 id="ranking-title">Prioritise: the roadmap ranked<\/h2>/);
    assert.match(html, /<h2 id="trend-title">Alignment over time<\/h2>/);
    assert.match(html, new RegExp(`<svg class="trend-chart" viewBox="0 0 640 180" role="img" aria-label="${path.basename(repo)} \\(top level\\): All items from 75% to 50%; Now from 67% to 33%; Later from 100% to 100%, over 3 weeks">`));
    assert.equal((html.match(/<circle class="series now"/g) ?? []).length, 3, 'one point per week for Now');
    const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-no-repo-'));
    after(() => fs.rmSync(plain, { recursive: true, force: true }));
    fs.writeFileSync(path.join(plain, 'goals.md'), GOALS);
    fs.writeFileSync(path.join(plain, 'roadmap.md'), roadmap(['Cohorts — Goal: G1']));
    const alone = cli(['report', '.', '--out', '-'], plain);
    assert.equal(alone.code, 0, alone.stderr);
    assert.match(alone.stdout, /Prioritise: the roadmap ranked/);
    assert.doesNotMatch(alone.stdout, /Alignment over time/);
  });
});
