import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostics, fixtureUri, formatRange, readText, rangeOn, withRule } from './helpers';

/**
 * What the fixture workspace (`test/integration/fixtures/workspace/`) is built to produce: one
 * roadmap item with no `Goal:` line and one that names a goal, G9, that does not exist. Positions are
 * computed from the file's text, so rewording the fixture cannot silently make the checks vacuous.
 */
export const UNTRACED_TITLE = 'Weekly digest for the team';
export const UNKNOWN_GOAL = 'G9';

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
  assert.ok(code.target.path.endsWith(`/docs/rules/${expected.rule}.md`), `the rule code links to its docs page, not ${code.target.toString()}`);
  return d;
}
