import * as assert from 'node:assert/strict';
import { HostError, MAX_FILE_BYTES, Workspace, discoverMarkdown, findProjectRoot, loadDocument, mergeConfig, readDocuments, readFolderConfig, type DirEntry, type ProjectHost } from '../../src/core';

// The project layer (src/core/project/) on a host that lives in memory and counts what is asked of
// it: what the CLI and the editor share, tested once, without a file system.

const ROOT = 'mem:///p';

class MemoryHost implements ProjectHost {
  readonly reads: string[] = [];
  readonly heads: string[] = [];
  inFlight = 0;
  maxInFlight = 0;
  /** Paths (relative to ROOT) that fail to read, with the error's code. */
  readonly failing = new Map<string, HostError['code']>();
  readonly symlinks = new Set<string>();

  constructor(readonly files: Map<string, string | number>) {}

  private rel(uri: string): string {
    return uri === ROOT ? '' : uri.slice(ROOT.length + 1);
  }

  private async tick<T>(work: () => T): Promise<T> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await new Promise((resolve) => setTimeout(resolve, 1));
    this.inFlight--;
    return work();
  }

  async readDirectory(uri: string): Promise<DirEntry[]> {
    const dir = this.rel(uri);
    const code = this.failing.get(dir);
    if (code) throw new HostError(code, 'permission denied');
    const prefix = dir ? `${dir}/` : '';
    const names = new Map<string, DirEntry['kind']>();
    for (const path of this.files.keys()) {
      if (!path.startsWith(prefix)) continue;
      const [first, ...rest] = path.slice(prefix.length).split('/');
      names.set(first!, rest.length ? 'directory' : 'file');
    }
    return [...names].map(([name, kind]) => ({ name, uri: `${uri}/${name}`, kind, symlink: this.symlinks.has(prefix + name) }));
  }

  async readHead(uri: string, bytes: number) {
    this.heads.push(this.rel(uri));
    return this.tick(() => {
      const data = this.data(uri);
      return { bytes: data.subarray(0, bytes), size: data.length };
    });
  }

  async readFile(uri: string) {
    this.reads.push(this.rel(uri));
    return this.tick(() => this.data(uri));
  }

  private data(uri: string): Uint8Array {
    const rel = this.rel(uri);
    const code = this.failing.get(rel);
    if (code) throw new HostError(code, code === 'not-found' ? 'no such file or folder' : 'permission denied');
    const content = this.files.get(rel);
    if (content === undefined) throw new HostError('not-found', 'no such file or folder');
    return typeof content === 'number' ? new Uint8Array(content).fill(0x61) : new TextEncoder().encode(content);
  }

  async exists(uri: string) {
    const rel = this.rel(uri);
    return [...this.files.keys()].some((p) => p === rel || p.startsWith(`${rel}/`));
  }

  join(dir: string, name: string) {
    return `${dir}/${name}`;
  }

  parent(uri: string) {
    const i = uri.lastIndexOf('/');
    return i > 'mem://'.length ? uri.slice(0, i) : undefined;
  }
}

const ROADMAP = '# Roadmap\n\n## Now\n\n- Offline mode\n';
const workspace = (config = {}) => new Workspace(ROOT, mergeConfig(config));

