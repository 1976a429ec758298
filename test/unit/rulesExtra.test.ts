import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { FIXTURES, findingLines, issuesOf, readFixture, relPath, workspaceOf } from './helpers';

function fixture(name: string) {
  const { files, config } = readFixture(path.join(FIXTURES, 'rules', name));
  return workspaceOf(files, config);
}

describe('rule details a writer relies on', () => {
  it('unknown-reference corrects a certain typo, and never guesses an ID from a different number', () => {
    const ws = fixture('unknown-reference');
    const g9 = issuesOf(ws, 'unknown-reference').find((i) => i.message.includes('“G9”'))!;
    assert.doesNotMatch(g9.message, /Did you mean/, 'G9 is not G1 spelled wrong');
    assert.match(g9.message, /No goal shares its words: choose the one it serves in the quick fixes\./);
    assert.ok(!g9.fixes?.some((f) => f.preferred), 'no fix for G9 is preferred, so Fix All leaves it');
    const typo = issuesOf(ws, 'unknown-reference').find((i) => i.message.includes('Grow retenton'))!;
    assert.match(typo.message, /Did you mean G1 “Grow retention”\? The titles differ by one typo\./);
    assert.equal(typo.fixes?.[0]?.edits[0]?.newText, 'G1');
    assert.equal(typo.fixes?.[0]?.preferred, true);
    assert.equal(typo.related?.[0]?.uri, 'file:///ws/goals.md');
    const anchor = issuesOf(ws, 'unknown-reference').find((i) => i.message.includes('#g1-grow-retentoin'))!;
    assert.equal(anchor.fixes?.[0]?.preferred, true, 'an anchor one typo from exactly one heading is certain');
    assert.equal(anchor.fixes?.[0]?.edits[0]?.newText, 'goals.md#g1-grow-retention');
  });

  it('unknown-reference suggests, for a broken ID, the goal the item’s words point to, and says why', () => {
    const ws = workspaceOf({
      'goals.md': '# Goals\n\n## G1: Cut the monthly close\n\nMetric: close in 3 days\n\n## G2: Pass the SOC 2 audit\n\nMetric: audit report by Q3\n',
      'roadmap.md': '# Roadmap\n\n- Audit log export for SOC 2 — Goal: G7\n- Berlin office — Goal: Open an office in Berlin\n',
    });
    const [g7, berlin] = issuesOf(ws, 'unknown-reference');
    assert.match(g7!.message, /^No goal has the ID or title “G7”\. By its words, this roadmap item may serve G2 “Pass the SOC 2 audit” \(both mention “audit” and “soc”\)/);
    assert.deepEqual(g7!.fixes!.map((f) => [f.title, !!f.preferred]), [
      ['Change to G2 “Pass the SOC 2 audit”', false],
      ['Change to goal…', false],
      ['Create goal G7 “Audit log export for SOC 2” in goals.md', false],
    ]);
    assert.match(berlin!.message, /No goal shares its words/);
    assert.ok(!berlin!.fixes!.some((f) => f.preferred));
  });

  it('unknown-reference explains a broken anchor and a reference to the wrong layer', () => {
    const ws = fixture('unknown-reference');
    const messages = issuesOf(ws, 'unknown-reference').map((i) => i.message);
    assert.ok(messages.some((m) => m.startsWith('goals.md has no heading “#grow-retention-old”')), messages.join('\n'));
    assert.ok(messages.some((m) => m.includes('is a roadmap item, not a goal')), messages.join('\n'));
  });

  it('an item with one good and one bad reference is traced; only the bad one is reported', () => {
    const ws = fixture('unknown-reference');
    const bad = issuesOf(ws, 'unknown-reference').filter((i) => i.range.start.line === 18);
    assert.deepEqual(bad.map((i) => i.message.slice(0, 34)), ['No goal has the ID or title “G7”. ']);
    assert.ok(!findingLines(ws, 'untraced-item').some((l) => l.startsWith('roadmap.md:17')));
  });

  it('invalid-front-matter still analyses the rest of the file', () => {
    const ws = fixture('invalid-front-matter');
    // level-roadmap.md says `itemLevel: 9`: reported, and its ### item is still read at the default level.
    assert.deepEqual(findingLines(ws, 'untraced-item'), ['level-roadmap.md:10 untraced-item', 'roadmap.md:10 untraced-item']);
    const level = issuesOf(ws, 'invalid-front-matter').find((i) => i.uri.endsWith('level-roadmap.md'))!;
    assert.match(level.message, /itemLevel must be a heading level from 1 to 6, not “9”/);
  });

  it('missing-vision is said once per goals doc, not again per goal as goal-without-vision', () => {
    const ws = fixture('missing-vision');
    assert.deepEqual(findingLines(ws, 'goal-without-vision'), []);
  });

  it('duplicate-id names the other item and where it is', () => {
    const ws = fixture('duplicate-id');
    const first = issuesOf(ws, 'duplicate-id').find((i) => i.range.start.line === 4)!;
    assert.match(first.message, /ID G1 is also used by G1 “Second use of G1” \(goals\.md:9\)/);
    assert.equal(first.related?.length, 1);
  });

  it('a product with no goals at all gets one product-without-goals finding on its roadmap, not one untraced-item per item', () => {
    const ws = workspaceOf({ 'docs/roadmap.md': '# Roadmap\n\n- Dark mode\n- Offline mode — Goal: N/A\n', 'docs/later.md': '---\nkind: roadmap\n---\n# Later\n\n- Sync\n', 'docs/vision.md': '# Vision\n' });
    assert.deepEqual(findingLines(ws, 'untraced-item'), []);
    const [only, ...rest] = issuesOf(ws, 'product-without-goals');
    assert.deepEqual(rest, []);
    assert.equal(relPath(only!.uri), 'docs/roadmap.md');
    assert.match(only!.message, /^This product has 3 roadmap items in 2 files and no goals/);
    assert.match(only!.message, /docs\/goals\.md/);
  });

  it('rule severities come from the config, and "off" silences a rule', () => {
    const { files } = readFixture(path.join(FIXTURES, 'rules', 'untraced-item'));
    const ws = workspaceOf(files, { rules: { 'untraced-item': 'error', 'goal-without-items': 'off' } });
    assert.ok(issuesOf(ws, 'untraced-item').every((i) => i.severity === 'error'));
    assert.equal(issuesOf(ws, 'goal-without-items').length, 0);
    assert.ok(issuesOf(workspaceOf(files), 'untraced-item').every((i) => i.severity === 'warning'));
  });
});
