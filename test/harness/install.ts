import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cleanEnv, exec, findOnPath, freshDir, log, seconds } from './util';

/**
 * code-server 4.100.3 carries VS Code 1.100.3: keep `engines.vscode` and `@types/vscode` at or
 * below 1.100 while this is the pin.
 */
export const CODE_SERVER_VERSION = '4.100.3';
export const CHROMIUM = '/usr/bin/chromium';

export interface CodeServerInstall {
  /** `out/node/entry.js`, started with this Node. */
  entry: string;
  root: string;
}

interface Marker {
  version: string;
  /** Native modules are built for one Node ABI; another Node needs a fresh install. */
  nodeAbi: string;
  ripgrep: string;
  installedAt: string;
}

/**
 * Makes sure Chromium and ripgrep are installed: with apt-get when running as root (CI), otherwise
 * exits with a one-line message naming what to install.
 */
export async function ensureSystemTools(logFile: string): Promise<{ chromium: string; ripgrep: string }> {
  const missing = () => [...(fs.existsSync(CHROMIUM) ? [] : ['chromium']), ...(findOnPath('rg') ? [] : ['ripgrep'])];
  let absent = missing();
  if (absent.length > 0) {
    if (process.getuid?.() !== 0) {
      console.error(`The integration tests need ${absent.join(' and ')}: run \`sudo apt-get install -y chromium ripgrep\` and try again.`);
      process.exit(1);
    }
    log(`installing ${absent.join(', ')} with apt-get (log: ${logFile})`);
    const env = cleanEnv({ DEBIAN_FRONTEND: 'noninteractive' });
    try {
      await exec('apt-get', ['install', '-y', 'chromium', 'ripgrep'], { env, logFile });
    } catch {
      // A fresh image often has no package lists yet.
      await exec('apt-get', ['update'], { env, logFile });
      await exec('apt-get', ['install', '-y', 'chromium', 'ripgrep'], { env, logFile });
    }
    absent = missing();
    if (absent.length > 0) throw new Error(`apt-get ran but ${absent.join(' and ')} is still missing; see ${logFile}`);
  }
  return { chromium: CHROMIUM, ripgrep: findOnPath('rg')! };
}

/**
 * Installs code-server into `cacheDir` unless a marker says it is already there, following
 * VSCODE-IN-CI.md: npm with install scripts off (its own scripts want a non-root user and download
 * ripgrep from GitHub), outside the project's package.json; VS Code's server dependencies; the few
 * native modules rebuilt by hand; Debian's ripgrep linked where VS Code looks for its own.
 */
export async function ensureCodeServer(cacheDir: string, ripgrep: string, logFile: string): Promise<CodeServerInstall> {
  const root = path.join(cacheDir, 'code-server');
  const markerFile = path.join(root, 'installed.json');
  const codeServer = path.join(root, 'node_modules/code-server');
  const vscodeDir = path.join(codeServer, 'lib/vscode');
  const install: CodeServerInstall = { root, entry: path.join(codeServer, 'out/node/entry.js') };
  const rgLink = path.join(vscodeDir, 'node_modules/@vscode/ripgrep/bin/rg');

  const marker = readMarker(markerFile);
  if (marker && marker.version === CODE_SERVER_VERSION && marker.nodeAbi === process.versions.modules && fs.existsSync(install.entry)) {
    if (!fs.existsSync(rgLink) || fs.realpathSync(rgLink) !== fs.realpathSync(ripgrep)) linkRipgrep(rgLink, ripgrep);
    log(`using cached code-server ${CODE_SERVER_VERSION} (${path.relative(process.cwd(), root)})`);
    return install;
  }

  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${path.relative(process.cwd(), root)} (log: ${logFile}); this takes a minute once`);
  freshDir(root);
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'throughline-code-server-cache', private: true }, null, 2));
  const npm = ['--no-audit', '--no-fund'];
  const env = cleanEnv();
  const step = (what: string) => log(`  ${what}`);

  step(`npm install code-server@${CODE_SERVER_VERSION} (scripts off)`);
  await exec('npm', ['install', '--ignore-scripts', ...npm, `code-server@${CODE_SERVER_VERSION}`], { cwd: root, env, logFile });
  step("VS Code's server dependencies");
  await exec('npm', ['install', '--omit=dev', '--ignore-scripts', ...npm], { cwd: vscodeDir, env, logFile });
  step('rebuilding native modules (node-pty, spdlog, native-watchdog, deviceid, argon2)');
  const rebuildEnv = cleanEnv({ npm_config_yes: 'true' });
  await exec('npm', ['rebuild', 'node-pty', '@vscode/spdlog', 'native-watchdog', '@vscode/deviceid'], { cwd: vscodeDir, env: rebuildEnv, logFile });
  const argon2Home = [root, codeServer].find((dir) => fs.existsSync(path.join(dir, 'node_modules/argon2')));
  if (!argon2Home) throw new Error(`argon2 not found under ${root}; see ${logFile}`);
  await exec('npm', ['rebuild', 'argon2'], { cwd: argon2Home, env: rebuildEnv, logFile });
  linkRipgrep(rgLink, ripgrep);
  // The server looks for its modules in node_modules.asar, as in the desktop build.
  const asar = path.join(vscodeDir, 'node_modules.asar');
  fs.rmSync(asar, { force: true, recursive: true });
  fs.symlinkSync('node_modules', asar);
  if (!fs.existsSync(install.entry)) throw new Error(`code-server installed, but ${install.entry} is missing`);
  smokeTest(install);

  const written: Marker = { version: CODE_SERVER_VERSION, nodeAbi: process.versions.modules, ripgrep, installedAt: new Date().toISOString() };
  fs.writeFileSync(markerFile, JSON.stringify(written, null, 2));
  log(`code-server ${CODE_SERVER_VERSION} installed in ${seconds(Date.now() - started)}`);
  return install;
}

function readMarker(file: string): Marker | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Marker;
  } catch {
    return undefined;
  }
}

function linkRipgrep(link: string, ripgrep: string): void {
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.rmSync(link, { force: true });
  fs.symlinkSync(ripgrep, link);
}

/** `code-server --version` must run before the install counts as done. */
function smokeTest(install: CodeServerInstall): void {
  const home = path.join(install.root, 'home');
  const xdg = { XDG_CONFIG_HOME: path.join(home, 'config'), XDG_DATA_HOME: path.join(home, 'data'), XDG_CACHE_HOME: path.join(home, 'cache') };
  const out = execFileSync(process.execPath, [install.entry, '--version'], { encoding: 'utf8', env: cleanEnv(xdg) });
  if (!out.includes(CODE_SERVER_VERSION)) throw new Error(`code-server --version printed “${out.trim()}”, expected ${CODE_SERVER_VERSION}`);
}
