import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { checkpoint, requireCheckpoints } from './checkpoint';
import { activateThroughline, fixtureUri, readText, rangeOn } from './helpers';

interface Grammar {
  scopeName: string;
  injectionSelector?: string;
  patterns: Array<{ include: string }>;
  repository: Record<string, { match?: string; begin?: string; end?: string; captures?: unknown; beginCaptures?: unknown; patterns?: Array<{ include: string }> }>;
}

/**
 * A TextMate (Oniguruma) pattern as a JavaScript RegExp, where the two agree: Node 20 has no inline
 * flag groups, so `(?i:…)` becomes a plain group and the whole pattern case-insensitive. Every
 * pattern this grammar uses is otherwise JavaScript syntax (lookbehind included).
 */
function toRegExp(pattern: string): RegExp {
  const caseless = /\(\?i:/.test(pattern);
  return new RegExp(pattern.replace(/\(\?i:/g, '(?:'), caseless ? 'i' : '');
}

describe('Manifest: grammar and capabilities', () => {
  let extension: vscode.Extension<unknown>;
  let grammar: Grammar;

  before(async function () {
    this.timeout(60_000);
    ({ extension } = await activateThroughline());
    const contributed = (extension.packageJSON.contributes?.grammars ?? []) as Array<{ scopeName: string; path: string; injectTo?: string[] }>;
    const injection = contributed.find((g) => g.scopeName === 'text.throughline.injection');
    assert.ok(injection, 'package.json contributes the injection grammar');
    assert.deepEqual(injection.injectTo, ['text.html.markdown'], 'it is injected into Markdown');
    const file = vscode.Uri.joinPath(extension.extensionUri, injection.path);
    grammar = JSON.parse(await readText(file)) as Grammar;
  });

  it('ships a grammar file that parses, names the contributed scope and only includes rules it defines', () => {
    assert.equal(grammar.scopeName, 'text.throughline.injection');
    assert.match(grammar.injectionSelector ?? '', /^L:text\.html\.markdown\b/, 'it is injected before Markdown’s own rules');
    const includes = [...grammar.patterns, ...Object.values(grammar.repository).flatMap((r) => r.patterns ?? [])].map((p) => p.include);
    for (const include of includes) assert.ok(include.startsWith('#') && grammar.repository[include.slice(1)], `${include} is defined in the grammar`);
  });

  it('has regular expressions that compile and match trace fields, and leave prose alone', () => {
    const rule = (name: string) => {
      const r = grammar.repository[name];
      assert.ok(r, `the grammar defines ${name}`);
      return toRegExp((r.begin ?? r.match)!);
    };
    const field = rule('trace-field');
    assert.equal(field.exec('Goal: G1')?.[3], 'Goal');
    assert.equal(field.exec('- **Supports:** Grow retention')?.[3], 'Supports');
    assert.equal(field.exec('Traces to: G2')?.[3], 'Traces to');
    assert.equal(field.exec('Goals for the team are set in January.'), null, 'a sentence starting with “Goals” is not a field');
    const trailing = rule('trailing-field');
    assert.equal(trailing.exec('- Dark mode — Goal: G2')?.[1], 'Goal');
    assert.equal(trailing.exec('### Offline mode (goals: G1, G3)')?.[1], 'goals');
    const headingId = rule('heading-id');
    assert.equal(headingId.exec('## G1: Grow retention')?.[1], 'G1');
    assert.equal(headingId.exec('### KR1.2 Weekly active teams')?.[1], 'KR1.2');
    assert.equal(headingId.exec('## Grow retention'), null);
    const id = rule('item-id');
    assert.deepEqual('Goal: G1, OKR-3 and KR1.2'.match(new RegExp(id.source, 'g')), ['G1', 'OKR-3', 'KR1.2']);
    for (const [name, r] of Object.entries(grammar.repository)) if (r.end) assert.doesNotThrow(() => toRegExp(r.end!), `${name}.end compiles`);
  });

  it('is loaded by VS Code and colours trace fields in Markdown (token scopes read from the editor)', async function () {
    // The API has no way to read tokens; the workbench's “Inspect Editor Tokens and Scopes” widget does.
    requireCheckpoints(this);
    const roadmap = fixtureUri('roadmap.md');
    const label = rangeOn(await readText(roadmap), 'Goal: G2', 'Goal');
    const editor = await vscode.window.showTextDocument(roadmap, { selection: new vscode.Selection(label.start.translate(0, 1), label.start.translate(0, 1)) });
    editor.revealRange(label, vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.inspectTMScopes');
    try {
      const seen = await checkpoint({ name: 'inspect-trace-label', waitFor: [{ selector: '.token-inspect-widget' }], read: '.token-inspect-widget' });
      const text = (seen.texts ?? []).join('\n');
      assert.match(text, /keyword\.other\.trace-label\.throughline/, `the word “Goal” in “Goal: G2” has the grammar's scope:\n${text}`);
      assert.match(text, /text\.html\.markdown/, 'inside Markdown');
    } finally {
      await vscode.commands.executeCommand('editor.action.inspectTMScopes'); // toggles the widget off
    }
    // The ID after the label: the widget follows the cursor once it is open again.
    const id = label.start.translate(0, 'Goal: '.length + 1);
    editor.selection = new vscode.Selection(id, id);
    await vscode.commands.executeCommand('editor.action.inspectTMScopes');
    try {
      const seen = await checkpoint({ name: 'inspect-item-id', waitFor: [{ selector: '.token-inspect-widget:has-text("G2")' }], read: '.token-inspect-widget' });
      const text = (seen.texts ?? []).join('\n');
      assert.match(text, /constant\.other\.item-id\.throughline/, `“G2” in “Goal: G2” has the item-ID scope:\n${text}`);
    } finally {
      await vscode.commands.executeCommand('editor.action.inspectTMScopes');
    }
  });

  it('registers every throughline.* setting in VS Code, each described for the Settings editor and in the README', async () => {
    type Setting = { markdownDescription?: string; markdownDeprecationMessage?: string; properties?: Record<string, { markdownDescription?: string }> };
    const properties = (extension.packageJSON.contributes?.configuration?.properties ?? {}) as Record<string, Setting>;
    const keys = Object.keys(properties).filter((k) => !properties[k]!.markdownDeprecationMessage);
    assert.ok(keys.length >= 7, `the settings: ${keys.join(', ')}`);
    const readme = await readText(vscode.Uri.joinPath(extension.extensionUri, 'README.md'));
    const settings = vscode.workspace.getConfiguration('throughline');
    for (const key of keys) {
      const leaf = key.replace(/^throughline\./, '');
      assert.notEqual(settings.inspect(leaf)?.defaultValue, undefined, `VS Code knows ${key} and its default`);
      assert.ok((properties[key]!.markdownDescription ?? '').length > 20, `${key} has a markdownDescription`);
      for (const [sub, schema] of Object.entries(properties[key]!.properties ?? {})) assert.ok(schema.markdownDescription, `${key}.${sub} has a markdownDescription`);
      assert.match(readme, new RegExp(`^\\| \`${key.replace('.', '\\.')}\` \\|`, 'm'), `the README's settings table has a row for ${key}`);
    }
  });

  it('shows every setting under a human title in the Settings editor, never “Not Ids” or “Non Item Headings”', async function () {
    requireCheckpoints(this);
    this.timeout(60_000);
    const label = '.settings-editor .setting-item-label';
    const count = '.settings-editor .settings-count-widget';
    try {
      await vscode.commands.executeCommand('workbench.action.openSettings', '@ext:throughline.throughline');
      // The old names (`notIds`…) still work but are deprecated, so the Settings editor leaves them out.
      const all = await checkpoint({ name: 'settings editor', waitFor: [{ selector: `${label}:has-text("Rules")` }, { selector: `${count}:has-text("10 Settings Found")` }], read: count, screenshot: 'settings' });
      assert.deepEqual(all.texts?.map((t) => t.trim()), ['10 Settings Found']);
      const expected: Array<[string, string]> = [
        ['rules', 'Rules'],
        ['documentKinds', 'Document Kinds'],
        ['exclude', 'Exclude'],
        ['traceLabels', 'Trace Labels'],
        ['strategySections', 'Strategy Sections'],
        ['sectionHeadings', 'Section Headings'],
        ['labelsThatAreNotIDs', 'Labels That Are Not IDs'],
        ['alignmentTarget', 'Alignment Target'],
        ['priorityWeights', 'Priority Weights'],
        ['readingMarkers', 'Reading Markers'],
      ];
      for (const [key, title] of expected) {
        await vscode.commands.executeCommand('workbench.action.openSettings', `throughline.${key}`);
        const seen = await checkpoint({ name: `setting ${key}`, waitFor: [{ selector: `${label}:text-is("${title}")` }], read: label });
        const shown = (seen.texts ?? []).map((t) => t.trim());
        assert.ok(shown.includes(title), `throughline.${key} is shown as “${title}”: ${shown.join(', ')}`);
        assert.ok(!shown.some((t) => /^(?:Not Ids|Non Item Headings|Kinds|Sections)$/.test(t)), `no setting under its old key-derived title: ${shown.join(', ')}`);
      }
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  it('declares support for untrusted and virtual workspaces, and activates only on product docs', () => {
    const manifest = extension.packageJSON as { capabilities?: { untrustedWorkspaces?: { supported?: unknown }; virtualWorkspaces?: unknown }; activationEvents?: string[] };
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, true);
    assert.equal(manifest.capabilities?.virtualWorkspaces, true);
    assert.ok(!(manifest.activationEvents ?? []).includes('*'), 'never activates eagerly');
  });
});
