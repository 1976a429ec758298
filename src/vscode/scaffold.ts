import * as vscode from 'vscode';

/** Starter docs with the strategy questions as prompts, so a new product starts traced. */
const TEMPLATES: Record<string, string> = {
  'vision.md': `# Product vision

_In one or two sentences: what the world looks like for our customers when we have succeeded._

## Pillar: First pillar {#V1}

_A lasting theme the vision rests on. Goals trace to pillars._

## Pillar: Second pillar {#V2}

_Another theme._
`,
  'strategy.md': `# Product strategy

## Who

_Who are our target customers? Name the segment, its size, and who we are not for._

## What

_What are they trying to accomplish? Describe the job, the problem, and how they get it done today._

## Why

_Why does it matter to them, and why now? Say what changes for them when we succeed._
`,
  'goals.md': `# Goals

Outcomes we commit to, not outputs. Each one names the part of the vision it serves and how we will
know it is met.

## G1: First goal

Vision: V1
Metric: _what you will measure, from what baseline to what target, by when_

## G2: Second goal

Vision: V2
Metric: _what you will measure, from what baseline to what target, by when_
`,
  'roadmap.md': `# Roadmap

How we get there. Every item names the goal it moves.

## Now

### First item

Goal: G1

_What we will build, and for whom._

## Next

- Second item — Goal: G2

## Later

- Third item — Goal: G1
`,
};

/**
 * Creates vision, strategy, goals and roadmap templates in a folder the user picks. Files that
 * already exist are left untouched.
 */
export async function createProductDocs(target?: vscode.Uri): Promise<vscode.Uri[]> {
  const folder = target ?? (await pickFolder());
  if (!folder) return [];
  const created: vscode.Uri[] = [];
  const skipped: string[] = [];
  for (const [name, text] of Object.entries(TEMPLATES)) {
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
