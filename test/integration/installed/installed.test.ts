import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ThroughlineApi } from '../../../src/vscode/extension';
import { assertFinding, expectedFindings } from '../fixture';
import { activateThroughline, waitForDiagnostics, withRule } from '../helpers';
import { ENV } from '../report';

/** Every file under `dir`, relative, with `/` separators. */
function listFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix + entry.name;
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${rel}/`) : [rel];
  });
}

describe('The packaged extension, installed from its .vsix', () => {
  let extension: vscode.Extension<ThroughlineApi>;
  let installedAt: string;

  before(async function () {
    this.timeout(60_000);
    ({ extension } = await activateThroughline());
    installedAt = fs.realpathSync(extension.extensionUri.fsPath);
  });

  it('is the copy installed into the extensions folder, not the source tree', () => {
    const extensionsDir = process.env[ENV.installedExtensionsDir];
    assert.ok(extensionsDir, `${ENV.installedExtensionsDir} names the extensions folder the .vsix was installed into`);
    const root = fs.realpathSync(extensionsDir);
    assert.ok(installedAt.startsWith(root + path.sep), `throughline.throughline runs from ${installedAt}, which is not inside ${root}`);
    assert.equal(extension.packageJSON.name, 'throughline');
    assert.equal(extension.packageJSON.main, './dist/extension.js');
    assert.equal(extension.packageJSON.browser, './dist/web/extension.js', 'the web bundle is the entry in vscode.dev and github.dev');
  });

  it('ships the bundles and the allow-listed files only: no sources, tests, source maps or node_modules', () => {
    const files = listFiles(installedAt);
    assert.ok(files.includes('dist/extension.js'), `the bundle is installed; files: ${files.join(', ')}`);
    assert.ok(files.includes('dist/web/extension.js'), `the web bundle (the manifest's \`browser\` entry) is installed; files: ${files.join(', ')}`);
    assert.ok(files.includes('package.json'));
    const unwanted = files.filter((f) => /^(src|test|examples|node_modules|\.vscode-test)\//.test(f) || /\.(map|ts|vsix)$/.test(f));
    assert.deepEqual(unwanted, [], 'files that .vscodeignore should have kept out of the package');
  });

  it('ships every image its README shows (relative links: the Extensions view shows them only once the repository has a public URL)', () => {
    // The .vsix stores it as extension/readme.md, whatever its name in the repository.
    const name = fs.readdirSync(installedAt).find((f) => f.toLowerCase() === 'readme.md');
    assert.ok(name, 'the README is installed with the extension');
    const readme = fs.readFileSync(path.join(installedAt, name), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((src) => !/^[a-z]+:/i.test(src));
    assert.ok(images.length >= 3, `the README shows the Strategy view, a hover and the quick fixes; found ${images.join(', ')}`);
    const missing = images.filter((src) => !fs.existsSync(path.join(installedAt, src)));
    assert.deepEqual(missing, [], 'images the README references but the .vsix does not hold');
  });

  it('declares that it runs in untrusted and virtual workspaces', () => {
    const capabilities = extension.packageJSON.capabilities as { untrustedWorkspaces?: { supported?: unknown }; virtualWorkspaces?: unknown } | undefined;
    assert.equal(capabilities?.untrustedWorkspaces?.supported, true, 'capabilities.untrustedWorkspaces.supported: it never runs workspace code');
    assert.equal(capabilities?.virtualWorkspaces, true, 'capabilities.virtualWorkspaces: it reads files through workspace.fs only');
  });

  it('runs in Restricted Mode: the folder is not trusted, and the extension is active all the same', () => {
    // The harness starts this window with workspace trust on and nothing trusting the folder.
    assert.equal(vscode.workspace.isTrusted, false, 'the workspace is untrusted, so this suite proves the extension works in Restricted Mode');
    assert.equal(extension.isActive, true, 'VS Code enabled and activated the extension in an untrusted workspace');
  });

  it('activates on the workspace and reports the planted findings', async () => {
    const fixture = await expectedFindings();
    const diagnostics = await waitForDiagnostics(
      fixture.roadmap,
      (ds) => withRule(ds, 'untraced-item').length > 0 && withRule(ds, 'unknown-reference').length > 0,
      'the untraced-item and unknown-reference diagnostics from the installed extension',
    );
    assert.equal(extension.isActive, true);
    assertFinding(diagnostics, fixture.untraced);
    assertFinding(diagnostics, fixture.unknown);
    await vscode.window.showTextDocument(fixture.roadmap); // for the harness's screenshot
  });
});
