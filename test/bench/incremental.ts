import * as fs from 'node:fs';
import * as path from 'node:path';
import { Workspace, mergeConfig, type Issue } from '../../src/core';
import { Writer, random, roadmapText } from './generate';

// Re-check latency after single-character edits in a 2,000-item roadmap, in-process, as the editor
// does it: update the document, re-check, and work out which files' diagnostics changed. With a
// third argument, the roadmap edited is that file of the workspace as it is (the broken-references
// shape), typing into its bold item titles.
const [dir, editsArg, roadmapArg] = process.argv.slice(2);
const edits = Number(editsArg ?? 200);
const ws = new Workspace('file:///bench', mergeConfig());
const walk = (d: string): void => {
  for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
    const full = path.join(d, entry.name);
    if (entry.isDirectory()) walk(full);
    else {
      const rel = path.relative(dir!, full).split(path.sep).join('/');
      if (ws.mayHaveKind(rel, () => fs.readFileSync(full, 'utf8').slice(0, 4096))) ws.update(`file:///bench/${rel}`, fs.readFileSync(full, 'utf8'));
    }
  }
};
walk(dir!);
const uri = roadmapArg ? `file:///bench/${roadmapArg}` : 'file:///bench/products/product-0/roadmap.md';
let text = roadmapArg ? fs.readFileSync(path.join(dir!, roadmapArg), 'utf8') : roadmapText(new Writer(random(2026)), 2000, 20);
ws.update(uri, text);
const signature = (issues: Issue[]) => JSON.stringify(issues.map((i) => [i.rule, i.message, i.range]));
let published = new Map([...ws.check().issues].map(([u, list]) => [u, signature(list)]));

// Edit positions: inside item titles (after "### R12: " or "- R12: "), where people type.
const rnd = random(7);
const times: number[] = [];
let changedFiles = 0;
for (let i = 0; i < edits; i++) {
  const starts = [...text.matchAll(/^(?:### R\d+: |- R\d+: |- \*\*)/gm)].map((m) => m.index! + m[0].length);
  const at = starts[Math.floor(rnd() * starts.length)]!;
  const ch = 'abcdefghijklmnopqrstuvwxyz'[Math.floor(rnd() * 26)]!;
  text = text.slice(0, at) + ch + text.slice(at);
  const t0 = performance.now();
  ws.update(uri, text);
  const { issues } = ws.check();
  const next = new Map<string, string>();
  for (const [u, list] of issues) {
    const sig = signature(list);
    next.set(u, sig);
    if (published.get(u) !== sig) changedFiles++;
  }
  published = next;
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;
process.stdout.write(JSON.stringify({ edits, bytes: text.length, p50: pct(50), p95: pct(95), max: times[times.length - 1], changedFiles }) + '\n');
