import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SEVERITIES, RULES, RULE_IDS, defaultConfig, parseConfigText } from '../../src/core';

// The rule objects are the one source of what a rule is (src/core/rules/index.ts): a new rule is
// its file, its line in the catalogue and its docs page. Everything else that names rules must
// agree with them, and this test says exactly what to write where when it does not.

const REPO = path.resolve(__dirname, '../../..');
const read = (rel: string) => fs.readFileSync(path.join(REPO, rel), 'utf8');

describe('the rule catalogue', () => {
  it('registers every rule file in src/core/rules/, once', () => {
    const files = fs.readdirSync(path.join(REPO, 'src/core/rules')).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'rule.ts');
    assert.deepEqual(files.map((f) => f.replace(/\.ts$/, '')).sort(), [...RULE_IDS].sort(), 'one file per rule, named by its id, each in RULES');
    assert.equal(new Set(RULE_IDS).size, RULE_IDS.length, 'no id twice');
  });

  it('gives each rule a docs page that states its id and default severity', () => {
    for (const rule of RULES) {
      const page = read(`docs/rules/${rule.id}.md`);
      assert.ok(page.startsWith(`# \`${rule.id}\`\n`), `docs/rules/${rule.id}.md starts with "# \`${rule.id}\`"`);
      assert.match(page, new RegExp(`^\\*\\*Default severity:\\*\\* ${rule.defaultSeverity}$`, 'm'), `docs/rules/${rule.id}.md says "**Default severity:** ${rule.defaultSeverity}"`);
    }
    const pages = fs.readdirSync(path.join(REPO, 'docs/rules')).map((f) => f.replace(/\.md$/, ''));
    assert.deepEqual(pages.sort(), [...RULE_IDS].sort(), 'no page for a rule that does not exist');
  });

  it('lists every rule in the README table, in catalogue order, with its default severity', () => {
    const rows = read('README.md')
      .split('\n')
      .filter((l) => /^\| \[`[\w-]+`\]\(docs\/rules\//.test(l))
      .map((l) => l.split('|').map((c) => c.trim()));
    assert.deepEqual(
      rows.map((cells) => [cells[1], cells[2]]),
      RULES.map((r) => [`[\`${r.id}\`](docs/rules/${r.id}.md)`, r.defaultSeverity]),
    );
  });

  it("describes every rule in package.json's throughline.rules setting with its summary and default", () => {
    const manifest = JSON.parse(read('package.json')) as { contributes: { configuration: { properties: Record<string, { properties?: Record<string, { markdownDescription?: string; enum?: string[] }> }> } } };
    const schema = manifest.contributes.configuration.properties['throughline.rules']!.properties!;
    assert.deepEqual(Object.keys(schema), [...RULE_IDS], 'one property per rule, in catalogue order');
    for (const rule of RULES) {
      const expected = `\`${rule.id}\`: ${rule.summary.replace(/\.$/, '')} (default: ${rule.defaultSeverity}).`;
      assert.equal(schema[rule.id]!.markdownDescription, expected, `package.json throughline.rules.${rule.id}`);
      assert.deepEqual(schema[rule.id]!.enum, ['error', 'warning', 'information', 'hint', 'off']);
    }
  });

  it('defaults each rule to its severity, and refuses a rule that does not exist, naming every one', () => {
    assert.deepEqual(defaultConfig().rules, DEFAULT_SEVERITIES);
    for (const rule of RULES) assert.equal(DEFAULT_SEVERITIES[rule.id], rule.defaultSeverity);
    assert.throws(
      () => parseConfigText('rules:\n  no-such-rule: error\n'),
      (e: Error) => RULE_IDS.every((id) => e.message.includes(id)),
    );
  });
});
