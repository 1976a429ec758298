import * as fs from 'node:fs';
import type { TestReport } from '../integration/report';
import { seconds } from './util';

/** The report a suite wrote, or why there is none. */
export function readReport(file: string): TestReport | { missing: string; partial?: TestReport } {
  if (!fs.existsSync(file)) {
    const partial = fs.existsSync(`${file}.partial`) ? (JSON.parse(fs.readFileSync(`${file}.partial`, 'utf8')) as TestReport) : undefined;
    return { missing: `no report at ${file}: the suite did not finish`, ...(partial ? { partial } : {}) };
  }
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as TestReport;
  } catch (e) {
    return { missing: `unreadable report at ${file}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * Prints one suite's results and returns the reasons it failed: any failed test, a run error, a
 * missing report, or no test run at all (a suite that ran nothing proves nothing).
 */
export function summarize(label: string, report: TestReport | { missing: string; partial?: TestReport }): string[] {
  if ('missing' in report) {
    console.log(`\n${label}: ${report.missing}`);
    if (report.partial) {
      // Show how far it got: the tests that failed before it stopped are usually the reason.
      const { counts } = report.partial;
      console.log(`  before it stopped: ${counts.passes} passed, ${counts.failures} failed, ${counts.pending} pending; the last to finish: ${report.partial.last ?? '(none)'}`);
      for (const t of report.partial.failures) console.log(`  ✘ ${t.fullTitle}\n      ${t.message.split('\n')[0]}`);
    }
    return [`${label}: ${report.missing}`];
  }
  const { counts } = report;
  console.log(
    `\n${label} (VS Code ${report.vscodeVersion}): ${counts.passes} passed, ${counts.failures} failed, ${counts.pending} pending in ${seconds(report.durationMs)}`,
  );
  for (const t of report.passes) console.log(`  ✔ ${t.fullTitle} (${t.durationMs} ms)`);
  for (const t of report.pending) console.log(`  - ${t.fullTitle} (pending${t.reason ? `: ${t.reason}` : ''})`);
  for (const t of report.failures) {
    console.log(`  ✘ ${t.fullTitle}`);
    console.log(`      ${t.message.split('\n').join('\n      ')}`);
  }
  const problems: string[] = [];
  if (report.error) {
    console.log(`  the run failed: ${report.error}`);
    problems.push(`${label}: the run failed: ${report.error.split('\n')[0]}`);
  }
  if (counts.failures > 0) problems.push(`${label}: ${counts.failures} failed (tests or hooks), ${counts.passes} passed`);
  if (counts.passes + counts.failures === 0) problems.push(`${label}: no tests ran`);
  return problems;
}
