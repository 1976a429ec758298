import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, resolveCliPathFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { ENV } from '../integration/report';
import { assertBuilt, phases, prepareRun, selectPhases, vsixPath, writeHarnessSetting, type Phase } from './phases';
import { readReport, summarize } from './report';
import { log, repoRoot, seconds } from './util';

/**
 * `npm run test:electron`: the same suites in desktop VS Code, downloaded by `@vscode/test-electron`
 * (needs the internet; on Linux without a display, run it under `xvfb-run -a`). The `web` phase runs
 * in desktop VS Code's own web worker extension host (not verified on the machines without the
 * internet, where this runner cannot start). The version defaults
 * to 1.100.3, the one code-server 4.100.3 carries and the `engines.vscode` floor; set
 * THROUGHLINE_VSCODE_VERSION (e.g. `stable`) to test another.
 */
const VERSION = process.env['THROUGHLINE_VSCODE_VERSION'] ?? '1.100.3';

async function main(): Promise<number> {
  const started = Date.now();
  const root = repoRoot();
  const cache = path.join(root, '.vscode-test');
  // Suites that need the browser harness (screenshots) run under code-server only.
  const all = selectPhases(phases(root), process.argv.slice(2)).filter((p) => !p.needsCheckpoints);
  const vsix = vsixPath(root);
  assertBuilt(root, [path.join(root, 'dist/extension.js'), vsix, ...all.map((p) => p.extensionTestsPath)]);
  const vscodeExecutablePath = await downloadAndUnzipVSCode({ version: VERSION, cachePath: cache });
  const problems: string[] = [];
  for (const phase of all) problems.push(...(await runPhase(root, cache, vscodeExecutablePath, phase, vsix)));
  console.log(`\nVS Code ${VERSION} (Electron), ${all.length} suites in ${seconds(Date.now() - started)}`);
  if (problems.length > 0) {
    console.error(`\nFAILED:\n  ${problems.join('\n  ')}`);
    return 1;
  }
  console.log('All integration suites passed.');
  return 0;
}

async function runPhase(root: string, cache: string, vscodeExecutablePath: string, phase: Phase, vsix: string): Promise<string[]> {
  log(`— ${phase.label} —`);
  const dirs = prepareRun(path.join(cache, 'runs-electron'), phase);
  const profile = [`--user-data-dir=${dirs.userData}`, `--extensions-dir=${dirs.extensions}`];
  if (phase.installsVsix) {
    const cli = resolveCliPathFromVSCodeExecutablePath(vscodeExecutablePath);
    const result = spawnSync(cli, [...profile, '--install-extension', vsix], { encoding: 'utf8' });
    if (result.status !== 0 || !/successfully installed/i.test(result.stdout)) {
      return [`${phase.label}: installing ${vsix} failed: ${result.stderr || result.stdout}`];
    }
  }
  const env = { [ENV.report]: dirs.report, ...(phase.installsVsix ? { [ENV.installedExtensionsDir]: dirs.extensions } : {}) };
  // The web worker sees neither extensionTestsEnv nor the environment: it reads the same values from the user settings.
  if (phase.webWorker) writeHarnessSetting(dirs, env);
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: phase.extensionDevelopmentPath,
      extensionTestsPath: phase.extensionTestsPath,
      // The development-path suites run with every installed extension off; the installed suite needs its one.
      // `--extensionDevelopmentKind=web` starts desktop VS Code's web worker extension host and puts the development copy there.
      launchArgs: [
        dirs.open,
        ...profile,
        ...(phase.untrusted ? [] : ['--disable-workspace-trust']),
        ...(phase.installsVsix ? [] : ['--disable-extensions']),
        ...(phase.webWorker ? ['--extensionDevelopmentKind=web'] : []),
      ],
      extensionTestsEnv: env,
    });
  } catch (e) {
    log(`${phase.label}: VS Code exited with ${e instanceof Error ? e.message : String(e)}`);
  }
  if (fs.existsSync(dirs.report)) fs.copyFileSync(dirs.report, path.join(root, 'test-output', `${phase.name}-electron-report.json`));
  return summarize(phase.label, readReport(dirs.report));
}

fs.mkdirSync(path.join(repoRoot(), 'test-output'), { recursive: true });
main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`\nThe Electron test runner failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  },
);
