import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from './helpers';

// Throughline reads Markdown and nothing else: no network, no code built at run time, and one
// program run, read-only: `git`, for the alignment over time (src/history/git.ts).
describe('isolation of the shipped bundles', () => {
  const bundles = ['dist/extension.js', 'dist/cli.js'];
  const forbidden: Array<[string, RegExp]> = [
    ['network modules', /require\("(?:node:)?(?:http|https|http2|net|tls|dgram|dns)"\)/],
    ['network APIs', /\bfetch\(|\bXMLHttpRequest\b|\bWebSocket\b|\bEventSource\b/],
    ['worker processes', /require\("(?:node:)?(?:cluster|worker_threads)"\)/],
    ['code built from text', /\beval\(|\bnew Function\(/],
  ];

  it('runs no program but git, from one module, without a shell and with read-only commands', () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (full.endsWith('.ts')) sources.push(full);
      }
    };
    walk(path.join(REPO, 'src'));
    const runners = sources.filter((f) => /child_process/.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(REPO, f).split(path.sep).join('/'));
    assert.deepEqual(runners, ['src/history/git.ts']);
    const git = fs.readFileSync(path.join(REPO, 'src/history/git.ts'), 'utf8');
    assert.match(git, /import \{ execFile \} from 'node:child_process';/, 'execFile only: no shell is started');
    assert.doesNotMatch(git, /shell\s*:/, 'never asks for a shell');
    const commands = [...git.matchAll(/run\(\['([a-z-]+)'/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(commands)].sort(), ['cat-file', 'diff-tree', 'log', 'ls-tree', 'rev-parse'], 'plumbing commands that read and never write');
    for (const bundle of bundles) {
      const text = fs.readFileSync(path.join(REPO, bundle), 'utf8');
      assert.ok((text.match(/require\("(?:node:)?child_process"\)/g) ?? []).length <= 1, `${bundle}: child_process comes from the one module`);
    }
  });
  for (const bundle of bundles) {
    for (const [what, pattern] of forbidden) {
      it(`${bundle} uses no ${what}`, () => {
        const text = fs.readFileSync(path.join(REPO, bundle), 'utf8');
        const match = pattern.exec(text);
        assert.equal(match, null, `found ${match?.[0]} at ${match?.index}`);
      });
    }
  }

  it('the extension declares untrusted-workspace support (its config is data, nothing runs)', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { capabilities: { untrustedWorkspaces: { supported: boolean }; virtualWorkspaces: boolean }; activationEvents: string[] };
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(manifest.capabilities.virtualWorkspaces, true);
    assert.ok(!manifest.activationEvents.includes('*'));
  });
});
