import * as assert from 'node:assert/strict';
import { isPlaceholder, isPlaceholderTitle } from '../../src/core/placeholder';
import { PRODUCT_DOC_TEMPLATES } from '../../src/core/templates';
import { findingLines, issuesOf, workspaceOf } from './helpers';

describe('placeholders are not answers', () => {
  it('recognises the prompts Throughline writes and the placeholders people leave', () => {
    for (const text of [
      '',
      'TBD',
      '**TODO**',
      'tbc.',
      '?',
      '…',
      '_Who are our target customers? Name the segment._',
      '*What problem do they have?*',
      '_what you will measure, from what baseline to what target, by when_',
      'what you will measure, from what baseline to what target, by when',
      '[Describe the segment]',
      '<your target here>',
      '<!-- fill this in --> TBD',
      '- TBD',
      'Coming soon',
    ]) assert.ok(isPlaceholder(text), `“${text}” holds the place of an answer`);
    for (const text of ['Mid-size finance teams', '_We serve finance teams._', 'Is churn below 5%?', '[the inbox](goals.md#g1)', '<https://example.com>', 'N/A is not ok here because we explain it']) {
      assert.ok(!isPlaceholder(text), `“${text}” is an answer`);
    }
    assert.ok(isPlaceholderTitle('New item for “Grow retention”'));
    assert.ok(isPlaceholderTitle('First item'));
    assert.ok(!isPlaceholderTitle('New onboarding checklist'));
  });

  it('the starter docs of Create Product Docs report what is left to write, and are not 100% done', () => {
    const ws = workspaceOf({ ...PRODUCT_DOC_TEMPLATES });
    assert.deepEqual(findingLines(ws), [
      'goals.md:11 goal-missing-metric',
      'goals.md:11 goal-without-items',
      'goals.md:6 goal-missing-metric',
      'goals.md:6 goal-without-items',
      'strategy.md:1 strategy-missing-section',
    ]);
    const [strategy] = issuesOf(ws, 'strategy-missing-section');
    assert.equal(strategy!.message, "This strategy's “Who”, “What” and “Why” sections are still prompts: write who the target customers are, what they are trying to accomplish and why it matters to them.");
    assert.equal(strategy!.variant, 'prompt');
    const [metric] = issuesOf(ws, 'goal-missing-metric');
    assert.match(metric!.message, /^Goal G1 “First goal”'s metric is still a prompt: write what you will measure/);
    const [items] = issuesOf(ws, 'goal-without-items');
    assert.match(items!.message, /^Only 2 placeholder items \(“New item for “First goal””, roadmap\.md:7\) trace to goal G1 “First goal”: they are still prompts/);
  });

  it('a section under its heading, or after a bold lead-in, answers only when something is written there', () => {
    const strategy = (body: string) => issuesOf(workspaceOf({ 'strategy.md': `# Strategy\n\n${body}` }), 'strategy-missing-section').map((i) => i.message);
    assert.deepEqual(strategy('## Who\n\nFinance teams.\n\n## What\n\nClose faster.\n\n## Why\n\nAudits hurt.\n'), []);
    assert.deepEqual(strategy('## Who\n\nFinance teams.\n\n## What\n\nClose faster.\n\n## Why\n\nTBD\n'), ["This strategy's “Why” section is still a prompt: write why it matters to them."]);
    assert.deepEqual(strategy('## Who\n\n## What\n\nClose faster.\n\n## Why\n\nAudits hurt.\n'), ["This strategy's “Who” section is empty: write who the target customers are."]);
    assert.deepEqual(strategy('**Who:** TBD\n\n**What:** close faster\n\n**Why:** audits hurt\n'), ["This strategy's “Who” section is still a prompt: write who the target customers are."]);
    assert.deepEqual(strategy('## Who we serve\n\n### Segment A\n\nMid-size finance teams.\n\n## Problem\n\nClose faster.\n\n## Why now\n\nAudits hurt.\n'), [], 'an answer in a subsection counts');
  });

  it('reads the vocabulary of strategy templates as who, what and why', () => {
    for (const [who, what, why] of [
      ['Target market', 'Jobs to be done', 'Why now'],
      ['ICP', 'Customer problems', 'Outcomes'],
      ['Ideal customer profile', 'Needs', 'Value proposition'],
      ['Our customers', 'Pain points', 'Benefits'],
      ['Target users', 'Problem statement', 'Why this matters'],
      ['Personas', 'JTBD', 'Impact'],
    ]) {
      const text = `# Strategy\n\n## ${who}\n\nFinance teams.\n\n## ${what}\n\nClose faster.\n\n## ${why}\n\nAudits hurt.\n`;
      assert.deepEqual(findingLines(workspaceOf({ 'strategy.md': text }), 'strategy-missing-section'), [], `${who} / ${what} / ${why}`);
    }
  });

  it('a roadmap item still titled as a prompt does not count as moving its goal', () => {
    const ws = workspaceOf({
      'goals.md': '# Goals\n\n## G1: Grow retention\n\nMetric: 60% by Q4\n',
      'roadmap.md': '# Roadmap\n\n- New item for “Grow retention” — Goal: G1\n',
    });
    const [issue] = issuesOf(ws, 'goal-without-items');
    assert.equal(issue!.variant, 'prompt');
    assert.equal(issue!.related?.[0]?.message, 'Placeholder item: “New item for “Grow retention””');
  });
});

describe('titles as people write them', () => {
  it('a possessive apostrophe does not matter: “Win the CFOs trust” is “Win the CFO’s trust”', () => {
    for (const written of ['Win the CFOs trust', "win the cfo's trust", 'Win the CFO’s trust']) {
      const ws = workspaceOf({ 'goals.md': "# Goals\n\n## G2: Win the CFO's trust\n\nMetric: NPS 40\n", 'roadmap.md': `# Roadmap\n\n- Audit trail — Goal: ${written}\n` });
      assert.deepEqual(findingLines(ws, 'unknown-reference'), [], written);
      assert.deepEqual(findingLines(ws, 'untraced-item'), [], written);
    }
  });
});
