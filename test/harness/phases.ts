import * as fs from 'node:fs';
import * as path from 'node:path';
import { freshDir } from './util';

/**
 * The two runs both harnesses make of the integration suite:
 *
 * 1. `integration`: the extension from the source tree (`extensionDevelopmentPath` = the repo root),
 *    the full suite in `dist/test/integration/`.
 * 2. `installed`: the packaged `.vsix`, installed into the run's own extensions folder, checked by
 *    the suite in `dist/test/integration/installed/`; the development path is a code-less stub
 *    extension (`test/integration/installed/`), because VS Code runs tests only for a development
 *    path, and a development copy of Throughline itself would shadow the installed one.
 */
export interface Phase {
  name: 'integration' | 'installed';
  label: string;
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  /** Whether the packaged .vsix is installed into the run's extensions folder first. */
  installsVsix: boolean;
}

export function phases(root: string): Phase[] {
  return [
    {
      name: 'integration',
      label: 'Integration suite (development path)',
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'dist/test/integration/index.js'),
      installsVsix: false,
    },
    {
      name: 'installed',
      label: 'Installed .vsix suite',
      extensionDevelopmentPath: path.join(root, 'test/integration/installed'),
      extensionTestsPath: path.join(root, 'dist/test/integration/installed/index.js'),
      installsVsix: true,
    },
  ];
}

/** Where `npm run package` writes the package: `dist/<name>-<version>.vsix`. */
export function vsixPath(root: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
  return path.join(root, 'dist', `${manifest.name}-${manifest.version}.vsix`);
}

/** A run's private folders, recreated empty each time so runs never share state. */
export interface RunDirs {
  dir: string;
  userData: string;
  extensions: string;
  browserProfile: string;
  /** A copy of the fixture workspace: tests edit and save documents, never the checked-in files. */
  workspace: string;
  report: string;
  /** The harness creates this file when its screenshots are taken; `run()` waits for it. */
  release: string;
  /** Stands in for the user's ~/.config, ~/.local/share and ~/.cache, which code-server and Chromium would otherwise write to. */
  xdg: { XDG_CONFIG_HOME: string; XDG_DATA_HOME: string; XDG_CACHE_HOME: string };
}

/**
 * User settings for a test window: nothing that pops up over the workbench (the walkthrough, the
 * git prompt about the repository above the workspace copy) and nothing that calls the internet.
 */
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
};

export function prepareRun(root: string, runsDir: string, phase: Phase): RunDirs {
  const dir = freshDir(path.join(runsDir, phase.name));
  const dirs: RunDirs = {
    dir,
    userData: path.join(dir, 'user-data'),
    extensions: path.join(dir, 'extensions'),
    browserProfile: path.join(dir, 'browser-profile'),
    workspace: path.join(dir, 'workspace'),
    report: path.join(dir, 'report', 'report.json'),
    release: path.join(dir, 'report', 'release'),
    xdg: { XDG_CONFIG_HOME: path.join(dir, 'home/config'), XDG_DATA_HOME: path.join(dir, 'home/data'), XDG_CACHE_HOME: path.join(dir, 'home/cache') },
  };
  for (const d of [dirs.userData, dirs.extensions, dirs.browserProfile, path.dirname(dirs.report), ...Object.values(dirs.xdg)]) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User/settings.json'), JSON.stringify(SETTINGS, null, 2));
  fs.cpSync(path.join(root, 'test/integration/fixtures/workspace'), dirs.workspace, { recursive: true });
  return dirs;
}

/** Checks that the build steps ran before a harness starts VS Code. */
export function assertBuilt(root: string, needed: readonly string[]): void {
  const missing = needed.filter((f) => !fs.existsSync(f));
  if (missing.length > 0) {
    throw new Error(`missing build output: ${missing.map((f) => path.relative(root, f)).join(', ')}; run \`npm run build:integration && npm run package\` first`);
  }
}
