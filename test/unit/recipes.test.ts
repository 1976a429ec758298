import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { CLI } from './cliHelpers';
import { REPO } from './helpers';

/**
 * The CI recipes run: action.yml's script with the inputs the README's workflow gives it, the
 * README's GitLab CI script, the README's plain GitHub Actions steps, and the pre-commit hook's
 * entry, each on a repository whose docs/product is a copy of examples/. `npx throughline` and
 * `npx --yes throughline@VERSION` stand for the built CLI here (test/unit/package.test.ts installs
 * the packed tarball and runs `npx throughline` itself).
 */

const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string; repository: { url: string }; scripts: Record<string, string> };
const README = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');

/** How many findings `check` reports on examples/ (the JSON contract), which every recipe must carry. */
function findingsOnExamples(): number {
  const r = spawnSync(process.execPath, [CLI, 'check', 'examples', '--format', 'json'], { cwd: REPO, encoding: 'utf8' });
  return (JSON.parse(r.stdout) as { diagnostics: unknown[] }).diagnostics.length;
}
const NODE_CLI = `"${process.execPath}" "${CLI}"`;
/** The same, as the action's THROUGHLINE variable holds a command (word-split, so unquoted). */
const NODE_CLI_WORDS = `${process.execPath} ${CLI}`;

