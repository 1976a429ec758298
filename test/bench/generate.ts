import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Seeded synthetic workspaces in the documented format: products (vision, strategy, goals, roadmap)
 * among ordinary notes, in the proportions of a documentation repository. Same seed, same files.
 */

/** A small deterministic PRNG (mulberry32), so every run writes byte-identical workspaces. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'customer feedback roadmap team growth retention onboarding search billing export import sync mobile offline ' +
  'dashboard report alert insight pattern revenue churn trial pricing integration webhook admin role permission ' +
  'audit security privacy speed quality workflow template comment share invite notification calendar digest'
).split(' ');

class Writer {
  constructor(private readonly rnd: () => number) {}
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rnd() * list.length)]!;
  }
  words(n: number): string {
    return Array.from({ length: n }, () => this.pick(WORDS)).join(' ');
  }
  title(n = 3): string {
    const w = this.words(n);
    return w[0]!.toUpperCase() + w.slice(1);
  }
  sentence(n: number): string {
    return `${this.title(n)}.`;
  }
  int(n: number): number {
    return Math.floor(this.rnd() * n);
  }
}

export function roadmapText(w: Writer, items: number, goals: number): string {
  const out = ['# Roadmap', '', 'How we get there. Every item names the goal it moves.', ''];
  const horizons = ['Now', 'Next', 'Later'];
  let n = 0;
  for (const [h, horizon] of horizons.entries()) {
    const share = h === horizons.length - 1 ? items - n : Math.round(items / horizons.length);
    const headings = Math.round(share / 3);
    out.push(`## ${horizon}`, '');
    for (let i = 0; i < headings; i++) {
      n++;
      // About one item in twenty serves no goal, and one in a hundred names a goal that does not exist.
      const goal = w.int(100) === 0 ? `G${goals + 7}` : `G${1 + w.int(goals)}`;
      out.push(`### R${n}: ${w.title(3)}`, '');
      if (w.int(20) !== 0) out.push(`Goal: ${goal}`, '');
      out.push(w.sentence(6), '');
    }
    out.push(`## ${horizon}: smaller items`, '');
    for (let i = headings; i < share; i++) {
      n++;
      const trace = w.int(20) === 0 ? '' : ` — Goal: G${1 + w.int(goals)}`;
      out.push(`- R${n}: ${w.title(3)}${trace}`);
    }
    out.push('');
  }
  return out.join('\n');
}

function goalsText(w: Writer, goals: number): string {
  const out = ['# Goals', ''];
  for (let i = 1; i <= goals; i++) {
    out.push(`## G${i}: ${w.title(3)}`, '', `Vision: V${1 + ((i - 1) % 4)}`);
    if (w.int(10) !== 0) out.push(`Metric: ${w.words(3)} from ${w.int(50)}% to ${50 + w.int(50)}% by Q${1 + w.int(4)}`);
    out.push('', w.sentence(20), '');
  }
  return out.join('\n');
}

function visionText(w: Writer, name: string): string {
  const out = [`# ${name} vision`, '', w.sentence(30), ''];
  for (let i = 1; i <= 4; i++) out.push(`## Pillar: ${w.title(3)} {#V${i}}`, '', w.sentence(25), '');
  return out.join('\n');
}

function strategyText(w: Writer): string {
  return ['# Strategy', '', '## Who we serve', '', w.sentence(40), '', '## Problem', '', w.sentence(40), '', '## Why now', '', w.sentence(40), ''].join('\n');
}

/** An ordinary note of about 4 KB: headings, prose, lists, links, sometimes front matter or code. */
function noteText(w: Writer, i: number): string {
  const out: string[] = [];
  if (w.int(2) === 0) out.push('---', `title: ${w.title(4)}`, `tags: [${w.words(2).replace(' ', ', ')}]`, '---', '');
  out.push(`# ${w.title(4)}`, '');
  for (let s = 0; s < 6; s++) {
    const target = w.int(i + 1);
    out.push(`## ${w.title(3)}`, '', w.sentence(45), '', `- ${w.sentence(8)}`, `- See [${w.words(2)}](../area-${target % 20}/note-${target}.md)`, `- ${w.sentence(10)}`, '');
    if (w.int(8) === 0) out.push('```sh', `run ${w.words(3)}`, '```', '');
  }
  return out.join('\n');
}

export interface WorkspaceSpec {
  products: number;
  notes: number;
  goalsPerProduct: number;
  itemsPerRoadmap: number;
}

/** Writes a synthetic workspace into `dir` (emptied first); returns the number of files and bytes. */
export function generateWorkspace(dir: string, spec: WorkspaceSpec, seed = 1): { files: number; bytes: number } {
  fs.rmSync(dir, { recursive: true, force: true });
  const w = new Writer(random(seed));
  let files = 0;
  let bytes = 0;
  const write = (rel: string, text: string) => {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    files++;
    bytes += Buffer.byteLength(text);
  };
  for (let p = 0; p < spec.products; p++) {
    const folder = `products/product-${p}`;
    write(`${folder}/vision.md`, visionText(w, `Product ${p}`));
    write(`${folder}/strategy.md`, strategyText(w));
    write(`${folder}/goals.md`, goalsText(w, spec.goalsPerProduct));
    write(`${folder}/roadmap.md`, roadmapText(w, spec.itemsPerRoadmap, spec.goalsPerProduct));
  }
  for (let i = 0; i < spec.notes; i++) write(`notes/area-${i % 20}/note-${i}.md`, noteText(w, i));
  return { files, bytes };
}

export const SIZES: Record<string, WorkspaceSpec> = {
  small: { products: 1, notes: 96, goalsPerProduct: 20, itemsPerRoadmap: 200 },
  medium: { products: 10, notes: 1000, goalsPerProduct: 20, itemsPerRoadmap: 200 },
  large: { products: 100, notes: 9600, goalsPerProduct: 20, itemsPerRoadmap: 200 },
};

export { Writer };
