import * as vscode from 'vscode';
import type { Position, Range, TextEdit } from '../core';

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function fromPosition(position: vscode.Position): Position {
  return { line: position.line, character: position.character };
}

export function toLocation(location: { uri: string; range: Range }): vscode.Location {
  return new vscode.Location(vscode.Uri.parse(location.uri), toRange(location.range));
}

/** Core text edits as one undoable workspace edit. */
export function toWorkspaceEdit(edits: readonly TextEdit[], edit = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  for (const e of edits) edit.replace(vscode.Uri.parse(e.uri), toRange(e.range), e.newText);
  return edit;
}
