import * as vscode from 'vscode';
import { Workspace, discoverMarkdown, isMarkdownPath, loadDocument, readDocuments, readingOrder, type CheckResult, type Config, type DocumentInfo, type LoadOutcome } from '../core';
import { loadConfig } from './config';
import { toDiagnostic } from './diagnostics';
import { workspaceHost } from './files';
import type { Log } from './log';

/** How long typing must pause before a document is re-checked. */
const DEBOUNCE_MS = 250;
/**
 * While a folder is read, analysis pauses for the extension host after this long, so typing,
 * hovers and quick fixes in other files are answered meanwhile.
 */
const SLICE_MS = 20;
/** Reads in flight at once while indexing: each is a round trip to where the files are. */
const READS_IN_FLIGHT = 32;

interface FolderState {
  folder: vscode.WorkspaceFolder;
  workspace: Workspace;
  configError?: string;
  /** False while the folder is read for the first time: nothing is published from a half-read folder. */
  indexed: boolean;
  /** The result last published, to tell whether the model changed since. */
  published?: CheckResult;
}

/** How far the first reading of the folders has come: files read of files listed. */
export interface IndexProgress {
  done: number;
  total: number;
}

/** What the index did, in order, for tests and bug reports: progress, and each time findings were published. */
export type IndexEvent =
  | { kind: 'progress'; folder: string; done: number; total: number }
  | { kind: 'publish'; folder: string; uris: string[]; complete: boolean }
  /**
   * A folder read: how long, and the longest stretches the extension host spent on it without a
   * break (reading and analysing files; the first check of the whole folder), for `npm run bench`.
   */
  | { kind: 'indexed'; folder: string; files: number; ms: number; listMs: number; longestSliceMs: number; checkMs: number; checkSliceMs: number; publishMs: number };

/**
 * Keeps one core `Workspace` per workspace folder in step with the files and open documents, and
 * publishes its findings as diagnostics. The only place that touches both VS Code and the core.
 */
