/**
 * A stand-in for the `vscode` module, for loading an extension bundle outside VS Code: its
 * registrations do nothing, and every other name the bundle reads at load time (enums, classes) is
 * a value that accepts anything. Used by the activation benchmark and by the unit test that loads
 * the web bundle the way the web worker extension host does.
 */
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
export const vscodeStandIn: Record<string, unknown> = {
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
  vscodeStandIn[name] = anything;
}
