import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES, ConfigError, parseConfigText, type ConfigFile } from '../core';
import { InputError, isWithin, reason } from './files';

export interface Project {
  /**
   * The folder that plays the workspace folder, the "project folder": every product doc under it is
   * read so references resolve. The nearest folder, from the named paths upward, that holds a
   * config file or `.git`; else the current folder when the paths lie inside it (a user who names
   * a subfolder means "this part of what I am in"), else the named paths' common folder.
   * `--config FILE` makes FILE's folder the root when the paths lie inside it.
   */
  root: string;
  configPath: string | undefined;
  config: ConfigFile;
}

/** Finds the project root and its config for the given paths (already checked to exist). */
export async function findProject(absPaths: string[], explicitConfig: string | undefined, cwd: string): Promise<Project> {
  const common = commonDirectory(await Promise.all(absPaths.map(async (p) => ((await fs.stat(p)).isDirectory() ? p : path.dirname(p)))));
  const found = await findRootUpwards(common);
  const configPath = explicitConfig ? path.resolve(explicitConfig) : found?.configPath;
  const config = configPath ? await readConfig(configPath) : {};
  const explicitDir = explicitConfig ? path.dirname(path.resolve(explicitConfig)) : undefined;
  // Never the disk's top or the home folder: reading all of it would be slow, and not what was meant.
  const cwdIsProject = isWithin(common, cwd) && cwd !== path.parse(cwd).root && cwd !== os.homedir();
  const unmarked = cwdIsProject ? cwd : common;
  const root = explicitDir && absPaths.every((p) => isWithin(p, explicitDir)) ? explicitDir : (found?.dir ?? unmarked);
  return { root, configPath, config };
}

/**
 * The nearest folder from `start` upward holding a config file or `.git`, whichever comes first: a
 * config file marks the docs' own top, `.git` the repository's, and nothing above it belongs to
 * this project. Undefined when there is neither, up to the file system's root.
 */
async function findRootUpwards(start: string): Promise<{ dir: string; configPath?: string } | undefined> {
  for (let dir = start; ; dir = path.dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (await exists(candidate)) return { dir, configPath: candidate };
    }
    // `.git` is a folder in a clone and a file in a worktree or submodule.
    if (await exists(path.join(dir, '.git'))) return { dir };
    if (path.dirname(dir) === dir) return undefined;
  }
}

async function readConfig(configPath: string): Promise<ConfigFile> {
  let text: string;
  try {
    text = await fs.readFile(configPath, 'utf8');
  } catch (e) {
    throw new InputError('cannot read config', configPath, reason(e));
  }
  try {
    return parseConfigText(text);
  } catch (e) {
    if (e instanceof ConfigError) throw new InputError('bad config', configPath, e.message);
    throw e;
  }
}

function commonDirectory(dirs: string[]): string {
  let common = dirs[0]!;
  for (const dir of dirs.slice(1)) while (!isWithin(dir, common)) common = path.dirname(common);
  return common;
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}
