import * as assert from 'node:assert/strict';
import { ConfigError, formulaOf, mergeConfig, parseConfigText, prioritise, type Issue } from '../../src/core';
import { priorityOf } from '../../src/core/priority';
import { duePeriodsIn, periodsIn } from '../../src/core/timeframe';
import { applyEdits, issuesOf, workspaceOf } from './helpers';

// Priorities, dates and drift (docs/format.md §12): what is read, and what each rule says and writes.

const GOALS = '# Goals\n\n## G1: Grow retention\n\nPriority: high\nMetric: weekly retention from 40% to 55%\n\n## G2: Tidy the admin pages\n\nPriority: low\nMetric: admin tickets down 20%\n';

function priorities(files: Record<string, string>): Record<string, Record<string, string>> {
  const ws = workspaceOf(files);
  const out: Record<string, Record<string, string>> = {};
  for (const l of ws.check().model.items.values()) {
    const p = priorityOf(l.item, l.doc);
    const fields = Object.fromEntries(Object.entries(p.fields).map(([k, v]) => [k, `${v!.text}=${v!.level ?? v!.number}`]));
    if (p.due) fields['due'] = p.due.text;
    if (Object.keys(fields).length) out[l.item.title] = fields;
  }
  return out;
}

function fixed(files: Record<string, string>, issue: Issue, title: string): Record<string, string> {
  const fix = issue.fixes?.find((f) => f.title === title);
  assert.ok(fix, `a fix “${title}”; offered: ${issue.fixes?.map((f) => f.title).join(' | ')}`);
  assert.notEqual(fix.preferred, true, 'never preferred: Fix All and check --fix leave it');
  const out = { ...files };
  for (const uri of new Set(fix.edits.map((e) => e.uri))) {
    const p = uri.slice('file:///ws/'.length);
    out[p] = applyEdits(out[p]!, fix.edits.filter((x) => x.uri === uri));
  }
  return out;
}

describe('priority fields', () => {
  it('reads fields, columns, front matter and a P1 in a title, and only values that read as a priority', () => {
    const read = priorities({
      'goals.md': GOALS,
      'roadmap.md': [
        '# Roadmap', '', '## Now', '', '### P1 Offline mode', '', 'Goal: G1', 'Impact: high · Urgency: low', '',
        '### Dark mode', '', '- **Effort**: M', '- Confidence: 80%', '', '### Widgets', '', 'Impact: customers will love it', '',
        '## Later', '', '| Item | Goal | RICE | Impact |', '| --- | --- | --- | --- |', '| Sync | G1 | 42 | 3/5 |', '',
        '- Slack capture — Goal: G1 — Impact: high', '',
      ].join('\n'),
      'sso.md': '---\nkind: initiative\nurgency: critical\npriority: 2\ndue: 2025-06-30\n---\n# SSO\n',
    });
    assert.deepEqual(read['Offline mode'] ?? read['P1 Offline mode'], { priority: 'P1=0.8', impact: 'high=0.8', urgency: 'low=0.3' });
    assert.deepEqual(read['Dark mode'], { effort: 'M=0.5', confidence: '80%=0.8' });
    assert.equal(read['Widgets'], undefined, 'prose after “Impact:” is not a priority');
    assert.deepEqual(read['Sync'], { score: '42=42', impact: '3/5=0.6' });
    assert.deepEqual(read['Slack capture'], { impact: 'high=0.8' }, 'after the trace field, which stays a trace');
    assert.deepEqual(read['SSO'], { urgency: 'critical=1', priority: '2=2', due: '2025-06-30' });
    assert.deepEqual(read['Grow retention'], { priority: 'high=0.8' });
  });

  it('keeps a trace field whole when priority fields follow it on the line', () => {
    const ws = workspaceOf({ 'goals.md': GOALS, 'roadmap.md': '# Roadmap\n\n- Slack capture — Goal: G1 — Impact: high\n- Sync (goals: G2) — Urgency: low\n' });
    const items = [...ws.check().model.items.values()].filter((l) => l.item.kind === 'roadmap-item');
    assert.deepEqual(items.map((l) => [l.item.title, l.traces.map((t) => t.id)]), [['Slack capture', ['G1']], ['Sync', ['G2']]]);
  });

  it('does not give a goal the fields of the items nested in its section', () => {
    const read = priorities({ 'roadmap.md': '# Roadmap\n\n## Goals\n\n### Grow retention\n\n- Cohorts\n  - Impact: high\n' });
    assert.equal(read['Grow retention'], undefined);
  });
});

