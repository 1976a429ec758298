import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { cli, tempWorkspace } from './cliHelpers';
import { FIXTURES, REPO } from './helpers';

// `throughline check --format sarif|github|gitlab|markdown` on examples/, each checked against its
// published schema or documented shape, and against the JSON contract's findings (same findings,
// same exit code).

interface JsonOut {
  diagnostics: Array<{ file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; rule: string; message: string }>;
}

const json = (): JsonOut => JSON.parse(cli(['check', 'examples', '--format', 'json']).stdout) as JsonOut;

/** A workspace whose findings carry characters the formats must escape (`%`, `,`, `:`, `|`, `<`). */
const AWKWARD = {
  'vision.md': '# Vision\n\n## Pillar: Speed {#V1}\n',
  'goals.md': '# Goals\n\n## G1: Faster builds\n\nVision: V1\nMetric: build time under 5 minutes\n',
  'roadmap.md': '# Roadmap\n\n## Now\n\n- 50% faster, cheaper: builds | cost <5 s [beta]\n- Remote cache — Goal: G1\n',
};

describe('check --format sarif', function () {
  this.timeout(30_000);
  const schema = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
  const validate = addFormats(new Ajv({ strict: false, allErrors: true })).compile(schema);

  it('is accepted by the SARIF 2.1.0 JSON schema, with one result per finding and the same exit code', () => {
    const r = cli(['check', 'examples', '--format', 'sarif']);
    assert.equal(r.code, 1, r.stderr);
    const log = JSON.parse(r.stdout) as SarifLog;
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const expected = json().diagnostics;
    const results = log.runs[0]!.results;
    assert.equal(results.length, expected.length);
    results.forEach((res, i) => {
      const d = expected[i]!;
      const region = res.locations[0]!.physicalLocation.region;
      assert.deepEqual(
        [res.ruleId, res.message.text, res.locations[0]!.physicalLocation.artifactLocation.uri, region.startLine, region.startColumn, region.endLine, region.endColumn],
        [d.rule, d.message, d.file, d.line, d.column, d.endLine, d.endColumn],
      );
      assert.equal(res.level, { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[d.severity]);
    });
  });

  it('describes every rule, links each to its page in docs/rules/, and points each result at its rule', () => {
    const log = JSON.parse(cli(['check', 'examples', '--format', 'sarif']).stdout) as SarifLog;
    const driver = log.runs[0]!.tool.driver;
    assert.equal(driver.name, 'Throughline');
    const documented = fs.readdirSync(path.join(REPO, 'docs', 'rules')).map((f) => f.replace(/\.md$/, ''));
    for (const id of documented) {
      const rule = driver.rules.find((r) => r.id === id);
      assert.ok(rule, `the driver describes ${id}`);
      assert.ok(rule.shortDescription.text.length > 10);
      assert.match(rule.helpUri ?? '', new RegExp(`^https://.+/docs/rules/${id}\\.md$`), `${id} links to its docs page`);
    }
    for (const res of log.runs[0]!.results) assert.equal(driver.rules[res.ruleIndex!]!.id, res.ruleId);
  });

  it('keeps each finding’s fingerprint when lines above it move, so code scanning tracks it across commits', () => {
    const dir = tempWorkspace(AWKWARD);
    const before = JSON.parse(cli(['check', '.', '--format', 'sarif'], dir).stdout) as SarifLog;
    fs.writeFileSync(path.join(dir, 'roadmap.md'), AWKWARD['roadmap.md'].replace('## Now\n', '## Now\n\nThree new lines\nof prose\nabove.\n'));
    const after = JSON.parse(cli(['check', '.', '--format', 'sarif'], dir).stdout) as SarifLog;
    const prints = (log: SarifLog) => log.runs[0]!.results.map((r) => r.partialFingerprints['throughlineFinding/v1']);
    const lines = (log: SarifLog) => log.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.region.startLine);
    assert.ok(prints(before).length > 0);
    assert.notDeepEqual(lines(after), lines(before), 'the findings moved down');
    assert.deepEqual(prints(after), prints(before));
    const all = prints(JSON.parse(cli(['check', 'examples', '--format', 'sarif']).stdout) as SarifLog);
    assert.equal(new Set(all).size, all.length, 'no two findings share a fingerprint');
  });
});

