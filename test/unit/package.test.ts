import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from './helpers';

/**
 * The npm package as a CI user gets it: `npm pack`, then installed from the tarball into an empty
 * folder with npm offline and an empty cache, so any runtime dependency left to download fails the
 * install; then `npx throughline check` on a copy of examples/. Also what the tarball holds.
 */

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** The files the npm package may hold: the CLI bundle, the rule docs its findings link to, and npm's own. */
const ALLOWED = [/^package\.json$/, /^README\.md$/, /^LICENSE$/, /^CHANGELOG\.md$/, /^dist\/cli\.js$/, /^docs\/[\w/-]+\.md$/];

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: Array<{ path: string; size: number }>;
}

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false', ...env } });
  if (r.error) throw r.error;
  return r;
}


describe('The npm package (npm pack, then an offline install from the tarball)', function () {
  this.timeout(180_000);
  let dir: string;
  let pack: PackResult;
  let installDir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-pack-'));
    // `prepack` builds dist/cli.js, as it does when pre-commit or a user packs a clone.
    const r = run(NPM, ['pack', '--json', '--pack-destination', dir], REPO);
    assert.equal(r.status, 0, r.stderr);
    pack = (JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as PackResult[])[0]!;
    installDir = path.join(dir, 'project');
    fs.mkdirSync(installDir);
    fs.writeFileSync(path.join(installDir, 'package.json'), '{ "name": "a-product-team", "private": true }\n');
    fs.cpSync(path.join(REPO, 'examples'), path.join(installDir, 'examples'), { recursive: true });
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('holds only the CLI bundle, the rule docs, the README, the changelog and the license', () => {
    const unexpected = pack.files.map((f) => f.path).filter((p) => !ALLOWED.some((re) => re.test(p)));
    assert.deepEqual(unexpected, [], 'files the `files` allow-list should keep out of the npm package');
    const paths = pack.files.map((f) => f.path);
    for (const needed of ['dist/cli.js', 'package.json', 'README.md', 'LICENSE', 'docs/rules/untraced-item.md']) assert.ok(paths.includes(needed), `the package holds ${needed}`);
    assert.ok(pack.size < 400_000, `the tarball is ${pack.size} bytes`);
  });

  it('declares no runtime dependencies: the CLI bundle already contains its libraries', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; bin?: Record<string, string> };
    assert.deepEqual(Object.keys(manifest.dependencies ?? {}), []);
    assert.equal(manifest.bin?.['throughline'], './dist/cli.js');
  });

  it('installs from the tarball with npm offline and an empty cache, and `npx throughline check examples` runs', () => {
    const cache = path.join(dir, 'empty-cache');
    const install = run(NPM, ['install', '--offline', '--no-audit', '--no-fund', path.join(dir, pack.filename)], installDir, { npm_config_cache: cache });
    assert.equal(install.status, 0, `npm install --offline failed:\n${install.stdout}\n${install.stderr}`);
    const installed = fs.readdirSync(path.join(installDir, 'node_modules')).filter((n) => !n.startsWith('.'));
    assert.deepEqual(installed, ['throughline'], 'nothing but throughline itself was installed');
    const check = run(NPX, ['--offline', 'throughline', 'check', 'examples'], installDir, { npm_config_cache: cache });
    assert.equal(check.status, 1, `the examples have errors on purpose, so the check exits 1:\n${check.stdout}\n${check.stderr}`);
    // The same report as the CLI built from this repository gives.
    const built = run(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'check', 'examples'], installDir);
    assert.equal(check.stdout, built.stdout);
    assert.match(check.stdout.trimEnd().split('\n').at(-1)!, /^\d+ product docs, \d+ goals, \d+ roadmap items \(\d+ traced, \d+% aligned\); \d+ errors?, /);
    assert.match(check.stdout, /^examples\/loop\/roadmap\.md:23:11 error No goal has the ID or title “G6”/m);
    assert.equal(check.stderr, '');
    const version = run(NPX, ['--offline', 'throughline', '--version'], installDir, { npm_config_cache: cache });
    assert.equal(version.stdout.trim(), (JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version);
  });
});
