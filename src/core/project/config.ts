import { CONFIG_FILE_NAMES, ConfigError, parseConfigText, type ConfigFile } from '../config';
import { decodeText, reasonOf, type ProjectHost } from './host';

/** A folder's config file, read: its values, or why they could not be used. */
export interface FolderConfig {
  /** The file used; undefined when the folder has none. */
  file?: string;
  config: ConfigFile;
  /** Why the file could not be used (`cannot read: …`, or the key and what is wrong with it); defaults apply. */
  error?: { kind: 'unreadable' | 'invalid'; message: string; key?: string };
}

/** The config file of a folder, the first of `.throughline.yaml`, `.yml`, `.json` that exists. Nothing in it is executed. */
export async function readFolderConfig(host: ProjectHost, folder: string): Promise<FolderConfig> {
  for (const name of CONFIG_FILE_NAMES) {
    const file = host.join(folder, name);
    if (await host.exists(file)) return readConfigFile(host, file);
  }
  return { config: {} };
}

/** One config file, by its URI (the CLI's `--config FILE` may have any name). */
export async function readConfigFile(host: ProjectHost, file: string): Promise<FolderConfig> {
  let text: string;
  try {
    text = decodeText(await host.readFile(file));
  } catch (e) {
    return { file, config: {}, error: { kind: 'unreadable', message: reasonOf(e) } };
  }
  try {
    return { file, config: parseConfigText(text) };
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return { file, config: {}, error: { kind: 'invalid', message: e.message, ...(e.key ? { key: e.key } : {}) } };
  }
}

/**
 * The nearest folder from `start` upward holding a config file or `.git`, whichever comes first: a
 * config file marks the docs' own top, `.git` the repository's, and nothing above it belongs to the
 * project. Undefined when there is neither, up to the top of the file system.
 */
export async function findProjectRoot(host: ProjectHost, start: string): Promise<{ dir: string; configFile?: string } | undefined> {
  for (let dir: string | undefined = start; dir !== undefined; dir = host.parent(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = host.join(dir, name);
      if (await host.exists(file)) return { dir, configFile: file };
    }
    // `.git` is a folder in a clone and a file in a worktree or submodule.
    if (await host.exists(host.join(dir, '.git'))) return { dir };
  }
  return undefined;
}
