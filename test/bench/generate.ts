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

/**
 * Writes a synthetic workspace into `dir` (emptied first); returns the number of files and bytes.
 * `roadmap` writes each product's roadmap (headings and short bullets unless told otherwise).
 */
export function generateWorkspace(dir: string, spec: WorkspaceSpec, seed = 1, roadmap: (w: Writer, items: number, goals: number) => string = roadmapText): { files: number; bytes: number } {
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
    write(`${folder}/roadmap.md`, roadmap(w, spec.itemsPerRoadmap, spec.goalsPerProduct));
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

/**
 * The worst shapes the editor and CI meet (issue 13), each written into `dir` (emptied first):
 * - `broken`: `goals` goals and a roadmap of `items` items whose every reference names a goal ID
 *   that does not exist (goal IDs renumbered by hand), or, with `resolved`, the same references
 *   pointing at goals that exist;
 * - `tables`: a goals RFC of about 170 KB: goals as table rows with many inline links;
 * - `lists`: a repository whose roadmaps are bullet lists with bold titles and inline links, the
 *   most common real layout, among ordinary notes.
 */
export function generateBroken(dir: string, goals: number, items: number, resolved: boolean, seed = 11): { files: number; bytes: number } {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const w = new Writer(random(seed));
  const goalLines = ['# Goals', ''];
  for (let i = 1; i <= goals; i++) goalLines.push(`## G${i}: ${w.title(4)}`, '', `Metric: ${w.words(3)} from ${w.int(50)}% to ${50 + w.int(50)}%`, '', w.sentence(12), '');
  const roadmap = ['# Roadmap', ''];
  const horizons = ['Now', 'Next', 'Later'];
  for (let i = 1; i <= items; i++) {
    if ((i - 1) % Math.ceil(items / 3) === 0) roadmap.push(`## ${horizons[Math.floor((i - 1) / Math.ceil(items / 3))]}`, '');
    const id = resolved ? 1 + w.int(goals) : goals + 1 + w.int(goals);
    roadmap.push(`- **${w.title(3)}** — ${w.sentence(6)} Goal: G${id}`);
  }
  const files: Array<[string, string]> = [
    ['vision.md', visionText(w, 'Broken')],
    ['goals.md', goalLines.join('\n')],
    ['roadmap.md', roadmap.join('\n') + '\n'],
  ];
  let bytes = 0;
  for (const [name, text] of files) {
    fs.writeFileSync(path.join(dir, name), text);
    bytes += Buffer.byteLength(text);
  }
  return { files: files.length, bytes };
}

export function tableGoalsText(w: Writer, rows: number): string {
  const out = ['# Goals RFC', '', w.sentence(40), '', '## Goals', '', '| ID | Goal | Owner | Metric | Links |', '| --- | --- | --- | --- | --- |'];
  for (let i = 1; i <= rows; i++) {
    const links = Array.from({ length: 3 }, () => `[${w.words(2)}](https://example.com/${w.words(1)}/${w.int(9999)})`).join(', ');
    out.push(`| G${i} | ${w.title(5)} — see [${w.words(2)}](#${w.words(1)}) and **${w.words(2)}** | @${w.words(1)} | ${w.words(3)} from ${w.int(50)}% to ${50 + w.int(50)}% | ${links} |`);
  }
  out.push('', '## Background', '', w.sentence(60), '');
  return out.join('\n');
}

export function generateTables(dir: string, rows = 551, seed = 12): { files: number; bytes: number } {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const text = tableGoalsText(new Writer(random(seed)), rows);
  fs.writeFileSync(path.join(dir, 'goals.md'), text);
  return { files: 1, bytes: Buffer.byteLength(text) };
}

function listRoadmapText(w: Writer, items: number, goals: number): string {
  const out = ['# Roadmap', '', `How we get there. See the [goals](goals.md) and the [vision](vision.md).`, ''];
  for (const horizon of ['Now', 'Next', 'Later']) {
    out.push(`## ${horizon}`, '');
    for (let i = 0; i < items / 3; i++) {
      out.push(`- **${w.title(3)}**: ${w.sentence(8)} Tracked in [#${w.int(9999)}](https://example.com/issues/${w.int(9999)}), *${w.words(2)}*, \`${w.words(1)}\`. Goal: G${1 + w.int(goals)}`);
    }
    out.push('');
  }
  return out.join('\n');
}

export function generateLists(dir: string, spec: WorkspaceSpec, seed = 13): { files: number; bytes: number } {
  return generateWorkspace(dir, spec, seed, listRoadmapText);
}
