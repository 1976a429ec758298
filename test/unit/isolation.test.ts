import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from './helpers';

// Throughline reads Markdown and nothing else: no network, no processes, no code built at run time.
describe('isolation of the shipped bundles', () => {
  const bundles = ['dist/extension.js', 'dist/cli.js'];
  const forbidden: Array<[string, RegExp]> = [
    ['network modules', /require\("(?:node:)?(?:http|https|http2|net|tls|dgram|dns)"\)/],
    ['network APIs', /\bfetch\(|\bXMLHttpRequest\b|\bWebSocket\b|\bEventSource\b/],
    ['child processes', /require\("(?:node:)?(?:child_process|cluster|worker_threads)"\)/],
    ['code built from text', /\beval\(|\bnew Function\(/],
  ];
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
