import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ENV, type CheckpointRequest, type CheckpointResponse } from './report';
import { waitFor } from './helpers';
import { harnessValue, readHarnessFile, skipBecause, waitForHarnessFile, writeHarnessFile } from './host';

/**
 * The test side of checkpoints: the test puts the workbench into a state through the VS Code API,
 * then asks the browser harness (test/harness/browser.ts `serveCheckpoints`) to look at it: wait
 * for elements, read their text, take a screenshot. Only `npm run test:integration` answers; under
 * `@vscode/test-electron` there is no browser to ask, and tests that need one are skipped. Requests
 * and answers are files in a folder of the harness's machine, written and read through
 * `workspace.fs` (see host.ts), so checkpoints work from the web worker extension host too.
 */

/** How long the harness may take to answer one checkpoint (its own waits time out sooner). */
const ANSWER_TIMEOUT_MS = 60_000;

export function checkpointsAvailable(): boolean {
  return Boolean(harnessValue(ENV.checkpoints));
}

/** Skips the running test when no harness answers checkpoints. */
export function requireCheckpoints(context: Mocha.Context): void {
  if (!checkpointsAvailable()) skipBecause(context, 'needs the browser harness (npm run test:integration) to look at the workbench');
}

/** The request counter lives on globalThis: every test file is its own bundle, and names must stay in order across them. */
const counter = globalThis as typeof globalThis & { __throughlineCheckpoints?: number };

/** Sends a request to the harness and resolves with its answer; asserts that every step succeeded. */
export async function checkpoint(request: CheckpointRequest): Promise<CheckpointResponse> {
  const dir = harnessValue(ENV.checkpoints);
  assert.ok(dir, `${ENV.checkpoints} is not set: no harness answers checkpoints here`);
  counter.__throughlineCheckpoints = (counter.__throughlineCheckpoints ?? 0) + 1;
  const base = `${String(counter.__throughlineCheckpoints).padStart(3, '0')}-${request.name.replace(/[^a-z0-9]+/gi, '-')}`;
  const responseFile = `${dir}/${base}.response.json`;
  await writeHarnessFile(`${dir}/${base}.request.json`, JSON.stringify(request, null, 2));
  assert.ok(await waitForHarnessFile(responseFile, ANSWER_TIMEOUT_MS), `the harness did not answer checkpoint “${request.name}” within ${ANSWER_TIMEOUT_MS / 1000} s`);
  const response = JSON.parse(await readHarnessFile(responseFile)) as CheckpointResponse;
  assert.ok(response.ok, response.error ?? `checkpoint “${request.name}” failed`);
  return response;
}

/**
 * Hides the Strategy view (by showing the Explorer), then clicks `selector` in the workbench as a
 * user would, and resolves once that click has opened the Strategy view again.
 */
export async function clickOpensStrategyView(view: vscode.TreeView<unknown>, name: string, selector: string): Promise<void> {
  await vscode.commands.executeCommand('workbench.view.explorer');
  await waitFor([view.onDidChangeVisibility], () => (!view.visible ? true : undefined), 'the Strategy view to be hidden first');
  const shown = waitFor([view.onDidChangeVisibility], () => (view.visible ? true : undefined), `the Strategy view to open after: ${name}`);
  await checkpoint({ name, waitFor: [{ selector }], click: selector });
  await shown;
}