describe('the project layer', () => {
  it('lists Markdown files in order, never entering node_modules, .git, excluded paths or linked folders, and says which folders it could not list', async () => {
    const host = new MemoryHost(
      new Map<string, string>([
        ['b/roadmap.md', ROADMAP],
        ['a/notes.md', '# Notes\n'],
        ['a/image.png', 'x'],
        ['node_modules/pkg/README.md', '# x'],
        ['.git/x.md', '# x'],
        ['drafts/goals.md', '# x'],
        ['loop/roadmap.md', '# x'],
        ['secret/goals.md', '# x'],
      ]),
    );
    host.symlinks.add('loop');
    host.failing.set('secret', 'permission');
    const ws = workspace({ exclude: ['drafts/**'] });
    const unreadable: string[] = [];
    const found = await discoverMarkdown(host, ROOT, (u) => ws.relativePath(u), (r) => ws.isExcluded(r), (dir, why) => unreadable.push(`${dir} ${why}`));
    assert.deepEqual(found, [`${ROOT}/a/notes.md`, `${ROOT}/b/roadmap.md`]);
    assert.deepEqual(unreadable, [`${ROOT}/secret permission denied`]);
  });

  it('reads only the first few KB of a file that is not a product doc, and all of a product doc', async () => {
    const note = `# Meeting notes\n\n${'Words about nothing in particular. '.repeat(2000)}\n`;
    const host = new MemoryHost(new Map([['notes.md', note], ['roadmap.md', `${ROADMAP}${'\n- More work'.repeat(2000)}\n`]]));
    const ws = workspace();
    assert.deepEqual(await loadDocument(ws, host, `${ROOT}/notes.md`), { kind: 'ignored' });
    assert.deepEqual(await loadDocument(ws, host, `${ROOT}/roadmap.md`), { kind: 'read' });
    assert.deepEqual(host.reads, ['roadmap.md'], 'the note was never read whole');
    assert.ok(ws.get(`${ROOT}/roadmap.md`));
  });

  it('records a product doc it will not read (too large, unreadable) as skipped with the reason; a file that is gone is the caller’s to judge', async () => {
    const host = new MemoryHost(new Map<string, string | number>([['goals.md', MAX_FILE_BYTES + 1], ['roadmap.md', ROADMAP], ['strategy.md', '# S\n']]));
    host.failing.set('roadmap.md', 'permission');
    host.failing.set('strategy.md', 'not-found');
    const ws = workspace();
    assert.deepEqual(await loadDocument(ws, host, `${ROOT}/goals.md`), { kind: 'skipped', reason: 'it is larger than 5 MB' });
    assert.deepEqual(await loadDocument(ws, host, `${ROOT}/roadmap.md`), { kind: 'skipped', reason: 'it could not be read (permission denied)' });
    assert.deepEqual(await loadDocument(ws, host, `${ROOT}/strategy.md`), { kind: 'unreadable', detail: 'no such file or folder', gone: true });
    assert.deepEqual(await loadDocument(ws, host, `${ROOT}/roadmap.md`, { named: true }), { kind: 'unreadable', detail: 'permission denied', gone: false });
    assert.equal(ws.get(`${ROOT}/goals.md`)?.skipped, 'it is larger than 5 MB');
  });

  it('forgets a doc that stopped being a product doc', async () => {
    const files = new Map([['notes/plan.md', '---\nkind: roadmap\n---\n# Plan\n\n- Offline mode\n']]);
    const host = new MemoryHost(files);
    const ws = workspace();
    await loadDocument(ws, host, `${ROOT}/notes/plan.md`);
    assert.ok(ws.get(`${ROOT}/notes/plan.md`));
    files.set('notes/plan.md', '# Thoughts\n\nJust thoughts.\n');
    assert.deepEqual(await loadDocument(ws, host, `${ROOT}/notes/plan.md`), { kind: 'ignored' });
    assert.equal(ws.get(`${ROOT}/notes/plan.md`), undefined);
  });

  it('keeps many reads in flight, analyses in the order given, reads an open editor’s text instead of the file, and pauses for the host', async () => {
    const files = new Map(Array.from({ length: 40 }, (_, i) => [`r${String(i).padStart(2, '0')}/roadmap.md`, ROADMAP] as [string, string]));
    const host = new MemoryHost(files);
    const ws = workspace();
    const order: string[] = [];
    let pauses = 0;
    const uris = [...files.keys()].map((p) => `${ROOT}/${p}`);
    const open = `${ROOT}/r05/roadmap.md`;
    await readDocuments(ws, host, uris, {
      concurrency: 8,
      openText: (uri) => (uri === open ? '# Roadmap\n\n- Typed, not saved\n' : undefined),
      sliceMs: 0,
      pause: async () => void pauses++,
      outcome: (uri) => order.push(uri),
    });
    assert.deepEqual(order, uris);
    assert.ok(host.maxInFlight > 1 && host.maxInFlight <= 8, `reads in flight: ${host.maxInFlight}`);
    assert.ok(!host.heads.includes('r05/roadmap.md'), 'the open document is not read from disk');
    assert.equal(ws.get(open)?.items[0]?.title, 'Typed, not saved');
    assert.equal(pauses, 40);
  });

  it('stops when cancelled, leaving the rest unread', async () => {
    const files = new Map(Array.from({ length: 10 }, (_, i) => [`r${i}/roadmap.md`, ROADMAP] as [string, string]));
    const ws = workspace();
    let n = 0;
    const done = await readDocuments(ws, new MemoryHost(files), [...files.keys()].map((p) => `${ROOT}/${p}`), { cancelled: () => n >= 3, outcome: () => void n++ });
    assert.equal(done, false);
    assert.equal(ws.documents().length, 3);
  });

  it('finds the config file of a folder, says what is wrong with it, and finds the project root by config or .git', async () => {
    const host = new MemoryHost(new Map([['a/.throughline.yml', 'rules:\n  untraced-item: loud\n'], ['b/.git/HEAD', 'x'], ['b/c/d.md', '# d']]));
    const read = await readFolderConfig(host, `${ROOT}/a`);
    assert.equal(read.file, `${ROOT}/a/.throughline.yml`);
    assert.equal(read.error?.kind, 'invalid');
    assert.match(read.error!.message, /untraced-item/);
    assert.deepEqual(await readFolderConfig(host, `${ROOT}/b`), { config: {} });
    assert.deepEqual(await findProjectRoot(host, `${ROOT}/b/c`), { dir: `${ROOT}/b` });
    assert.deepEqual(await findProjectRoot(host, `${ROOT}/a`), { dir: `${ROOT}/a`, configFile: `${ROOT}/a/.throughline.yml` });
  });
});