describe('dates', () => {
  it('reads quarters, halves, months and ISO dates, with a context year for a period written without one', () => {
    assert.deepEqual(periodsIn('by Q2 2025, H1 2026, June 30, 2025, 2025-06-30, 2027').map((p) => p.text), ['Q2 2025', 'H1 2026', 'June 30, 2025', '2025-06-30', '2027']);
    assert.deepEqual(duePeriodsIn('from 22% to 60% by Q4', 2026).map((p) => [p.text, p.end]), [['Q4', 2026 * 12 + 11]]);
    assert.deepEqual(duePeriodsIn('up from 2019 levels, since 2019'), [], 'years in prose are not due dates');
  });

  it('dates a goal by its own words, else by the heading above it', () => {
    const read = priorities({ 'goals.md': '# OKRs, H1 2026\n\n## O1: Reach $5M ARR\n\n- KR1.1: $5M ARR by June 30\n\n## Q3 2019\n\n### O2: Hire a support team\n' });
    assert.deepEqual(read['Reach $5M ARR'], { due: 'June 30' });
    assert.deepEqual(read['Hire a support team'], { due: 'Q3 2019' });
  });
});

describe('drift rules', () => {
  it('urgent-unaligned takes the current quarter as the nearest horizon, judged against the day', () => {
    const files = { 'goals.md': GOALS, 'roadmap.md': '# Roadmap\n\n## Q2 2026\n\n- Cohorts — Goal: G1\n\n## Q4 2026\n\n### Dark mode\n\nUrgency: high\n' };
    assert.equal(issuesOf(workspaceOf(files, {}, new Date(2026, 11, 3)), 'urgent-unaligned').length, 1, 'Q4 2026 is Now in December 2026');
    assert.equal(issuesOf(workspaceOf(files, {}, new Date(2026, 5, 1)), 'urgent-unaligned').length, 0, 'and Next in June 2026, when Q2 2026 is Now');
  });

  it('urgent-unaligned moves an item out of Now, after the last item of its kind under Next', () => {
    const files = { 'goals.md': GOALS, 'roadmap.md': '# Roadmap\n\n## Now\n\n### Dark mode\n\nUrgency: high\n\n### Cohorts\n\nGoal: G1\n\n## Next\n\n### Sync\n\nGoal: G1\n' };
    const [issue] = issuesOf(workspaceOf(files), 'urgent-unaligned');
    assert.match(issue!.message, /^Roadmap item “Dark mode” is in Now and ranked urgent \(Urgency: high\), but serves no goal/);
    const after = fixed(files, issue!, 'Move “Dark mode” to Next');
    assert.equal(after['roadmap.md'], '# Roadmap\n\n## Now\n\n### Cohorts\n\nGoal: G1\n\n## Next\n\n### Sync\n\nGoal: G1\n\n### Dark mode\n\nUrgency: high\n');
    assert.equal(issuesOf(workspaceOf(after), 'urgent-unaligned').length, 0);
  });

  it('urgent-unaligned offers a higher-ranked goal beside the lowest one an item serves', () => {
    const files = { 'goals.md': GOALS, 'roadmap.md': '# Roadmap\n\n## Now\n\n- Admin themes — Goal: G2\n' };
    const [issue] = issuesOf(workspaceOf(files), 'urgent-unaligned');
    assert.equal(issue!.variant, 'low-priority');
    const after = fixed(files, issue!, 'Trace to goal G1 “Grow retention” too');
    assert.equal(after['roadmap.md'], '# Roadmap\n\n## Now\n\n- Admin themes — Goal: G2, G1\n');
    assert.equal(issuesOf(workspaceOf(after), 'urgent-unaligned').length, 0);
  });

  it('goal-neglected adds a placeholder item to Next, and then says it is still a prompt', () => {
    const files = { 'goals.md': GOALS, 'roadmap.md': '# Roadmap\n\n## Now\n\n- Admin themes — Goal: G2\n\n## Next\n\n- Audit — Goal: G2\n\n## Later\n\n- Cohorts — Goal: G1\n' };
    const [issue] = issuesOf(workspaceOf(files), 'goal-neglected');
    assert.match(issue!.message, /^Top-priority goal G1 “Grow retention” has nothing in Now or Next: its only item, “Cohorts”, is in Later\./);
    const after = fixed(files, issue!, 'Add a roadmap item for G1 “Grow retention” to Next');
    assert.match(after['roadmap.md']!, /- Audit — Goal: G2\n- New item for “Grow retention” — Goal: G1\n/);
    assert.match(issuesOf(workspaceOf(after), 'goal-neglected')[0]!.message, /has only a placeholder item in Now or Next .*still a prompt/);
  });

  it('stale-goal names the items still serving a goal past its date, and selects the date to change', () => {
    const files = { 'goals.md': '# Goals\n\n## G1: Grow retention by Q2 2025\n\nMetric: weekly retention from 40% to 55%\n', 'roadmap.md': '# Roadmap\n\n## Now\n\n- Cohorts — Goal: G1\n' };
    const [issue] = issuesOf(workspaceOf(files), 'stale-goal');
    assert.match(issue!.message, /^Goal G1 “Grow retention by Q2 2025” was due by Q2 2025, which has passed, yet in Now or Next “Cohorts” still serves it/);
    const fix = issue!.fixes![0]!;
    assert.deepEqual([fix.title, fix.edits.length, fix.select?.range.start], ['Go to the date of G1 “Grow retention by Q2 2025” (Q2 2025)', 0, { line: 2, character: 25 }]);
    assert.equal(issuesOf(workspaceOf(files, {}, new Date(2025, 3, 1)), 'stale-goal').length, 0, 'not yet passed in April 2025');
  });

  it('goal-is-output adds an outcome template with the strategy’s who, as a snippet, and the finding says it is still a prompt', () => {
    const files = {
      'strategy.md': '# Strategy\n\n## Who we serve\n\nProduct-led SaaS companies with 5 to 50 employees, and no researcher.\n',
      'goals.md': '# Goals\n\n## G1: Launch the mobile app\n\nMetric: shipped by Q3 2026\n',
    };
    const [issue] = issuesOf(workspaceOf(files), 'goal-is-output');
    assert.match(issue!.message, /its target “shipped by Q3 2026” measures delivery/);
    const fix = issue!.fixes![0]!;
    assert.equal(fix.edits[0]!.snippet, '\n\nMetric: from ${1:…} to ${2:…} by ${3:…}, for ${4:product-led SaaS companies with 5 to 50 employees}');
    const after = fixed(files, issue!, 'Add an outcome template (from … to … by …)');
    assert.equal(after['goals.md'], '# Goals\n\n## G1: Launch the mobile app\n\nMetric: from … to … by …, for product-led SaaS companies with 5 to 50 employees\n\nMetric: shipped by Q3 2026\n');
    const prompt = issuesOf(workspaceOf(after), 'goal-is-output')[0]!;
    assert.equal(prompt.variant, 'prompt');
    assert.match(prompt.message, /outcome is still a prompt/);
    const written = after['goals.md']!.replace('from … to … by …', 'from 0% to 30% of weekly active users on mobile by Q4 2026');
    assert.deepEqual(issuesOf(workspaceOf({ ...after, 'goals.md': written }), 'goal-is-output'), [], 'a written outcome is an answer');
  });

  it('horizon-misaligned sits on the Now heading and says the share, the target and what serves no goal', () => {
    const files = { 'goals.md': GOALS, 'roadmap.md': '# Roadmap\n\n## Now\n\n- Cohorts — Goal: G1 — Impact: high\n- Dark mode\n- Custom fields\n' };
    const [issue] = issuesOf(workspaceOf(files, { alignmentTarget: 0.5 }), 'horizon-misaligned');
    assert.deepEqual(issue!.range, { start: { line: 2, character: 3 }, end: { line: 2, character: 6 } });
    assert.match(issue!.message, /^Only 33% of Now serves a goal \(1 of 3 items\), under the target of 50%: “Dark mode”, “Custom fields” serve no goal\./);
    assert.deepEqual(issue!.fixes!.map((f) => f.title), ['Trace “Dark mode” to goal…', 'Trace “Custom fields” to goal…']);
  });

  it('a strategy section that only repeats its heading is a prompt, not an answer', () => {
    const ws = workspaceOf({ 'strategy.md': '# Strategy\n\n## Who we serve\n\nWho we serve.\n\n## Problem\n\nThey decide on opinions.\n\n## Why it matters\n\nThe loudest customer wins.\n' });
    assert.match(issuesOf(ws, 'strategy-missing-section')[0]!.message, /“Who we serve” section is still a prompt: write who the target customers are/);
  });
});

