/**
 * The JSON report an integration run writes from inside the extension host. The harnesses read it
 * back, because a test run's exit code does not come back through code-server's browser workbench.
 */
export interface TestReport {
  /** Which suite ran: `integration` (development path) or `installed` (the packaged .vsix). */
  suite: string;
  vscodeVersion: string;
  startedAt: string;
  durationMs: number;
  counts: { tests: number; passes: number; failures: number; pending: number };
  passes: Array<{ title: string; fullTitle: string; durationMs: number }>;
  failures: Array<{ title: string; fullTitle: string; message: string; stack?: string }>;
  /** Skipped tests; `reason` says why (a known bug, or a harness feature this runner lacks). */
  pending: Array<{ title: string; fullTitle: string; reason?: string }>;
  /** Set when the run itself broke (no test files, mocha could not load them…). */
  error?: string;
  /** In a partial report (`report.json.partial`): the test that finished last. */
  last?: string;
}

/** An empty report, started now. */
export function newReport(suite: string, vscodeVersion: string, started: number): TestReport {
  return {
    suite,
    vscodeVersion,
    startedAt: new Date(started).toISOString(),
    durationMs: 0,
    counts: { tests: 0, passes: 0, failures: 0, pending: 0 },
    passes: [],
    failures: [],
    pending: [],
  };
}

/**
 * Fills `report` from a mocha run as it goes, in either extension host; `onTestEnd` is told after
 * each test, for a partial report a harness can show if the suite never finishes.
 */
export function recordRun(runner: Mocha.Runner, report: TestReport, onTestEnd: (test: Mocha.Test) => void): void {
  runner.on('pass', (test) => report.passes.push({ title: test.title, fullTitle: test.fullTitle(), durationMs: test.duration ?? 0 }));
  runner.on('pending', (test) => {
    const reason = (test as Mocha.Test & { skipReason?: string }).skipReason;
    report.pending.push({ title: test.title, fullTitle: test.fullTitle(), ...(reason ? { reason } : {}) });
  });
  runner.on('fail', (test, err: unknown) => {
    const e = err instanceof Error ? err : new Error(String(err));
    report.failures.push({ title: test.title, fullTitle: test.fullTitle(), message: e.message, ...(e.stack ? { stack: e.stack } : {}) });
  });
  runner.on('test end', onTestEnd);
}

/** The counts of what `report` lists. */
export function countsOf(report: TestReport): TestReport['counts'] {
  return {
    tests: report.passes.length + report.failures.length + report.pending.length,
    passes: report.passes.length,
    failures: report.failures.length,
    pending: report.pending.length,
  };
}

/**
 * The key of the user setting where the harness writes the `ENV` values for a suite in the web
 * worker extension host, which has no environment: `{ "THROUGHLINE_TEST_REPORT": "/abs/…", … }`.
 */
export const HARNESS_SETTING = 'throughlineTest.harness';

/** Environment variables shared by the suites and the harnesses. */
export const ENV = {
  /** Where `run()` writes the JSON report. */
  report: 'THROUGHLINE_TEST_REPORT',
  /** When set, `run()` waits for this file to appear before returning, so the harness can take screenshots of a live workbench. */
  release: 'THROUGHLINE_TEST_RELEASE',
  /** The extensions folder the packaged extension was installed into (the installed-vsix suite checks it loaded from there). */
  installedExtensionsDir: 'THROUGHLINE_INSTALLED_EXTENSIONS_DIR',
  /** A folder the harness watches for checkpoint requests (see `CheckpointRequest`); unset when no harness answers them. */
  checkpoints: 'THROUGHLINE_TEST_CHECKPOINTS',
} as const;

/**
 * What a test asks the harness to do in the browser, at a moment the test chose: the test drives
 * the workbench into a state through the VS Code API (open a view, show a hover), then drops a
 * request `NNN-name.request.json` into the checkpoints folder and waits for `NNN-name.response.json`.
 * Steps run in this order: wait for each `waitFor`, hover, click, fill, press, drag, read, count, take the screenshot.
 */
export interface CheckpointRequest {
  name: string;
  /** Playwright selectors to wait for (visible by default) before anything else. */
  waitFor?: Array<{ selector: string; state?: 'visible' | 'hidden' | 'attached' | 'detached'; timeoutMs?: number; /** Iframes to enter first, outermost first (a webview's content). */ frames?: string[] }>;
  /** Selectors (waits, hover, click, fill, reads) apply inside the visible webview's page, not the workbench. */
  inWebview?: boolean;
  /** Moves the mouse over the first element matching this selector, after the waits. */
  hover?: string;
  /** Clicks the first element matching this selector, as a user would, after the waits. */
  click?: string;
  /** Types into the first element matching `selector`, replacing what it holds (a quick input's box). */
  fill?: { selector: string; text: string };
  /** Keys pressed in turn on the focused element after that (`Enter`, `Escape`). */
  press?: string[];
  /**
   * Drags an edge of the first element matching `selector` by `by` pixels (to widen the side bar,
   * say), or until the element is `to` pixels wide (right edge) or high (bottom edge), before reading.
   */
  drag?: { selector: string; edge: 'right' | 'bottom'; by?: number; to?: number };
  /** Right-clicks the first element matching this selector (its context menu), after the hover. */
  rightClick?: string;
  /** A selector whose matches' visible texts are returned. */
  read?: string;
  /** A selector whose matches are counted (visible or not). */
  count?: string;
  /** A selector whose matches' outer HTML is returned (classes carry what text does not, such as decorations). */
  readHtml?: string;
  /** A screenshot of the page, saved as `<screenshot>.png` in the harness's screenshots folder. */
  screenshot?: string;
  /** With `screenshot`: only this element's part of the page (the side bar, say). */
  clip?: string;
  /** Reads the width and height of the first element matching this selector. */
  measure?: string;
}

export interface CheckpointResponse {
  ok: boolean;
  /** Why a step failed (a selector that never showed up…). */
  error?: string;
  texts?: string[];
  count?: number;
  html?: string[];
  /** The screenshot's path and size in bytes. */
  screenshot?: { path: string; bytes: number };
  /** What `measure` found: the element's box on the page. */
  size?: { x: number; y: number; width: number; height: number };
}
