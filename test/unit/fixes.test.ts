import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Fix, Issue, Workspace } from '../../src/core';
import { FIXTURES, REPO, ROOT, allIssues, applyEdits, findingLines, issuesOf, readFixture, relPath, workspaceOf } from './helpers';

/** Applies one fix to a copy of the files and returns the new files. */
function applyFix(files: Record<string, string>, fix: Fix): Record<string, string> {
  const out = { ...files };
  for (const file of fix.creates ?? []) {
    const p = relPath(file.uri);
    if (!(p in out)) out[p] = file.text;
  }
  for (const uri of new Set(fix.edits.map((e) => e.uri))) {
    const p = relPath(uri);
    out[p] = applyEdits(out[p]!, fix.edits.filter((e) => e.uri === uri));
  }
  return out;
}

/** The offset of an LSP-style position in a text. */
function offsetOf(text: string, p: { line: number; character: number }): number {
  let offset = 0;
  for (let line = 0; line < p.line; line++) {
    const m = /\r\n|\r|\n/g;
    m.lastIndex = offset;
    const found = m.exec(text)!;
    offset = found.index + found[0].length;
  }
  return offset + p.character;
}

/** What identifies a finding across edits that move lines: its rule and message. */
const id = (i: Issue) => `${i.rule} ${relPath(i.uri)} ${i.message}`;

/**
 * The fixes of an issue that change text, as the user can apply them: a fix with edits, or each
 * choice of a “Trace to goal…” pick (the first few). Fixes that only select text change nothing.
 */
function applicable(fix: Fix): Fix[] {
  if (fix.pick) return fix.pick.options.slice(0, 3).map((o) => ({ title: `${fix.title} → ${o.label}`, edits: o.edits }));
  return fix.edits.length > 0 || fix.creates?.length ? [fix] : [];
}

function checkEveryFix(name: string, files: Record<string, string>, ws: Workspace, config = {}) {
  const issues = allIssues(ws).filter((i) => i.fixes?.length);
  assert.ok(issues.length > 0, `${name} offers no fixes at all`);
  for (const issue of issues) {
    for (const fix of issue.fixes!.flatMap(applicable)) {
      const fixed = applyFix(files, fix);
      const after = allIssues(workspaceOf(fixed, config));
      const label = `${name}: “${fix.title}” for ${id(issue)}`;
      if (issue.rule === 'strategy-missing-section') {
        // The section is there: the finding no longer says it is missing (its prompt is still to write).
        const heading = /“(\w+)”/.exec(fix.title)![1]!;
        const still = after.find((i) => i.rule === issue.rule && i.uri === issue.uri);
        const missingPart = still?.message.startsWith("This strategy doesn't say") ? still.message.split('; ')[0]! : '';
        assert.ok(!missingPart.includes(`“${heading}”`), `${label}: ${still?.message}`);
      } else {
        assert.ok(!after.some((i) => id(i) === id(issue)), `${label}: finding still there`);
      }
      // No new broken reference or front matter error (messages may change: a new goal is a new suggestion).
      const errors = (list: Issue[]) => list.filter((i) => i.rule === 'unknown-reference' || i.rule === 'invalid-front-matter').map((i) => `${i.rule} ${relPath(i.uri)}`).sort();
      const before = errors(allIssues(ws));
      const added = errors(after).filter((e, i, all) => all.filter((x) => x === e).length > before.filter((x) => x === e).length && all.indexOf(e) === i);
      assert.deepEqual(added, [], `${label}: the fix created new problems`);
    }
  }
}

