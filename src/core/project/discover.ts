import { isMarkdownPath } from '../kind';
import { reasonOf, type ProjectHost } from './host';
import { NEVER_READ } from './limits';

/**
 * The Markdown files under a folder, in a stable order: through the host's search when it has one,
 * else by walking the folder. Excluded paths (relative to the project, as `relPath` gives them) and
 * `node_modules` / `.git` are never entered; symbolic links to folders are not followed, so a link
 * loop cannot trap the walk. A folder that cannot be listed is passed to `unreadable` and the rest
 * goes on.
 */
export async function discoverMarkdown(
  host: ProjectHost,
  folder: string,
  relPath: (uri: string) => string | undefined,
  isExcluded: (rel: string) => boolean,
  unreadable: (uri: string, reason: string) => void = () => undefined,
): Promise<string[]> {
  const keep = (uri: string) => {
    const rel = relPath(uri);
    return rel === undefined || !isExcluded(rel);
  };
  const found = await host.findMarkdown?.(folder);
  if (found) return found.filter(keep).sort();
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await host.readDirectory(dir);
    } catch (e) {
      unreadable(dir, reasonOf(e));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (NEVER_READ.has(entry.name) || !keep(entry.uri)) continue;
      if (entry.kind === 'directory') {
        if (!entry.symlink) await walk(entry.uri);
      } else if (entry.kind === 'file' && isMarkdownPath(entry.name)) out.push(entry.uri);
    }
  };
  await walk(folder);
  return out;
}