export class ProductIndex implements vscode.Disposable {
  private readonly folders = new Map<string, FolderState>();
  /** Per folder: bumped when it is indexed again (config change), so older indexing runs stop. */
  private readonly generations = new Map<string, number>();
  /**
   * Per folder being indexed again: the files that changed meanwhile. Until the new index is done,
   * events update the old one, which stays published; these are then read again into the new one.
   */
  private readonly touchedWhileIndexing = new Map<string, Set<string>>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('throughline');
  private readonly published = new Map<string, string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Open documents whose file was deleted: not read until the file exists again. */
  private readonly deletedWhileOpen = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly progressed = new vscode.EventEmitter<IndexProgress | undefined>();
  /** Per folder being read: files read and files listed. */
  private readonly reading = new Map<string, IndexProgress>();
  private readonly recent: IndexEvent[] = [];
  private readonly disposables: vscode.Disposable[] = [this.diagnostics, this.changed, this.progressed];
  /** Fires after findings are published: the tree, status bar and tests listen to it. */
  readonly onDidChange = this.changed.event;
  /** Fires as folders are read: the files read so far of those listed, or undefined once all are read. */
  readonly onDidProgress = this.progressed.event;
  ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: Log,
  ) {}

  start(): Promise<void> {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}');
    const configWatcher = vscode.workspace.createFileSystemWatcher('**/.throughline.{yaml,yml,json}');
    // A deleted folder arrives as one event for the folder, which the Markdown glob does not match.
    const deleteWatcher = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
    this.disposables.push(
      watcher,
      configWatcher,
      watcher.onDidCreate((uri) => this.guard('file', () => this.fileCreated(uri))),
      watcher.onDidChange((uri) => this.guard('file', () => this.fileChanged(uri))),
      watcher.onDidDelete((uri) => this.guard('file', () => this.fileDeleted(uri))),
      deleteWatcher,
      deleteWatcher.onDidDelete((uri) => {
        if (!isMarkdownPath(uri.path)) this.guard('file', () => this.fileDeleted(uri));
      }),
      configWatcher.onDidCreate((uri) => this.guard('config', () => this.configChanged(uri))),
      configWatcher.onDidChange((uri) => this.guard('config', () => this.configChanged(uri))),
      configWatcher.onDidDelete((uri) => this.guard('config', () => this.configChanged(uri))),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document);
      }),
      vscode.workspace.onDidOpenTextDocument((doc) => this.guard('open', () => this.documentNow(doc))),
      // Closing keeps the file's findings; an unsaved edit is dropped, so re-read what is on disk.
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.deletedWhileOpen.delete(doc.uri.toString());
        this.guard('close', () => this.fileChanged(doc.uri));
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        for (const state of this.folders.values()) {
          if (e.affectsConfiguration('throughline', state.folder.uri)) this.guard('settings', () => this.withProgress(this.indexFolder(state.folder)));
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const folder of e.removed) this.guard('folders', () => this.removeFolder(folder));
        for (const folder of e.added) this.guard('folders', () => this.withProgress(this.indexFolder(folder)));
      }),
    );
    const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => this.indexFolder(f).catch((e: unknown) => this.log.line('index', e)));
    this.ready = this.withProgress(Promise.all(folders).then(() => undefined));
    return this.ready;
  }

  /**
   * Runs an event handler so that nothing it throws, now or later, escapes: a bug is a line in the
   * output channel, never an error in the user's face or a dead index.
   */
  private guard(topic: string, work: () => unknown): void {
    try {
      const result = work();
      if (result instanceof Promise) result.catch((e: unknown) => this.log.line(topic, e));
    } catch (e) {
      this.log.line(topic, e);
    }
  }

  /** The check result of the folder holding `uri`. */
  resultFor(uri: vscode.Uri): CheckResult | undefined {
    return this.stateFor(uri)?.workspace.check();
  }

  /**
   * The folder's model with `document`'s current text in it. Providers call this, so a hover or quick
   * fix never answers from an older version of the text; the diagnostics follow after the debounce.
   */
  current(document: vscode.TextDocument): { result: CheckResult; info: DocumentInfo | undefined; config: Config } | undefined {
    const state = this.stateFor(document.uri);
    if (!state) return undefined;
    if (isMarkdownPath(document.uri.path) && this.analyse(state, document.uri, document.getText())) this.schedule(document);
    return { result: state.workspace.check(), info: state.workspace.get(document.uri.toString()), config: state.workspace.getConfig() };
  }

  /** The analysis of one document, if it is a product doc. */
  documentInfo(uri: vscode.Uri): DocumentInfo | undefined {
    return this.stateFor(uri)?.workspace.get(uri.toString());
  }

  /** Every folder's workspace, for views that show all products; `indexed` is false while a folder is first read. */
  workspaces(): Array<{ folder: vscode.WorkspaceFolder; workspace: Workspace; configError?: string; indexed: boolean }> {
    return [...this.folders.values()];
  }

  /** Files read of files listed, over every folder being read now; undefined when none is. */
  progress(): IndexProgress | undefined {
    if (this.reading.size === 0) return undefined;
    let done = 0;
    let total = 0;
    for (const p of this.reading.values()) {
      done += p.done;
      total += p.total;
    }
    return { done, total };
  }

  /** The last things the index did (progress, publishing), oldest first. */
  events(): readonly IndexEvent[] {
    return this.recent;
  }

  private record(event: IndexEvent): void {
    this.recent.push(event);
    if (this.recent.length > 500) this.recent.splice(0, this.recent.length - 500);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }

  private stateFor(uri: vscode.Uri): FolderState | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.folders.get(folder.uri.toString()) : undefined;
  }

  /** Shows a progress notification, with the count of files read, only when indexing takes more than a second. */
  private withProgress(work: Promise<void>): Promise<void> {
    let done = false;
    void work.finally(() => (done = true));
    const timer = setTimeout(() => {
      if (done) return;
      this.log.line('index', 'reading the product docs takes over a second: showing progress');
      void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Throughline: reading product docs' }, (report) => {
        let last = 0;
        const show = (p: IndexProgress | undefined) => {
          if (!p || p.total === 0) return;
          const percent = Math.floor((p.done / p.total) * 100);
          report.report({ message: `${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')} files`, increment: Math.max(0, percent - last) });
          last = percent;
        };
        show(this.progress());
        const subscription = this.onDidProgress(show);
        return work.finally(() => subscription.dispose());
      });
    }, 1000);
    return work.finally(() => clearTimeout(timer));
  }

  private setProgress(key: string, done: number, total: number): void {
    this.reading.set(key, { done, total });
    this.record({ kind: 'progress', folder: key, done, total });
    this.progressed.fire(this.progress());
  }

  private endProgress(key: string): void {
    if (!this.reading.delete(key)) return;
    this.progressed.fire(this.progress());
  }

  /**
   * Reads every product doc of the folder into a new index. The first time it is installed at once,
   * so hovers and edits meanwhile see what has been read, but it publishes nothing until complete;
   * when the folder is indexed again (config change) the old index stays in use until the new one
   * is complete. Either way no half-read folder is ever published.
   */
  private async indexFolder(folder: vscode.WorkspaceFolder): Promise<void> {
    const key = folder.uri.toString();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    const current = () => this.generations.get(key) === generation;
    const touched = new Set<string>();
    this.touchedWhileIndexing.set(key, touched);
    const loaded = await loadConfig(folder);
    if (!current()) return; // removed, or a newer run took over, while the config was read
    const state: FolderState = { folder, workspace: new Workspace(key, loaded.config), indexed: false, ...(loaded.error ? { configError: loaded.error } : {}) };
    if (!this.folders.has(key)) this.folders.set(key, state);
    if (loaded.error) {
      this.log.line('config', `${folder.name}: ${loaded.error}`);
      void vscode.window.showWarningMessage(`Throughline: ${loaded.error} (using defaults until it is fixed)`);
    }
    const started = Date.now();
    let listMs = 0;
    const listed = await discoverMarkdown(
      workspaceHost,
      folder.uri.toString(),
      (uri) => state.workspace.relativePath(uri),
      (rel) => state.workspace.isExcluded(rel),
    );
    listMs = Date.now() - started;
    // The open documents' products first, so their findings can be shown before the rest is read.
    const open = vscode.workspace.textDocuments.filter((d) => !d.isClosed && isMarkdownPath(d.uri.path)).map((d) => state.workspace.relativePath(d.uri.toString())).filter((p): p is string => p !== undefined);
    const byPath = new Map(listed.map((uri) => [state.workspace.relativePath(uri) ?? uri, uri]));
    const order = readingOrder([...byPath.keys()], open);
    const files = [...order.first, ...order.rest].map((p) => byPath.get(p)!);
    try {
      if (!current()) return;
      this.setProgress(key, 0, files.length);
      let lastShown = 0;
      let longestSliceMs = 0;
      const complete = await readDocuments(state.workspace, workspaceHost, files, {
        sliced: (ms) => (longestSliceMs = Math.max(longestSliceMs, ms)),
        concurrency: READS_IN_FLIGHT,
        openText: (uri) => this.openText(uri),
        sliceMs: SLICE_MS,
        pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
        cancelled: () => !current(),
        outcome: (uri, outcome) => this.loaded(state, uri, outcome),
        progress: (done, total) => {
          if (done === order.first.length && !state.indexed && order.rest.length > 0) this.publishOpen(state);
          // Progress at most every 1% (and at the end): each report redraws the notification.
          if (done - lastShown >= Math.max(1, total / 100) || done === total) {
            lastShown = done;
            this.setProgress(key, done, total);
          }
        },
      });
      if (!complete || !current()) return; // a newer run took over, or the folder was removed
      state.indexed = true;
      this.folders.set(key, state);
      this.touchedWhileIndexing.delete(key);
      for (const uri of touched) await this.load(state, vscode.Uri.parse(uri), true);
      if (!current()) return;
      // The folder's first check runs in slices too (linking, then each rule), then publishes at once.
      const checkStarted = Date.now();
      let checkSliceMs = 0;
      await state.workspace.checkInSlices({ sliceMs: SLICE_MS, pause: () => new Promise((resolve) => setTimeout(resolve, 0)), sliced: (ms) => (checkSliceMs = Math.max(checkSliceMs, ms)) });
      if (!current()) return;
      const publishStarted = Date.now();
      this.publish(state);
      const publishMs = Date.now() - publishStarted;
      this.logSummary(state, files.length, Date.now() - started, { listMs, longestSliceMs, checkMs: Date.now() - checkStarted, checkSliceMs, publishMs });
    } finally {
      // A newer run of this folder reports its own progress; a removed folder reports none.
      if (current() || !this.generations.has(key)) this.endProgress(key);
    }
  }

  /**
   * Publishes the findings of the documents open in the editor once their products are read, while
   * the rest of the folder is still being read (see `readingOrder`): a user with a roadmap open sees
   * its findings in seconds, not after the whole repository.
   */
  private publishOpen(state: FolderState): void {
    const result = this.checked(state);
    if (!result) return;
    const uris: string[] = [];
    for (const doc of vscode.workspace.textDocuments) {
      const uri = doc.uri.toString();
      if (doc.isClosed || !state.workspace.get(uri)) continue;
      const issues = result.issues.get(uri) ?? [];
      this.published.set(uri, JSON.stringify(issues.map((i) => [i.rule, i.severity, i.message, i.range])));
      this.diagnostics.set(doc.uri, issues.map((i) => toDiagnostic(i, this.extensionUri)));
      uris.push(uri);
    }
    this.record({ kind: 'publish', folder: state.folder.uri.toString(), uris, complete: false });
    this.log.line('index', `${state.folder.name}: showing the findings of ${uris.length} open document${uris.length === 1 ? '' : 's'} while the rest is read`);
  }

  /** One line in the output channel when a folder is read: how much, how long, and what was found. */
  private logSummary(state: FolderState, files: number, ms: number, timing: { listMs: number; longestSliceMs: number; checkMs: number; checkSliceMs: number; publishMs: number }): void {
    const result = state.workspace.check();
    const docs = state.workspace.documents().filter((d) => d.kind && !d.skipped).length;
    const products = result.model.scopes.filter((s) => s.docs.length > 0).length;
    const counts = { error: 0, warning: 0, information: 0, hint: 0 };
    for (const list of result.issues.values()) for (const i of list) counts[i.severity]++;
    const findings = Object.entries(counts).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k === 'information' ? 'info' : `${k}${n === 1 ? '' : 's'}`}`);
    this.record({ kind: 'indexed', folder: state.folder.uri.toString(), files, ms, ...timing });
    this.log.line(
      'index',
      `${state.folder.name}: read ${files.toLocaleString('en-US')} Markdown files in ${(ms / 1000).toFixed(1)} s: ${docs} product doc${docs === 1 ? '' : 's'} in ${products} product${products === 1 ? '' : 's'}, ${result.summary.tracedItems} of ${result.summary.roadmapItems} roadmap items traced; ${findings.length ? findings.join(', ') : 'no findings'}`,
    );
  }

  /** Reads one file into an index: the editor's text when it is open, else the file's; `gone` drops it. */
  private async load(state: FolderState, uri: vscode.Uri, gone = false): Promise<boolean> {
    const key = uri.toString();
    const text = this.openText(key);
    if (text !== undefined) return this.analyse(state, uri, text);
    const before = state.workspace.get(key);
    const outcome = await this.guarded(state, key, () => loadDocument(state.workspace, workspaceHost, key));
    this.loaded(state, key, outcome);
    if (outcome.kind === 'unreadable' && outcome.gone && gone) return this.removeUnder(state, uri);
    return state.workspace.get(key) !== before;
  }

  /** What the index says about a file once read: failures and skips go to the output channel. */
  private loaded(state: FolderState, uri: string, outcome: LoadOutcome): void {
    const file = vscode.workspace.asRelativePath(vscode.Uri.parse(uri));
    if (outcome.kind === 'skipped') this.log.line('read', `${file}: not read: ${outcome.reason}`);
    else if (outcome.kind === 'unreadable' && !outcome.gone) this.log.line('read', `${file}: ${outcome.detail}`);
    const failure = outcome.kind === 'read' ? state.workspace.get(uri)?.failure : undefined;
    if (failure) this.log.line('analyse', `${file}: ${failure}`);
  }

  /** Runs a load, turning a bug outside the core's own guard into a failure on the file, never a thrown error. */
  private async guarded(state: FolderState, uri: string, load: () => Promise<LoadOutcome>): Promise<LoadOutcome> {
    try {
      return await load();
    } catch (e) {
      this.log.line('analyse', `${vscode.workspace.asRelativePath(vscode.Uri.parse(uri))}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      state.workspace.fail(uri, e instanceof Error ? e.message : String(e));
      return { kind: 'read' };
    }
  }

  /** The text an editor holds for `uri`, unless its file was deleted. */
  private openText(uri: string): string | undefined {
    if (this.deletedWhileOpen.has(uri)) return undefined;
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri && !d.isClosed)?.getText();
  }

  /** Notes a file that changed, for an index being built again beside the one in use. */
  private touch(uri: vscode.Uri): void {
    if (this.touchedWhileIndexing.size === 0) return; // the common case, on every keystroke: nothing is being indexed
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    this.touchedWhileIndexing.get(folder?.uri.toString() ?? '')?.add(uri.toString());
  }

  private removeFolder(folder: vscode.WorkspaceFolder): void {
    const state = this.folders.get(folder.uri.toString());
    this.generations.delete(folder.uri.toString()); // stops an indexing run still going
    this.touchedWhileIndexing.delete(folder.uri.toString());
    this.endProgress(folder.uri.toString());
    if (!state) return;
    this.folders.delete(folder.uri.toString());
    for (const uri of [...this.published.keys()]) {
      if (state.workspace.relativePath(uri) !== undefined) {
        this.diagnostics.delete(vscode.Uri.parse(uri));
        this.published.delete(uri);
      }
    }
    this.changed.fire();
  }

  private schedule(doc: vscode.TextDocument): void {
    if (!isMarkdownPath(doc.uri.path)) return;
    // An index being built again must read this document's newest text, not the text it read earlier.
    this.touch(doc.uri);
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.guard('edit', () => this.documentNow(doc));
      }, DEBOUNCE_MS),
    );
  }

  /** Re-checks an open document from its current text; analysis and publishing are synchronous, so the result matches `doc.version`. */
  private documentNow(doc: vscode.TextDocument): void {
    if (doc.isClosed || !isMarkdownPath(doc.uri.path) || this.deletedWhileOpen.has(doc.uri.toString())) return;
    const state = this.stateFor(doc.uri);
    if (!state) return;
    this.touch(doc.uri);
    this.analyse(state, doc.uri, doc.getText());
    if (state.workspace.check() !== state.published) this.publish(state);
  }

  /** A file written again (Save on an editor whose file was deleted, or a new file) is a product doc again. */
  private async fileCreated(uri: vscode.Uri): Promise<void> {
    this.deletedWhileOpen.delete(uri.toString());
    const open = this.openDocument(uri);
    if (open) this.documentNow(open);
    else await this.fileChanged(uri);
  }

  private async fileChanged(uri: vscode.Uri): Promise<void> {
    if (!isMarkdownPath(uri.path) || this.openDocument(uri)) return; // open documents are read from the editor
    const state = this.stateFor(uri);
    if (!state) return;
    this.touch(uri);
    const key = uri.toString();
    const before = state.workspace.get(key);
    const outcome = await this.guarded(state, key, () => loadDocument(state.workspace, workspaceHost, key));
    if (this.openDocument(uri)) {
      // Opened while we were reading: the editor's text wins.
      this.documentNow(this.openDocument(uri)!);
      return;
    }
    this.loaded(state, key, outcome);
    // Gone before it could be read: as good as deleted.
    if (outcome.kind === 'unreadable' && outcome.gone) state.workspace.remove(key);
    if (state.workspace.get(key) !== before) this.publish(state);
  }

  private fileDeleted(uri: vscode.Uri): void {
    // An editor may stay open on a deleted file: its text is no longer a product doc, and an edit
    // waiting for its debounce must not bring the file back into the index.
    const key = uri.toString();
    for (const doc of vscode.workspace.textDocuments) {
      const docKey = doc.uri.toString();
      if (docKey !== key && !docKey.startsWith(key + '/')) continue;
      this.deletedWhileOpen.add(docKey);
      clearTimeout(this.timers.get(docKey));
      this.timers.delete(docKey);
    }
    const state = this.stateFor(uri);
    if (!state) return;
    this.touch(uri);
    if (this.removeUnder(state, uri)) this.publish(state);
  }

  /** Drops a file, or every file under a folder (a deleted folder arrives as one event). */
  private removeUnder(state: FolderState, uri: vscode.Uri): boolean {
    let removed = false;
    for (const doc of state.workspace.documents()) {
      if (doc.uri === uri.toString() || doc.uri.startsWith(uri.toString() + '/')) removed = state.workspace.remove(doc.uri) || removed;
    }
    return removed;
  }

  private configChanged(uri: vscode.Uri): void {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder && vscode.Uri.joinPath(folder.uri, uri.path.slice(uri.path.lastIndexOf('/') + 1)).toString() === uri.toString()) {
      this.guard('config', () => this.withProgress(this.indexFolder(folder)));
    }
  }

  /** Analyses one document; returns whether the folder's model changed. Failures are logged, never thrown. */
  private analyse(state: FolderState, uri: vscode.Uri, text: string): boolean {
    const key = uri.toString();
    // Whatever asks (a provider, an indexing run), an open editor of a deleted file is no product doc.
    if (this.deletedWhileOpen.has(key)) return state.workspace.remove(key);
    try {
      const before = state.workspace.get(key);
      const after = state.workspace.update(key, text);
      if (!after) return before !== undefined && state.workspace.remove(key);
      if (after.failure && after !== before) this.log.line('analyse', `${vscode.workspace.asRelativePath(uri)}: ${after.failure}`);
      return after !== before;
    } catch (e) {
      // A bug outside the core's own guard: say so on the file, and keep every other file going.
      this.log.line('analyse', `${vscode.workspace.asRelativePath(uri)}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      state.workspace.fail(key, e instanceof Error ? e.message : String(e));
      return true;
    }
  }

  private publish(state: FolderState): void {
    if (!state.indexed) return; // the first index publishes once it has read every file
    // Linking failed (a bug): keep the findings last published rather than showing none.
    const result = this.checked(state);
    if (!result) return;
    if (result !== state.published) for (const f of result.failures) this.log.line('rule', `${f.rule} failed and was skipped: ${f.message}`);
    state.published = result;
    this.record({ kind: 'publish', folder: state.folder.uri.toString(), uris: [...result.issues.keys()], complete: true });
    const seen = new Set<string>();
    for (const [uri, issues] of result.issues) {
      seen.add(uri);
      const signature = JSON.stringify(issues.map((i) => [i.rule, i.severity, i.message, i.range]));
      if (this.published.get(uri) === signature) continue;
      this.published.set(uri, signature);
      this.diagnostics.set(vscode.Uri.parse(uri), issues.map((i) => toDiagnostic(i, this.extensionUri)));
    }
    for (const uri of [...this.published.keys()]) {
      if (seen.has(uri) || state.workspace.relativePath(uri) === undefined) continue;
      this.published.delete(uri);
      this.diagnostics.delete(vscode.Uri.parse(uri));
    }
    this.changed.fire();
  }

  /** The folder's findings, or undefined (logged) when checking failed: a bug outside the core's own guard. */
  private checked(state: FolderState): CheckResult | undefined {
    try {
      return state.workspace.check();
    } catch (e) {
      this.log.line('check', e);
      return undefined;
    }
  }

  private openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    const key = uri.toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
  }

}
