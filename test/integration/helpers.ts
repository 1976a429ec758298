import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ThroughlineApi } from '../../src/vscode/extension';

export const EXTENSION_ID = 'throughline.throughline';

/** How long a diagnostic may take to appear or go away (the extension debounces edits by ~250 ms). */
export const DIAGNOSTIC_TIMEOUT_MS = 10_000;

/** Finds the Throughline extension, activates it and waits until every workspace folder is indexed. */
export async function activateThroughline(): Promise<{ extension: vscode.Extension<ThroughlineApi>; api: ThroughlineApi }> {
  const extension = vscode.extensions.getExtension<ThroughlineApi>(EXTENSION_ID);
  assert.ok(extension, `the extension ${EXTENSION_ID} is not loaded`);
  const api = await extension.activate();
  assert.ok(api && typeof api.ready?.then === 'function', 'activate() returns the test API with a `ready` promise');
  await api.ready;
  return { extension, api };
}

/** A file of the fixture workspace (the first workspace folder). */
export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
}

/** The range of `needle` on the first line of `text` that starts with `linePrefix`. */
export function rangeOn(text: string, linePrefix: string, needle: string): vscode.Range {
  const lines = text.split(/\r?\n/);
  const line = lines.findIndex((l) => l.startsWith(linePrefix));
  assert.ok(line >= 0, `the fixture has a line starting with “${linePrefix}”`);
  const character = lines[line]!.indexOf(needle);
  assert.ok(character >= 0, `line ${line + 1} contains “${needle}”`);
  return new vscode.Range(line, character, line, character + needle.length);
}

/** Throughline's diagnostics on a file, whatever other extensions report. */
export function throughlineDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Throughline');
}

/** The rule id of a diagnostic: `code.value` (the code also links to the rule's docs). */
export function ruleOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function withRule(diagnostics: readonly vscode.Diagnostic[], rule: string): vscode.Diagnostic[] {
  return diagnostics.filter((d) => ruleOf(d) === rule);
}

/** `8:4-8:30 warning untraced-item`, for failure messages. */
export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics
    .map((d) => `${formatRange(d.range)} ${vscode.DiagnosticSeverity[d.severity]} ${ruleOf(d) ?? '?'}: ${d.message}`)
    .join('; ');
}

export function formatRange(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/**
 * Resolves with Throughline's diagnostics on `uri` as soon as `accept` holds for them: checks now,
 * then on every `onDidChangeDiagnostics` event for that file. Rejects after `timeoutMs` with what
 * was there instead. Never polls and never sleeps.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = DIAGNOSTIC_TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    let settled = false;
    const finish = () => {
      settled = true;
      subscription.dispose();
      clearTimeout(timer);
    };
    const check = () => {
      if (settled) return;
      const diagnostics = throughlineDiagnostics(uri);
      if (!accept(diagnostics)) return;
      finish();
      resolve(diagnostics);
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) check();
    });
    const timer = setTimeout(() => {
      if (settled) return;
      finish();
      const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; Throughline diagnostics on ${name}: ${describeDiagnostics(throughlineDiagnostics(uri))}`));
    }, timeoutMs);
    check();
  });
}
