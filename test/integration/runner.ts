import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { countsOf, ENV, newReport, recordRun, type TestReport } from './report';

/** How long `run()` keeps the extension host alive after the report, waiting for the harness's screenshots. */
const RELEASE_TIMEOUT_MS = 120_000;

/**
 * Runs every `*.test.js` file in `dir`, in file name order, with mocha inside the extension host, writes the JSON report
 * to `$THROUGHLINE_TEST_REPORT` (when set) and rejects when anything failed, so that
 * `@vscode/test-electron` sees a non-zero exit code too.
 *
 * Mocha is bundled into the entry point by esbuild (mocha 12 is an ES module; bundling avoids
 * depending on `require(esm)` in whichever Node the extension host runs). The test files are
 * separate bundles that mocha `require`s; they use mocha's globals (`describe`, `it`), which this
 * mocha instance installs, so there is only ever one mocha.
 */
export async function runSuite(suite: string, dir: string): Promise<void> {
  const started = Date.now();
  const report = newReport(suite, vscode.version, started);
  try {
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.test.js'))
      .sort();
    if (files.length === 0) throw new Error(`no *.test.js files in ${dir}`);
    // THROUGHLINE_TEST_GREP runs only the tests whose full title matches (for a contributor iterating on one).
    const grep = process.env['THROUGHLINE_TEST_GREP'];
    const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec', ...(grep ? { grep } : {}) });
    for (const file of files) mocha.addFile(path.join(dir, file));
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      // What has run so far, for the harness to show if the suite never finishes (it times out).
      recordRun(runner, report, (test) => writePartial({ ...report, last: test.fullTitle() }, started));
    });
  } catch (e) {
    report.error = e instanceof Error ? (e.stack ?? e.message) : String(e);
  }
  report.durationMs = Date.now() - started;
  report.counts = countsOf(report);
  const reportPath = process.env[ENV.report];
  if (reportPath) writeAtomically(reportPath, JSON.stringify(report, null, 2));
  const release = process.env[ENV.release];
  if (release) await waitForFile(release, RELEASE_TIMEOUT_MS);
  if (report.error) throw new Error(`The ${suite} suite could not run: ${report.error}`);
  if (report.failures.length > 0) throw new Error(`${suite} suite: ${report.failures.length} failed (tests or hooks), ${report.passes.length} passed`);
}

/** The report so far, beside where the final one goes (`report.json.partial`). */
function writePartial(report: TestReport, started: number): void {
  const reportPath = process.env[ENV.report];
  if (!reportPath) return;
  writeAtomically(`${reportPath}.partial`, JSON.stringify({ ...report, counts: countsOf(report), durationMs: Date.now() - started }, null, 2));
}

/** Writes to a temporary name, then renames, so a reader watching for the file never sees half of it. */
function writeAtomically(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text);
  fs.renameSync(temp, file);
}

/** Resolves when `file` exists, watching its folder for the event; gives up quietly after `timeoutMs`. */
function waitForFile(file: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const dir = path.dirname(file);
    fs.mkdirSync(dir, { recursive: true });
    const done = () => {
      watcher.close();
      clearTimeout(timer);
      resolve();
    };
    const watcher = fs.watch(dir, () => {
      if (fs.existsSync(file)) done();
    });
    const timer = setTimeout(done, timeoutMs);
    if (fs.existsSync(file)) done();
  });
}
