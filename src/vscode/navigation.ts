import * as vscode from 'vscode';
import { codeLenses, completionsAt, definitionAt, referencesAt, renameId, renameTargetAt, workspaceSymbols, type Item } from '../core';
import { fromPosition, toLocation, toRange, toWorkspaceEdit } from './convert';
import type { ProductIndex } from './productIndex';

/** Go to definition: from a reference to the goal or vision section it names. */
export class DefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly index: ProductIndex) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.Location | undefined {
    const current = this.index.current(document);
    if (!current || token.isCancellationRequested) return undefined;
    const location = definitionAt(current.result.model, document.uri.toString(), fromPosition(position));
    return location && toLocation(location);
  }
}

/** Find all references: every trace to the goal under the cursor, by ID, title or link. */
export class ReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly index: ProductIndex) {}

  provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext, token: vscode.CancellationToken): vscode.Location[] {
    const current = this.index.current(document);
    if (!current || token.isCancellationRequested) return [];
    return referencesAt(current.result.model, document.uri.toString(), fromPosition(position), context.includeDeclaration).map(toLocation);
  }
}

const ID_PATTERN = /^[A-Z]{1,5}[-.]?\d+(?:\.\d+)?$/;

/** Rename a goal's (or item's) ID across files: its declaration, references by ID, and link anchors. */
export class RenameProvider implements vscode.RenameProvider {
  constructor(private readonly index: ProductIndex) {}

  prepareRename(document: vscode.TextDocument, position: vscode.Position): { range: vscode.Range; placeholder: string } {
    const target = this.target(document, position);
    if (!target) throw new Error('Place the cursor on a goal or item ID (such as G1) to rename it.');
    return { range: toRange(target.range), placeholder: target.item.id! };
  }

  provideRenameEdits(document: vscode.TextDocument, position: vscode.Position, newName: string, token: vscode.CancellationToken): vscode.WorkspaceEdit | undefined {
    const current = this.index.current(document);
    const target = this.target(document, position);
    if (!current || !target || token.isCancellationRequested) return undefined;
    const newId = newName.trim();
    if (!ID_PATTERN.test(newId) && target.item.layout !== 'file') {
      throw new Error(`“${newId}” is not an ID Throughline reads in a title: use 1-5 capital letters and digits, such as G7 or KR2.1.`);
    }
    return toWorkspaceEdit(renameId(current.result.model, target.item, newId));
  }

  private target(document: vscode.TextDocument, position: vscode.Position): { item: Item; range: import('../core').Range } | undefined {
    const current = this.index.current(document);
    return current ? renameTargetAt(current.result.model, document.uri.toString(), fromPosition(position)) : undefined;
  }
}

const COMPLETION_KIND: Record<Item['kind'], vscode.CompletionItemKind> = {
  goal: vscode.CompletionItemKind.Reference,
  vision: vscode.CompletionItemKind.Module,
  'vision-section': vscode.CompletionItemKind.Module,
  'roadmap-item': vscode.CompletionItemKind.Event,
  strategy: vscode.CompletionItemKind.File,
};

/** Goal IDs and titles inside trace fields (`Goal: |`), vision sections inside a goal's `Vision:`. */
export class CompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly index: ProductIndex) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.CompletionItem[] {
    const current = this.index.current(document);
    if (!current?.info || token.isCancellationRequested) return [];
    return completionsAt(current.result.model, current.config, current.info, fromPosition(position)).map((c) => {
      const item = new vscode.CompletionItem({ label: c.label, description: c.detail }, COMPLETION_KIND[c.kind]);
      item.insertText = c.insertText;
      item.filterText = c.filterText;
      item.sortText = c.sortText;
      item.range = toRange(c.range);
      if (c.documentation) item.documentation = c.documentation;
      return item;
    });
  }
}

/** "3 roadmap items" over each goal; clicking shows them. */
export class CodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly index: ProductIndex) {
    index.onDidChange(() => this.changed.fire());
  }

  provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): vscode.CodeLens[] {
    const current = this.index.current(document);
    if (!current || token.isCancellationRequested) return [];
    return codeLenses(current.result.model, document.uri.toString()).map((lens) => {
      const range = toRange(lens.range);
      return new vscode.CodeLens(range, {
        title: lens.title,
        command: lens.locations.length ? 'editor.action.showReferences' : '',
        arguments: lens.locations.length ? [document.uri, range.start, lens.locations.map(toLocation)] : [],
      });
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}

const SYMBOL_KIND: Record<Item['kind'], vscode.SymbolKind> = {
  goal: vscode.SymbolKind.Key,
  vision: vscode.SymbolKind.Package,
  'vision-section': vscode.SymbolKind.Namespace,
  'roadmap-item': vscode.SymbolKind.Event,
  strategy: vscode.SymbolKind.File,
};

/** Goals, roadmap items and vision sections in "Go to Symbol in Workspace". */
export class WorkspaceSymbolProvider implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly index: ProductIndex) {}

  provideWorkspaceSymbols(query: string, token: vscode.CancellationToken): vscode.SymbolInformation[] {
    const out: vscode.SymbolInformation[] = [];
    for (const { workspace } of this.index.workspaces()) {
      if (token.isCancellationRequested) break;
      for (const s of workspaceSymbols(workspace.check().model, query)) {
        out.push(new vscode.SymbolInformation(s.name, SYMBOL_KIND[s.kind], s.container, toLocation(s.location)));
      }
    }
    return out;
  }
}