describe('check --format github', function () {
  this.timeout(30_000);
  // https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#setting-an-error-message
  // `::{error|warning|notice} file={name},line={line},endLine={endLine},col={col},endColumn={endColumn},title={title}::{message}`;
  // in values `%`, CR and LF are escaped as %25, %0D, %0A, and in properties also `:` and `,` (%3A, %2C).
  const COMMAND = /^::(error|warning|notice) file=([^,:]+),line=(\d+),endLine=(\d+),col=(\d+),endColumn=(\d+),title=([^,:]+)::(.+)$/;
  const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

  it('prints one workflow command per finding, then the summary as a plain line, with the check’s exit code', () => {
    const r = cli(['check', 'examples', '--format', 'github']);
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    const expected = json().diagnostics;
    assert.equal(lines.length, expected.length + 1);
    lines.slice(0, -1).forEach((line, i) => {
      const m = COMMAND.exec(line);
      assert.ok(m, `a workflow command: ${line}`);
      const d = expected[i]!;
      assert.deepEqual(
        [m[1], m[2], Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), unescape(m[7]!), unescape(m[8]!)],
        [{ error: 'error', warning: 'warning', information: 'notice', hint: 'notice' }[d.severity], d.file, d.line, d.endLine, d.column, d.endColumn, `Throughline ${d.rule}`, d.message],
      );
    });
    assert.doesNotMatch(lines.at(-1)!, /^::/);
  });

  it('escapes %, commas and colons, so a title never breaks the command', () => {
    const r = cli(['check', '.', '--format', 'github'], tempWorkspace(AWKWARD));
    const line = r.stdout.split('\n').find((l) => l.startsWith('::warning'))!;
    assert.match(line, /“50%25 faster, cheaper: builds \| cost <5 s \[beta\]”/);
    assert.equal(unescape(COMMAND.exec(line)![8]!).includes('50% faster, cheaper: builds'), true);
  });
});

describe('check --format gitlab', function () {
  this.timeout(30_000);
  // https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format: a JSON array of
  // objects with description, check_name, fingerprint, severity (info, minor, major, critical,
  // blocker), location.path and location.lines.begin (required).
  const SHAPE = {
    type: 'array',
    items: {
      type: 'object',
      required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
      properties: {
        description: { type: 'string', minLength: 1 },
        check_name: { type: 'string', minLength: 1 },
        fingerprint: { type: 'string', pattern: '^[0-9a-f]{32}$' },
        severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
        location: {
          type: 'object',
          required: ['path', 'lines'],
          properties: { path: { type: 'string', pattern: '^[^/]' }, lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 } } } },
        },
      },
    },
  };

  it('prints the Code Quality report GitLab documents: one issue per finding, unique fingerprints', () => {
    const r = cli(['check', 'examples', '--format', 'gitlab']);
    assert.equal(r.code, 1);
    const issues = JSON.parse(r.stdout) as Array<{ description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }>;
    const validate = new Ajv({ allErrors: true }).compile(SHAPE);
    assert.ok(validate(issues), JSON.stringify(validate.errors, null, 2));
    const expected = json().diagnostics;
    assert.deepEqual(issues.map((i) => [i.check_name, i.description, i.location.path, i.location.lines.begin]), expected.map((d) => [d.rule, d.message, d.file, d.line]));
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
    assert.deepEqual(issues.filter((_, n) => expected[n]!.severity === 'error').map((i) => i.severity), ['major', 'major', 'major', 'major', 'major']);
  });
});

