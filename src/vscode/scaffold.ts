import * as vscode from 'vscode';
import { PRODUCT_DOC_TEMPLATES } from '../core';

/**
 * Creates vision, strategy, goals and roadmap templates in a folder the user picks. Files that
 * already exist are left untouched. Every answer in them is a prompt, so the product reports what
 * is left to write until the prompts are written over.
 */
export async function createProductDocs(target?: vscode.Uri): Promise<vscode.Uri[]> {
  const folder = target ?? (await pickFolder());
  if (!folder) return [];
  const created: vscode.Uri[] = [];
  const skipped: string[] = [];
  for (const [name, text] of Object.entries(PRODUCT_DOC_TEMPLATES)) {
    const uri = vscode.Uri.joinPath(folder, name);
    if (await exists(uri)) {
      skipped.push(name);
      continue;
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    created.push(uri);
  }
  if (created.length > 0) await vscode.window.showTextDocument(created.find((u) => u.path.endsWith('/strategy.md')) ?? created[0]!);
  if (skipped.length > 0) void vscode.window.showInformationMessage(`Throughline: kept your existing ${skipped.join(', ')}; created ${created.length} new file${created.length === 1 ? '' : 's'}.`);
  return created;
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    openLabel: 'Create product docs here',
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
  return picked?.[0];
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
