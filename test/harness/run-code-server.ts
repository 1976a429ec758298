import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENV } from '../integration/report';
import { openWorkbench, screenshots, workbenchUrl, type Workbench } from './browser';
import { CODE_SERVER_VERSION, ensureCodeServer, ensureSystemTools, type CodeServerInstall } from './install';
import { assertBuilt, phases, prepareRun, vsixPath, type Phase } from './phases';
import { readReport, summarize } from './report';
import { installVsix, startServer, stopServer } from './server';
import { freePort, log, repoRoot, seconds, waitForFile } from './util';

/**
 * `npm run test:integration`: runs the integration suite inside VS Code's server build
 * (code-server) driven by headless Chromium, for machines that cannot download VS Code.
 * See /work/shared/VSCODE-IN-CI.md for why and how. Exits non-zero on any failed test, a missing
 * report, or a suite that ran no tests.
 */

/** How long a suite may take from opening the workbench to its report (env THROUGHLINE_TEST_TIMEOUT_MS). */
const REPORT_TIMEOUT_MS = Number(process.env['THROUGHLINE_TEST_TIMEOUT_MS'] ?? 180_000);

interface Context {
  root: string;
  install: CodeServerInstall;
  chromium: string;
  output: string;
  runs: string;
  vsix: string;
}

async function main(): Promise<number> {
  const started = Date.now();
  const root = repoRoot();
  const output = path.join(root, 'test-output');
  const cache = path.join(root, '.vscode-test');
  fs.mkdirSync(output, { recursive: true });
  const all = phases(root);
  const vsix = vsixPath(root);
  assertBuilt(root, [path.join(root, 'dist/extension.js'), vsix, ...all.map((p) => p.extensionTestsPath)]);

  const installLog = path.join(output, 'install.log');
  const tools = await ensureSystemTools(installLog);
  const install = await ensureCodeServer(cache, tools.ripgrep, installLog);
  const ctx: Context = { root, install, chromium: tools.chromium, output, runs: path.join(cache, 'runs'), vsix };

  const problems: string[] = [];
  for (const phase of all) problems.push(...(await runPhase(ctx, phase)));

  console.log(`\ncode-server ${CODE_SERVER_VERSION}, ${all.length} suites in ${seconds(Date.now() - started)}; logs and screenshots in ${path.relative(process.cwd(), output) || '.'}/`);
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
  const dirs = prepareRun(ctx.root, ctx.runs, phase);
  const problems: string[] = [];
  if (phase.installsVsix) {
    log(`installing ${path.relative(ctx.root, ctx.vsix)} with code-server --install-extension`);
    await installVsix(ctx.install, dirs, ctx.vsix, path.join(ctx.output, `${phase.name}-install-extension.log`));
  }
  const env: Record<string, string> = {
    [ENV.report]: dirs.report,
    [ENV.release]: dirs.release,
    ...(phase.installsVsix ? { [ENV.installedExtensionsDir]: dirs.extensions } : {}),
  };
  const server = await startServer(ctx.install, dirs, await freePort(), env, path.join(ctx.output, `${phase.name}-server.log`));
  let workbench: Workbench | undefined;
  try {
    const url = workbenchUrl(server.port, dirs.workspace, phase.extensionDevelopmentPath, phase.extensionTestsPath);
    workbench = await openWorkbench(ctx.chromium, dirs.browserProfile, dirs.xdg, url, path.join(ctx.output, `${phase.name}-browser-console.log`));
    const serverGone = server.exited.then(() => {
      throw new Error('code-server exited before the suite wrote its report');
    });
    await Promise.race([waitForFile(dirs.report, REPORT_TIMEOUT_MS, 'the suite’s report'), serverGone]);
  } catch (e) {
    log(`${phase.label}: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    if (workbench) {
      const shots = await screenshots(workbench, path.join(ctx.output, 'screenshots'), phase.name);
      for (const shot of shots) log(`screenshot: ${path.relative(ctx.root, shot)}`);
    }
  } finally {
    fs.writeFileSync(dirs.release, 'screenshots taken\n'); // lets run() return
    await workbench?.context.close().catch(() => undefined);
    await stopServer(server);
  }
  if (fs.existsSync(dirs.report)) fs.copyFileSync(dirs.report, path.join(ctx.output, `${phase.name}-report.json`));
  problems.push(...summarize(phase.label, readReport(dirs.report)));
  log(`${phase.label} took ${seconds(Date.now() - started)}`);
  return problems;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`\nThe integration harness failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  },
);
