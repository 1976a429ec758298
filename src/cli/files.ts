import { closeSync, openSync, readFileSync, readSync, readdirSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMarkdownPath } from '../core';

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

/**
 * Lists the Markdown files under `absPath` (or the file itself), skipping excluded folders early
 * and never following symbolic links to folders, so link loops cannot trap the walk. A folder that
 * cannot be listed is passed to `unreadable` and the walk goes on. Synchronous: for thousands of
 * small files it is several times faster than awaiting each one.
 */
export function listMarkdownFiles(
  absPath: string,
  root: string,
  isExcluded: (rel: string) => boolean,
  unreadable: (dir: string, reason: string) => void,
): string[] {
  const stat = statOrThrow(absPath);
  if (!stat.isDirectory()) return isMarkdownPath(absPath) ? [absPath] : [];
  const out: string[] = [];
  const walk = (dir: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      unreadable(dir, reason(e));
      return;
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

export type ReadResult =
  | { kind: 'text'; text: string }
  | { kind: 'too-large'; reason: string }
  /** `detail` says why (permission denied, …); `reason` is the same for a file-skipped notice. */
  | { kind: 'unreadable'; reason: string; detail: string };

/** Reads a Markdown file as UTF-8 text (invalid bytes become U+FFFD); files too large to be docs are not read. */
export function readMarkdown(absPath: string): ReadResult {
  let bytes: Buffer;
  try {
    const stat = statSync(absPath);
    if (stat.size > MAX_FILE_BYTES) return { kind: 'too-large', reason: `it is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
    bytes = readFileSync(absPath);
  } catch (e) {
    const detail = reason(e);
    const gone = (e as NodeJS.ErrnoException).code === 'ENOENT';
    return { kind: 'unreadable', detail, reason: gone ? 'it was deleted while being checked' : `it could not be read (${detail})` };
  }
  // Binary content is decoded too: the core reports a product doc it will not read, and ignores other files.
  return { kind: 'text', text: new TextDecoder('utf-8').decode(bytes) };
}

/** As much as kind detection looks at (`SNIFF_CHARS`): front matter, the title, the first section names. */
const PEEK_BYTES = 16_384;

/**
 * The start of a file, enough to see whether its front matter names a kind, without reading (or
 * decoding) the rest: most files in a docs repository are not product docs. Empty when the file
 * cannot be read: then only its name can make it a product doc.
 */
export function peekMarkdown(absPath: string): string {
  const buffer = Buffer.alloc(PEEK_BYTES);
  let fd: number | undefined;
  try {
    fd = openSync(absPath, 'r');
    const n = readSync(fd, buffer, 0, PEEK_BYTES, 0);
    return buffer.subarray(0, n).toString('utf8');
  } catch {
    return '';
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

export function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
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
