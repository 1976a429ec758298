import { closeSync, openSync, promises as fs, readFileSync, readSync, readdirSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONFIG_FILE_NAMES, ConfigError, isMarkdownPath, parseConfigText, type ConfigFile } from '../core';

/**
 * Input the CLI cannot read: reported in one line, `<what> <file>: <detail>`, exit code 2. The file
 * is kept absolute here and shown relative to the current folder, like the findings.
 */
export class InputError extends Error {
  constructor(
    readonly what: string,
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${what ? `${what} ` : ''}${file}: ${detail}`);
  }

  line(show: (absPath: string) => string): string {
    return `${this.what ? `${this.what} ` : ''}${show(this.file)}: ${this.detail}`;
  }
}

/** Files larger than this are skipped with a notice: nobody writes a 10 MB roadmap by hand. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

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

/**
 * Lists the Markdown files under `absPath` (or the file itself), skipping excluded folders early
 * and never following symbolic links to folders, so link loops cannot trap the walk. Synchronous:
 * for thousands of small files it is several times faster than awaiting each one.
 */
export function listMarkdownFiles(absPath: string, root: string, isExcluded: (rel: string) => boolean): string[] {
  const stat = statOrThrow(absPath);
  if (!stat.isDirectory()) return isMarkdownPath(absPath) ? [absPath] : [];
  const out: string[] = [];
  const walk = (dir: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      throw new InputError('cannot read folder', dir, reason(e));
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const rel = toPosix(path.relative(root, full));
      if (isExcluded(rel) || entry.name === 'node_modules' || entry.name === '.git') continue;
      if (entry.isDirectory()) walk(full);
      else if (isMarkdownPath(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && isFile(full)))) out.push(full);
    }
  };
  walk(absPath);
  return out;
}

export type ReadResult = { kind: 'text'; text: string } | { kind: 'skipped'; reason: string };

/** Reads a Markdown file as UTF-8 text (invalid bytes become U+FFFD); files too large to be docs are skipped. */
export function readMarkdown(absPath: string): ReadResult {
  let bytes: Buffer;
  try {
    const stat = statSync(absPath);
    if (stat.size > MAX_FILE_BYTES) return { kind: 'skipped', reason: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
    bytes = readFileSync(absPath);
  } catch (e) {
    // Gone between listing and reading: nothing to check, nothing to stop for.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'skipped', reason: 'it was deleted while being checked' };
    throw new InputError('cannot read', absPath, reason(e));
  }
  // Binary content is decoded too: the core reports a product doc it will not read, and ignores other files.
  return { kind: 'text', text: new TextDecoder('utf-8').decode(bytes) };
}

const PEEK_BYTES = 4096;

/**
 * The start of a file, enough to see whether its front matter names a kind, without reading (or
 * decoding) the rest: most files in a docs repository are not product docs.
 */
export function peekMarkdown(absPath: string): string {
  const buffer = Buffer.alloc(PEEK_BYTES);
  let fd: number | undefined;
  try {
    fd = openSync(absPath, 'r');
    const n = readSync(fd, buffer, 0, PEEK_BYTES, 0);
    return buffer.subarray(0, n).toString('utf8');
  } catch (e) {
    throw new InputError('cannot read', absPath, reason(e));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function fileUri(absPath: string): string {
  return pathToFileURL(absPath).href;
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

export function isWithin(p: string, dir: string): boolean {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
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

export async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function statOrThrow(p: string) {
  try {
    return statSync(p);
  } catch (e) {
    throw new InputError('cannot read', p, reason(e));
  }
}

export function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return err?.message ?? String(e);
  }
}

export { ConfigError };
