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
    const contributes = (extension.packageJSON as { contributes: { walkthroughs?: Array<{ id: string; steps: Array<{ id: string; description: string; media: { image?: string; markdown?: string } }> }>; commands: Array<{ command: string }> } }).contributes;
    const walkthrough = contributes.walkthroughs?.find((w) => w.id === 'getStarted');
    assert.ok(walkthrough, 'the getStarted walkthrough');
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['openDocs', 'readFinding', 'quickFix', 'openMap']);
    const own = new Set(contributes.commands.map((c) => c.command));
    for (const step of walkthrough.steps) {
      const media = step.media.image ?? step.media.markdown!;
      assert.ok(fs.existsSync(path.join(extension.extensionUri.fsPath, media)), `${step.id}: ${media} is in the package`);
      for (const [, command] of step.description.matchAll(/\(command:([\w.]+)\)/g)) {
        assert.ok(!command!.startsWith('throughline.') || own.has(command!), `${step.id} links to ${command}, a command the extension contributes`);
      }
    }
  });

  it('shows its icon and its README with images on its page in the Extensions view', async function () {
    requireCheckpoints(this);
    this.timeout(60_000);
    await vscode.commands.executeCommand('extension.open', 'throughline.throughline');
    const seen = await checkpoint({
      name: 'extension-page',
      waitFor: [{ selector: '.extension-editor .header .name:has-text("Throughline")' }, { selector: '.extension-editor .header .icon[src*="icon.png"]' }],
      count: '.extension-editor .header .icon[src*="icon.png"]',
      screenshot: 'marketplace-extension-page',
    });
    assert.equal(seen.count, 1, 'the header shows the extension’s icon');
    // The README is a webview inside the page: its images are the README's screenshots.
    const readme = await checkpoint({
      name: 'extension-readme',
      inWebview: true,
      waitFor: [{ selector: 'img[src*="screenshots/strategy.png"]' }],
      count: 'img[src*="screenshots/"]',
    });
    assert.ok((readme.count ?? 0) >= 4, `the README's images show: ${readme.count}`);
  });

  it('opens the Get Started walkthrough with its four steps', async function () {
    requireCheckpoints(this);
    this.timeout(60_000);
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', 'throughline.throughline#getStarted', false);
    const seen = await checkpoint({
      name: 'walkthrough',
      waitFor: [{ selector: '.gettingStartedContainer:has-text("Get started with Throughline")' }, { selector: '.getting-started-step:has-text("Open the Strategy Map")' }],
      read: '.getting-started-step .step-title',
      screenshot: 'marketplace-walkthrough',
    });
    assert.deepEqual(
      (seen.texts ?? []).map((t) => t.trim()),
      ['Open or create your product docs', 'Read a finding', 'Apply a quick fix', 'Open the Strategy Map'],
    );
  });
});
