import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { G1_TITLE, G2_TITLE, G9_MESSAGE, UNTRACED_TITLE, waitForPristine } from './fixture';
import { checkpoint, requireCheckpoints } from './checkpoint';
import { activateThroughline, deleteFiles, fixtureUri, hoverText, insertText, readText, rangeOn, restoreFile, waitForDiagnostics, withRule, writeText } from './helpers';

/** The hover text at the start of `needle` on the line starting with `linePrefix`, as the editor would show it. */
async function hoverAt(name: string, linePrefix: string, needle: string): Promise<string> {
  const uri = fixtureUri(name);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const range = rangeOn(open ? open.getText() : await readText(uri), linePrefix, needle);
  const position = range.start.translate(0, Math.floor(needle.length / 2));
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hoverText(hovers);
}

/** Asserts that each piece appears in `text`, in this order. */
function assertInOrder(text: string, pieces: readonly string[]): void {
  let from = 0;
  for (const piece of pieces) {
    const at = text.indexOf(piece, from);
    assert.ok(at >= 0, `the hover shows “${piece}” after what comes before it:\n${text}`);
    from = at + piece.length;
  }
}

describe('Hovers', () => {
  before(async function () {
    this.timeout(60_000);
    await activateThroughline();
  });

  it('on a roadmap item: the why-chain, item → goal with its metric → vision pillar', async () => {
    const text = await hoverAt('roadmap.md', '### Email and chat connectors', 'Email and chat connectors');
    const expectedInOrder = [
      'Roadmap item** Email and chat connectors',
      'Why it is on the roadmap',
      `Goal** G1 ${G1_TITLE} · \`goals.md:3\``,
      'Metric: 90% of requests arrive through a connected channel',
      'Vision** V1 One inbox for every request · `vision.md:5`',
      'part of Beacon vision',
    ];
    assertInOrder(text, expectedInOrder);
  });

  it('on a roadmap item: an excerpt of each link of the chain, the item’s own text first', async () => {
    const text = await hoverAt('roadmap.md', '### Inbox rules', 'Inbox rules');
    const expectedInOrder = [
      'Roadmap item** Inbox rules',
      'Route every request to the shared inbox by topic.',
      `Goal** G1 ${G1_TITLE} · \`goals.md:3\``,
      'Vision** V1 One inbox for every request · `vision.md:5`',
      'Requests from email, chat and calls land in one place.',
      'part of Beacon vision: Small teams always know which customer request matters most this week.',
    ];
    assertInOrder(text, expectedInOrder);
  });

  it('on a roadmap item: the goal’s own excerpt after its metric', async () => {
    const text = await hoverAt('roadmap.md', '### Evidence score on each request', 'Evidence score');
    assertInOrder(text, [
      'Roadmap item** Evidence score on each request',
      `Goal** G2 ${G2_TITLE} · \`goals.md:8\``,
      'Metric: 70% of weekly picks cite at least two customer quotes',
      'Teams pick what to build from what customers said, not from who said it loudest.',
      'Vision** V2 Priorities you can defend · `vision.md:9`',
    ]);
  });

  it('on an untraced roadmap item: the finding, as the Problems panel says it', async () => {
    const text = await hoverAt('roadmap.md', `### ${UNTRACED_TITLE}`, UNTRACED_TITLE);
    assert.match(text, new RegExp(`Roadmap item “${UNTRACED_TITLE}” traces to no goal: add “Goal: …” naming the goal it serves\\.`), text);
  });

  it('on a reference: the goal it leads to, with its metric', async () => {
    const text = await hoverAt('roadmap.md', 'Goal: G2', 'G2');
    assert.match(text, /→ \*\*Goal\*\* G2 Rank requests by evidence · `goals\.md:8`/, text);
    assert.match(text, /Metric: 70% of weekly picks cite at least two customer quotes/, text);
  });

  it('on a reference to nothing: the finding, with what it most likely meant (here: nothing)', async () => {
    const text = await hoverAt('roadmap.md', 'Goal: G9', 'G9');
    assert.ok(text.includes(G9_MESSAGE), text);
  });

  describe('mentions only what the rules report', () => {
    const settings = () => vscode.workspace.getConfiguration('throughline', vscode.workspace.workspaceFolders![0]!.uri);

    after(async () => {
      await settings().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      await waitForPristine();
    });

    it('says nothing about a rule that is switched off', async () => {
      await settings().update('rules', { 'untraced-item': 'off' }, vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(fixtureUri('roadmap.md'), (d) => withRule(d, 'untraced-item').length === 0, 'untraced-item off');
      const text = await hoverAt('roadmap.md', `### ${UNTRACED_TITLE}`, UNTRACED_TITLE);
      assert.match(text, /Roadmap item\*\* Weekly digest for the team/, text);
      assert.doesNotMatch(text, /traces to no goal/i, text);
    });
  });

  describe('on a reference that leads nowhere, why', () => {
    const roadmap = () => fixtureUri('roadmap.md');
    let original: string;

    before(async () => {
      original = await readText(roadmap());
      await vscode.window.showTextDocument(roadmap());
      const heading = rangeOn(original, `### ${UNTRACED_TITLE}`, UNTRACED_TITLE);
      // Unsaved, as a writer would have them while typing.
      await insertText(
        roadmap(),
        new vscode.Position(heading.start.line + 1, 0),
        '\nGoal: V1\n\nSupports: [the inbox goal](goals.md#g1-no-such-heading)\n\nServes: [all our goals](goals.md)\n',
      );
    });

    after(async () => {
      await restoreFile(roadmap(), original);
      await waitForPristine();
    });

    it('a vision pillar named where a goal belongs: it is not the layer above', async () => {
      const text = await hoverAt('roadmap.md', 'Goal: V1', 'V1');
      assert.match(text, /“V1” is a section of the vision, not a goal: roadmap items trace to goals\./, text);
    });

    it('a link to a heading that does not exist: the file has no such anchor', async () => {
      const text = await hoverAt('roadmap.md', 'Supports: [the inbox goal]', 'goals.md#g1-no-such-heading');
      assert.match(text, /goals\.md has no heading “#g1-no-such-heading”: this roadmap item traces to nothing\./, text);
    });

    it('a link to a whole goals document: link to one goal in it', async () => {
      const text = await hoverAt('roadmap.md', 'Serves: [all our goals]', 'goals.md');
      assert.match(text, /This links to goals\.md as a whole; link to one goal in it\./, text);
    });
  });

  it('on a goal: the part of the vision it serves and the roadmap items that move it', async () => {
    const text = await hoverAt('goals.md', '## G1', G1_TITLE);
    assert.match(text, /Goal\*\* G1 Collect every request in one inbox/, text);
    assert.match(text, /Serves \*\*One inbox for every request\*\* · `vision\.md:5`/, text);
    assert.match(text, /2 roadmap items:/, text);
    assert.match(text, /- Email and chat connectors · `roadmap\.md:5`/, text);
    assert.match(text, /- Inbox rules · `roadmap\.md:13`/, text);
  });

  it('shows markup written in a title as text in the workbench: no element, no script, no command link', async function () {
    requireCheckpoints(this);
    this.timeout(60_000);
    const goals = fixtureUri('hostile-goals.md');
    const roadmap = fixtureUri('hostile-roadmap.md');
    // Code and escaped brackets keep the markup in the title as text, as a pasted title would be.
    await writeText(goals, '# Hostile goals\n\n## X1: `<img src=x onerror=alert(1)>` \\[run\\](command:workbench.action.quit)\n\nVision: V1\nMetric: 1 alert\n');
    // The second item's finding shows the roadmap is checked; no unknown-reference, that X1 is known.
    await writeText(roadmap, '# Hostile roadmap\n\n### Paste from Word\n\nGoal: X1\n\n### Untraced thing\n');
    try {
      await waitForDiagnostics(
        roadmap,
        (d) => d.length === 1 && withRule(d, 'untraced-item').length === 1 && d[0]!.message.includes('Untraced thing'),
        'the roadmap checked, with Paste from Word traced to X1',
      );
      const at = new vscode.Position(2, 8);
      const editor = await vscode.window.showTextDocument(roadmap, { selection: new vscode.Selection(at, at), preview: false });
      editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.AtTop);
      await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
      await vscode.commands.executeCommand('editor.action.showHover');
      const hover = '.monaco-hover:has-text("Paste from Word")';
      const seen = await checkpoint({ name: 'hostile hover', waitFor: [{ selector: `${hover}:has-text("onerror")` }], read: hover, readHtml: `${hover} .hover-contents` });
      const html = (seen.html ?? []).join('\n');
      const text = (seen.texts ?? []).join('\n');
      assert.match(text, /<img src=x onerror=alert\(1\)>/, `the title is shown as written:\n${text}`);
      assert.match(text, /\[run\]\(command:workbench\.action\.quit\)/, `the bracketed text stays text:\n${text}`);
      assert.doesNotMatch(html, /<img/i, `no image element in the hover:\n${html}`);
      assert.doesNotMatch(html, /href="command:|data-href="command:/, `no command link in the hover:\n${html}`);
    } finally {
      await vscode.commands.executeCommand('editor.action.hideHover').then(undefined, () => undefined);
      await deleteFiles([roadmap, goals]);
      await waitForDiagnostics(goals, (d) => d.length === 0, 'hostile-goals.md to be forgotten');
    }
  });
});
