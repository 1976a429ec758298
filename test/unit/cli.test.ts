import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from './helpers';

const CLI = path.join(REPO, 'dist', 'cli.js');

function cli(args: string[], cwd = REPO): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary folder holding `files`; removed after the test run. */
function tempWorkspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-cli-'));
  for (const [p, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    fs.writeFileSync(path.join(dir, p), text);
  }
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const CLEAN = {
  'vision.md': '# Vision\n',
  'goals.md': '# Goals\n\n## G1: Grow retention\n\nVision: Vision\nMetric: 55%\n',
  'roadmap.md': '# Roadmap\n\n## Now\n\n- Retention emails — Goal: G1\n',
};
const WARNINGS_ONLY = { ...CLEAN, 'roadmap.md': '# Roadmap\n\n## Now\n\n- Retention emails — Goal: G1\n- Dark mode\n- Themes\n' };

describe('throughline CLI (spawned)', function () {
  // Each test starts Node several times; on a loaded CI machine that takes more than mocha's 2 s.
  this.timeout(30_000);

  it('check prints compiler-style lines and a summary, and exits 1 on errors', () => {
    const r = cli(['check', 'examples']);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    const diagnostics = lines.slice(0, -2);
    for (const line of diagnostics) assert.match(line, /^examples\/[^:]+\.md:\d+:\d+ (error|warning|information|hint) .+ \[[a-z-]+\]$/);
    assert.ok(diagnostics.includes('examples/loop/roadmap.md:23:11 error No goal has the ID or title “G6”. Did you mean G3 “Close the loop with customers”? [unknown-reference]'), r.stdout);
    assert.equal(lines[lines.length - 2], '');
    assert.match(lines[lines.length - 1]!, /^10 product docs, 9 goals, 17 roadmap items \(12 traced, 71% aligned\); 5 errors, 11 warnings, 1 info$/);
    assert.equal(r.stderr, '');
  });

  it('check --format json follows the contract in FORMAT.md §5', () => {
    const r = cli(['check', 'examples', '--format', 'json']);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout) as { version: number; diagnostics: Array<Record<string, unknown>>; summary: Record<string, unknown> };
    assert.equal(out.version, 1);
    assert.deepEqual(out.summary, { files: 10, goals: 9, roadmapItems: 17, tracedItems: 12, alignment: 0.71 });
    assert.equal(out.diagnostics.length, 17);
    for (const d of out.diagnostics) {
      assert.deepEqual(Object.keys(d), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'rule', 'message']);
      assert.match(d['file'] as string, /^examples\/[\w/.-]+\.md$/);
      assert.ok((d['line'] as number) >= 1 && (d['column'] as number) >= 1);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(d['severity'] as string));
    }
    const g6 = out.diagnostics.find((d) => (d['message'] as string).includes('“G6”'))!;
    assert.deepEqual([g6['file'], g6['line'], g6['column'], g6['endLine'], g6['endColumn'], g6['rule']], ['examples/loop/roadmap.md', 23, 11, 23, 13, 'unknown-reference']);
  });

  it('reports paths relative to the current folder', () => {
    const r = cli(['check', '.', '--format', 'json'], path.join(REPO, 'examples', 'loop'));
    const files = new Set((JSON.parse(r.stdout) as { diagnostics: Array<{ file: string }> }).diagnostics.map((d) => d.file));
    assert.ok(files.has('roadmap.md') && files.has('initiatives/ai-summaries.md'), [...files].join(', '));
  });

  it('exits 0 when there are no errors, and --max-warnings turns warnings into a failure', () => {
    assert.equal(cli(['check', tempWorkspace(CLEAN)]).code, 0);
    const dir = tempWorkspace(WARNINGS_ONLY);
    assert.equal(cli(['check', dir]).code, 0);
    assert.equal(cli(['check', dir, '--max-warnings', '2']).code, 0);
    assert.equal(cli(['check', dir, '--max-warnings=1']).code, 1);
  });

  it('checks only the files named, resolving against the product docs around them', () => {
    const dir = tempWorkspace(WARNINGS_ONLY);
    const r = cli(['check', 'roadmap.md', '--format', 'json'], dir);
    const out = JSON.parse(r.stdout) as { diagnostics: Array<{ file: string; rule: string }>; summary: { files: number; goals: number } };
    assert.deepEqual([...new Set(out.diagnostics.map((d) => d.file))], ['roadmap.md']);
    assert.deepEqual(out.diagnostics.map((d) => d.rule), ['untraced-item', 'untraced-item']);
    assert.equal(out.summary.files, 1);
  });

  describe('the project folder, when there is no config file', () => {
    const P8 = {
      'vision.md': '# Vision\n',
      'alpha/roadmap.md': '# Roadmap\n\n## Now\n\n- Alpha cross — Goal: G3\n- Alpha untraced\n',
      'beta/goals.md': '# Goals\n\n## G3: Beta goal\n\nVision: Vision\nMetric: 10%\n',
      'beta/roadmap.md': '# Roadmap\n\n- Beta item — Goal: G3\n',
    };
    type Out = { diagnostics: Array<{ file: string; rule: string }>; summary: { files: number; roadmapItems: number } };
    const checkJson = (args: string[], cwd: string) => JSON.parse(cli(['check', ...args, '--format', 'json'], cwd).stdout) as Out;

    for (const [what, marker] of [['a clone (.git folder)', 'dir'], ['a worktree (.git file)', 'file']] as const) {
      it(`is the repository's top in ${what}: check alpha resolves a goal in beta, as check . does`, () => {
        const dir = tempWorkspace(P8);
        if (marker === 'dir') fs.mkdirSync(path.join(dir, '.git'));
        else fs.writeFileSync(path.join(dir, '.git'), 'gitdir: /elsewhere/.git/worktrees/p8\n');
        const sub = checkJson(['alpha'], dir);
        assert.deepEqual(sub.diagnostics.map((d) => `${d.file} ${d.rule}`), ['alpha/roadmap.md untraced-item'], 'G3 resolves; findings only for alpha');
        assert.deepEqual([sub.summary.files, sub.summary.roadmapItems], [1, 2], 'the summary counts alpha only');
        const whole = checkJson(['.'], dir);
        assert.deepEqual(whole.diagnostics.filter((d) => d.file.startsWith('alpha/')), sub.diagnostics);
        const fromInside = checkJson(['.'], path.join(dir, 'alpha'));
        assert.deepEqual(fromInside.diagnostics.map((d) => `${d.file} ${d.rule}`), ['roadmap.md untraced-item'], 'the same from inside alpha');
      });
    }

    it('is the named folder when neither a config file nor .git is above it', function () {
      const dir = tempWorkspace(P8);
      for (let d = dir; path.dirname(d) !== d; d = path.dirname(d)) {
        if (['.git', '.throughline.yaml', '.throughline.yml', '.throughline.json'].some((m) => fs.existsSync(path.join(d, m)))) this.skip();
      }
      const sub = checkJson(['alpha'], dir);
      assert.ok(sub.diagnostics.some((d) => d.file === 'alpha/roadmap.md' && d.rule === 'unknown-reference'), 'beta is outside the project folder');
    });

    it('is the folder of the nearest config file, even below .git', () => {
      const dir = tempWorkspace({ ...P8, 'beta/.throughline.yaml': '' });
      fs.mkdirSync(path.join(dir, '.git'));
      const out = checkJson(['beta'], dir);
      assert.ok(out.diagnostics.some((d) => d.file === 'beta/goals.md' && d.rule === 'missing-vision'), 'the vision above beta is outside its project');
    });
  });

  it('uses the nearest .throughline.yaml, or the one given with --config', () => {
    const dir = tempWorkspace({ ...WARNINGS_ONLY, '.throughline.yaml': 'rules:\n  untraced-item: error\n', 'other.yaml': 'rules:\n  untraced-item: off\n' });
    const nearest = cli(['check', dir]);
    assert.equal(nearest.code, 1);
    assert.match(nearest.stdout, /roadmap\.md:6:3 error Roadmap item “Dark mode” traces to no goal/);
    const given = cli(['check', dir, '--config', path.join(dir, 'other.yaml')]);
    assert.equal(given.code, 0);
    assert.doesNotMatch(given.stdout, /untraced-item/);
  });

  it('graph --format json prints the nodes and edges of FORMAT.md §5', () => {
    const r = cli(['graph', 'examples', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const graph = JSON.parse(r.stdout) as { version: number; nodes: Array<Record<string, unknown>>; edges: Array<Record<string, unknown>> };
    assert.equal(graph.version, 1);
    for (const n of graph.nodes) assert.deepEqual(Object.keys(n), ['key', 'id', 'kind', 'title', 'file', 'line', 'scope']);
    assert.deepEqual([...new Set(graph.nodes.map((n) => n['kind']))].sort(), ['goal', 'roadmap-item', 'strategy', 'vision', 'vision-section']);
    const keys = new Set(graph.nodes.map((n) => n['key']));
    assert.equal(keys.size, graph.nodes.length, 'node keys are unique');
    for (const e of graph.edges) {
      assert.ok(keys.has(e['from']) && keys.has(e['to']), JSON.stringify(e));
      assert.ok(['field', 'column', 'front-matter', 'link'].includes(e['via'] as string));
    }
    assert.ok(graph.edges.some((e) => e['from'] === 'loop/roadmap.md#zendesk-and-intercom-connectors' && e['to'] === 'loop/goals.md#g1-capture-feedback-where-it-happens' && e['via'] === 'field'));
    assert.ok(graph.edges.some((e) => e['from'] === 'loop/initiatives/offline-inbox.md' && e['via'] === 'front-matter'));
    assert.ok(graph.edges.some((e) => e['via'] === 'link'));
    assert.ok(graph.edges.some((e) => e['via'] === 'column'));
  });

  describe('graph [paths…]', () => {
    const REPO_FILES = {
      'vision.md': '# Vision\n\n## Pillar: Speed {#V1}\n',
      'alpha/goals.md': '# Goals\n\n## G9: Alpha goal\n\nVision: Vision\nMetric: 5%\n',
      'alpha/roadmap.md': '# Roadmap\n\n- Alpha cross — Goal: G3\n',
      'beta/goals.md': '# Goals\n\n## G3: Beta goal\n\nVision: V1\nMetric: 10%\n',
      'beta/roadmap.md': '# Roadmap\n\n- Beta item — Goal: G3\n- Beta for alpha — Goal: G9\n',
    };
    type G = { nodes: Array<{ key: string; file: string }>; edges: Array<{ from: string; to: string }> };

    it('shows the named paths\' nodes and what they trace to up the chain, with no dangling edge', () => {
      const dir = tempWorkspace(REPO_FILES);
      fs.mkdirSync(path.join(dir, '.git'));
      const r = cli(['graph', 'alpha', '--format', 'json'], dir);
      assert.equal(r.code, 0, r.stderr);
      const graph = JSON.parse(r.stdout) as G;
      assert.deepEqual(graph.nodes.map((n) => n.key).sort(), ['alpha/goals.md#g9-alpha-goal', 'alpha/roadmap.md#alpha-cross', 'beta/goals.md#g3-beta-goal', 'vision.md', 'vision.md#pillar-speed-v1'].sort());
      assert.deepEqual(graph.edges.map((e) => `${e.from} -> ${e.to}`).sort(), [
        'alpha/goals.md#g9-alpha-goal -> vision.md',
        'alpha/roadmap.md#alpha-cross -> beta/goals.md#g3-beta-goal',
        'beta/goals.md#g3-beta-goal -> vision.md#pillar-speed-v1',
      ], 'beta items are left out, even the one tracing into alpha');
      const keys = new Set(graph.nodes.map((n) => n.key));
      for (const e of graph.edges) assert.ok(keys.has(e.from) && keys.has(e.to), `${e.from} -> ${e.to} has both ends`);
      const all = JSON.parse(cli(['graph', '.', '--format', 'json'], dir).stdout) as G;
      assert.equal(all.nodes.length, 7, 'graph . shows everything');
    });

    it('as text, outlines the same part under its vision, with files relative to the current folder', () => {
      const dir = tempWorkspace({ ...REPO_FILES, '.throughline.yaml': '' });
      const r = cli(['graph', 'alpha'], dir);
      assert.equal(r.stdout, [
        'vision Vision  (vision.md:1)',
        '  goal G9 Alpha goal  (alpha/goals.md:3)',
        '  pillar V1 Pillar: Speed  (vision.md:3)',
        '    goal G3 Beta goal  (beta/goals.md:3)',
        '      item Alpha cross  (alpha/roadmap.md:3)',
        '',
      ].join('\n'));
    });
  });

  const HINT = "; see 'throughline --help'\n";
  const usage: Array<[string, string[], string]> = [
    ['an unknown option', ['check', '--fromat', 'json'], 'unknown option “--fromat”'],
    ['an unknown option after a path', ['check', '.', '--bogus'], 'unknown option “--bogus”'],
    ['a bad format', ['check', '--format', 'xml'], '--format must be “text” or “json”, not “xml”'],
    ['a bad --max-warnings', ['check', '--max-warnings', 'lots'], '--max-warnings needs a whole number ≥ 0, not “lots”'],
    ['a negative --max-warnings', ['check', '--max-warnings', '-1'], '--max-warnings needs a whole number ≥ 0, not “-1”'],
    ['--config without a value', ['check', '--config'], '--config needs a value'],
    ['an option where a value belongs', ['check', '--config', '--format', 'json'], '--config needs a value'],
    ['an option graph does not take', ['graph', '.', '--max-warnings', '0'], 'graph does not take --max-warnings'],
    ['an unknown command', ['lint'], 'unknown command “lint”; use “check” or “graph”'],
    ['options but no command', ['--format', 'json'], 'no command before “--format”; use “check” or “graph”'],
  ];
  for (const [what, args, message] of usage) {
    it(`exits 2 with one line naming ${what}, and a hint`, () => {
      const r = cli(args);
      assert.equal(r.code, 2);
      assert.equal(r.stderr, `throughline: ${message}${HINT}`);
      assert.equal(r.stdout, '');
    });
  }

  it('exits 2 with one line for a missing path', () => {
    const r = cli(['check', 'no/such/folder']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'throughline: no/such/folder: no such file or folder\n');
  });

  it('with no command at all, prints the usage on stderr and exits 2 (bad usage), so a CI step cannot pass by accident', () => {
    const r = cli([]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^Usage:\n  throughline check/);
  });

  it('--help, anywhere on the line, prints the usage on stdout and exits 0', () => {
    for (const args of [['--help'], ['-h'], ['help'], ['check', '--help'], ['graph', '.', '-h']]) {
      const r = cli(args);
      assert.equal(r.code, 0, args.join(' '));
      assert.match(r.stdout, /^Usage:\n  throughline check/, args.join(' '));
      assert.equal(r.stderr, '');
    }
  });

  it('exits 2 naming the key for a bad config file, which it names relative to the current folder', () => {
    const dir = tempWorkspace({ ...CLEAN, 'docs/.throughline.yaml': 'rules:\n  untraced-item: loud\n' });
    const r = cli(['check', 'docs'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `throughline: bad config docs/.throughline.yaml: "rules.untraced-item" must be error, warning, information, hint or off, not "loud"\n`);
    const given = cli(['check', '.', '--config', 'docs/.throughline.yaml'], dir);
    assert.equal(given.stderr, r.stderr);
  });

  it('takes a single string where the config expects a list', () => {
    const dir = tempWorkspace({ ...WARNINGS_ONLY, '.throughline.yaml': 'exclude: roadmap.md\n' });
    const out = JSON.parse(cli(['check', dir, '--format', 'json']).stdout) as { diagnostics: Array<{ rule: string }>; summary: { files: number } };
    assert.equal(out.summary.files, 2, 'roadmap.md is excluded');
    assert.deepEqual(out.diagnostics.map((d) => d.rule), ['goal-without-items'], 'nothing from the excluded roadmap');
  });

  it("reports a binary file with a product doc's name as skipped, and still checks the rest", () => {
    const dir = tempWorkspace(CLEAN);
    fs.writeFileSync(path.join(dir, 'roadmap-export.md'), Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]));
    fs.writeFileSync(path.join(dir, 'image.md'), Buffer.from([0x00, 0xff, 0xfe]));
    const r = cli(['check', dir, '--format', 'json']);
    assert.equal(r.code, 0);
    const out = JSON.parse(r.stdout) as { diagnostics: Array<{ file: string; rule: string; message: string }>; summary: { files: number } };
    assert.deepEqual(out.diagnostics.map((d) => [path.basename(d.file), d.rule]), [['roadmap-export.md', 'file-skipped']]);
    assert.match(out.diagnostics[0]!.message, /skipped this file: it is binary/);
    assert.equal(out.summary.files, 3);
  });

  it('stops quietly when the reader closes the pipe early (| head), keeping the exit code', function () {
    if (process.platform === 'win32') this.skip();
    // Far more output than a pipe buffers, so the CLI is still writing when `head` has gone.
    const items = Array.from({ length: 5000 }, (_, i) => `- Untraced item number ${i} with a title long enough to fill the pipe`);
    const dir = tempWorkspace({ ...CLEAN, 'roadmap.md': `# Roadmap\n\n## Now\n\n- Broken — Goal: G9\n${items.join('\n')}\n` });
    const rcFile = path.join(dir, 'rc');
    for (const [format, reader] of [['json', 'head -c 100'], ['text', 'head -n 1']]) {
      const script = `("${process.execPath}" "${CLI}" check "${dir}" --format ${format}; echo $? > "${rcFile}") | ${reader} > /dev/null`;
      const r = spawnSync('sh', ['-c', script], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      assert.equal(r.stderr, '', `no EPIPE stack trace (${format})`);
      assert.equal(fs.readFileSync(rcFile, 'utf8').trim(), '1', `the check's own exit code: it found an error (${format})`);
    }
  });

  it('prints the version', () => {
    assert.match(cli(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
  });
});
