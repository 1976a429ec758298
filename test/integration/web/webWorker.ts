import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateThroughline } from '../helpers';

/**
 * Where this suite ran: in the browser's web worker extension host, with Throughline loaded from its
 * `browser` entry, as in vscode.dev and github.dev. Without this, the rest of the web suite passing
 * could mean the window quietly put the extension in Node's host instead.
 */
describe('The web worker extension host', () => {
  it('runs this suite in a web worker, with no Node', () => {
    assert.equal(typeof process, 'undefined', 'no `process`: this is not Node');
    assert.equal((globalThis as { require?: unknown }).require, undefined, 'no global `require`: VS Code’s web worker removes it');
    const scope = globalThis as { WorkerGlobalScope?: new () => unknown; navigator?: { userAgent?: string } };
    assert.ok(scope.WorkerGlobalScope && globalThis instanceof scope.WorkerGlobalScope, 'the global scope is a web worker’s');
    assert.match(scope.navigator?.userAgent ?? '', /Chrome\//, 'the browser is Chromium');
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web, 'VS Code’s UI is the browser');
  });

  it('has Throughline running in this host, from its browser entry', async () => {
    const { extension, api } = await activateThroughline();
    // A test runs in the extension host of the extension it belongs to, and only there are its exports set.
    assert.equal(extension.isActive, true);
    assert.ok(api.index, 'activate() returned the test API in this host');
    assert.equal(extension.packageJSON.browser, './dist/web/extension.js');
    // In a browser window, an extension that runs in the web worker is on the UI's side.
    assert.equal(extension.extensionKind, vscode.ExtensionKind.UI, 'the extension runs where the UI runs (the browser), not on the server');
    assert.ok(api.index.workspaces().length > 0, 'it indexed the workspace folder from the web worker');
  });
});
