import * as vscode from 'vscode';
import type { Fix, Position, Range, TextEdit } from '../core';

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function fromPosition(position: vscode.Position): Position {
  return { line: position.line, character: position.character };
}

export function toLocation(location: { uri: string; range: Range }): vscode.Location {
  return new vscode.Location(vscode.Uri.parse(location.uri), toRange(location.range));
}

/**
 * Core text edits as one undoable workspace edit. An edit with a snippet (the outcome template's
 * blanks) is a snippet edit: in the active editor Tab moves from blank to blank; elsewhere VS Code
 * writes its plain text, which is the edit's `newText`.
 */
export function toWorkspaceEdit(edits: readonly TextEdit[], edit = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  const snippets = new Map<string, Array<vscode.TextEdit | vscode.SnippetTextEdit>>();
  for (const e of edits) {
    if (e.snippet === undefined) edit.replace(vscode.Uri.parse(e.uri), toRange(e.range), e.newText);
    else snippets.set(e.uri, [...(snippets.get(e.uri) ?? []), new vscode.SnippetTextEdit(toRange(e.range), new vscode.SnippetString(e.snippet))]);
  }
  for (const [uri, list] of snippets) {
    // `set` replaces the document's edits: keep the plain ones made above for the same document.
    const target = vscode.Uri.parse(uri);
    edit.set(target, [...edit.get(target), ...list]);
  }
  return edit;
}

/** A core fix as one undoable workspace edit: the files it creates (never over existing ones), then its text edits. */
export function fixToWorkspaceEdit(fix: Fix): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const file of fix.creates ?? []) {
    // Create, then insert: a file operation carrying its contents does not survive every route a
    // code action takes through VS Code (executeCodeActionProvider drops it; the workbench cannot
    // revive it: "Could not revive data transfer file"), an insert does.
    const uri = vscode.Uri.parse(file.uri);
    edit.createFile(uri, { ignoreIfExists: true });
    edit.insert(uri, new vscode.Position(0, 0), file.text);
  }
  return toWorkspaceEdit(fix.edits, edit);
}