interface ActionStep {
  id?: string;
  if?: string;
  uses?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

/** The README's fenced block whose first line is `# NAME`. */
function readmeBlock(name: string): string {
  const blocks = [...README.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const block = blocks.find((b) => b.startsWith(`# ${name}\n`));
  assert.ok(block, `the README has a YAML block starting “# ${name}”`);
  return block;
}

/** A repository whose product docs are in docs/product (a copy of examples/). */
function repository(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-recipe-'));
  fs.mkdirSync(path.join(dir, '.git'));
  fs.cpSync(path.join(REPO, 'examples'), path.join(dir, 'docs', 'product'), { recursive: true });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function bash(script: string, cwd: string, env: Record<string, string>): { code: number | null; stdout: string; stderr: string } {
  const { GITHUB_ACTIONS: _a, GITLAB_CI: _b, ...inherited } = process.env;
  const r = spawnSync('bash', ['-e', '-c', script], { cwd, encoding: 'utf8', env: { ...inherited, NO_COLOR: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `${{ inputs.x }}` and `${{ steps.check.outputs.x }}` as GitHub evaluates them, for the values given. */
function expand(text: string, inputs: Record<string, string>, outputs: Record<string, string> = {}): string {
  return text.replace(/\$\{\{\s*(inputs|steps\.check\.outputs)\.([\w-]+)\s*\}\}/g, (_, scope: string, name: string) => (scope === 'inputs' ? inputs[name] : outputs[name]) ?? '');
}

describe('CI recipes', function () {
  this.timeout(60_000);
  const action = parse(fs.readFileSync(path.join(REPO, 'action.yml'), 'utf8')) as Action;

  describe('action.yml (a composite GitHub Action)', () => {
    it('runs the CLI at the package’s own version by default', () => {
      assert.equal(action.runs.using, 'composite');
      assert.equal(action.inputs['version']?.default, manifest.version, 'bump the action’s default version with the package');
      const check = action.runs.steps.find((s) => s.id === 'check')!;
      assert.equal(check.env?.['THROUGHLINE'], 'npx --yes throughline@${{ inputs.version }}');
      assert.doesNotMatch(check.run ?? '', /\$\{\{/, 'inputs reach the script as environment variables, never pasted into it');
    });

    it('with the README’s inputs: annotations, the step summary, SARIF for the upload step, the report, and the job fails on errors', () => {
      const workflow = parse(readmeBlock('.github/workflows/strategy.yml')) as { jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, unknown> }> }> };
      const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
      const uses = steps.find((s) => /\/throughline@v/.test(s.uses ?? ''));
      assert.ok(uses, 'the README’s workflow uses the action');
      assert.equal(uses.uses!.split('@')[1], `v${manifest.version}`);
      const given = Object.fromEntries(Object.entries(uses.with ?? {}).map(([k, v]) => [k, String(v)]));
      for (const key of Object.keys(given)) assert.ok(action.inputs[key], `the README passes ${key}, an input of the action`);
      const inputs = { ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? ''])), ...given };
      assert.equal(inputs['sarif'], 'true');

      const dir = repository();
      const summary = path.join(dir, 'summary.md');
      const output = path.join(dir, 'output.txt');
      const check = action.runs.steps.find((s) => s.id === 'check')!;
      const env = Object.fromEntries(Object.entries(check.env ?? {}).map(([k, v]) => [k, expand(v, inputs)]));
      const r = bash(check.run!, dir, { ...env, THROUGHLINE: NODE_CLI_WORDS, GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output, GITHUB_ACTIONS: 'true' });
      assert.equal(r.code, 0, `the check step records the exit code and goes on: ${r.stderr}`);
      const annotations = r.stdout.split('\n').filter((l) => /^::(error|warning|notice) file=docs\/product\//.test(l));
      assert.equal(annotations.length, findingsOnExamples(), 'one annotation per finding');
      assert.match(fs.readFileSync(summary, 'utf8'), /^## Throughline: \d+% of the roadmap traces to a goal$/m);
      const outputs = Object.fromEntries(fs.readFileSync(output, 'utf8').trim().split('\n').map((l) => l.split('=') as [string, string]));
      assert.deepEqual(outputs, { 'sarif-file': inputs['sarif-file'], 'exit-code': '1' });
      const sarif = JSON.parse(fs.readFileSync(path.join(dir, inputs['sarif-file']!), 'utf8')) as { version: string; runs: Array<{ results: unknown[] }> };
      assert.equal(sarif.version, '2.1.0');
      assert.equal(sarif.runs[0]!.results.length, findingsOnExamples());
      assert.match(fs.readFileSync(path.join(dir, inputs['report']!), 'utf8'), /<title>Strategy Map/);

      const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
      assert.equal(expand(upload.with!['sarif_file']!, inputs), inputs['sarif-file'], 'the upload step reads the file the check wrote');
      const fail = action.runs.steps.at(-1)!;
      assert.equal(expand(fail.env!['CODE']!, inputs, outputs), '1');
      assert.equal(bash(fail.run!, dir, { CODE: '1' }).code, 1, 'the last step fails the job with the check’s exit code');
    });

    it('passes with no errors and no warnings over max-warnings, and skips the summary outside Actions', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-clean-'));
      after(() => fs.rmSync(dir, { recursive: true, force: true }));
      fs.mkdirSync(path.join(dir, '.git'));
      fs.writeFileSync(path.join(dir, 'vision.md'), '# Vision\n');
      fs.writeFileSync(path.join(dir, 'goals.md'), '# Goals\n\n## G1: Grow retention\n\nVision: Vision\nMetric: 55%\n');
      fs.writeFileSync(path.join(dir, 'roadmap.md'), '# Roadmap\n\n## Now\n\n- Retention emails — Goal: G1\n');
      const check = action.runs.steps.find((s) => s.id === 'check')!;
      const inputs = { ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? ''])), 'max-warnings': '0' };
      const env = Object.fromEntries(Object.entries(check.env ?? {}).map(([k, v]) => [k, expand(v, inputs)]));
      const output = path.join(dir, 'output.txt');
      const r = bash(check.run!, dir, { ...env, THROUGHLINE: NODE_CLI_WORDS, GITHUB_OUTPUT: output });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(fs.readFileSync(output, 'utf8'), 'exit-code=0\n');
    });
  });

  it('the README’s GitHub Actions steps without the action: annotations, then the step summary', () => {
    const workflow = parse(readmeBlock('.github/workflows/strategy-without-the-action.yml')) as { jobs: Record<string, { steps: Array<{ run?: string }> }> };
    const runs = Object.values(workflow.jobs).flatMap((j) => j.steps).flatMap((s) => (s.run ? [s.run] : []));
    assert.ok(runs.length >= 2 && runs.every((r) => r.includes('npx throughline ')));
    const dir = repository();
    const summary = path.join(dir, 'summary.md');
    const results = runs.map((run) => bash(run.replace(/npx throughline /g, `${NODE_CLI} `), dir, { GITHUB_STEP_SUMMARY: summary, GITHUB_ACTIONS: 'true' }));
    assert.equal(results[0]!.code, 1, 'the check step fails the job: the examples have errors');
    assert.equal(results[0]!.stdout.split('\n').filter((l) => l.startsWith('::')).length, findingsOnExamples());
    assert.match(fs.readFileSync(summary, 'utf8'), new RegExp(`^### Gaps \\(${findingsOnExamples()}\\)$`, 'm'));
  });

  it('the README’s GitLab CI job: a Code Quality report, the Strategy Map, and the check’s exit code', () => {
    const job = Object.values(parse(readmeBlock('.gitlab-ci.yml')) as Record<string, { script: string[]; artifacts: { reports: { codequality: string }; paths: string[] } }>)[0]!;
    const dir = repository();
    const r = bash(job.script.join('\n').replace(/npx throughline /g, `${NODE_CLI} `), dir, { GITLAB_CI: 'true', CI_PROJECT_URL: 'https://gitlab.example/acme/strategy', CI_COMMIT_SHA: 'abc123', CI_PROJECT_DIR: dir });
    assert.equal(r.code, 1, `the job fails on the examples' errors: ${r.stderr}`);
    const report = JSON.parse(fs.readFileSync(path.join(dir, job.artifacts.reports.codequality), 'utf8')) as Array<{ check_name: string; location: { path: string } }>;
    assert.equal(report.length, findingsOnExamples());
    assert.ok(report.every((i) => i.location.path.startsWith('docs/product/')));
    for (const file of job.artifacts.paths) assert.ok(fs.existsSync(path.join(dir, file)), `the job writes ${file}`);
  });

  it('the pre-commit hook: the README’s config names it, and its entry checks the staged Markdown files', () => {
    const hooks = parse(fs.readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; language: string; files: string; pass_filenames?: boolean }>;
    const hook = hooks.find((h) => h.id === 'throughline')!;
    assert.equal(hook.language, 'node');
    // pre-commit installs the repository with `npm install` then `npm pack`, which runs prepack: the CLI bundle is built there.
    assert.match(manifest.scripts['prepack'] ?? '', /build:cli/);
    const config = parse(readmeBlock('.pre-commit-config.yaml')) as { repos: Array<{ repo: string; rev: string; hooks: Array<{ id: string }> }> };
    const repo = config.repos[0]!;
    assert.equal(repo.repo, manifest.repository.url.replace(/\.git$/, ''));
    assert.equal(repo.rev, `v${manifest.version}`);
    assert.deepEqual(repo.hooks.map((h) => h.id), ['throughline']);

    const dir = repository();
    const files = new RegExp(hook.files);
    const staged = ['docs/product/loop/roadmap.md', 'docs/product/loop/goals.md', 'docs/product/README.md', 'notes.txt'].filter((f) => files.test(f));
    assert.deepEqual(staged, ['docs/product/loop/roadmap.md', 'docs/product/loop/goals.md', 'docs/product/README.md']);
    const entry = hook.entry.replace(/^throughline /, `${NODE_CLI} `);
    const r = bash(`${entry} ${staged.join(' ')}`, dir, {});
    assert.equal(r.code, 1, 'the commit is stopped: the staged roadmap has errors');
    assert.match(r.stdout, /^docs\/product\/loop\/roadmap\.md:23:11 error No goal has the ID or title “G6”/m);
    assert.doesNotMatch(r.stdout, /^docs\/product\/pulse\//m, 'only the staged files are reported');
  });
});
