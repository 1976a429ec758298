import * as fs from 'node:fs';
import * as path from 'node:path';
import { SIZES, generateWorkspace } from '../bench/generate';
import { HARNESS_SETTING } from '../integration/report';
import { freshDir } from './util';

/**
 * The runs both harnesses make of the integration suites, each in its own VS Code with its own
 * copy of a workspace:
 *
 * 1. `integration`: the extension from the source tree (`extensionDevelopmentPath` = the repo root),
 *    the full suite in `dist/test/integration/`, on the fixture product `fixtures/workspace/`.
 * 2. `multi-root`: a `.code-workspace` with two folders, each its own product.
 * 3. `empty`: a folder with no product docs: the welcome view and the Create Product Docs command.
 * 4. `installed`: the packaged `.vsix`, installed into the run's own extensions folder, checked by
 *    the suite in `dist/test/integration/installed/` with workspace trust on and the folder not
 *    trusted (Restricted Mode), the strictest way a user can open it. The development path is a
 *    code-less stub extension (`test/integration/installed/`), because VS Code runs tests only for a
 *    development path, and a development copy of Throughline itself would shadow the installed one.
 * 5. `walkthrough`: the packaged `.vsix` on a copy of the repository's `examples/`, fixing every
 *    finding with quick fixes alone until none is left, as a new user would.
 * 6. `screenshots`: the repository's `examples/`, driven into the states the README shows (Strategy
 *    view, why-chain hover, Problems panel with the quick fix menu); the harness takes the pictures
 *    when the suite asks for them (see `test/integration/checkpoint.ts`).
 * 7. `large`: a generated product of 1,000 roadmap items (test/bench/generate.ts, seeded), for the
 *    Strategy Map's collapsed view. Generated before VS Code starts, so the first index reads it.
 * 8. `trial`: a product of its own (`fixtures/trial/`, Spendly) tried step by step as a new user
 *    would, each step photographed (`trial-*.png`).
 * 9. `web` (run second, after `integration`): the integration suite again, on the same fixture, with
 *    the extension in the browser's web worker extension host (as in vscode.dev and github.dev)
 *    instead of Node's. What puts it there: the user setting `"remote.extensionKind": {
 *    "throughline.throughline": ["web"] }` (`WEB_WORKER_SETTINGS`), with which VS Code runs the
 *    development copy from its `browser` entry, `dist/web/extension.js`, in the web worker. (The
 *    workbench URL's payload entry `extensionDevelopmentKind: web`, the twin of desktop VS Code's
 *    `--extensionDevelopmentKind=web`, is read but never used by the 1.100 web workbench: its
 *    environment service names the getter `extensionDevelopmentLocationKind`.) A suite runs in the
 *    host of the extension its file lies in, so `dist/test/integration/web/suite.js` (one browser
 *    bundle: mocha's browser build and the Node suite's test files, see
 *    `test/integration/web/suite.ts`) runs there too. A web worker has no environment and no `fs`:
 *    the harness's values go into the run's user settings (`writeHarnessSetting`), and the suite
 *    writes its report and checkpoint requests through `workspace.fs` to this machine
 *    (`test/integration/host.ts`). The suite's first check proves where it ran (no `process`, a
 *    `WorkerGlobalScope`, `ExtensionKind.UI`).
 *
 * On demand only (named with `--phase`; `npm run bench` runs them): `index-2k` and `index-10k`
 * open generated workspaces of 2,000 and 10,000 files and record how the first index went (time,
 * longest stretch without a break for the extension host) into `$THROUGHLINE_BENCH_OUT`.
 */
export type PhaseName = 'integration' | 'web' | 'multi-root' | 'empty' | 'installed' | 'walkthrough' | 'screenshots' | 'large' | 'trial' | 'index-2k' | 'index-10k';

export interface Phase {
  name: PhaseName;
  label: string;
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  /** Whether the packaged .vsix is installed into the run's extensions folder first. */
  installsVsix: boolean;
  /** The folder copied to be the run's workspace. */
  fixture: string;
  /** A `.code-workspace` file inside the fixture to open instead of the folder (multi-root). */
  workspaceFile?: string;
  /** Workspace trust on and the folder not trusted: the window runs in Restricted Mode. */
  untrusted?: boolean;
  /** The suite needs the browser harness to answer its checkpoints (screenshots), so only run-code-server runs it. */
  needsCheckpoints?: boolean;
  /** Writes the fixture folder when it is generated rather than checked in. */
  prepare?: () => void;
  /** Runs only when named with `--phase` (benchmarks, not tests). */
  onDemand?: boolean;
  /** The development copy runs in the browser's web worker extension host, from its `browser` entry, not in Node's. */
  webWorker?: boolean;
}

