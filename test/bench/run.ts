import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SIZES, generateBroken, generateLists, generateTables, generateWorkspace } from './generate';

/**
 * `npm run bench`: Throughline against the floor (parsing every file with remark) and a peer
 * (remark-cli + remark-validate-links) on seeded workspaces of three sizes, side by side in one run;
 * then incremental re-check latency, activation cost and bundle sizes. Prints a table and writes it
 * as Markdown to .bench/results.md. Figures are medians; nothing here is a test.
 */

const REPO = path.resolve(__dirname, '../../..');
const OUT = path.join(REPO, '.bench');
/**
 * The generated repositories live outside this one: inside it, the CLI would take this repository's
 * top (its .git) for the project folder and read the project's own docs too.
 */
const WORKSPACES = path.join(os.tmpdir(), 'throughline-bench');
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const runs = Number(option('runs', '5'));
const sizes = option('sizes', 'small,medium,large').split(',');
/** The peer is slow on large workspaces: fewer runs there keep the benchmark under a few minutes. */
const peerRuns = (size: string) => (size === 'large' ? 1 : Math.min(runs, 3));

interface Measure {
  wallMs: number;
  peakMiB: number;
}

function measure(argv: string[], cwd = REPO): Measure {
  const peakFile = path.join(os.tmpdir(), `throughline-peak-${process.pid}`);
  fs.rmSync(peakFile, { force: true });
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', path.join(REPO, 'test', 'bench', 'peak.cjs'), ...argv], {
    cwd,
    env: { ...process.env, THROUGHLINE_BENCH_PEAK: peakFile, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr?.toString().slice(0, 500)}`);
  const peakKiB = Number(fs.readFileSync(peakFile, 'utf8'));
  return { wallMs, peakMiB: peakKiB / 1024 };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function repeat(n: number, fn: () => Measure): Measure {
  const all = Array.from({ length: n }, fn);
  return { wallMs: median(all.map((m) => m.wallMs)), peakMiB: median(all.map((m) => m.peakMiB)) };
}

const cli = path.join(REPO, 'dist', 'cli.js');
const floor = path.join(REPO, 'dist', 'test', 'bench', 'floor.js');
const remark = path.join(REPO, 'node_modules', 'remark-cli', 'cli.js');

const rows: string[][] = [];
const log = (s: string) => process.stdout.write(`${s}\n`);
log(`Throughline benchmark: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; medians of ${runs} runs (peer: fewer on large)`);

for (const size of sizes) {
  const dir = path.join(WORKSPACES, size);
  const { files, bytes } = generateWorkspace(dir, SIZES[size]!, 42);
  log(`\n${size}: ${files} files, ${(bytes / 2 ** 20).toFixed(1)} MiB`);
  // Warm the page cache and the compile cache once, so every tool starts from the same state.
  measure([cli, 'check', dir, '--format', 'json']);
  const ours = repeat(runs, () => measure([cli, 'check', dir, '--format', 'json']));
  log(`  throughline check   ${ours.wallMs.toFixed(0)} ms  ${ours.peakMiB.toFixed(0)} MiB`);
  const base = repeat(runs, () => measure([floor, dir]));
  log(`  floor (parse all)   ${base.wallMs.toFixed(0)} ms  ${base.peakMiB.toFixed(0)} MiB`);
  const peer = repeat(peerRuns(size), () =>
    measure([remark, dir, '--use', 'remark-frontmatter', '--use', 'remark-gfm', '--use', 'remark-validate-links=repository:false', '--quiet', '--no-stdout', '--no-config', '--no-ignore']),
  );
  log(`  remark-validate-links ${peer.wallMs.toFixed(0)} ms  ${peer.peakMiB.toFixed(0)} MiB`);
  rows.push([
    `${size} (${files} files, ${(bytes / 2 ** 20).toFixed(1)} MiB)`,
    `${(ours.wallMs / 1000).toFixed(2)} s / ${ours.peakMiB.toFixed(0)} MiB`,
    `${(base.wallMs / 1000).toFixed(2)} s / ${base.peakMiB.toFixed(0)} MiB`,
    `${(ours.wallMs / base.wallMs).toFixed(2)}×`,
    `${(peer.wallMs / 1000).toFixed(2)} s / ${peer.peakMiB.toFixed(0)} MiB`,
    `${(ours.wallMs / peer.wallMs).toFixed(3)}×`,
  ]);
}

// The worst shapes (issue 13): references all broken, a table-heavy goals doc, and the most common
// real layout, roadmaps as bullet lists with bold titles and inline links.
const shape = (name: string, generate: (dir: string) => { files: number; bytes: number }) => {
  const dir = path.join(WORKSPACES, name);
  const made = generate(dir);
  measure([cli, 'check', dir, '--format', 'json']);
  return { dir, ...made, check: repeat(runs, () => measure([cli, 'check', dir, '--format', 'json'])) };
};
const resolved = shape('resolved', (d) => generateBroken(d, 200, 2000, true));
const broken = shape('broken', (d) => generateBroken(d, 200, 2000, false));
const huge = shape('broken-huge', (d) => generateBroken(d, 2000, 20000, false));
log(`\nbroken references: 2,000 items, 200 goals: all resolved ${resolved.check.wallMs.toFixed(0)} ms, all broken ${broken.check.wallMs.toFixed(0)} ms (${(broken.check.wallMs / resolved.check.wallMs).toFixed(2)}×); 20,000 items, 2,000 goals, all broken: ${(huge.check.wallMs / 1000).toFixed(2)} s`);
const brokenEdits = JSON.parse(spawnSync(process.execPath, [path.join(REPO, 'dist', 'test', 'bench', 'incremental.js'), broken.dir, '200', 'roadmap.md'], { encoding: 'utf8' }).stdout) as { p50: number; p95: number; max: number };
log(`re-check after one edit, 2,000 broken references: p50 ${brokenEdits.p50.toFixed(1)} ms, p95 ${brokenEdits.p95.toFixed(1)} ms`);
const tablesDir = path.join(WORKSPACES, 'tables');
generateTables(tablesDir);
const tableDoc = JSON.parse(spawnSync(process.execPath, [path.join(REPO, 'dist', 'test', 'bench', 'doc.js'), path.join(tablesDir, 'goals.md')], { encoding: 'utf8' }).stdout) as { bytes: number; ms: number; usPerByte: number };
log(`table-heavy goals doc (${(tableDoc.bytes / 1024).toFixed(0)} KB, 551 rows): ${tableDoc.ms.toFixed(0)} ms, ${tableDoc.usPerByte.toFixed(2)} µs a byte`);
const lists = shape('lists', (d) => generateLists(d, SIZES['medium']!));
const listsFloor = repeat(runs, () => measure([floor, lists.dir]));
log(`list-layout repository (${lists.files} files): ${lists.check.wallMs.toFixed(0)} ms, floor ${listsFloor.wallMs.toFixed(0)} ms (${(lists.check.wallMs / listsFloor.wallMs).toFixed(2)}×)`);

// The editor's first index, in a real VS Code (code-server, as the integration tests run it):
// 2,000 files against the CLI's cold check of the same files, and the longest stretch the extension
// host spent on 10,000 files without a break. Skipped with --no-editor.
interface Indexed {
  ms: number;
  listMs: number;
  longestSliceMs: number;
  checkMs: number;
  /** The longest slice of the folder's first check (linking, or one rule). */
  checkSliceMs: number;
  /** Publishing the findings and refreshing the views, in one block. */
  publishMs: number;
}
const editorIndex = (phase: 'index-2k' | 'index-10k'): Indexed | undefined => {
  const out = path.join(os.tmpdir(), `throughline-${phase}.json`);
  fs.rmSync(out, { force: true });
  const r = spawnSync(process.execPath, [path.join(REPO, 'dist', 'test', 'harness', 'run-code-server.js'), '--phase', phase], {
    cwd: REPO,
    env: { ...process.env, THROUGHLINE_BENCH_OUT: out, THROUGHLINE_TEST_TIMEOUT_MS: '900000' },
    encoding: 'utf8',
  });
  if (r.status !== 0 || !fs.existsSync(out)) {
    log(`  (${phase} did not run: ${(r.stderr || r.stdout).split('\n').slice(-3).join(' ')})`);
    return undefined;
  }
  return JSON.parse(fs.readFileSync(out, 'utf8')) as Indexed;
};
let index2k: Indexed | undefined;
let index10k: Indexed | undefined;
let cli2k: Measure | undefined;
if (!args.includes('--no-editor')) {
  index2k = editorIndex('index-2k');
  // The CLI on a copy outside this repository, whose .git would make the repository the project.
  const copy = path.join(WORKSPACES, 'index-2k');
  fs.rmSync(copy, { recursive: true, force: true });
  fs.cpSync(path.join(REPO, '.vscode-test', 'fixtures', 'index-2k'), copy, { recursive: true });
  cli2k = repeat(runs, () => measure([cli, 'check', copy, '--format', 'json']));
  if (index2k) log(`\neditor, first index of 2,000 files: ${(index2k.ms / 1000).toFixed(2)} s (CLI cold check ${(cli2k.wallMs / 1000).toFixed(2)} s: ${(index2k.ms / cli2k.wallMs).toFixed(2)}×), longest slice ${index2k.longestSliceMs.toFixed(0)} ms, first check ${index2k.checkMs} ms`);
  index10k = editorIndex('index-10k');
  if (index10k) log(`editor, first index of 10,000 files: ${(index10k.ms / 1000).toFixed(2)} s, longest slice ${index10k.longestSliceMs.toFixed(0)} ms reading, ${index10k.checkSliceMs} ms checking (the check ${index10k.checkMs} ms in all), publishing ${index10k.publishMs} ms`);
}

const incremental = JSON.parse(
  spawnSync(process.execPath, [path.join(REPO, 'dist', 'test', 'bench', 'incremental.js'), path.join(WORKSPACES, sizes.includes('medium') ? 'medium' : sizes[0]!), '200'], { encoding: 'utf8' }).stdout,
) as { edits: number; bytes: number; p50: number; p95: number; max: number; changedFiles: number };
log(`\nincremental re-check, ${incremental.edits} edits in a 2,000-item roadmap (${(incremental.bytes / 1024).toFixed(0)} KB): p50 ${incremental.p50.toFixed(1)} ms, p95 ${incremental.p95.toFixed(1)} ms, max ${incremental.max.toFixed(1)} ms`);

const activations = Array.from({ length: runs }, () =>
  JSON.parse(spawnSync(process.execPath, [path.join(REPO, 'dist', 'test', 'bench', 'activation.js'), path.join(REPO, 'dist', 'extension.js')], { encoding: 'utf8' }).stdout) as { load: number; activate: number; total: number },
);
const activation = { load: median(activations.map((a) => a.load)), activate: median(activations.map((a) => a.activate)), total: median(activations.map((a) => a.total)) };
log(`activation: load ${activation.load.toFixed(1)} ms + activate ${activation.activate.toFixed(1)} ms = ${activation.total.toFixed(1)} ms`);

const extensionKB = fs.statSync(path.join(REPO, 'dist', 'extension.js')).size / 1024;
// The `browser` entry: what vscode.dev and github.dev download before the extension can start.
const webKB = fs.statSync(path.join(REPO, 'dist', 'web', 'extension.js')).size / 1024;
const vsix = fs.readdirSync(path.join(REPO, 'dist')).find((f) => f.endsWith('.vsix'));
const vsixKB = vsix ? fs.statSync(path.join(REPO, 'dist', vsix)).size / 1024 : NaN;
log(`dist/extension.js ${extensionKB.toFixed(0)} KB, dist/web/extension.js ${webKB.toFixed(0)} KB, ${vsix ?? '(no .vsix: run npm run package)'} ${vsixKB.toFixed(0)} KB`);

const md = [
  `# Throughline benchmark`,
  '',
  `${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}. Medians of ${runs} runs (remark-validate-links: ${peerRuns('medium')}, 1 on large). Wall time is process start to exit; memory is peak resident.`,
  '',
  '| Workspace | `throughline check` | Floor: remark-parse every file | Throughline ÷ floor | remark-cli + remark-validate-links | Throughline ÷ peer |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
  '',
  '| Measure | Result | Target |',
  '| --- | --- | --- |',
  `| Re-check after one edit, 2,000-item roadmap (${(incremental.bytes / 1024).toFixed(0)} KB), ${incremental.edits} edits | p50 ${incremental.p50.toFixed(1)} ms, p95 ${incremental.p95.toFixed(1)} ms, max ${incremental.max.toFixed(1)} ms | p95 ≤ 30 ms |`,
  `| Cold check, 2,000 references all broken ÷ all resolved | ${(broken.check.wallMs / resolved.check.wallMs).toFixed(2)}× (${broken.check.wallMs.toFixed(0)} / ${resolved.check.wallMs.toFixed(0)} ms) | ≤ 1.5 |`,
  `| Re-check after one edit, 2,000 broken references | p50 ${brokenEdits.p50.toFixed(1)} ms, p95 ${brokenEdits.p95.toFixed(1)} ms | p95 ≤ 30 ms |`,
  `| 20,000 items, 2,000 goals, all broken, cold CLI | ${(huge.check.wallMs / 1000).toFixed(2)} s | ≤ 5 s |`,
  `| Table-heavy goals doc (${(tableDoc.bytes / 1024).toFixed(0)} KB) | ${tableDoc.usPerByte.toFixed(2)} µs a byte (${tableDoc.ms.toFixed(0)} ms) | ≤ 2 µs a byte |`,
  `| Cold check, list-layout repository (${lists.files} files) ÷ floor | ${(lists.check.wallMs / listsFloor.wallMs).toFixed(2)}× (${lists.check.wallMs.toFixed(0)} / ${listsFloor.wallMs.toFixed(0)} ms) | ≤ 0.12× |`,
  ...(index2k && cli2k ? [`| Editor's first index of 2,000 files ÷ CLI cold check | ${(index2k.ms / cli2k.wallMs).toFixed(2)}× (${(index2k.ms / 1000).toFixed(2)} / ${(cli2k.wallMs / 1000).toFixed(2)} s) | ≤ 2 |`] : []),
  ...(index10k ? [`| Longest analysis slice on the extension host, indexing 10,000 files | ${index10k.longestSliceMs.toFixed(0)} ms reading, ${index10k.checkSliceMs} ms checking, ${index10k.publishMs} ms publishing the findings (the first check ${index10k.checkMs} ms in all) | ≤ 50 ms |`] : []),
  `| Activation (load bundle + register providers) | ${activation.total.toFixed(1)} ms (load ${activation.load.toFixed(1)} + activate ${activation.activate.toFixed(1)}) | ≤ 50 ms |`,
  `| \`dist/extension.js\` (minified) | ${extensionKB.toFixed(0)} KB | ≤ 600 KB |`,
  `| \`dist/web/extension.js\` (minified, the web bundle) | ${webKB.toFixed(0)} KB | ≤ 600 KB |`,
  `| \`.vsix\` | ${vsixKB.toFixed(0)} KB | |`,
  '',
].join('\n');
fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'results.md'), md);
log(`\n${md}`);
log(`written to ${path.relative(REPO, path.join(OUT, 'results.md'))}`);
