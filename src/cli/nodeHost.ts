import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, readdirSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { HostError, type DirEntry, type FileHead, type HostErrorCode, type ProjectHost } from '../core';

/**
 * The project layer's host on Node's file system, for the CLI. Synchronous underneath: for
 * thousands of small files that is several times faster than awaiting each call.
 */
export const nodeHost: ProjectHost = {
  async readDirectory(uri) {
    const dir = fileURLToPath(uri);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      throw hostError(e);
    }
    return entries.map((entry): DirEntry => {
      const full = path.join(dir, entry.name);
      const symlink = entry.isSymbolicLink();
      const kind = symlink ? kindOf(full) : entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other';
      return { name: entry.name, uri: pathToFileURL(full).href, kind, symlink };
    });
  },

  async readHead(uri, bytes): Promise<FileHead> {
    let fd: number | undefined;
    try {
      fd = openSync(fileURLToPath(uri), 'r');
      // Read whatever the size says: files in /proc and pipes say 0 and still hold bytes.
      const stated = fstatSync(fd).size;
      const buffer = Buffer.alloc(bytes);
      const n = readSync(fd, buffer, 0, bytes, 0);
      // A full buffer may not be the whole file, whatever the size said.
      return { bytes: buffer.subarray(0, n), size: n === bytes ? Math.max(stated, n + 1) : Math.max(stated, n) };
    } catch (e) {
      throw hostError(e);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  },

  async readFile(uri) {
    try {
      return readFileSync(fileURLToPath(uri));
    } catch (e) {
      throw hostError(e);
    }
  },

  async exists(uri) {
    return existsSync(fileURLToPath(uri));
  },

  join(dir, name) {
    return pathToFileURL(path.join(fileURLToPath(dir), name)).href;
  },

  parent(uri) {
    const p = fileURLToPath(uri);
    const up = path.dirname(p);
    return up === p ? undefined : pathToFileURL(up).href;
  },
};

function kindOf(full: string): DirEntry['kind'] {
  try {
    const stat = statSync(full);
    return stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other';
  } catch {
    return 'other'; // a dangling link
  }
}

/** A Node error as the host reports it: a code and a reason a user reads. */
export function hostError(e: unknown): HostError {
  const err = e as NodeJS.ErrnoException;
  const code: HostErrorCode = err?.code === 'ENOENT' ? 'not-found' : err?.code === 'EACCES' || err?.code === 'EPERM' ? 'permission' : err?.code === 'EISDIR' ? 'is-directory' : err?.code === 'ELOOP' ? 'loop' : 'other';
  return new HostError(code, reason(e));
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
