import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';
import { HARNESS_SETTING } from './report';

/**
 * What the suites need from the extension host they run in, for both of VS Code's: Node's (the
 * desktop, code-server's server side) and the browser's web worker (vscode.dev, github.dev, the
 * harness's `web` phase), where there is no `process`, no `fs` and no `require`. Everything here
 * goes through the VS Code API, so one suite runs unchanged in both.
 */

/** Whether this is the browser's web worker extension host: no Node there, `navigator` instead. */
export function inWebWorker(): boolean {
  return typeof process === 'undefined' && 'navigator' in globalThis;
}

/**
 * A value the harness hands the suite (see `ENV` in report.ts): from the environment in Node's
 * host; in the web worker, which has no environment, from the run's user settings, where the
 * harness writes the same values under `throughlineTest.harness`.
 */
export function harnessValue(name: string): string | undefined {
  if (typeof process !== 'undefined' && process.env) return process.env[name];
  return vscode.workspace.getConfiguration().get<Record<string, string>>(HARNESS_SETTING)?.[name];
}

/**
 * A file on the machine the harness runs on, named by its absolute path, as a URI that this host
 * reads and writes through `workspace.fs`: a `file:` URI in Node's host; in the web worker, the same
 * path on the server the extension was loaded from (`vscode-remote://…` under code-server).
 */
export function harnessFile(path: string): vscode.Uri {
  const extension = vscode.extensions.getExtension(EXTENSION_ID)?.extensionUri;
  if (!inWebWorker() || !extension) return vscode.Uri.file(path);
  return extension.with({ path, query: '', fragment: '' });
}

export async function writeHarnessFile(path: string, text: string): Promise<void> {
  // Written to a temporary name, then renamed, so a harness watching for the file never sees half of it.
  const temp = harnessFile(`${path}.${Date.now()}.tmp`);
  await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
  await vscode.workspace.fs.rename(temp, harnessFile(path), { overwrite: true });
}

export async function readHarnessFile(path: string): Promise<string> {
  return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(harnessFile(path)));
}

/** How often a wait for the harness's file looks again. */
const HARNESS_POLL_MS = 100;

/**
 * Resolves `true` once the harness has written `path`, `false` after `timeoutMs`. The harness is
 * another process on another machine as far as the web worker knows, so this asks the file system
 * every 100 ms rather than trusting a watcher outside the workspace.
 */
export async function waitForHarnessFile(path: string, timeoutMs: number): Promise<boolean> {
  const uri = harnessFile(path);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await vscode.workspace.fs.stat(uri);
      return true;
    } catch {
      if (Date.now() > deadline) return false;
    }
    await new Promise((resolve) => setTimeout(resolve, HARNESS_POLL_MS));
  }
}

/** Skips the running test, with a reason the report and the harness print. */
export function skipBecause(context: Mocha.Context, reason: string): never {
  const test = context.test as (Mocha.Runnable & { skipReason?: string }) | undefined;
  if (test) test.skipReason = reason;
  context.skip();
}

/**
 * Skips the running test in the web worker extension host, saying why: for a test whose setup
 * needs Node itself (a symbolic link made with `fs`), not for any feature of the extension.
 */
export function nodeOnly(context: Mocha.Context, reason: string): void {
  if (inWebWorker()) skipBecause(context, `needs Node's extension host: ${reason}`);
}
