import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ENV, type CheckpointRequest, type CheckpointResponse } from './report';
import { waitFor } from './helpers';

/**
 * The test side of checkpoints: the test puts the workbench into a state through the VS Code API,
 * then asks the browser harness (test/harness/browser.ts `serveCheckpoints`) to look at it: wait
 * for elements, read their text, take a screenshot. Only `npm run test:integration` answers; under
 * `@vscode/test-electron` there is no browser to ask, and tests that need one are skipped.
 */

/** How long the harness may take to answer one checkpoint (its own waits time out sooner). */
const ANSWER_TIMEOUT_MS = 60_000;

export function checkpointsAvailable(): boolean {
  return Boolean(process.env[ENV.checkpoints]);
}

/** Skips the running test, with a reason the report and the harness print. */
export function skipBecause(context: Mocha.Context, reason: string): never {
  const test = context.test as (Mocha.Runnable & { skipReason?: string }) | undefined;
  if (test) test.skipReason = reason;
  context.skip();
}

/** Skips the running test when no harness answers checkpoints. */
export function requireCheckpoints(context: Mocha.Context): void {
  if (!checkpointsAvailable()) skipBecause(context, 'needs the browser harness (npm run test:integration) to look at the workbench');
}

/** The request counter lives on globalThis: every test file is its own bundle, and names must stay in order across them. */
const counter = globalThis as typeof globalThis & { __throughlineCheckpoints?: number };

/** Sends a request to the harness and resolves with its answer; asserts that every step succeeded. */
export async function checkpoint(request: CheckpointRequest): Promise<CheckpointResponse> {
  const dir = process.env[ENV.checkpoints];
  assert.ok(dir, `${ENV.checkpoints} is not set: no harness answers checkpoints here`);
  counter.__throughlineCheckpoints = (counter.__throughlineCheckpoints ?? 0) + 1;
  const base = `${String(counter.__throughlineCheckpoints).padStart(3, '0')}-${request.name.replace(/[^a-z0-9]+/gi, '-')}`;
  const requestFile = path.join(dir, `${base}.request.json`);
  const responseFile = path.join(dir, `${base}.response.json`);
  fs.writeFileSync(`${requestFile}.tmp`, JSON.stringify(request, null, 2));
  fs.renameSync(`${requestFile}.tmp`, requestFile);
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      watcher.close();
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    const watcher = fs.watch(dir, () => {
      if (fs.existsSync(responseFile)) done();
    });
    const timer = setTimeout(() => done(new Error(`the harness did not answer checkpoint “${request.name}” within ${ANSWER_TIMEOUT_MS / 1000} s`)), ANSWER_TIMEOUT_MS);
    if (fs.existsSync(responseFile)) done();
  });
  const response = JSON.parse(fs.readFileSync(responseFile, 'utf8')) as CheckpointResponse;
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
