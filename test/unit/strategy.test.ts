import * as assert from 'node:assert/strict';
import { defaultConfig } from '../../src/core';
import { analyzeDocument } from '../../src/core/analyze/document';
import { ROOT } from './helpers';

/** Which of who / what / why a strategy with these lines answers. */
function answered(...lines: string[]): string[] {
  const text = `# Strategy\n\n${lines.join('\n\n')}\n`;
  const doc = analyzeDocument({ uri: `${ROOT}/strategy.md`, relPath: 'strategy.md', text, config: defaultConfig() });
  return (['who', 'what', 'why'] as const).filter((q) => doc.strategy?.[q]);
}

describe('strategy sections: which headings answer who, what and why', () => {
  const answering: Array<[string, string]> = [
    ['## Who', 'who'],
    ['## Who?', 'who'],
    ['## Who: mid-size SaaS teams', 'who'],
    ['## Target customers for 2027', 'who'],
    ['## Users — not just admins', 'who'],
    ['## 2. What they are trying to accomplish', 'what'],
    ['## 1.2 Problem statement', 'what'],
    ['## Why now?', 'why'],
    ['## Why it matters to small teams', 'why'],
    ['**Who:** mid-size SaaS teams', 'who'],
    ['## Users without a data team', 'who'],
  ];
  for (const [line, question] of answering) {
    it(`"${line}" answers ${question}`, () => assert.deepEqual(answered(line), [question]));
  }

  const notAnswering = [
    "### What we're not working on & why",
    '## What we are not working on',
    '## Non-goals',
    "## Customers we don't serve",
    '### What should we be working on today?',
    "## What's next and why",
    '**What this looks like:** a dashboard',
    '**We help engineering leaders**',
    '## Values',
  ];
  for (const line of notAnswering) {
    it(`"${line}" answers nothing`, () => assert.deepEqual(answered(line), []));
  }
});
