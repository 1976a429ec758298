import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES, RULE_IDS } from '../../src/core';
import { FIXTURES, findingLines, readFixture, workspaceOf } from './helpers';

// Each folder under test/fixtures/rules/ is a small workspace for one rule (`<rule>` or
// `<rule>--<variant>`). Its expected.txt lists, one per line, `path:line` of every finding of that
// rule; anything else the rule reports, or anything it misses, fails the test.
describe('rules against their fixtures', () => {
  const root = path.join(FIXTURES, 'rules');
  const dirs = fs.readdirSync(root).sort();

  it('gives every rule a title a person reads in the Gaps view, not its id', () => {
    for (const rule of RULES) assert.ok(rule.title && rule.title.length > 5 && !rule.title.includes('-'), `${rule.id} has a title: ${rule.title}`);
  });

  it('has a fixture for every rule', () => {
    const covered = new Set(dirs.map((d) => d.split('--')[0]));
    assert.deepEqual(RULE_IDS.filter((r) => !covered.has(r)), []);
  });

  for (const dir of dirs) {
    const rule = dir.split('--')[0]!;
    it(`${dir}: reports exactly the expected ${rule} findings`, () => {
      const { files, config } = readFixture(path.join(root, dir));
      const expected = fs
        .readFileSync(path.join(root, dir, 'expected.txt'), 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'))
        .map((l) => `${l} ${rule}`)
        .sort();
      assert.deepEqual(findingLines(workspaceOf(files, config), rule), expected);
    });
  }
});
