// What the project layer needs from wherever the files live (README.md "For contributors"): the CLI
// gives it Node's file system, the extension `vscode.workspace.fs`, a test an in-memory map. Every
// path is a URI string; nothing here knows about operating-system paths.

/** An entry of a folder. A symbolic link has the kind of what it points to, and `symlink` set. */
export interface DirEntry {
  name: string;
  /** The entry's URI, as the host writes URIs (they key documents, so they must match the host's). */
  uri: string;
  kind: 'file' | 'directory' | 'other';
  symlink: boolean;
}

/** The first bytes of a file, and how large the whole file is. */
export interface FileHead {
  bytes: Uint8Array;
  size: number;
}

export interface ProjectHost {
  /** The entries of a folder. Throws a `HostError` when it cannot be listed. */
  readDirectory(uri: string): Promise<DirEntry[]>;
  /**
   * Every Markdown file under a folder, when the host has a faster way than walking it (a search
   * index); undefined to have the folder walked. Folders named `node_modules` and `.git` are left out.
   */
  findMarkdown?(uri: string): Promise<string[] | undefined>;
  /** The first `bytes` bytes of a file (or all of it), and its size. Throws a `HostError`. */
  readHead(uri: string, bytes: number): Promise<FileHead>;
  /** The whole file. Throws a `HostError`. */
  readFile(uri: string): Promise<Uint8Array>;
  /** Whether a file or folder exists there. */
  exists(uri: string): Promise<boolean>;
  /** The URI of `name` inside folder `dir`, written as the host writes URIs. */
  join(dir: string, name: string): string;
  /** The folder holding `uri`; undefined at the top of the file system. */
  parent(uri: string): string | undefined;
}

export type HostErrorCode = 'not-found' | 'permission' | 'is-directory' | 'loop' | 'other';

/** A file or folder the host could not read, with why in words a user reads (`permission denied`). */
export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Why a host operation failed, in words: a `HostError`'s message, else the error's. */
export function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function isNotFound(e: unknown): boolean {
  return e instanceof HostError && e.code === 'not-found';
}

const utf8 = new TextDecoder('utf-8');

/** UTF-8 text of file bytes; invalid bytes become U+FFFD (binary files are reported by the core). */
export function decodeText(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

/** Whether `uri` is `dir` or lies under it. */
export function isUnderUri(uri: string, dir: string): boolean {
  const base = dir.replace(/\/+$/, '');
  return uri === base || uri.startsWith(`${base}/`);
}
