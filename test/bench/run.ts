import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SIZES, generateWorkspace } from './generate';

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