describe('fixes', () => {
  it('every fix offered on every rule fixture clears its finding and creates no new problem', () => {
    for (const dir of fs.readdirSync(path.join(FIXTURES, 'rules'))) {
      const { files, config } = readFixture(path.join(FIXTURES, 'rules', dir));
      const ws = workspaceOf(files, config);
      if (allIssues(ws).some((i) => i.fixes?.length)) checkEveryFix(dir, files, ws, config);
    }
  });

  it('every fix offered on the bundled example clears its finding', () => {
    const { files, config } = readFixture(path.join(REPO, 'examples'));
    checkEveryFix('examples', files, workspaceOf(files, config), config);
  });

  it('every fix keeps every byte outside its edit (BOM, CRLF, trailing spaces), and is not offered twice', () => {
    let checked = 0;
    let reapplied = 0;
    for (const dir of fs.readdirSync(path.join(FIXTURES, 'rules'))) {
      const { files: plain, config } = readFixture(path.join(FIXTURES, 'rules', dir));
      // The same fixture as a Windows editor might save it: a BOM, CRLF, spaces at line ends.
      const files: Record<string, string> = {};
      for (const [p, text] of Object.entries(plain)) files[p] = `\uFEFF${text.replace(/\n/g, (_, i: number) => (i % 3 === 0 ? ' \r\n' : '\r\n'))}`;
      const ws = workspaceOf(files, config);
      for (const issue of allIssues(ws)) {
        for (const fix of (issue.fixes ?? []).flatMap(applicable)) {
          for (const uri of new Set(fix.edits.map((e) => e.uri))) {
            const p = relPath(uri);
            const original = files[p]!;
            const body = original.slice(1);
            const edits = fix.edits.filter((e) => e.uri === uri);
            const after = `\uFEFF${applyEdits(body, edits)}`;
            const offsets = edits.flatMap((e) => [offsetOf(body, e.range.start), offsetOf(body, e.range.end)]);
            const [first, last] = [Math.min(...offsets) + 1, Math.max(...offsets) + 1];
            const tail = original.length - last;
            assert.equal(after.slice(0, first), original.slice(0, first), `${dir} “${fix.title}”: text before the edit changed`);
            assert.equal(after.slice(after.length - tail), original.slice(original.length - tail), `${dir} “${fix.title}”: text after the edit changed`);
            assert.ok(!/[^\r]\n/.test(after.slice(first, after.length - tail)), `${dir} “${fix.title}”: inserted an LF line break into a CRLF file`);
            checked++;
          }
          // Applied once, the finding it fixes is gone, so neither the light bulb nor fix-all can
          // offer it again and write the same section, line or reference twice; a fix for another
          // finding of the same rule never re-inserts what this one wrote (strategy: What, then all).
          const fixed = applyFix(Object.fromEntries(Object.entries(files).map(([p, t]) => [p, t.slice(1)])), fix);
          const after = allIssues(workspaceOf(fixed, config));
          assert.deepEqual(after.filter((i) => i.rule === issue.rule && i.message === issue.message).map((i) => i.message), [], `${dir} “${fix.title}” leaves its finding`);
          for (const other of after.filter((i) => i.rule === issue.rule && i.uri === issue.uri)) {
            for (const f of (other.fixes ?? []).flatMap(applicable)) {
              for (const e of f.edits) {
                const wrote = fix.edits.filter((x) => x.uri === e.uri).map((x) => x.newText.trim());
                const repeats = wrote.filter((w) => w.length > 0 && e.newText.includes(w) && /^#/m.test(w));
                assert.deepEqual(repeats, [], `${dir}: after “${fix.title}”, “${f.title}” would write the same heading again`);
              }
            }
          }
          reapplied++;
        }
      }
    }
    assert.ok(checked > 30, `only ${checked} fixes checked`);
    assert.ok(reapplied > 30, `only ${reapplied} fixes applied and checked again`);
  });

  const goals = '# Goals\n\n## G1: Grow retention\n\nMetric: 1\n';

  it('links an untraced heading item with a new line under its heading, keeping CRLF', () => {
    const roadmap = '# Roadmap\r\n\r\n## Now\r\n\r\n### Retention emails\r\nSend them.\r\n';
    const files = { 'goals.md': goals, 'roadmap.md': roadmap };
    const [issue] = issuesOf(workspaceOf(files), 'untraced-item');
    assert.equal(issue?.fixes?.[0]?.title, 'Trace to goal G1 “Grow retention”');
    const fixed = applyFix(files, issue!.fixes![0]!)['roadmap.md'];
    assert.equal(fixed, '# Roadmap\r\n\r\n## Now\r\n\r\n### Retention emails\r\n\r\nGoal: G1\r\n\r\nSend them.\r\n');
  });

  it('links a list item at its end, a table row in its trace cell, and a one-item file in its front matter', () => {
    const roadmap = '# Roadmap\n\n- Retention emails\n\n| Item | Goal |\n| --- | --- |\n| Win-back offer |  |\n';
    const item = '---\nkind: initiative\ntitle: Churn survey\n---\n\nAsk leavers why.\n';
    const files: Record<string, string> = { 'goals.md': goals, 'roadmap.md': roadmap, 'items/survey.md': item };
    const ws = workspaceOf(files);
    // The goal chosen in “Trace to goal…”, written where each layout puts a trace.
    const toG1 = (issue: Issue): Fix => ({ title: 'G1', edits: issue.fixes!.find((f) => f.pick)!.pick!.options.find((o) => o.label.startsWith('G1 '))!.edits });
    const fixed = issuesOf(ws, 'untraced-item').reduce((acc, issue) => applyFix(acc, toG1(issue)), files);
    assert.equal(fixed['roadmap.md'], '# Roadmap\n\n- Retention emails — Goal: G1\n\n| Item | Goal |\n| --- | --- |\n| Win-back offer | G1 |\n');
    assert.equal(fixed['items/survey.md'], '---\nkind: initiative\ntitle: Churn survey\ngoal: G1\n---\n\nAsk leavers why.\n');
  });

  it('ranks the goals offered for an untraced item by how well they match its text', () => {
    const manyGoals = '# Goals\n\n## G1: Grow self-serve revenue\n\n## G2: Faster onboarding for new teams\n\n## G3: Reduce churn\n';
    const roadmap = '# Roadmap\n\n- Onboarding checklist for new teams\n';
    const [issue] = issuesOf(workspaceOf({ 'goals.md': manyGoals, 'roadmap.md': roadmap }), 'untraced-item');
    // Only the goal its words point to is suggested by name; every goal is in the pick.
    assert.deepEqual(issue?.fixes?.map((f) => f.title), [
      'Trace to goal G2 “Faster onboarding for new teams”',
      'Trace to goal…',
      'Mark as deliberately untraced (Goal: N/A)',
      'Create goal G4 “Onboarding checklist for new teams” in goals.md',
    ]);
    assert.deepEqual(issue!.fixes![1]!.pick!.options.map((o) => o.label), ['G2 Faster onboarding for new teams', 'G1 Grow self-serve revenue', 'G3 Reduce churn']);
    assert.ok(issue!.fixes!.every((f) => !f.preferred), 'which goal an item serves is a choice: no fix is preferred');
  });

  it('suggests no goal by name when no words match, and the pick reaches every goal, the fifth too', () => {
    const five = '# Goals\n\n## G1: Cut the monthly close\n\n## G2: Win the CFO’s trust\n\n## G3: Grow card spend\n\n## G4: Expand to Germany\n\n## G5: Pass the SOC 2 audit\n';
    const roadmap = '# Roadmap\n\n- Dark mode\n';
    const [issue] = issuesOf(workspaceOf({ 'goals.md': five, 'roadmap.md': roadmap }), 'untraced-item');
    assert.deepEqual(issue!.fixes!.filter((f) => /^Trace to goal G/.test(f.title)), [], 'no goal shares a word with “Dark mode”');
    const pick = issue!.fixes!.find((f) => f.title === 'Trace to goal…')!.pick!;
    assert.deepEqual(pick.options.map((o) => o.label.split(' ')[0]), ['G1', 'G2', 'G3', 'G4', 'G5']);
    const fixed = applyFix({ 'goals.md': five, 'roadmap.md': roadmap }, { title: 'G5', edits: pick.options[4]!.edits });
    assert.equal(fixed['roadmap.md'], '# Roadmap\n\n- Dark mode — Goal: G5\n');
  });

  it('marks an item deliberately untraced with the documented N/A, and creates a goal from an item', () => {
    const files = { 'goals.md': '# Goals\n\n## G1: Grow retention\n\nMetric: 1\n', 'roadmap.md': '# Roadmap\n\n- Dark mode\n' };
    const [issue] = issuesOf(workspaceOf(files), 'untraced-item');
    const marked = applyFix(files, issue!.fixes!.find((f) => f.title.startsWith('Mark as deliberately untraced'))!);
    assert.equal(marked['roadmap.md'], '# Roadmap\n\n- Dark mode — Goal: N/A\n');
    const created = applyFix(files, issue!.fixes!.find((f) => f.title.startsWith('Create goal'))!);
    assert.equal(created['goals.md'], '# Goals\n\n## G1: Grow retention\n\nMetric: 1\n\n## G2: Dark mode\n\nMetric: _what you will measure, from what baseline to what target, by when_\n');
    assert.equal(created['roadmap.md'], '# Roadmap\n\n- Dark mode — Goal: G2\n');
    const after = workspaceOf(created);
    assert.deepEqual(findingLines(after, 'untraced-item'), []);
    assert.match(issuesOf(after, 'goal-missing-metric')[0]!.message, /G2 “Dark mode”'s metric is still a prompt/);
  });

  it('fills a "no trace" marker instead of adding a second field', () => {
    const files = { 'goals.md': goals, 'roadmap.md': '# Roadmap\n\n- Retention emails — Goal: N/A\n' };
    const [issue] = issuesOf(workspaceOf(files), 'untraced-item');
    assert.equal(applyFix(files, issue!.fixes![0]!)['roadmap.md'], '# Roadmap\n\n- Retention emails — Goal: G1\n');
  });

  it('writes a goal without an ID as a link that shows its title', () => {
    const files = { 'goals.md': '# Goals\n\n## Grow retention\n', 'roadmap.md': '# Roadmap\n\n- Retention emails\n' };
    const [issue] = issuesOf(workspaceOf(files), 'untraced-item');
    assert.equal(applyFix(files, issue!.fixes![0]!)['roadmap.md'], '# Roadmap\n\n- Retention emails — Goal: [Grow retention](goals.md#grow-retention)\n');
  });

  it('adds strategy sections at the end, at the level of the existing sections, with the questions as prompts', () => {
    const files = { 'strategy.md': '# Strategy\n\n## Who we serve\n\nTeams.' };
    const [issue] = issuesOf(workspaceOf(files), 'strategy-missing-section');
    assert.deepEqual(issue?.fixes?.map((f) => f.title), ['Add “What” and “Why” sections', 'Add a “What” section', 'Add a “Why” section']);
    assert.ok(issue!.fixes!.every((f) => !f.preferred), 'a prompt is no answer: Fix All never writes one');
    const all = applyFix(files, issue!.fixes![0]!)['strategy.md']!;
    assert.match(all, /^# Strategy\n\n## Who we serve\n\nTeams\.\n\n## What\n\n_What are they trying to accomplish\?.*_\n\n## Why\n\n_Why does it matter to them.*_\n$/);
  });

  it('leaves one blank line before appended sections, whatever the line endings', () => {
    for (const [text, eol] of [['# S\n\n## Who\n\nTeams.\n', '\n'], ['# S\r\n\r\n## Who\r\n\r\nTeams.\r\n', '\r\n'], ['# S\n\n## Who\n\nTeams.', '\n'], ['# S\r\n\r\n## Who\r\n\r\nTeams.\r\n\r\n', '\r\n']] as const) {
      const files = { 'strategy.md': text };
      const [issue] = issuesOf(workspaceOf(files), 'strategy-missing-section');
      const fixed = applyFix(files, issue!.fixes![1]!)['strategy.md']!;
      assert.ok(fixed.includes(`Teams.${eol}${eol}## What${eol}`), JSON.stringify(fixed));
      assert.ok(!fixed.includes(`${eol}${eol}${eol}`), JSON.stringify(fixed));
    }
  });

  it('replaces only the mistyped reference, keeping its formatting', () => {
    const files = { 'goals.md': goals, 'roadmap.md': '# Roadmap\n\n- Emails — Goal: **G-1**, G1\n' };
    const [issue] = issuesOf(workspaceOf(files), 'unknown-reference');
    assert.equal(issue!.fixes![0]!.preferred, true, 'G-1 can only mean G1');
    assert.equal(applyFix(files, issue!.fixes![0]!)['roadmap.md'], '# Roadmap\n\n- Emails — Goal: **G1**, G1\n');
  });

  it('the strategy sections go next to their siblings: Why after the What section, with the prompt selected', () => {
    const text = '# Strategy\n\n## Who we serve\n\nTeams.\n\n## Problem\n\nThey guess.\n\n## How we win\n\nSpeed.\n';
    const files = { 'strategy.md': text };
    const [issue] = issuesOf(workspaceOf(files), 'strategy-missing-section');
    const fix = issue!.fixes!.find((f) => f.title === 'Add a “Why” section')!;
    const fixed = applyFix(files, fix)['strategy.md']!;
    assert.equal(fixed, '# Strategy\n\n## Who we serve\n\nTeams.\n\n## Problem\n\nThey guess.\n\n## Why\n\n_Why does it matter to them, and why now? Say what changes for them when we succeed._\n\n## How we win\n\nSpeed.\n');
    const lines = fixed.split('\n');
    assert.equal(lines[fix.select!.range.start.line]!.slice(fix.select!.range.start.character, fix.select!.range.end.character), 'Why does it matter to them, and why now? Say what changes for them when we succeed.');
  });

  it('adds a metric line under a goal', () => {
    const files = { 'goals.md': '# Goals\n\n## G1: Grow retention\n\nWhy it matters.\n' };
    const [issue] = issuesOf(workspaceOf(files), 'goal-missing-metric');
    const fix = issue!.fixes![0]!;
    const fixed = applyFix(files, fix)['goals.md']!;
    assert.equal(fixed, '# Goals\n\n## G1: Grow retention\n\nMetric: _what you will measure, from what baseline to what target, by when_\n\nWhy it matters.\n');
    assert.ok(!fix.preferred, 'a prompt is no target: Fix All never adds it');
    const at = fix.select!.range;
    assert.equal(fixed.split('\n')[at.start.line]!.slice(at.start.character, at.end.character), 'what you will measure, from what baseline to what target, by when');
    // The prompt is no metric: the finding stays, saying so.
    assert.match(issuesOf(workspaceOf({ 'goals.md': fixed }), 'goal-missing-metric')[0]!.message, /metric is still a prompt/);
  });

  it('corrects an unknown kind to the closest one', () => {
    const files = { 'plan.md': '---\nkind: roadmpa\n---\n# Plan\n' };
    const [issue] = issuesOf(workspaceOf(files), 'unknown-kind');
    assert.equal(applyFix(files, issue!.fixes![0]!)['plan.md'], '---\nkind: roadmap\n---\n# Plan\n');
  });

  it('edits only the document the finding is in, except fixes that add or move a roadmap item for a goal, or add a vision doc', () => {
    const { files, config } = readFixture(path.join(REPO, 'examples'));
    for (const issue of allIssues(workspaceOf(files, config))) {
      for (const fix of issue.fixes ?? []) {
        // A goal's drift is fixed on the roadmap: an item moved to Next, or a new one added there.
        const elsewhere = issue.rule === 'goal-without-items' || issue.rule === 'goal-neglected' || issue.rule === 'missing-vision' || fix.title.startsWith('Create goal');
        assert.ok(fix.edits.every((e) => e.uri.startsWith(`${ROOT}/`) && (elsewhere || e.uri === issue.uri)), fix.title);
        for (const option of fix.pick?.options ?? []) assert.ok(option.edits.every((e) => e.uri === issue.uri), `${fix.title} → ${option.label}`);
        assert.ok((fix.creates ?? []).every((c) => issue.rule === 'missing-vision' && c.uri.startsWith(`${ROOT}/`)), fix.title);
      }
    }
  });

  it("adds a roadmap item for a goal nothing moves, in the layout of the roadmap's last item", () => {
    const goals = '# Goals\n\n## G1: Grow retention\n\n## G2: Reduce churn\n';
    const layouts: Record<string, [string, string]> = {
      heading: ['# Roadmap\n\n## Now\n\n### Emails\n\nGoal: G1\n\n## Out of scope\n\n- Mobile\n', '# Roadmap\n\n## Now\n\n### Emails\n\nGoal: G1\n\n### New item for “Reduce churn”\n\nGoal: G2\n\n## Out of scope\n\n- Mobile\n'],
      list: ['# Roadmap\n\n1. Emails — Goal: G1\n', '# Roadmap\n\n1. Emails — Goal: G1\n2. New item for “Reduce churn” — Goal: G2\n'],
      table: ['# Roadmap\n\n| Item | Goal | Owner |\n| --- | --- | --- |\n| Emails | G1 | Bo |\n', '# Roadmap\n\n| Item | Goal | Owner |\n| --- | --- | --- |\n| Emails | G1 | Bo |\n| New item for “Reduce churn” | G2 |  |\n'],
    };
    for (const [layout, [roadmap, expected]] of Object.entries(layouts)) {
      const files = { 'goals.md': goals, 'roadmap.md': roadmap };
      const issue = issuesOf(workspaceOf(files), 'goal-without-items').find((i) => i.message.includes('G2'))!;
      assert.equal(applyFix(files, issue.fixes![0]!)['roadmap.md'], expected, layout);
    }
  });

  it('closes a front matter list or quote left open', () => {
    const files = { 'plan.md': '---\nkind: initiative\ngoals: [G4\ntitle: "Pricing\n---\n# Plan\n' };
    let text = files['plan.md'];
    for (let i = 0; i < 2; i++) {
      const [issue] = issuesOf(workspaceOf({ 'plan.md': text }), 'invalid-front-matter');
      text = applyFix({ 'plan.md': text }, issue!.fixes![0]!)['plan.md']!;
    }
    assert.equal(text, '---\nkind: initiative\ngoals: [G4]\ntitle: "Pricing"\n---\n# Plan\n');
    assert.equal(issuesOf(workspaceOf({ 'plan.md': text }), 'invalid-front-matter').length, 0);
  });
});
