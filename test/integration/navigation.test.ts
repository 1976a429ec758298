import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { G1_TITLE, G2_TITLE, O1_TITLE, UNTRACED_TITLE, waitForPristine } from './fixture';
import {
  activateThroughline,
  apply,
  baseName,
  describeDiagnostics,
  fixtureUri,
  formatRange,
  insertText,
  readText,
  rangeOn,
  restoreFile,
  waitForDiagnostics,
  withRule,
} from './helpers';

type AnyLocation = vscode.Location | vscode.LocationLink;

function plain(l: AnyLocation): { uri: vscode.Uri; range: vscode.Range } {
  return 'targetUri' in l ? { uri: l.targetUri, range: l.targetSelectionRange ?? l.targetRange } : l;
}

function describeLocations(ls: readonly AnyLocation[]): string {
  return ls.map(plain).map((l) => `${baseName(l.uri)}@${formatRange(l.range)}`).join(', ') || '(none)';
}

describe('Navigation', () => {
  let goals: vscode.Uri;
  let roadmap: vscode.Uri;
  let goalsText: string;
  let roadmapText: string;
  /** The G1 heading's title and its ID. */
  let g1Title: vscode.Range;
  let g1Id: vscode.Range;

  before(async function () {
    this.timeout(60_000);
    await activateThroughline();
    goals = fixtureUri('goals.md');
    roadmap = fixtureUri('roadmap.md');
    goalsText = await readText(goals);
    roadmapText = await readText(roadmap);
    // VS Code runs these provider commands on documents it has loaded, as a user's open editors are.
    for (const name of ['goals.md', 'roadmap.md', 'team-goals.md']) await vscode.workspace.openTextDocument(fixtureUri(name));
    g1Title = rangeOn(goalsText, '## G1', `G1: ${G1_TITLE}`);
    g1Id = rangeOn(goalsText, '## G1', 'G1');
  });

  describe('go to definition and find references', () => {
    it('goes from a reference to the goal it names', async () => {
      const ref = rangeOn(roadmapText, 'Goal: G1', 'G1');
      const found = await vscode.commands.executeCommand<AnyLocation[]>('vscode.executeDefinitionProvider', roadmap, ref.start);
      assert.equal(found.length, 1, `one definition: ${describeLocations(found)}`);
      const target = plain(found[0]!);
      assert.equal(target.uri.toString(), goals.toString());
      assert.equal(formatRange(target.range), formatRange(g1Title), 'it lands on the G1 heading');
    });

    it('finds every trace to a goal: by ID and by link, from the goal and from a reference', async () => {
      const byId = rangeOn(roadmapText, 'Goal: G1', 'G1');
      const byLinkLine = rangeOn(roadmapText, 'Route every request', 'goals.md#g1').start.line;
      const link = rangeOn(roadmapText, 'Route every request', 'goals.md#g1');
      for (const [where, uri, position] of [
        ['the goal', goals, g1Title.start.translate(0, 6)],
        ['a reference', roadmap, byId.start],
        ['a link', roadmap, link.start.translate(0, 3)],
      ] as const) {
        const found = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, position)).map(plain);
        const described = describeLocations(found);
        const at = (u: vscode.Uri, r: vscode.Range | number) =>
          found.some((l) => l.uri.toString() === u.toString() && (typeof r === 'number' ? l.range.start.line === r : formatRange(l.range) === formatRange(r)));
        assert.ok(at(goals, g1Title), `from ${where}: the declaration, the G1 heading; got ${described}`);
        assert.ok(at(roadmap, byId), `from ${where}: “Goal: G1” under Email and chat connectors; got ${described}`);
        assert.ok(at(roadmap, byLinkLine), `from ${where}: the link to #g1-… under Inbox rules; got ${described}`);
        const roadmapLines = new Set(found.filter((l) => l.uri.toString() === roadmap.toString()).map((l) => l.range.start.line));
        assert.equal(roadmapLines.size, 2, `from ${where}: only those two traces in roadmap.md (not G2's or G9's); got ${described}`);
      }
    });
  });

  describe('by title and by link', () => {
    after(async () => {
      await restoreFile(roadmap, roadmapText);
      await waitForPristine();
    });

    it('goes to the goal from a link to it, and from a reference by its title; both are among its references', async () => {
      const link = rangeOn(roadmapText, 'Route every request', 'goals.md#g1');
      const fromLink = (await vscode.commands.executeCommand<AnyLocation[]>('vscode.executeDefinitionProvider', roadmap, link.start.translate(0, 3))).map(plain);
      // VS Code's own Markdown support answers for links too (at the heading's `##`); Throughline's answer is the goal's title.
      assert.ok(fromLink.map((l) => `${baseName(l.uri)}@${formatRange(l.range)}`).includes(`goals.md@${formatRange(g1Title)}`), `the link leads to the G1 heading; got ${describeLocations(fromLink)}`);

      // Trace the untraced item to G2 by its title, as a writer might, without saving.
      const heading = rangeOn(roadmapText, `### ${UNTRACED_TITLE}`, UNTRACED_TITLE);
      await vscode.window.showTextDocument(roadmap);
      await insertText(roadmap, new vscode.Position(heading.start.line + 1, 0), `\nGoal: ${G2_TITLE}\n`);
      await waitForDiagnostics(roadmap, (ds) => withRule(ds, 'untraced-item').length === 0, 'the item traced by title');
      const edited = vscode.workspace.textDocuments.find((d) => d.uri.toString() === roadmap.toString())!.getText();
      const byTitle = rangeOn(edited, `Goal: ${G2_TITLE}`, G2_TITLE);
      const fromTitle = (await vscode.commands.executeCommand<AnyLocation[]>('vscode.executeDefinitionProvider', roadmap, byTitle.start.translate(0, 4))).map(plain);
      const g2Title = rangeOn(goalsText, '## G2', `G2: ${G2_TITLE}`);
      assert.deepEqual(fromTitle.map((l) => `${baseName(l.uri)}@${formatRange(l.range)}`), [`goals.md@${formatRange(g2Title)}`], 'the title leads to the G2 heading');
      const references = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', goals, g2Title.start.translate(0, 6))).map(plain);
      assert.ok(
        references.some((l) => l.uri.toString() === roadmap.toString() && formatRange(l.range) === formatRange(byTitle)),
        `Find All References on G2 lists the reference by title; got ${describeLocations(references)}`,
      );
    });
  });

  describe('renaming a goal ID', () => {
    let edit: vscode.WorkspaceEdit;

    after(async () => {
      await restoreFile(goals, goalsText);
      await restoreFile(roadmap, roadmapText);
      await waitForPristine();
    });

    it('offers to rename the ID only, not the whole heading', async () => {
      const prepared = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>('vscode.prepareRename', goals, g1Id.start.translate(0, 1));
      assert.ok(prepared, 'renaming is possible on the goal ID');
      assert.equal(formatRange(prepared.range), formatRange(g1Id), 'the rename box covers “G1”');
      assert.equal(prepared.placeholder, 'G1');
    });

    it('renames the declaration, every reference by ID and every link anchor, and nothing else', async () => {
      edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', goals, g1Id.start, 'G7');
      assert.ok(edit, 'a rename edit');
      const changes = edit
        .entries()
        .flatMap(([uri, edits]) => edits.map((e) => `${baseName(uri)}@${formatRange(e.range)}→${e.newText}`))
        .sort();
      const anchor = rangeOn(roadmapText, 'Route every request', 'g1-collect-every-request-in-one-inbox');
      const expected = [
        `goals.md@${formatRange(g1Id)}→G7`,
        `roadmap.md@${formatRange(rangeOn(roadmapText, 'Goal: G1', 'G1'))}→G7`,
        `roadmap.md@${formatRange(anchor)}→g7-collect-every-request-in-one-inbox`,
      ].sort();
      assert.deepEqual(changes, expected);
    });

    it('leaves no broken trace behind once applied', async () => {
      await apply(edit);
      const ds = await waitForDiagnostics(roadmap, (d) => d.length === 2 && withRule(d, 'unknown-reference').every((u) => !u.message.includes('G1')), 'roadmap.md re-checked after the rename');
      const unknown = withRule(ds, 'unknown-reference');
      assert.equal(unknown.length, 1, `only the planted G9 is unknown: ${describeDiagnostics(ds)}`);
      assert.match(unknown[0]!.message, /“G9”/);
      const goalsDoc = await vscode.workspace.openTextDocument(goals);
      assert.ok(goalsDoc.getText().includes(`## G7: ${G1_TITLE}`), 'the heading now reads G7');
    });
  });

  describe('completion in a trace field', () => {
    let position: vscode.Position;

    before(async () => {
      const editor = await vscode.window.showTextDocument(roadmap);
      const heading = rangeOn(roadmapText, `### ${UNTRACED_TITLE}`, UNTRACED_TITLE);
      await insertText(roadmap, new vscode.Position(heading.start.line + 1, 0), '\nGoal: \n');
      position = new vscode.Position(heading.start.line + 2, 'Goal: '.length);
      assert.equal(editor.document.lineAt(position.line).text, 'Goal: ');
    });

    after(async () => {
      await restoreFile(roadmap, roadmapText);
      await waitForPristine();
    });

    function ours(list: vscode.CompletionList): Array<{ label: string; detail: string; insert: string }> {
      return list.items
        .map((i) => ({
          label: typeof i.label === 'string' ? i.label : i.label.label,
          detail: typeof i.label === 'string' ? '' : (i.label.description ?? ''),
          insert: typeof i.insertText === 'string' ? i.insertText : (i.insertText?.value ?? ''),
        }))
        .filter((i) => i.detail.startsWith('goal ·') || i.detail.startsWith('vision ·'));
    }

    it('lists the goals, ID and title, after “Goal: ”', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', roadmap, position);
      const items = ours(list);
      // The goal the item's words point to first (“…with the evidence behind each”), then the others.
      assert.deepEqual(
        items.map((i) => `${i.label} [${i.detail}] inserts ${i.insert}`),
        [
          `G2 ${G2_TITLE} [goal · goals.md · matches “evidence”, “weekly”, “teams”] inserts G2`,
          `G1 ${G1_TITLE} [goal · goals.md] inserts G1`,
          `O1 ${O1_TITLE} [goal · team-goals.md] inserts O1`,
        ],
        'every goal, and no vision pillar (a roadmap item traces to goals)',
      );
      assert.deepEqual(list.items.filter((i) => ours({ items: [i] } as vscode.CompletionList).length).map((i) => i.sortText), ['00000', '00001', '00002'], 'in that order');
    });

    it('finds a goal by the words of its title typed so far, and replaces just those words', async () => {
      await insertText(roadmap, position, 'Rank req');
      const typed = position.translate(0, 'Rank req'.length);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', roadmap, typed);
      const g2 = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === `G2 ${G2_TITLE}`);
      assert.ok(g2, 'G2 is offered');
      assert.match(g2.filterText ?? '', new RegExp(G2_TITLE), 'the editor filters on the title too, so typing words of it finds the goal');
      const replaced = g2.range instanceof vscode.Range ? g2.range : g2.range?.replacing;
      assert.equal(replaced && formatRange(replaced), formatRange(new vscode.Range(position, typed)), 'it replaces “Rank req”, not the label before it');
      const edit = new vscode.WorkspaceEdit();
      edit.delete(roadmap, new vscode.Range(position, typed));
      await apply(edit);
    });

    it('offers the vision and its pillars in a goal’s Vision: field, and inserts a title where there is no ID', async () => {
      const team = fixtureUri('team-goals.md');
      const teamText = await readText(team);
      await vscode.window.showTextDocument(team);
      const o1 = rangeOn(teamText, '## O1', 'O1');
      try {
        await insertText(team, new vscode.Position(o1.start.line + 1, 0), '\nVision: \n');
        const at = new vscode.Position(o1.start.line + 2, 'Vision: '.length);
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', team, at);
        assert.deepEqual(
          ours(list).map((i) => `${i.label} inserts ${i.insert}`).sort(),
          ['Beacon vision inserts Beacon vision', 'V1 One inbox for every request inserts V1', 'V2 Priorities you can defend inserts V2'].sort(),
          'the vision (no ID: its title) and both pillars, and no goal',
        );
      } finally {
        await restoreFile(team, teamText);
      }
    });

    it('offers nothing of the kind outside a trace field', async () => {
      const current = (await vscode.workspace.openTextDocument(roadmap)).getText();
      const prose = rangeOn(current, 'Send a Monday summary', 'Monday');
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', roadmap, prose.end);
      assert.deepEqual(ours(list), []);
    });
  });

  describe('code lenses and workspace symbols', () => {
    it('shows over each goal how many roadmap items move it, and where they are', async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', goals, 10);
      const summary = lenses.map((l) => `${l.range.start.line}:${l.command?.title ?? ''}`);
      const g2Line = rangeOn(goalsText, '## G2', 'G2').start.line;
      assert.deepEqual(summary, [`${g1Id.start.line}:2 roadmap items`, `${g2Line}:1 roadmap item`]);
      const g1 = lenses[0]!;
      assert.equal(g1.command?.command, 'editor.action.showReferences', 'clicking the lens lists the items');
      const locations = (g1.command?.arguments?.[2] ?? []) as vscode.Location[];
      assert.deepEqual(locations.map((l) => `${baseName(l.uri)}:${l.range.start.line + 1}`).sort(), ['roadmap.md:13', 'roadmap.md:5']);
      const team = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', fixtureUri('team-goals.md'), 10);
      assert.deepEqual(team.map((l) => l.command?.title), ['no roadmap items']);
    });

    it('finds goals and roadmap items with Go to Symbol in Workspace', async () => {
      const search = async (query: string) =>
        (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', query)).filter(
          (s) => s.kind === vscode.SymbolKind.Key || s.kind === vscode.SymbolKind.Event,
        );
      const g1 = (await search('G1')).filter((s) => s.kind === vscode.SymbolKind.Key);
      assert.deepEqual(
        g1.map((s) => `${s.name} @ ${baseName(s.location.uri)}:${s.location.range.start.line + 1}`),
        [`G1 ${G1_TITLE} @ goals.md:3`],
      );
      const digest = (await search('weekly digest')).filter((s) => s.kind === vscode.SymbolKind.Event);
      assert.deepEqual(digest.map((s) => `${s.name} (${s.containerName})`), [`${UNTRACED_TITLE} (roadmap.md › Now)`]);
    });
  });
});
