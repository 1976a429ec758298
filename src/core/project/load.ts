import type { Workspace } from '../workspace';
import { decodeText, isNotFound, reasonOf, type ProjectHost } from './host';
import { MAX_FILE_BYTES, PEEK_BYTES } from './limits';

/** What reading one file into a workspace came to. */
export type LoadOutcome =
  /** Analysed: the workspace holds it as a product doc (or a file naming an unknown kind). */
  | { kind: 'read' }
  /** Not a product doc: its name and first few KB name no kind (or it is excluded). */
  | { kind: 'ignored' }
  /** A product doc Throughline will not read (too large, unreadable): recorded as skipped. */
  | { kind: 'skipped'; reason: string }
  /** It could not be read; `gone` when it no longer exists. Nothing was recorded. */
  | { kind: 'unreadable'; detail: string; gone: boolean };

export interface LoadOptions {
  /** The user named this file: read it whatever its name, and let the caller decide what an unreadable one means. */
  named?: boolean;
  /** The file's text as an editor holds it (unsaved edits): read instead of the disk. */
  text?: string;
}

/**
 * Reads one file into the workspace: most files in a docs repository are not product docs, so only
 * their first few KB are read to see whether front matter, the title or a section names a kind;
 * product docs over the size limit are recorded as skipped with the reason, so the user sees why.
 */
export async function loadDocument(ws: Workspace, host: ProjectHost, uri: string, options: LoadOptions = {}): Promise<LoadOutcome> {
  const rel = ws.relativePath(uri);
  if (rel === undefined || ws.isExcluded(rel)) return { kind: 'ignored' };
  if (options.text !== undefined) return ws.update(uri, options.text) ? { kind: 'read' } : { kind: 'ignored' };
  let head;
  try {
    head = await host.readHead(uri, PEEK_BYTES);
  } catch (e) {
    return failed(ws, uri, e, '', options);
  }
  const start = decodeText(head.bytes.subarray(0, PEEK_BYTES));
  if (!options.named && !ws.mayHaveKind(rel, () => start)) {
    // It was a product doc before this change, and is not any more.
    ws.remove(uri);
    return { kind: 'ignored' };
  }
  if (head.size > MAX_FILE_BYTES) {
    const reason = `it is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`;
    return ws.skip(uri, reason, start) ? { kind: 'skipped', reason } : { kind: 'ignored' };
  }
  let bytes = head.bytes;
  if (bytes.length < head.size) {
    try {
      bytes = await host.readFile(uri);
    } catch (e) {
      return failed(ws, uri, e, start, options);
    }
  }
  return ws.update(uri, decodeText(bytes)) ? { kind: 'read' } : { kind: 'ignored' };
}

/**
 * A file that could not be read: one that is gone, or that the user named, is left to the caller
 * (the CLI stops on a named file, the editor drops a deleted one); any other is recorded as skipped
 * when its name or first few KB make it a product doc.
 */
function failed(ws: Workspace, uri: string, e: unknown, start: string, options: LoadOptions): LoadOutcome {
  const detail = reasonOf(e);
  const gone = isNotFound(e);
  if (gone || options.named) return { kind: 'unreadable', detail, gone };
  const reason = `it could not be read (${detail})`;
  return ws.skip(uri, reason, start) ? { kind: 'skipped', reason } : { kind: 'ignored' };
}

export interface ReadOptions {
  /** Reads in flight at once: a host whose reads are round trips (the editor) answers many at a time. */
  concurrency?: number;
  /** Per file: the text an editor holds for it, if it is open. */
  openText?: (uri: string) => string | undefined;
  /** Files the user named (see `LoadOptions.named`). */
  named?: ReadonlySet<string>;
  /** After each file: how many of how many are done. */
  progress?: (done: number, total: number) => void;
  /**
   * Lets the host breathe: called when analysis has run for `sliceMs` without a pause, so an editor
   * stays responsive while thousands of files are read. Resolve when work may go on.
   */
  pause?: () => Promise<void>;
  sliceMs?: number;
  /** After each slice of work between pauses: how long it ran without giving the host a turn. */
  sliced?: (ms: number) => void;
  /** Stops early (a newer run took over); the files not yet read are left out. */
  cancelled?: () => boolean;
  /** Each file's outcome, in order. */
  outcome?: (uri: string, outcome: LoadOutcome) => void;
}

/**
 * Reads files into the workspace in the order given, with up to `concurrency` reads in flight;
 * analysis runs one file at a time as reads complete, in order, and pauses for the host every
 * `sliceMs` of work. Returns false when cancelled.
 */
export async function readDocuments(ws: Workspace, host: ProjectHost, uris: readonly string[], options: ReadOptions = {}): Promise<boolean> {
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const sliceMs = options.sliceMs ?? Infinity;
  // Reads start ahead of analysis; analysis (synchronous, CPU) then takes each file in order.
  const heads = new Map<number, Promise<{ head?: Awaited<ReturnType<ProjectHost['readHead']>>; error?: unknown }>>();
  const start = (i: number) => {
    const uri = uris[i]!;
    if (options.openText?.(uri) !== undefined) return;
    heads.set(
      i,
      host.readHead(uri, PEEK_BYTES).then(
        (head) => ({ head }),
        (error: unknown) => ({ error }),
      ),
    );
  };
  const prefetching = new CachingHost(host, heads);
  for (let i = 0; i < Math.min(concurrency, uris.length); i++) start(i);
  let sliceStart = now();
  for (let i = 0; i < uris.length; i++) {
    if (options.cancelled?.()) return false;
    const uri = uris[i]!;
    const text = options.openText?.(uri);
    prefetching.current = i;
    const outcome = await loadDocument(ws, prefetching, uri, { ...(text !== undefined ? { text } : {}), ...(options.named?.has(uri) ? { named: true } : {}) });
    heads.delete(i);
    if (i + concurrency < uris.length) start(i + concurrency);
    options.outcome?.(uri, outcome);
    options.progress?.(i + 1, uris.length);
    if (options.pause && now() - sliceStart >= sliceMs) {
      options.sliced?.(now() - sliceStart);
      await options.pause();
      sliceStart = now();
    }
  }
  options.sliced?.(now() - sliceStart);
  return true;
}

/** A host whose `readHead` for the file being loaded answers from the read already in flight. */
class CachingHost implements ProjectHost {
  current = -1;

  constructor(
    private readonly host: ProjectHost,
    private readonly heads: Map<number, Promise<{ head?: Awaited<ReturnType<ProjectHost['readHead']>>; error?: unknown }>>,
  ) {}

  async readHead(uri: string, bytes: number) {
    const pending = this.heads.get(this.current);
    if (!pending) return this.host.readHead(uri, bytes);
    const { head, error } = await pending;
    if (error !== undefined) throw error;
    return head!;
  }

  readFile(uri: string) {
    return this.host.readFile(uri);
  }

  readDirectory(uri: string) {
    return this.host.readDirectory(uri);
  }

  exists(uri: string) {
    return this.host.exists(uri);
  }

  join(dir: string, name: string) {
    return this.host.join(dir, name);
  }

  parent(uri: string) {
    return this.host.parent(uri);
  }
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
