import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, tempWorkspace } from './cliHelpers';

// `throughline check --fix`: the fixes whose answer is certain are written, as Fix All writes them
// in the editor; nothing a person has to choose (which goal an item serves) ever is.

const GOALS = [
  '# Goals',
  '',
  '## G1: Cut the monthly close',
  '',
  'Vision: Vision',
  'Metric: close in 3 working days by Q4',
  '',
  "## G2: Win the CFO's trust",
  '',
  'Vision: Vision',
  'Metric: NPS from finance leads above 40',
  '',
].join('\n');

const ROADMAP = [
  '# Roadmap',
  '',
  '## Now',
  '',
  '- SOC 2 audit — Goal: G7',
  '- Expense policies — Goal: G8',
  '- Berlin office — Goal: Open an office in Berlin',
  '- Close checklist — Goal: g-1',
  '- Audit trail — Goal: Win the CFOs trust',
  '- Approval flows — Goal: Cut the montly close',
  '- Card controls',
  '',
].join('\n');

describe('throughline check --fix', function () {
  this.timeout(30_000);

  it('writes only the certain fixes, never a trace a person did not write, and reports what is left', () => {
    const dir = tempWorkspace({ 'vision.md': '# Vision\n', 'goals.md': GOALS, 'roadmap.md': ROADMAP });
    const r = cli(['check', '--fix', '.'], dir);
    const after = fs.readFileSync(path.join(dir, 'roadmap.md'), 'utf8');
    // g-1 can only be G1; “Cut the montly close” is one typo from G1's title. G7, G8 and the Berlin
    // office name no goal, and nothing says which one they serve: they stay as written.
    assert.equal(after, ROADMAP.replace('Goal: g-1', 'Goal: G1').replace('Goal: Cut the montly close', 'Goal: G1'));
    assert.match(r.stderr, /^throughline: fixed 2 findings in roadmap\.md$/m);
    assert.equal(r.code, 1, 'the broken references G7, G8 and the Berlin office are still errors');
    const left = r.stdout.split('\n').filter((l) => l.includes('[unknown-reference]'));
    assert.deepEqual(
      left.map((l) => /“([^”]+)”/.exec(l)![1]),
      ['G7', 'G8', 'Open an office in Berlin'],
    );
    assert.ok(r.stdout.includes('roadmap.md:11:3 warning Roadmap item “Card controls” traces to no goal'), r.stdout);
    // “Win the CFOs trust” names G2: punctuation does not matter in a title, so it was never broken.
    assert.ok(!r.stdout.includes('CFOs'), r.stdout);
  });

  it('keeps a byte order mark and CRLF line endings, and changes nothing when nothing is certain', () => {
    const crlf = `\uFEFF${ROADMAP.replace(/\n/g, '\r\n')}`;
    const dir = tempWorkspace({ 'vision.md': '# Vision\n', 'goals.md': GOALS, 'roadmap.md': crlf, 'other/roadmap.md': '# Other\n\n- Exports — Goal: G9\n' });
    cli(['check', '--fix', 'roadmap.md'], dir);
    const after = fs.readFileSync(path.join(dir, 'roadmap.md'), 'utf8');
    assert.equal(after, crlf.replace('Goal: g-1', 'Goal: G1').replace('Goal: Cut the montly close', 'Goal: G1'));
    assert.equal(fs.readFileSync(path.join(dir, 'other/roadmap.md'), 'utf8'), '# Other\n\n- Exports — Goal: G9\n', 'a file outside the paths checked is never written');
    const again = cli(['check', '--fix', '.'], dir);
    assert.equal(again.stderr.includes('fixed'), false, `nothing certain is left: ${again.stderr}`);
  });

  it('is an option of check only, and takes no value', () => {
    assert.match(cli(['graph', '--fix']).stderr, /graph does not take --fix/);
    assert.match(cli(['check', '--fix=yes']).stderr, /--fix takes no value/);
  });
});