describe('check --format markdown', function () {
  this.timeout(30_000);

  it('summarises the alignment per product and horizon, then lists every gap with links to the line and the rule', () => {
    const r = cli(['check', 'examples', '--format', 'markdown']);
    assert.equal(r.code, 1);
    const md = r.stdout;
    assert.match(md, /^## Throughline: 70% of the roadmap traces to a goal$/m);
    assert.match(md, /^\| Product \| Aligned \| Now \| Next \| Later \| Goals nothing moves \|$/m);
    assert.match(md, /^\| Loop vision \(loop\) \| 60% \(9 of 15\) \| 67% \(4 of 6\) \| 75% \(3 of 4\) \| 33% \(1 of 3\) \| 1 of 5 \|$/m);
    assert.match(md, /^\| Pulse vision \(pulse\) \| 100% \(5 of 5\) \| 100% \(2 of 2\) \| 100% \(1 of 1\) \| 100% \(2 of 2\) \| 0 of 2 \|$/m);
    const rows = md.split('\n').filter((l) => /^\| (🔴|🟠|🔵|⚪)/.test(l));
    assert.equal(rows.length, json().diagnostics.length);
    assert.ok(
      rows.includes('| 🔴 error | [examples/loop/roadmap.md:23](examples/loop/roadmap.md#L23) | No goal has the ID or title “G6”. By its words, this roadmap item may serve G3 “Close the loop with customers” (both mention “customers” and “problems”); choose it or another in the quick fixes. | [`unknown-reference`](https://example.invalid/throughline/blob/v0.1.0/docs/rules/unknown-reference.md) |'),
      rows.join('\n'),
    );
  });

  it('links to the commit being checked in GitHub Actions and GitLab CI', () => {
    const github = cli(['check', 'examples', '--format', 'markdown'], REPO, {
      GITHUB_ACTIONS: 'true',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/strategy',
      GITHUB_SHA: 'abc123',
      GITHUB_WORKSPACE: REPO,
    });
    assert.match(github.stdout, /\[examples\/loop\/roadmap\.md:23\]\(https:\/\/github\.com\/acme\/strategy\/blob\/abc123\/examples\/loop\/roadmap\.md#L23\)/);
    const gitlab = cli(['check', 'examples', '--format', 'markdown'], REPO, { GITLAB_CI: 'true', CI_PROJECT_URL: 'https://gitlab.com/acme/strategy', CI_COMMIT_SHA: 'abc123', CI_PROJECT_DIR: REPO });
    assert.match(gitlab.stdout, /\(https:\/\/gitlab\.com\/acme\/strategy\/-\/blob\/abc123\/examples\/loop\/roadmap\.md#L23\)/);
  });

  it('keeps a table row one row: pipes, brackets and HTML in titles are escaped', () => {
    const md = cli(['check', '.', '--format', 'markdown'], tempWorkspace(AWKWARD)).stdout;
    const row = md.split('\n').find((l) => l.startsWith('| ') && l.includes('faster'))!;
    assert.ok(row.includes('builds \\| cost &lt;5 s \\[beta\\]'), row);
    assert.equal(row.split(/(?<!\\)\|/).length, 6, `four cells: ${row}`);
  });

  it('says so when there is nothing to fix', () => {
    const r = cli(['check', '.', '--format', 'markdown'], tempWorkspace({ ...AWKWARD, 'roadmap.md': '# Roadmap\n\n## Now\n\n- Remote cache — Goal: G1\n' }));
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^No gaps: every roadmap item traces to a goal, and every goal to the vision\. ✅$/m);
  });
});

interface SarifLog {
  runs: Array<{
    tool: { driver: { name: string; rules: Array<{ id: string; helpUri?: string; shortDescription: { text: string } }> } };
    results: Array<{
      ruleId: string;
      ruleIndex?: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }>;
      partialFingerprints: Record<string, string>;
    }>;
  }>;
}
