import { statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

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

export { reason } from './nodeHost';
