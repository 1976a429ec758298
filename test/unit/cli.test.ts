import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, cli, tempWorkspace } from './cliHelpers';
import { REPO } from './helpers';

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
    assert.ok(diagnostics.includes('examples/loop/roadmap.md:23:11 error No goal has the ID or title “G6”. By its words, this roadmap item may serve G3 “Close the loop with customers” (both mention “customers” and “problems”); choose it or another in the quick fixes. [unknown-reference]'), r.stdout);
    assert.equal(lines[lines.length - 2], '');
    assert.match(lines[lines.length - 1]!, /^10 product docs, 10 goals, 20 roadmap items \(14 traced, 70% aligned\); 5 errors, 19 warnings, 3 info$/);
    assert.equal(r.stderr, '');
  });

  it('check --format json follows the contract in the JSON contract in README.md', () => {
    const r = cli(['check', 'examples', '--format', 'json']);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout) as { version: number; diagnostics: Array<Record<string, unknown>>; summary: Record<string, unknown> };
    assert.equal(out.version, 1);
    assert.deepEqual(out.summary, { files: 10, goals: 10, roadmapItems: 20, tracedItems: 14, alignment: 0.7 });
    assert.equal(out.diagnostics.length, 27);
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

  it('uses the nearest .throughline.yaml, or the one given with --config', () => {
    const dir = tempWorkspace({ ...WARNINGS_ONLY, '.throughline.yaml': 'rules:\n  untraced-item: error\n', 'other.yaml': 'rules:\n  untraced-item: off\n' });
    const nearest = cli(['check', dir]);
    assert.equal(nearest.code, 1);
    assert.match(nearest.stdout, /roadmap\.md:6:3 error Roadmap item “Dark mode” traces to no goal/);
    const given = cli(['check', dir, '--config', path.join(dir, 'other.yaml')]);
    assert.equal(given.code, 0);
    assert.doesNotMatch(given.stdout, /untraced-item/);
  });

  it('graph --format json prints the nodes and edges of the JSON contract in README.md', () => {
    const r = cli(['graph', 'examples', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const graph = JSON.parse(r.stdout) as { version: number; nodes: Array<Record<string, unknown>>; edges: Array<Record<string, unknown>> };
    assert.equal(graph.version, 1);
    // FORMAT.md §5's fields, in order; then, where a node has them, its horizon, priority fields and due date.
    for (const n of graph.nodes) {
      assert.deepEqual(Object.keys(n).slice(0, 7), ['key', 'id', 'kind', 'title', 'file', 'line', 'scope']);
      assert.deepEqual(Object.keys(n).slice(7).filter((k) => !['horizon', 'priority', 'due'].includes(k)), [], JSON.stringify(n));
    }
    assert.ok(graph.nodes.some((n) => n['key'] === 'loop/roadmap.md#zendesk-and-intercom-connectors' && n['horizon'] === 'Now'), 'roadmap items carry their horizon');
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

  const HINT = "; see 'throughline --help'\n";
  const usage: Array<[string, string[], string]> = [
    ['an unknown option', ['check', '--fromat', 'json'], 'unknown option “--fromat”'],
    ['an unknown option after a path', ['check', '.', '--bogus'], 'unknown option “--bogus”'],
    ['a bad format', ['check', '--format', 'xml'], '--format must be “text”, “json”, “sarif”, “github”, “gitlab” or “markdown”, not “xml”'],
    ['a check format graph does not know', ['graph', '--format', 'sarif'], '--format must be “text” or “json”, not “sarif”'],
    ['report without --out', ['report', 'examples'], 'report needs --out FILE.html (or --out - for standard output)'],
    ['an option report does not take', ['report', '--format', 'json'], 'report does not take --format'],
    ['a bad --max-warnings', ['check', '--max-warnings', 'lots'], '--max-warnings needs a whole number ≥ 0, not “lots”'],
    ['a negative --max-warnings', ['check', '--max-warnings', '-1'], '--max-warnings needs a whole number ≥ 0, not “-1”'],
    ['--config without a value', ['check', '--config'], '--config needs a value'],
    ['an option where a value belongs', ['check', '--config', '--format', 'json'], '--config needs a value'],
    ['an option graph does not take', ['graph', '.', '--max-warnings', '0'], 'graph does not take --max-warnings'],
    ['an unknown command', ['lint'], 'unknown command “lint”; use “check”, “graph”, “report” or “trend”'],
    ['options but no command', ['--format', 'json'], 'no command before “--format”; use “check”, “graph”, “report” or “trend”'],
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
