import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, tempWorkspace } from './cliHelpers';

// Which files the CLI reads (the project folder) and which it shows (the named paths).
describe('throughline CLI: project folder and named paths (spawned)', function () {
  this.timeout(30_000);

  describe('the project folder, when there is no config file', () => {
    const P8 = {
      'vision.md': '# Vision\n',
      'alpha/roadmap.md': '# Roadmap\n\n## Now\n\n- Alpha cross — Goal: G3\n- Alpha untraced\n',
      'beta/goals.md': '# Goals\n\n## G3: Beta goal\n\nVision: Vision\nMetric: 10%\n',
      'beta/roadmap.md': '# Roadmap\n\n- Beta item — Goal: G3\n',
    };
    /** These tests need a temp folder with no config file or .git above it, which some machines lack. */
    const skipInsideAProject = (context: Mocha.Context, dir: string) => {
      for (let d = dir; path.dirname(d) !== d; d = path.dirname(d)) {
        if (['.git', '.throughline.yaml', '.throughline.yml', '.throughline.json'].some((m) => fs.existsSync(path.join(d, m)))) context.skip();
      }
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

    it('is the current folder when neither a config file nor .git is above it and the named paths are inside it', function () {
      const dir = tempWorkspace(P8);
      skipInsideAProject(this, dir);
      const sub = checkJson(['alpha'], dir);
      assert.deepEqual(sub.diagnostics.map((d) => `${d.file} ${d.rule}`), ['alpha/roadmap.md untraced-item'], 'G3 in beta resolves: the current folder is the project');
      // A guess, so said: run from a parent of many repositories, the CLI would read them all.
      const r = cli(['check', 'alpha', '--format', 'json'], dir);
      assert.equal(r.stderr, 'throughline: no .git or .throughline.yaml above alpha: reading every product doc under the current folder, ., so references resolve\n');
      assert.equal(cli(['check', '.', '--format', 'json'], dir).stderr, '', 'the folder named is the project folder: nothing to say');
    });

    it('is the named folder when neither a config file nor .git is above it and it lies outside the current folder', function () {
      const dir = tempWorkspace(P8);
      const elsewhere = tempWorkspace({ 'notes.md': '# Notes\n' });
      skipInsideAProject(this, dir);
      const sub = checkJson([path.join(dir, 'alpha')], elsewhere);
      assert.ok(sub.diagnostics.some((d) => d.file.endsWith('alpha/roadmap.md') && d.rule === 'unknown-reference'), 'beta is outside the project folder');
    });

    it('is the folder of the nearest config file, even below .git', () => {
      const dir = tempWorkspace({ ...P8, 'beta/.throughline.yaml': '' });
      fs.mkdirSync(path.join(dir, '.git'));
      const out = checkJson(['beta'], dir);
      assert.ok(out.diagnostics.some((d) => d.file === 'beta/goals.md' && d.rule === 'missing-vision'), 'the vision above beta is outside its project');
    });
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

});
