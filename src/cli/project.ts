import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES, ConfigError, parseConfigText, type ConfigFile } from '../core';
import { InputError, isWithin, reason } from './files';

export interface Project {
  /** The folder that plays the workspace folder: the config file's folder, or the paths' common folder. */
  root: string;
  configPath: string | undefined;
  config: ConfigFile;
}

/** Finds the project root and its config for the given paths (already checked to exist). */
export async function findProject(absPaths: string[], explicitConfig: string | undefined): Promise<Project> {
  const common = commonDirectory(await Promise.all(absPaths.map(async (p) => ((await fs.stat(p)).isDirectory() ? p : path.dirname(p)))));
  const configPath = explicitConfig ? path.resolve(explicitConfig) : await findConfigUpwards(common);
  const config = configPath ? await readConfig(configPath) : {};
  const configDir = configPath ? path.dirname(configPath) : undefined;
  const root = configDir && absPaths.every((p) => isWithin(p, configDir)) ? configDir : common;
  return { root, configPath, config };
}

async function findConfigUpwards(start: string): Promise<string | undefined> {
  for (let dir = start; ; dir = path.dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (await exists(candidate)) return candidate;
    }
    // Stop at the repository's top: a config above it belongs to something else.
    if ((await exists(path.join(dir, '.git'))) || path.dirname(dir) === dir) return undefined;
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
