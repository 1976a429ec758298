import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import type { Config } from '../core/config';
import { TrendBuilder, isoDay, weekOf, type FileChange, type Trend } from '../core/trend';

// The repository's history, read with the `git` command line for `throughline trend`, the report's
// chart and the editor's trend view (docs/format.md, “Priorities and drift”). Read-only: plumbing
// commands only (`rev-parse`, `log`, `ls-tree`, `diff-tree`, `cat-file`), run without a shell, with
// optional locks off, so nothing in the repository is written and no configured diff or text
// conversion program runs. The product docs are read at the first point of the window, then only
// those that changed from one point to the next.

/** Git is missing, or the folder is not in a repository: said in one line to the user. */
export class GitError extends Error {}

/** Blobs larger than this are not product docs (the CLI reads at most 5 MB a file). */
const MAX_BLOB_BYTES = 5 * 1024 * 1024;

export interface TrendOptions {
  /** The project folder, absolute: product docs are read below it. */
  root: string;
  /** Its URI, as the workspace knows it (`file:///…`). */
  rootUri: string;
  config: Config;
  /** The first day of the window. */
  since: Date;
  /** The last day of the window (today, or the day SOURCE_DATE_EPOCH names); none by default. */
  until?: Date;
  /** Only products holding a document whose project-relative path this accepts (the named paths). */
  include?: (relPath: string) => boolean;
  /** The git program; `git` on the PATH by default. */
  git?: string;
}

/** The alignment at each week's last commit since `since`, on the first-parent history of HEAD. */
export async function readTrend(options: TrendOptions): Promise<Trend> {
  const run = (args: readonly string[], input?: string) => git(options.git ?? 'git', args, options.root, input);
  const top = (await run(['rev-parse', '--show-toplevel'])).toString('utf8').trim();
  const prefix = toPosix(path.relative(realpathSync(top), realpathSync(options.root)));
  const builder = new TrendBuilder(options.rootUri, options.config);
  const since = isoDay(options.since);
  let log: string;
  try {
    const until = options.until ? [`--until=${isoDay(options.until)}T23:59:59Z`] : [];
    log = (await run(['log', '--first-parent', '--format=%H%x09%cI', `--since=${since}T00:00:00Z`, ...until, 'HEAD'])).toString('utf8');
  } catch (e) {
    // A repository with no commit yet has no history to read.
    if (e instanceof GitError && /does not have any commits|unknown revision|bad revision/i.test(e.message)) return builder.result(since);
    throw e;
  }
  // Newest first: the first commit seen in a week is that week's last.
  const byWeek = new Map<string, { sha: string; date: Date }>();
  for (const line of log.split('\n')) {
    const [sha, iso] = line.split('\t');
    if (!sha || !iso) continue;
    const date = new Date(iso);
    const week = weekOf(date);
    if (!byWeek.has(week)) byWeek.set(week, { sha, date });
  }
  const points = [...byWeek].sort((a, b) => a[0].localeCompare(b[0]));
  const scope = prefix ? [prefix] : ['.'];
  const fromTop = (p: string) => (prefix ? p.slice(prefix.length + 1) : p);
  let previous: string | undefined;
  for (const [week, { sha, date }] of points) {
    let changes: Array<{ path: string; deleted: boolean }>;
    if (!previous) {
      const listing = (await run(['ls-tree', '-r', '-z', '--name-only', sha, '--', ...scope])).toString('utf8');
      changes = listing.split('\0').filter(Boolean).map((p) => ({ path: p, deleted: false }));
    } else {
      const diff = (await run(['diff-tree', '-r', '-z', '--no-renames', '--name-status', previous, sha, '--', ...scope])).toString('utf8').split('\0');
      changes = [];
      for (let i = 0; i + 1 < diff.length; i += 2) if (diff[i]) changes.push({ path: diff[i + 1]!, deleted: diff[i]!.startsWith('D') });
    }
    const markdown = changes.filter((c) => /\.(?:md|markdown)$/i.test(c.path));
    const wanted = markdown.filter((c) => !c.deleted);
    const texts = await readBlobs(run, sha, wanted.map((c) => c.path));
    const applied: FileChange[] = [];
    for (const c of markdown) {
      const rel = fromTop(c.path);
      if (c.deleted) {
        applied.push({ path: rel, text: undefined });
        continue;
      }
      const text = texts.get(c.path);
      if (text === undefined || !builder.wants(rel, () => text.slice(0, 4096))) continue;
      applied.push({ path: rel, text });
    }
    builder.step(sha, date, week, applied, options.include);
    previous = sha;
  }
  return builder.result(since);
}

/** Many files of one commit in one `git cat-file --batch`: `<commit>:<path>` in, `<oid> blob <size>` and the bytes out. */
async function readBlobs(run: (args: readonly string[], input?: string) => Promise<Buffer>, commit: string, paths: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (paths.length === 0) return out;
  // Paths with a line break cannot be named on the batch's lines; such files are left out.
  const named = paths.filter((p) => !/[\r\n]/.test(p));
  const buffer = await run(['cat-file', '--batch'], named.map((p) => `${commit}:${p}\n`).join(''));
  let at = 0;
  for (const p of named) {
    const eol = buffer.indexOf(10, at);
    if (eol < 0) break;
    const header = buffer.subarray(at, eol).toString('utf8');
    at = eol + 1;
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) continue; // `… missing`
    const size = Number(m[2]);
    if (m[1] === 'blob' && size <= MAX_BLOB_BYTES) out.set(p, buffer.subarray(at, at + size).toString('utf8'));
    at += size + 1;
  }
  return out;
}

/** Runs git read-only, without a shell; a missing program or a folder outside a repository is a GitError. */
function git(program: string, args: readonly string[], cwd: string, input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      program,
      ['-c', 'core.quotepath=off', '-c', 'core.fsmonitor=false', '-c', 'log.showSignature=false', ...args],
      {
        cwd,
        encoding: 'buffer',
        maxBuffer: 1 << 30,
        windowsHide: true,
        // Nothing interactive, no lock files, no pager, no local config's surprises in messages.
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' },
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return reject(new GitError(`git is not installed (no \`${program}\` on the PATH): the trend reads the product docs' history with it`));
        const said = Buffer.isBuffer(stderr) ? stderr.toString('utf8') : String(stderr);
        if (/not a git repository/i.test(said)) return reject(new GitError(`${cwd} is not in a git repository: the trend reads the product docs' history from git`));
        reject(new GitError(`git ${args[0]} failed: ${said.split('\n').find((l) => l.trim()) ?? error.message}`));
      },
    );
    if (input !== undefined) child.stdin?.end(input);
    else child.stdin?.end();
  });
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
