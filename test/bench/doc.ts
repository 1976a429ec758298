import * as fs from 'node:fs';
import * as path from 'node:path';
import { Workspace, mergeConfig } from '../../src/core';

// The cost of one product doc, in-process: reading it into a fresh workspace and checking it, median
// of a few runs, per byte (the table-heavy goals doc of issue 13).
const [file, runsArg] = process.argv.slice(2);
const text = fs.readFileSync(file!, 'utf8');
const runs = Number(runsArg ?? 7);
const times: number[] = [];
for (let i = 0; i < runs + 1; i++) {
  const ws = new Workspace('file:///bench', mergeConfig(), { incremental: false });
  const t0 = performance.now();
  ws.update(`file:///bench/${path.basename(file!)}`, text);
  ws.check();
  // The first run warms the JIT, as the editor's first keystroke after opening would.
  if (i > 0) times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const ms = times[Math.floor(times.length / 2)]!;
const bytes = Buffer.byteLength(text);
process.stdout.write(`${JSON.stringify({ bytes, ms, usPerByte: (ms * 1000) / bytes })}\n`);