export const PHASE_NAMES: readonly PhaseName[] = ['integration', 'web', 'multi-root', 'empty', 'installed', 'walkthrough', 'screenshots', 'large', 'trial'];

export function phases(root: string): Phase[] {
  const suite = (dir: string) => path.join(root, 'dist/test/integration', dir, 'index.js');
  const fixture = (name: string) => path.join(root, 'test/integration/fixtures', name);
  return [
    {
      name: 'integration',
      label: 'Integration suite (development path)',
      extensionDevelopmentPath: root,
      extensionTestsPath: suite('.'),
      installsVsix: false,
      fixture: fixture('workspace'),
    },
    {
      name: 'web',
      label: 'Integration suite in the web worker extension host (as in vscode.dev)',
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'dist/test/integration/web/suite.js'),
      installsVsix: false,
      fixture: fixture('workspace'),
      webWorker: true,
    },
    {
      name: 'multi-root',
      label: 'Multi-root workspace suite',
      extensionDevelopmentPath: root,
      extensionTestsPath: suite('multiroot'),
      installsVsix: false,
      fixture: fixture('multiroot'),
      workspaceFile: 'products.code-workspace',
    },
    {
      name: 'empty',
      label: 'Empty workspace suite',
      extensionDevelopmentPath: root,
      extensionTestsPath: suite('empty'),
      installsVsix: false,
      fixture: fixture('empty'),
    },
    {
      name: 'installed',
      label: 'Installed .vsix suite (untrusted workspace)',
      extensionDevelopmentPath: path.join(root, 'test/integration/installed'),
      extensionTestsPath: suite('installed'),
      installsVsix: true,
      fixture: fixture('workspace'),
      untrusted: true,
    },
    {
      name: 'walkthrough',
      label: 'New-user walkthrough (installed .vsix on examples/)',
      extensionDevelopmentPath: path.join(root, 'test/integration/installed'),
      extensionTestsPath: suite('walkthrough'),
      installsVsix: true,
      fixture: path.join(root, 'examples'),
    },
    {
      name: 'screenshots',
      label: 'README screenshots (examples/)',
      extensionDevelopmentPath: root,
      extensionTestsPath: suite('screenshots'),
      installsVsix: false,
      fixture: path.join(root, 'examples'),
      needsCheckpoints: true,
    },
    {
      name: 'large',
      label: 'Strategy Map of a 1,000-item product',
      extensionDevelopmentPath: root,
      extensionTestsPath: suite('large'),
      installsVsix: false,
      fixture: path.join(root, '.vscode-test', 'fixtures', 'large'),
      needsCheckpoints: true,
      prepare: () => {
        const dir = path.join(root, '.vscode-test', 'fixtures', 'large');
        generateWorkspace(dir, { products: 1, notes: 0, goalsPerProduct: 20, itemsPerRoadmap: 1000 }, 7);
      },
    },
    {
      name: 'trial',
      label: 'Trial on a product of its own (Spendly)',
      extensionDevelopmentPath: root,
      extensionTestsPath: suite('trial'),
      installsVsix: false,
      fixture: fixture('trial'),
      needsCheckpoints: true,
    },
    ...(
      [
        ['index-2k', 'First index of a 2,000-file workspace', INDEX_2K],
        ['index-10k', 'First index of a 10,000-file workspace', SIZES['large']!],
      ] as const
    ).map(([name, label, spec]): Phase => ({
      name,
      label,
      extensionDevelopmentPath: root,
      extensionTestsPath: suite('benchIndex'),
      installsVsix: false,
      fixture: path.join(root, '.vscode-test', 'fixtures', name),
      onDemand: true,
      prepare: () => void generateWorkspace(path.join(root, '.vscode-test', 'fixtures', name), spec, 42),
    })),
  ];
}

/** 2,000 files: 20 products (vision, strategy, goals, a 200-item roadmap) among 1,920 notes. */
export const INDEX_2K = { products: 20, notes: 1920, goalsPerProduct: 20, itemsPerRoadmap: 200 };

