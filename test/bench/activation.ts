import Module from 'node:module';
import * as path from 'node:path';

// Activation cost: load dist/extension.js and run activate() until it returns with every provider
// registered (indexing then continues in the background). VS Code is not available to a plain Node
// process, so `vscode` is a stand-in whose registrations do nothing: what is timed is the bundle's
// load and our own activate().
const noop = () => ({ dispose() {} });
const emitter = class {
  event = () => noop();
  fire() {}
  dispose() {}
};
/** Anything: a callable, constructible value whose every property is itself (enums, classes, namespaces). */
const anything: unknown = new Proxy(function () {}, {
  get: (_t, key) => (key === Symbol.toPrimitive ? () => 0 : anything),
  apply: () => anything,
  construct: () => anything as object,
});
const stub: Record<string, unknown> = {
  EventEmitter: emitter,
  languages: new Proxy({}, { get: () => noop }),
  commands: { registerCommand: noop, executeCommand: () => Promise.resolve() },
  window: {
    createOutputChannel: () => ({ appendLine() {}, show() {}, dispose() {} }),
    createTreeView: () => ({ dispose() {}, description: '', message: '', onDidExpandElement: noop, onDidCollapseElement: noop }),
    createStatusBarItem: () => ({ show() {}, hide() {}, dispose() {} }),
    onDidChangeActiveTextEditor: noop,
    activeTextEditor: undefined,
  },
  workspace: {
    workspaceFolders: [],
    textDocuments: [],
    createFileSystemWatcher: () => ({ onDidCreate: noop, onDidChange: noop, onDidDelete: noop, dispose() {} }),
    onDidChangeTextDocument: noop,
    onDidOpenTextDocument: noop,
    onDidCloseTextDocument: noop,
    onDidChangeConfiguration: noop,
    onDidChangeWorkspaceFolders: noop,
    findFiles: () => Promise.resolve([]),
  },
};
// Every other name the bundle reads at load time (enums, classes) is a stand-in that accepts anything.
for (const name of ['CompletionItemKind', 'SymbolKind', 'DiagnosticSeverity', 'TreeItemCollapsibleState', 'ThemeIcon', 'ThemeColor', 'TreeItem', 'Range', 'Position', 'Location', 'Uri', 'MarkdownString', 'Hover', 'CodeAction', 'CodeActionKind', 'CodeLens', 'CompletionItem', 'SymbolInformation', 'Diagnostic', 'DiagnosticRelatedInformation', 'WorkspaceEdit', 'Selection', 'TextEditorRevealType', 'RelativePattern', 'FileSystemError', 'ProgressLocation', 'StatusBarAlignment']) {
  stub[name] = anything;
}
const load = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load;
(Module as unknown as { _load: unknown })._load = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? stub : load.call(this, request, ...rest);
};
const bundle = path.resolve(process.argv[2]!);
const t0 = performance.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const extension = require(bundle) as { activate(context: unknown): unknown };
const t1 = performance.now();
extension.activate({ subscriptions: [], extensionUri: { path: '/ext' } });
const t2 = performance.now();
process.stdout.write(JSON.stringify({ load: t1 - t0, activate: t2 - t1, total: t2 - t0 }) + '\n');
