import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateThroughline, describeDiagnostics, fixtureUri, formatRange, readText, rangeOn, waitForDiagnostics, withRule } from './helpers';

/**
 * What the fixture workspace (`test/integration/fixtures/workspace/`) is built to produce. One product,
 * “Beacon”: vision.md (pillars V1, V2), goals.md (G1, G2, both clean), roadmap.md (five items: three
 * traced, one with no goal, one naming a goal, G9, that does not exist), and one planted finding per
 * rule with a fix: team-goals.md (O1: no vision, no metric, no items), strategy.md (CRLF line
 * endings; answers who but not what or why), kind-typo.md (`kind: roadmp`). Positions are computed
 * from the files' text, so rewording the fixture cannot silently make the checks vacuous.
 */
export const UNTRACED_TITLE = 'Weekly digest for the team';
export const UNKNOWN_GOAL = 'G9';
export const G1_TITLE = 'Collect every request in one inbox';
export const G2_TITLE = 'Rank requests by evidence';
export const O1_TITLE = 'Answer every request within a day';
/** What the finding on `Goal: G9` says: no goal is G9, and none shares the words of “Call transcript import”. */
export const G9_MESSAGE = 'No goal has the ID or title “G9”. No goal shares its words: choose the one it serves in the quick fixes.';

/** Roadmap items in roadmap.md and how many trace to a goal: the alignment the status bar and the Strategy view show. */
export const ALIGNMENT = { traced: 3, total: 5 } as const;

/** Every finding the workspace has before any test changes it: file → rules (one finding each). */
export const FINDINGS: Readonly<Record<string, readonly string[]>> = {
  'roadmap.md': ['untraced-item', 'unknown-reference'],
  'team-goals.md': ['goal-without-vision', 'goal-without-items', 'goal-missing-metric'],
  'strategy.md': ['strategy-missing-section'],
  'kind-typo.md': ['unknown-kind'],
  'goals.md': [],
  'vision.md': [],
};

export interface ExpectedFinding {
  rule: string;
  severity: vscode.DiagnosticSeverity;
  range: vscode.Range;
  /** Text the message must contain, so the reader knows which item is meant. */
  mentions: string;
}

export async function expectedFindings(): Promise<{ roadmap: vscode.Uri; text: string; untraced: ExpectedFinding; unknown: ExpectedFinding }> {
  const roadmap = fixtureUri('roadmap.md');
  const text = await readText(roadmap);
  return {
    roadmap,
    text,
    // The warning sits on the item's title in its heading, not on the `###` marker.
    untraced: { rule: 'untraced-item', severity: vscode.DiagnosticSeverity.Warning, range: rangeOn(text, `### ${UNTRACED_TITLE}`, UNTRACED_TITLE), mentions: UNTRACED_TITLE },
    // The error sits on the reference itself, where the fix replaces it.
    unknown: { rule: 'unknown-reference', severity: vscode.DiagnosticSeverity.Error, range: rangeOn(text, `Goal: ${UNKNOWN_GOAL}`, UNKNOWN_GOAL), mentions: UNKNOWN_GOAL },
  };
}

/** Asserts that exactly one diagnostic of the expected rule is there, as the user would see it. */
export function assertFinding(diagnostics: readonly vscode.Diagnostic[], expected: ExpectedFinding): vscode.Diagnostic {
  const found = withRule(diagnostics, expected.rule);
  assert.equal(found.length, 1, `one ${expected.rule} diagnostic expected; got ${describeDiagnostics(diagnostics)}`);
  const d = found[0]!;
  assert.equal(d.source, 'Throughline');
  assert.equal(
    vscode.DiagnosticSeverity[d.severity],
    vscode.DiagnosticSeverity[expected.severity],
    `${expected.rule} is shown with the severity a reader expects`,
  );
  assert.equal(formatRange(d.range), formatRange(expected.range), `${expected.rule} underlines the right text`);
  assert.ok(d.message.includes(expected.mentions), `the ${expected.rule} message names “${expected.mentions}”: ${d.message}`);
  const code = d.code;
  assert.ok(code !== undefined && typeof code === 'object', 'the code carries a link to the rule docs');
  assert.equal(code.value, expected.rule);
  // The link opens the rule's page rendered (throughline.openRuleDocs), not its editable source.
  assert.equal(code.target.scheme, 'command', `the rule code links to a command, not ${code.target.toString()}`);
  assert.equal(code.target.path, 'throughline.openRuleDocs');
  assert.deepEqual(JSON.parse(decodeURIComponent(code.target.query)), [expected.rule]);
  return d;
}

/**
 * Waits until Throughline sees the untouched fixture again: roadmap.md's two findings where they
 * were, and G9's message saying that no goal shares the item's words (so goals.md is back too: a
 * goal edited to mention calls or transcripts would be suggested). Tests that edit files restore them
 * and then call this. The index takes an edited document's text after its debounce, or at once when
 * a provider asks about that document (`current`): this asks, for every open fixture document, so
 * that the next test's hover or code lens over another file does not see the restored file's old text.
 */
export async function waitForPristine(): Promise<void> {
  const { api } = await activateThroughline();
  for (const name of Object.keys(FINDINGS)) {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === fixtureUri(name).toString());
    if (open) api.index.current(open);
  }
  const f = await expectedFindings();
  const at = (ds: readonly vscode.Diagnostic[], e: ExpectedFinding) => withRule(ds, e.rule).some((d) => formatRange(d.range) === formatRange(e.range));
  await waitForDiagnostics(
    f.roadmap,
    (ds) => ds.length === 2 && at(ds, f.untraced) && at(ds, f.unknown) && withRule(ds, 'unknown-reference')[0]!.message.includes(G9_MESSAGE),
    'roadmap.md’s findings as in the untouched fixture',
  );
}
