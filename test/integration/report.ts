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
  pending: Array<{ title: string; fullTitle: string }>;
  /** Set when the run itself broke (no test files, mocha could not load them…). */
  error?: string;
}

/** Environment variables shared by the suites and the harnesses. */
export const ENV = {
  /** Where `run()` writes the JSON report. */
  report: 'THROUGHLINE_TEST_REPORT',
  /** When set, `run()` waits for this file to appear before returning, so the harness can take screenshots of a live workbench. */
  release: 'THROUGHLINE_TEST_RELEASE',
  /** The extensions folder the packaged extension was installed into (the installed-vsix suite checks it loaded from there). */
  installedExtensionsDir: 'THROUGHLINE_INSTALLED_EXTENSIONS_DIR',
} as const;
