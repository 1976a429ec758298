import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENV } from '../integration/report';
import { openWorkbench, screenshots, serveCheckpoints, workbenchUrl, type CheckpointServer, type Workbench } from './browser';
import { CODE_SERVER_VERSION, ensureCodeServer, ensureSystemTools, type CodeServerInstall } from './install';
import { assertBuilt, phases, prepareRun, selectPhases, vsixPath, writeHarnessSetting, type Phase } from './phases';
import { readReport, summarize } from './report';
import { installVsix, startServer, stopServer } from './server';
import { freePort, log, repoRoot, seconds, waitForFile } from './util';

/**
 * `npm run test:integration`: runs the integration suites inside VS Code's server build
 * (code-server) driven by headless Chromium, for machines that cannot download VS Code.
 * See /work/shared/VSCODE-IN-CI.md for why and how. Exits non-zero on any failed test, a missing
 * report, or a suite that ran no tests.
 *
 * Options: `--phase a,b` runs only the named phases (see phases.ts); `--update-media` copies the
 * README screenshots the `screenshots` phase takes (`readme-*.png`) into `media/screenshots/`
 * (`npm run screenshots` does both).
 */

/** How long a suite may take from opening the workbench to its report (env THROUGHLINE_TEST_TIMEOUT_MS). */
const REPORT_TIMEOUT_MS = Number(process.env['THROUGHLINE_TEST_TIMEOUT_MS'] ?? 180_000);
/**
 * How many phases run at once, each in its own code-server and browser (env THROUGHLINE_TEST_JOBS).
 * One by default: on a two-core machine two windows at once take about as long in all (each phase
 * is CPU-bound) and make timings noisier; on a bigger machine, 2 or 3 save time.
 */
const JOBS = Math.max(1, Number(process.env['THROUGHLINE_TEST_JOBS'] ?? 1));
/** Screenshots the suites ask for that belong in the README; `--update-media` copies them. */
const README_SHOT = /^readme-.*\.png$/;

interface Context {
  root: string;
  install: CodeServerInstall;
  chromium: string;
  output: string;
  runs: string;
  vsix: string;
  updateMedia: boolean;
}

async function main(): Promise<number> {
  const started = Date.now();
  const root = repoRoot();
  const output = path.join(root, 'test-output');
  const cache = path.join(root, '.vscode-test');
  fs.mkdirSync(output, { recursive: true });
  const selected = selectPhases(phases(root), process.argv.slice(2));
  const vsix = vsixPath(root);
  assertBuilt(root, [path.join(root, 'dist/extension.js'), path.join(root, 'dist/web/extension.js'), vsix, ...selected.map((p) => p.extensionTestsPath)]);

  const installLog = path.join(output, 'install.log');
  const tools = await ensureSystemTools(installLog);
  const install = await ensureCodeServer(cache, tools.ripgrep, installLog);
  const ctx: Context = { root, install, chromium: tools.chromium, output, runs: path.join(cache, 'runs'), vsix, updateMedia: process.argv.includes('--update-media') };

  // Phases are independent (own port, profile, extensions folder and workspace copy); with several
  // jobs, the longest one is first, so the others run beside it.
  const results = await inPool(selected, JOBS, (phase) => runPhase(ctx, phase));
  const problems = results.flat();

  console.log(`\ncode-server ${CODE_SERVER_VERSION}, ${selected.length} suites in ${seconds(Date.now() - started)}; logs and screenshots in ${path.relative(process.cwd(), output) || '.'}/`);
  if (problems.length > 0) {
    console.error(`\nFAILED:\n  ${problems.join('\n  ')}`);
    return 1;
  }
  console.log('All integration suites passed.');
  return 0;
}

/** One suite in its own code-server (own port, user data, extensions folder and workspace copy). */
async function runPhase(ctx: Context, phase: Phase): Promise<string[]> {
  const started = Date.now();
  log(`— ${phase.label} —`);
  const dirs = prepareRun(ctx.runs, phase);
  const shotsDir = path.join(ctx.output, 'screenshots');
  if (phase.installsVsix) {
    log(`installing ${path.relative(ctx.root, ctx.vsix)} with code-server --install-extension`);
    await installVsix(ctx.install, dirs, ctx.vsix, path.join(ctx.output, `${phase.name}-install-extension.log`));
  }
  const env: Record<string, string> = {
    [ENV.report]: dirs.report,
    [ENV.release]: dirs.release,
    [ENV.checkpoints]: dirs.checkpoints,
    ...(phase.installsVsix ? { [ENV.installedExtensionsDir]: dirs.extensions } : {}),
  };
  if (phase.webWorker) writeHarnessSetting(dirs, env);
  const server = await startServer(ctx.install, dirs, await freePort(), env, path.join(ctx.output, `${phase.name}-server.log`), { untrusted: phase.untrusted === true });
  let workbench: Workbench | undefined;
  let checkpoints: CheckpointServer | undefined;
  try {
    const url = workbenchUrl(server.port, dirs.open, phase.extensionDevelopmentPath, phase.extensionTestsPath);
    workbench = await openWorkbench(ctx.chromium, dirs.browserProfile, dirs.xdg, url, path.join(ctx.output, `${phase.name}-browser-console.log`));
    checkpoints = serveCheckpoints(workbench.page, dirs.checkpoints, shotsDir);
    const serverGone = server.exited.then(() => {
      throw new Error('code-server exited before the suite wrote its report');
    });
    await Promise.race([waitForFile(dirs.report, REPORT_TIMEOUT_MS, 'the suite’s report'), serverGone]);
  } catch (e) {
    log(`${phase.label}: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    await checkpoints?.stop();
    for (const shot of checkpoints?.taken ?? []) log(`screenshot: ${path.relative(ctx.root, shot)} (${kb(shot)})`);
    if (workbench) {
      const shots = await screenshots(workbench, shotsDir, phase.name);
      for (const shot of shots) log(`screenshot: ${path.relative(ctx.root, shot)}`);
    }
  } finally {
    fs.writeFileSync(dirs.release, 'screenshots taken\n'); // lets run() return
    await workbench?.context.close().catch(() => undefined);
    await stopServer(server);
  }
  if (fs.existsSync(dirs.report)) fs.copyFileSync(dirs.report, path.join(ctx.output, `${phase.name}-report.json`));
  const problems = summarize(phase.label, readReport(dirs.report));
  if (ctx.updateMedia) updateMedia(ctx, checkpoints?.taken ?? [], problems.length === 0);
  log(`${phase.label} took ${seconds(Date.now() - started)}`);
  return problems;
}

/** Runs `work` over `items`, at most `jobs` at a time; results in the order of `items`. */
async function inPool<T, R>(items: readonly T[], jobs: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, lane));
  return results;
}

/** Copies the README's screenshots into `media/screenshots/`, only from a suite that passed (a failed one may show the wrong state). */
function updateMedia(ctx: Context, taken: readonly string[], passed: boolean): void {
  const readme = taken.filter((f) => README_SHOT.test(path.basename(f)));
  if (readme.length === 0) return;
  if (!passed) {
    log(`not updating media/screenshots: the suite that took ${readme.map((f) => path.basename(f)).join(', ')} failed`);
    return;
  }
  const dir = path.join(ctx.root, 'media/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  for (const shot of readme) {
    const target = path.join(dir, path.basename(shot).replace(/^readme-/, ''));
    fs.copyFileSync(shot, target);
    log(`updated ${path.relative(ctx.root, target)} (${kb(target)})`);
  }
}

function kb(file: string): string {
  return `${Math.round(fs.statSync(file).size / 1024)} KB`;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`\nThe integration harness failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  },
);
