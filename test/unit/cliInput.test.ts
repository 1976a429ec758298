import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { REPO } from './helpers';

// What a CI run sees when a file cannot be read: a product doc it cannot read is a `file-skipped`
// finding and the run goes on; only a path the user named stops it (exit 2).

const CLI = path.join(REPO, 'dist', 'cli.js');

interface Json {
  diagnostics: Array<{ file: string; rule: string; message: string }>;
  summary: { files: number; goals: number };
}

const PRODUCT = {
  'vision.md': '# Vision\n',
  'goals.md': '# Goals\n\n## G1: Grow retention\n\nVision: Vision\nMetric: 55%\n',
  'roadmap.md': '# Roadmap\n\n## Now\n\n- Retention emails — Goal: G1\n',
  'notes.md': 'random notes\n',
};

function tempWorkspace(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-input-')));
  for (const [p, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    fs.writeFileSync(path.join(dir, p), text);
  }
  after(() => {
    for (const p of walk(dir)) fs.chmodSync(p, 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

function walk(dir: string): string[] {
  const out = [dir];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    fs.chmodSync(full, 0o755);
    out.push(...(entry.isDirectory() ? walk(full) : [full]));
  }
  return out;
}

/** Runs the CLI in this process, with `between` run after the files are listed and before any is read. */
async function check(cwd: string, args: string[], between?: (files: readonly string[]) => void) {
  let stdout = '';
  let stderr = '';
  const code = await run(['check', '--format', 'json', ...args], {
    cwd,
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    color: false,
    ...(between ? { afterListing: between } : {}),
  });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) as Json };
}

const rules = (out: Json) => out.diagnostics.map((d) => `${d.file} ${d.rule}`);

describe('CLI: files that cannot be read', function () {
  // The permission test starts Node several times: more than mocha's 2 s on a loaded machine.
  this.timeout(30_000);

  it('a file deleted between listing and reading is skipped: a finding when it is a product doc, nothing when it is not', async () => {
    const dir = tempWorkspace({ ...PRODUCT, 'strategy.md': '# Strategy\n' });
    const r = await check(dir, ['.'], (files) => {
      assert.ok(files.includes(path.join(dir, 'notes.md')) && files.includes(path.join(dir, 'strategy.md')), 'both were listed');
      fs.rmSync(path.join(dir, 'notes.md'));
      fs.rmSync(path.join(dir, 'strategy.md'));
    });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const out = r.json();
    assert.deepEqual(rules(out), ['strategy.md file-skipped']);
    assert.equal(out.diagnostics[0]!.message, 'Throughline skipped this file: it was deleted while being checked. Nothing in it is checked, and nothing can trace to it.');
    assert.equal(out.summary.files, 3, 'the rest is checked');
  });

  it('a product doc that cannot be read (here a folder in its place, unreadable even for root) is a file-skipped finding', async () => {
    const dir = tempWorkspace({ ...PRODUCT, 'roadmap-2027.md': '# Roadmap\n\n- Later — Goal: G1\n' });
    const r = await check(dir, ['.'], () => {
      for (const name of ['roadmap-2027.md', 'notes.md']) {
        fs.rmSync(path.join(dir, name));
        fs.mkdirSync(path.join(dir, name));
      }
    });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(rules(r.json()), ['roadmap-2027.md file-skipped']);
    assert.match(r.json().diagnostics[0]!.message, /^Throughline skipped this file: it could not be read \(it is a folder\)\./);
  });

  it('a file the user named that cannot be read stops the run with exit 2 and one line', async () => {
    const dir = tempWorkspace(PRODUCT);
    for (const name of ['roadmap.md', 'notes.md']) {
      const r = await check(dir, [name], () => {
        fs.rmSync(path.join(dir, name));
        fs.mkdirSync(path.join(dir, name));
      });
      assert.equal(r.code, 2, name);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, `throughline: cannot read ${name}: it is a folder\n`);
      fs.rmdirSync(path.join(dir, name));
      fs.writeFileSync(path.join(dir, name), '# Roadmap\n');
    }
  });

  it('a product doc outside the paths checked that cannot be read is a warning on stderr, since references to it fail', async () => {
    const dir = tempWorkspace({ '.throughline.yaml': '', 'vision.md': '# Vision\n', 'alpha/roadmap.md': '# Roadmap\n\n- Item — Goal: G1\n', 'beta/goals.md': PRODUCT['goals.md'] });
    const r = await check(dir, ['alpha'], () => {
      fs.rmSync(path.join(dir, 'beta/goals.md'));
      fs.mkdirSync(path.join(dir, 'beta/goals.md'));
    });
    assert.equal(r.stderr, 'throughline: warning: skipped beta/goals.md: it could not be read (it is a folder); nothing can trace to it\n');
    assert.deepEqual(rules(r.json()), ['alpha/roadmap.md unknown-reference']);
  });

  it('a product doc larger than the CLI reads (5 MB) is a file-skipped finding, by name or by front matter', async () => {
    const dir = tempWorkspace({ ...PRODUCT, 'export.md': '---\nkind: roadmap\n---\n# Export\n', 'roadmap-dump.md': '# Dump\n', 'log.md': '# Log\n' });
    // Sparse: over the cap on disk in no time, never read.
    for (const name of ['export.md', 'roadmap-dump.md', 'log.md']) fs.truncateSync(path.join(dir, name), 5 * 1024 * 1024 + 1);
    const r = await check(dir, ['.']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(rules(r.json()), ['export.md file-skipped', 'roadmap-dump.md file-skipped']);
    for (const d of r.json().diagnostics) assert.match(d.message, /^Throughline skipped this file: it is larger than 5 MB\./);
  });

  it('a product doc that fails to read from its start (/proc/self/mem, even for root) is skipped; named, it is exit 2', async function () {
    if (process.platform !== 'linux') this.skip();
    const dir = tempWorkspace(PRODUCT);
    fs.symlinkSync('/proc/self/mem', path.join(dir, 'strategy.md'));
    fs.symlinkSync('/proc/self/mem', path.join(dir, 'broken.md'));
    const r = await check(dir, ['.']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(rules(r.json()), ['strategy.md file-skipped']);
    assert.match(r.json().diagnostics[0]!.message, /it could not be read \(/);
    const named = await check(dir, ['strategy.md']);
    assert.equal(named.code, 2);
    assert.match(named.stderr, /^throughline: cannot read strategy\.md: .+\n$/);
  });

  // Permissions, for real: as a user other than root, who reads everything. Run as `nobody` when
  // these tests run as root, so the case is exercised on every machine that can.
  it('unreadable files and folders (permission denied) do not stop the check; named, they are exit 2', function () {
    if (process.platform !== 'linux') this.skip();
    const asRoot = process.getuid?.() === 0;
    const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => fs.existsSync(p));
    if (asRoot && !setpriv) this.skip();
    const asNobody = asRoot ? [setpriv!, '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
    // `nobody` must be able to run Node at all; a checkout under /root, say, it cannot read, so the
    // bundle (self-contained) is copied to a folder anyone can read.
    if (asRoot && spawnSync(asNobody[0]!, [...asNobody.slice(1), process.execPath, '-e', '0']).status !== 0) this.skip();
    const bin = tempWorkspace({});
    fs.chmodSync(bin, 0o755);
    const cliCopy = path.join(bin, 'cli.js');
    fs.copyFileSync(CLI, cliCopy);
    fs.chmodSync(cliCopy, 0o755);
    const dir = tempWorkspace({ ...PRODUCT, 'strategy.md': '# Strategy\n', 'secret/roadmap.md': '# Roadmap\n\n- Hidden\n' });
    fs.chmodSync(dir, 0o755);
    for (const p of ['notes.md', 'strategy.md', 'secret']) fs.chmodSync(path.join(dir, p), 0o000);
    const cli = (args: string[]) => {
      const command = [...asNobody, process.execPath];
      const r = spawnSync(command[0]!, [...command.slice(1), cliCopy, 'check', '--format', 'json', ...args], { cwd: dir, encoding: 'utf8' });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const all = cli(['.']);
    assert.equal(all.code, 0, all.stderr);
    assert.equal(all.stderr, 'throughline: warning: cannot read folder secret: permission denied; the files in it are not checked\n');
    const out = JSON.parse(all.stdout) as Json;
    assert.deepEqual(rules(out), ['strategy.md file-skipped']);
    assert.match(out.diagnostics[0]!.message, /it could not be read \(permission denied\)/);
    assert.equal(out.summary.files, 3);
    assert.deepEqual([cli(['strategy.md']).code, cli(['strategy.md']).stderr], [2, 'throughline: cannot read strategy.md: permission denied\n']);
    assert.deepEqual([cli(['secret']).code, cli(['secret']).stderr], [2, 'throughline: cannot read folder secret: permission denied\n']);
  });
});
