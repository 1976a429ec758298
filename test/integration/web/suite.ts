// Mocha's browser build puts `mocha` on the global scope (an ES module in mocha 12, so not an export).
import 'mocha/mocha.js';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../helpers';
import { harnessValue, waitForHarnessFile, writeHarnessFile } from '../host';
import { countsOf, ENV, newReport, recordRun, type TestReport } from '../report';

/**
 * The integration suite in the browser's web worker extension host (the harness's `web` phase),
 * bundled for the browser into one file, `dist/test/integration/web/suite.js`: the web worker loads
 * the `extensionTestsPath` with a `require` that knows only `vscode`, so mocha (its browser build)
 * and every test file are in this bundle. The test files are the Node suite's, unchanged; the build
 * points their `node:assert/strict` and `node:fs` imports at `assert.ts` and `no-node-fs.ts` here.
 *
 * There is no `process.env` and no `fs` in a web worker: the harness's values come from the user
 * settings (`harnessValue`), and the report is written through `workspace.fs` to the harness's
 * machine (`writeHarnessFile`).
 *
 * The build (`npm run build:integration:web`) also defines `module` and `exports` as undefined in
 * the bundled sources: mocha's browser build is a UMD script that would otherwise take the loader's
 * `module` for its own and replace this file's exports (`run`) with mocha. And it resolves the
 * `worker` export condition, as the extension's web build does, for dependencies that have a DOM
 * variant.
 */

/** The Node suite's test files (`test/integration/*.test.ts`), each loaded once mocha is set up; `webWorker` is this suite's own. */
const SUITE: Record<string, () => unknown> = {
  badInput: () => require('../badInput.test'),
  diagnostics: () => require('../diagnostics.test'),
  drift: () => require('../drift.test'),
  hovers: () => require('../hovers.test'),
  liveUpdates: () => require('../liveUpdates.test'),
  manifest: () => require('../manifest.test'),
  navigation: () => require('../navigation.test'),
  quickFixes: () => require('../quickFixes.test'),
  reading: () => require('../reading.test'),
  readingMarkers: () => require('../readingMarkers.test'),
  settings: () => require('../settings.test'),
  statusBar: () => require('../statusBar.test'),
  stayingUp: () => require('../stayingUp.test'),
  strategyMap: () => require('../strategyMap.test'),
  views: () => require('../views.test'),
  webWorker: () => require('./webWorker'),
};

/** How long `run()` keeps the extension host alive after the report, waiting for the harness's screenshots. */
const RELEASE_TIMEOUT_MS = 120_000;

export async function run(): Promise<void> {
  const started = Date.now();
  const report = newReport('web', vscode.version, started);
  const reportPath = harnessValue(ENV.report);
  // Partial reports are written one after the other, never two at once to the same file.
  let writing: Promise<void> = Promise.resolve();
  const writePartial = (last: string) => {
    if (!reportPath) return;
    const partial: TestReport = { ...report, counts: countsOf(report), durationMs: Date.now() - started, last };
    writing = writing.then(() => writeHarnessFile(`${reportPath}.partial`, JSON.stringify(partial, null, 2))).catch(() => undefined);
  };
  try {
    await assertEveryTestFileIsLoaded();
    const grep = harnessValue('THROUGHLINE_TEST_GREP');
    mocha.setup({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec', ...(grep ? { grep } : {}) });
    for (const load of Object.values(SUITE)) load();
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      recordRun(runner, report, (test) => writePartial(test.fullTitle()));
    });
  } catch (e) {
    report.error = e instanceof Error ? (e.stack ?? e.message) : String(e);
  }
  report.durationMs = Date.now() - started;
  report.counts = countsOf(report);
  await writing;
  if (reportPath) await writeHarnessFile(reportPath, JSON.stringify(report, null, 2));
  const release = harnessValue(ENV.release);
  if (release) await waitForHarnessFile(release, RELEASE_TIMEOUT_MS);
  if (report.error) throw new Error(`The web suite could not run: ${report.error}`);
  if (report.failures.length > 0) throw new Error(`web suite: ${report.failures.length} failed (tests or hooks), ${report.passes.length} passed`);
}

/**
 * Every `*.test.js` the Node suite runs (built beside this folder) is in `SUITE`: a test file added
 * to the integration suite and not here fails this run rather than silently not running in the web.
 */
async function assertEveryTestFileIsLoaded(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`the extension ${EXTENSION_ID} is not loaded`);
  const built = vscode.Uri.joinPath(extension.extensionUri, 'dist/test/integration');
  const names = (await vscode.workspace.fs.readDirectory(built)).map(([name]) => name).filter((n) => n.endsWith('.test.js'));
  const missing = names.map((n) => n.slice(0, -'.test.js'.length)).filter((n) => !(n in SUITE));
  if (names.length === 0 || missing.length > 0) {
    throw new Error(`the web suite does not load ${missing.map((n) => `${n}.test.ts`).join(', ') || 'any of the Node suite (none built?)'}: add it to SUITE in test/integration/web/index.ts`);
  }
}
