import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findProjectRoot, readConfigFile, type ConfigFile } from '../core';
import { InputError, fileUri, isWithin } from './files';
import { nodeHost } from './nodeHost';

export interface Project {
  /**
   * The folder that plays the workspace folder, the "project folder": every product doc under it is
   * read so references resolve. The nearest folder, from the named paths upward, that holds a
   * config file or `.git`; else the current folder when the paths lie inside it (a user who names
   * a subfolder means "this part of what I am in"), else the named paths' common folder.
   * `--config FILE` makes FILE's folder the root when the paths lie inside it.
   */
  root: string;
  /** How the root was chosen, for the line the CLI prints about it. */
  rootBy: 'config' | 'git' | 'current folder' | 'named paths' | '--config';
  /** The folder holding every named path. */
  common: string;
  configPath: string | undefined;
  config: ConfigFile;
}

/** Finds the project root and its config for the given paths (already checked to exist). */
export async function findProject(absPaths: string[], explicitConfig: string | undefined, cwd: string): Promise<Project> {
  const common = commonDirectory(await Promise.all(absPaths.map(async (p) => ((await fs.stat(p)).isDirectory() ? p : path.dirname(p)))));
  const found = await findProjectRoot(nodeHost, fileUri(common));
  const foundDir = found && fileURLToPath(found.dir);
  const configPath = explicitConfig ? path.resolve(explicitConfig) : found?.configFile && fileURLToPath(found.configFile);
  const config = configPath ? await readConfig(configPath) : {};
  const explicitDir = explicitConfig ? path.dirname(path.resolve(explicitConfig)) : undefined;
  if (explicitDir && absPaths.every((p) => isWithin(p, explicitDir))) return { root: explicitDir, rootBy: '--config', common, configPath, config };
  if (foundDir) return { root: foundDir, rootBy: found.configFile ? 'config' : 'git', common, configPath, config };
  // Never the disk's top or the home folder: reading all of it would be slow, and not what was meant.
  const cwdIsProject = isWithin(common, cwd) && cwd !== path.parse(cwd).root && cwd !== os.homedir();
  return { root: cwdIsProject ? cwd : common, rootBy: cwdIsProject ? 'current folder' : 'named paths', common, configPath, config };
}

async function readConfig(configPath: string): Promise<ConfigFile> {
  const read = await readConfigFile(nodeHost, fileUri(configPath));
  if (read.error) throw new InputError(read.error.kind === 'unreadable' ? 'cannot read config' : 'bad config', configPath, read.error.message);
  return read.config;
}

function commonDirectory(dirs: string[]): string {
  let common = dirs[0]!;
  for (const dir of dirs.slice(1)) while (!isWithin(dir, common)) common = path.dirname(common);
  return common;
}