describe('the Prioritise ranking', () => {
  it('ranks each horizon by alignment × impact × urgency, each factor shown with where it was read', () => {
    const ws = workspaceOf({ 'goals.md': GOALS, 'roadmap.md': '# Roadmap\n\n## Now\n\n- Admin themes — Goal: G2 — Impact: high\n- Cohorts — Goal: G1 — Urgency: high\n- Dark mode — Urgency: critical\n' });
    const ranking = prioritise(ws.check(), ws.getConfig());
    assert.equal(ranking.formula, 'score = alignment × impact × urgency');
    const now = ranking.products[0]!.horizons.find((h) => h.lane === 'now')!;
    assert.deepEqual(now.items.map((i) => [i.title, i.score]), [['Cohorts', 0.32], ['Admin themes', 0.12], ['Dark mode', 0]]);
    const cohorts = now.items[0]!;
    assert.deepEqual([cohorts.factors.alignment.said, cohorts.factors.impact.said, cohorts.factors.urgency.said], ['G1 Priority: high', 'not stated', 'Urgency: high']);
    assert.deepEqual(now.items[2]!.drift.map((d) => d.rule), ['urgent-unaligned']);
  });

  it('writes the weights into the formula, and leaves out a factor weighted 0', () => {
    const config = mergeConfig(parseConfigText('priorityWeights:\n  impact: 2\n  urgency: 0\n  effort: 1\n'));
    assert.equal(formulaOf(config.priorityWeights), 'score = alignment × impact^2 × ease');
  });
});

describe('drift settings', () => {
  it('reads alignmentTarget as a share or a percentage, and names a wrong one', () => {
    assert.equal(mergeConfig(parseConfigText('alignmentTarget: 70%\n')).alignmentTarget, 0.7);
    assert.equal(mergeConfig(parseConfigText('alignmentTarget: 0.9\n')).alignmentTarget, 0.9);
    assert.throws(() => parseConfigText('alignmentTarget: 80\n'), (e: unknown) => e instanceof ConfigError && /"alignmentTarget" must be a share from 0 to 1 \(0\.8\) or a percentage \("80%"\), not number 80/.test(e.message));
    assert.throws(() => parseConfigText('priorityWeights:\n  reach: 1\n'), (e: unknown) => e instanceof ConfigError && e.key === 'priorityWeights.reach');
    assert.throws(() => parseConfigText('priorityWeights:\n  impact: -1\n'), (e: unknown) => e instanceof ConfigError && /from 0 \(left out\) to 5/.test(e.message));
  });
});
