// Workspace-relative paths with `/` separators. The core works on these and URIs only, never on OS
// paths, so it runs the same in the CLI, the desktop extension host and virtual workspaces.

export function dirname(relPath: string): string {
  const i = relPath.lastIndexOf('/');
  return i < 0 ? '' : relPath.slice(0, i);
}

/** Joins and normalizes (`.`/`..`); `..` above the root stays at the root. */
export function join(...parts: string[]): string {
  const out: string[] = [];
  for (const part of parts.join('/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/** The path from directory `fromDir` to `to`, both workspace-relative. */
export function relative(fromDir: string, to: string): string {
  const from = fromDir ? fromDir.split('/') : [];
  const target = to.split('/');
  let common = 0;
  while (common < from.length && common < target.length - 1 && from[common] === target[common]) common++;
  const up = from.slice(common).map(() => '..');
  return [...up, ...target.slice(common)].join('/');
}

/** Whether `relPath` lies in directory `dir` ('' is the workspace folder itself). */
export function isInside(relPath: string, dir: string): boolean {
  return dir === '' || relPath === dir || relPath.startsWith(dir + '/');
}

/** Splits a link target into its path and fragment: `goals.md#g1` → [`goals.md`, `g1`]. */
export function splitLink(target: string): { path: string; fragment: string | undefined } {
  const hash = target.indexOf('#');
  const withoutQuery = (s: string) => s.replace(/\?.*$/, '');
  if (hash < 0) return { path: withoutQuery(target), fragment: undefined };
  return { path: withoutQuery(target.slice(0, hash)), fragment: target.slice(hash + 1) };
}

/** A link fragment or path segment decoded (`%20` → space), or as written when it is not valid encoding. */
export function decodeComponent(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A whole link target decoded, keeping its reserved characters (`decodeURI`), or as written when invalid. */
export function decodeLink(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
