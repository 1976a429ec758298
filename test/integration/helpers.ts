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

/** A file of the fixture workspace (the first workspace folder, or the one named `folderName`). */
export function fixtureUri(name: string, folderName?: string): vscode.Uri {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = folderName === undefined ? folders[0] : folders.find((f) => f.name === folderName);
  assert.ok(folder, `the fixture workspace${folderName ? ` folder ${folderName}` : ''} is open`);
  return vscode.Uri.joinPath(folder.uri, ...name.split('/'));
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
}

export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
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

/** The name of a file, for messages. */
export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** The next firing of `event`: subscribe before running what fires it. */
export function nextEvent<T>(event: vscode.Event<T>): Promise<T> {
  return new Promise((resolve) => {
    const sub = event((value) => {
      sub.dispose();
      resolve(value);
    });
  });
}

/**
 * Resolves with `probe()`'s value as soon as it is not undefined: checks now, then after every
 * firing of any of `events` (once the event's other listeners, such as the extension's own, have
 * run). Rejects after `timeoutMs`, saying what it waited for and, through `describe`, what it saw.
 */
export function waitFor<T>(
  events: ReadonlyArray<vscode.Event<unknown>>,
  probe: () => T | undefined,
  what: string,
  options: { timeoutMs?: number; describe?: () => string } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DIAGNOSTIC_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    let settled = false;
    const subscriptions: vscode.Disposable[] = [];
    const finish = () => {
      settled = true;
      clearTimeout(timer);
      for (const s of subscriptions) s.dispose();
    };
    const check = () => {
      if (settled) return;
      let value: T | undefined;
      try {
        value = probe();
      } catch (e) {
        finish();
        reject(e);
        return;
      }
      if (value === undefined) return;
      finish();
      resolve(value);
    };
    // Checked on the next turn, after the event's other listeners (setTimeout: the web worker host has no setImmediate).
    for (const event of events) subscriptions.push(event(() => setTimeout(check, 0)));
    const timer = setTimeout(() => {
      if (settled) return;
      finish();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${options.describe ? `; saw: ${options.describe()}` : ''}`));
    }, timeoutMs);
    check();
  });
}

/**
 * The code actions VS Code offers at `range`, as the light bulb asks for them, once `accept` takes
 * them. The light bulb's request carries the diagnostics the window's marker service holds there,
 * and those reach the window a moment after `languages.getDiagnostics` shows them in the extension
 * host, with no event telling the extension host when; so until `accept` is satisfied this asks
 * again every 50 ms, and gives up after `timeoutMs`. A request VS Code cancels (one that races the
 * opening of its document) is asked again too.
 */
export async function codeActionsAt(
  uri: vscode.Uri,
  range: vscode.Range,
  kind: string | undefined,
  accept: (actions: vscode.CodeAction[]) => boolean,
  timeoutMs = DIAGNOSTIC_TIMEOUT_MS,
): Promise<vscode.CodeAction[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let actions: vscode.CodeAction[] = [];
    try {
      const all = (await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
      actions = all.filter((a): a is vscode.CodeAction => 'kind' in a && a.kind !== undefined);
    } catch (e) {
      if (!/Canceled/.test(String(e))) throw e;
    }
    if (accept(actions) || Date.now() > deadline) return actions;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the document's text is `expected` (after an undo, a revert…). */
export function waitForText(document: vscode.TextDocument, expected: string, what: string): Promise<void> {
  return waitFor(
    [vscode.workspace.onDidChangeTextDocument],
    () => (document.getText() === expected ? true : undefined),
    what,
    { describe: () => JSON.stringify(document.getText().slice(0, 400)) },
  ).then(() => undefined);
}

/** Applies an edit and asserts VS Code accepted it. */
export async function apply(edit: vscode.WorkspaceEdit): Promise<void> {
  assert.ok(await vscode.workspace.applyEdit(edit), 'VS Code applies the edit');
}

/** Inserts `text` at `position` in `uri` (unsaved). */
export async function insertText(uri: vscode.Uri, position: vscode.Position, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, position, text);
  await apply(edit);
}

/**
 * Puts a file back as it was: if it is open, its text becomes `original` and is saved; on disk it is
 * `original` either way. Tests call this in `after` hooks, so one test's edits never leak into the next.
 */
export async function restoreFile(uri: vscode.Uri, original: string): Promise<void> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
  if (open && open.getText() !== original) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), original);
    await apply(edit);
  }
  if (open?.isDirty) assert.ok(await open.save(), `${baseName(uri)} saves`);
  if ((await readText(uri)) !== original) await writeText(uri, original);
}

/**
 * Deletes files a test created; an edited open copy is saved first, and its editor closed, so no
 * editor is left dirty and no deleted file lives on in an editor (and in the index, which follows
 * open editors).
 */
export async function deleteFiles(uris: readonly vscode.Uri[]): Promise<void> {
  for (const uri of uris) {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open?.isDirty) await open.save();
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
    if (tabs.length) await vscode.window.tabGroups.close(tabs);
    await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  }
}

/** The lines of a text, whatever its line breaks. */
export function linesOf(text: string): string[] {
  return text.split(/\r?\n/);
}

/** The text of hovers as a reader sees it: Markdown escapes removed, one string. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
    .join('\n---\n')
    .replace(/\\([\\`*_{}[\]()#+\-.!|~$])/g, '$1');
}

/**
 * A test of behaviour a user relies on that is broken today by a bug in code this suite does not
 * own (src/core, productIndex.ts). It runs and asserts the right behaviour: while the bug is there,
 * the test is reported as pending with `bug` as the reason; once the bug is fixed it fails, asking
 * for this marker to be removed so it guards the behaviour from then on.
 */
export function knownBug(bug: string, fn: (this: Mocha.Context) => Promise<void>): Mocha.AsyncFunc {
  return async function (this: Mocha.Context) {
    try {
      await fn.call(this);
    } catch (e) {
      const test = this.test as (Mocha.Runnable & { skipReason?: string }) | undefined;
      if (test) test.skipReason = `KNOWN BUG: ${bug} [fails with: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}]`;
      this.skip();
    }
    throw new Error(`This test passes now: the known bug “${bug}” looks fixed. Remove its knownBug() marker.`);
  };
}