/** The phases named on the command line (`--phase a,b`), or all of them. */
export function selectPhases(all: Phase[], argv: readonly string[]): Phase[] {
  const at = argv.indexOf('--phase');
  if (at < 0) return all.filter((p) => !p.onDemand);
  const wanted = (argv[at + 1] ?? '').split(',').filter(Boolean);
  const unknown = wanted.filter((w) => !all.some((p) => p.name === w));
  if (wanted.length === 0 || unknown.length > 0) {
    throw new Error(`--phase takes a comma-separated list of ${all.map((p) => p.name).join(', ')}; got “${argv[at + 1] ?? ''}”`);
  }
  return all.filter((p) => wanted.includes(p.name));
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
  /** A copy of the phase's fixture: tests edit and save documents, never the checked-in files. */
  workspace: string;
  /** What the window opens: the workspace folder, or the `.code-workspace` file in it. */
  open: string;
  report: string;
  /** The harness creates this file when its screenshots are taken; `run()` waits for it. */
  release: string;
  /** Where the suite drops checkpoint requests (screenshots, reads of the workbench) for the harness. */
  checkpoints: string;
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

/**
 * With trust on, no modal "Do you trust the authors?" dialog: the folder simply stays untrusted,
 * which is what a user who dismisses the dialog gets (Restricted Mode).
 */
const UNTRUSTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
};

/**
 * Throughline in the web worker extension host: an extension whose kind is `web` runs there,
 * loaded from its `browser` entry, even when it is installed (or developed) on the server.
 */
export const WEB_WORKER_SETTINGS = {
  'remote.extensionKind': { 'throughline.throughline': ['web'] },
};

export function prepareRun(runsDir: string, phase: Phase): RunDirs {
  phase.prepare?.();
  const dir = freshDir(path.join(runsDir, phase.name));
  const workspace = path.join(dir, 'workspace');
  const dirs: RunDirs = {
    dir,
    userData: path.join(dir, 'user-data'),
    extensions: path.join(dir, 'extensions'),
    browserProfile: path.join(dir, 'browser-profile'),
    workspace,
    open: phase.workspaceFile ? path.join(workspace, phase.workspaceFile) : workspace,
    report: path.join(dir, 'report', 'report.json'),
    release: path.join(dir, 'report', 'release'),
    checkpoints: path.join(dir, 'checkpoints'),
    xdg: { XDG_CONFIG_HOME: path.join(dir, 'home/config'), XDG_DATA_HOME: path.join(dir, 'home/data'), XDG_CACHE_HOME: path.join(dir, 'home/cache') },
  };
  for (const d of [dirs.userData, dirs.extensions, dirs.browserProfile, dirs.checkpoints, path.dirname(dirs.report), ...Object.values(dirs.xdg)]) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  const settings = { ...SETTINGS, ...(phase.untrusted ? UNTRUSTED_SETTINGS : {}), ...(phase.webWorker ? WEB_WORKER_SETTINGS : {}) };
  fs.writeFileSync(path.join(dirs.userData, 'User/settings.json'), JSON.stringify(settings, null, 2));
  fs.cpSync(phase.fixture, workspace, { recursive: true });
  if (!fs.existsSync(dirs.open)) throw new Error(`${phase.name}: ${path.relative(phase.fixture, dirs.open)} is missing from ${phase.fixture}`);
  return dirs;
}

/**
 * Hands a suite in the web worker extension host the values other suites read from the environment
 * (`ENV`): a web worker has none, so they go into the run's user settings, which the suite reads
 * with `harnessValue` (test/integration/host.ts). A contributor's THROUGHLINE_TEST_GREP goes along.
 */
export function writeHarnessSetting(dirs: RunDirs, env: Record<string, string>): void {
  const file = path.join(dirs.userData, 'User/settings.json');
  const settings = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const grep = process.env['THROUGHLINE_TEST_GREP'];
  settings[HARNESS_SETTING] = { ...env, ...(grep ? { THROUGHLINE_TEST_GREP: grep } : {}) };
  fs.writeFileSync(file, JSON.stringify(settings, null, 2));
}

/** Checks that the build steps ran before a harness starts VS Code. */
export function assertBuilt(root: string, needed: readonly string[]): void {
  const missing = needed.filter((f) => !fs.existsSync(f));
  if (missing.length > 0) {
    throw new Error(`missing build output: ${missing.map((f) => path.relative(root, f)).join(', ')}; run \`npm run build:integration && npm run package\` first`);
  }
}
