import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { checkpoint, requireCheckpoints } from '../checkpoint';
import { activateThroughline } from '../helpers';

/**
 * What a new user sees of the installed extension before using it: its page in the Extensions view
 * (icon, README with its images) and the Get Started walkthrough. Screenshots: marketplace-*.png.
 */
describe('The installed extension in the Extensions view', () => {
  let extension: vscode.Extension<unknown>;

  before(async function () {
    this.timeout(60_000);
    ({ extension } = await activateThroughline());
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('ships a 128 × 128 PNG icon', () => {
    const icon = (extension.packageJSON as { icon?: string }).icon;
    assert.equal(icon, 'media/icon.png');
    const png = fs.readFileSync(path.join(extension.extensionUri.fsPath, icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'width and height from the IHDR chunk');
  });

  it('contributes a Get Started walkthrough whose steps, commands and media all exist', () => {
    const contributes = (extension.packageJSON as { contributes: { walkthroughs?: Array<{ id: string; steps: Array<{ id: string; description: string; media: { image?: string; markdown?: string; altText?: string } }> }>; commands: Array<{ command: string }> } }).contributes;
    const walkthrough = contributes.walkthroughs?.find((w) => w.id === 'getStarted');
    assert.ok(walkthrough, 'the getStarted walkthrough');
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['openDocs', 'readFinding', 'quickFix', 'openMap']);
    const own = new Set(contributes.commands.map((c) => c.command));
    for (const step of walkthrough.steps) {
      const media = step.media.image ?? step.media.markdown!;
      assert.ok(fs.existsSync(path.join(extension.extensionUri.fsPath, media)), `${step.id}: ${media} is in the package`);
      if (step.media.image) assert.ok((step.media.altText ?? '').length > 20, `${step.id}: its image has a text alternative`);
      for (const [, command] of step.description.matchAll(/\(command:([\w.]+)\)/g)) {
        assert.ok(!command!.startsWith('throughline.') || own.has(command!), `${step.id} links to ${command}, a command the extension contributes`);
      }
    }
  });

  it('shows its icon and its README with images on its page in the Extensions view', async function () {
    requireCheckpoints(this);
    this.timeout(60_000);
    // From the Extensions view, as a user finds it (`extension.open` would ask the gallery, which is offline here).
    await vscode.commands.executeCommand('workbench.extensions.search', '@installed throughline');
    const row = '.extensions-viewlet .monaco-list-row:has-text("Throughline")';
    // Waiting for it is the check: the list shows the row with the extension's own icon.
    await checkpoint({ name: 'extensions-view', waitFor: [{ selector: `${row} img.icon[src*="icon.png"]` }], screenshot: 'marketplace-extensions-view' });
    await checkpoint({ name: 'extensions-view-open', click: row });
    const seen = await checkpoint({
      name: 'extension-page',
      waitFor: [{ selector: '.extension-editor .header .name:has-text("Throughline")' }, { selector: '.extension-editor .header .icon[src*="icon.png"]' }],
      count: '.extension-editor .header .icon[src*="icon.png"]',
      screenshot: 'marketplace-extension-page',
    });
    assert.equal(seen.count, 1, 'the header shows the extension’s icon');
    // The README is a webview inside the page. (Its images are relative links, which VS Code's
    // README page, allowing only https: and data: images, does not load: see package-vsix.mjs.)
    const readme = await checkpoint({
      name: 'extension-readme',
      inWebview: true,
      waitFor: [{ selector: 'h2:has-text("Share the strategy")' }],
      read: 'h1',
      screenshot: 'marketplace-extension-readme',
    });
    assert.deepEqual(readme.texts, ['Throughline'], 'the README is the extension’s details page');
  });

  it('opens the Get Started walkthrough with its four steps', async function () {
    requireCheckpoints(this);
    this.timeout(60_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', 'throughline.throughline#getStarted', false);
    // The welcome page may keep an earlier, hidden container: only the visible one counts.
    const page = '.gettingStartedContainer:visible:has-text("Get started with Throughline")';
    const seen = await checkpoint({
      name: 'walkthrough',
      waitFor: [{ selector: page }, { selector: `${page} .getting-started-step:has-text("Open the Strategy Map")` }],
      read: `${page} .getting-started-step .step-title`,
      readHtml: `${page} .getting-started-media`,
      screenshot: 'marketplace-walkthrough',
    });
    assert.deepEqual(
      (seen.texts ?? []).map((t) => t.trim()),
      ['Open or create your product docs', 'Read a finding', 'Apply a quick fix', 'Open the Strategy Map'],
    );
    // The picture is served from the installed extension (a vscode-remote-resource URL, its path encoded).
    assert.match((seen.html ?? []).join('\n'), /media(\/|%2F)screenshots(\/|%2F)strategy\.png/, `the first step shows its picture: ${(seen.html ?? []).join('\n').slice(0, 400)}`);
  });
});
