import type { Workspace } from '../../src/core';
import { relPath } from './helpers';

// Scores how a workspace was read against what a careful reader sees in it (the labels described in
// test/fixtures/corpus/LABELS.md): precision and recall of items, goals and traces, and of findings.

export interface Label {
  repo: string;
  vision?: Array<{ file: string; line: number; kind: string }>;
  goals?: Array<{ file: string; line: number; metric?: boolean }>;
  items?: Array<{ file: string; line: number }>;
  traces?: Array<{ from: string; to: string; how: string }>;
  dangling?: Array<{ file: string; line: number; item?: string }>;
  strategy?: Array<{ file: string; missing?: string[] }>;
  other?: Array<{ rule: string; file: string; line: number }>;
}

export interface Counts {
  tp: number;
  got: number;
  want: number;
}

export interface RepoScore {
  items: Counts;
  goals: Counts;
  traces: Counts;
  /** True findings among those the rules report, and the labelled gaps found. */
  findings: { tp: number; got: number; want: number; found: number };
  misses: string[];
}

const RULES = new Set(['untraced-item', 'unknown-reference', 'goal-without-vision', 'goal-without-items', 'missing-vision', 'strategy-missing-section', 'goal-missing-metric', 'duplicate-id', 'invalid-front-matter', 'unknown-kind']);
const at = (file: string, line: number) => `${file}:${line}`;

export function scoreRepo(ws: Workspace, label: Label): RepoScore {
  const graph = ws.graph();
  const check = ws.check();
  const nodes = new Map(graph.nodes.map((n) => [n.key, n]));
  const misses: string[] = [];
  const nodeScore = (kind: 'roadmap-item' | 'goal', want: Array<{ file: string; line: number }>): Counts => {
    const wanted = new Set(want.map((x) => at(x.file, x.line)));
    const got = new Set(graph.nodes.filter((n) => n.kind === kind).map((n) => at(n.file, n.line)));
    for (const w of wanted) if (!got.has(w)) misses.push(`missed ${kind} ${w}`);
    for (const g of got) if (!wanted.has(g)) misses.push(`extra ${kind} ${g}`);
    return { tp: [...got].filter((g) => wanted.has(g)).length, got: got.size, want: wanted.size };
  };
  const items = nodeScore('roadmap-item', label.items ?? []);
  const goals = nodeScore('goal', label.goals ?? []);

  // Traces: both ends on the labelled lines; an edge to the vision reaches the labelled vision file.
  const visions = (label.vision ?? []).filter((v) => v.kind === 'vision');
  const visionLines = new Set(visions.map((v) => at(v.file, v.line)));
  const got = graph.edges.flatMap((e) => {
    const a = nodes.get(e.from);
    const b = nodes.get(e.to);
    return a && b ? [{ from: at(a.file, a.line), to: at(b.file, b.line), toVision: b.kind === 'vision' ? b.file : undefined }] : [];
  });
  const used = new Set<number>();
  let traceTp = 0;
  for (const t of label.traces ?? []) {
    const i = got.findIndex((g, k) => !used.has(k) && g.from === t.from && (g.to === t.to || (visionLines.has(t.to) && g.toVision === t.to.replace(/:\d+$/, ''))));
    if (i >= 0) {
      used.add(i);
      traceTp++;
    } else misses.push(`missed trace ${t.from} -> ${t.to}`);
  }
  const traces = { tp: traceTp, got: got.length, want: (label.traces ?? []).length };

  // Findings: true when they state a real gap of a labelled thing.
  const itemKeys = new Set((label.items ?? []).map((x) => at(x.file, x.line)));
  const goalByKey = new Map((label.goals ?? []).map((x) => [at(x.file, x.line), x]));
  const tracedFrom = new Set((label.traces ?? []).map((t) => t.from));
  const tracedTo = new Set((label.traces ?? []).map((t) => t.to));
  const visionAll = new Set((label.vision ?? []).map((v) => at(v.file, v.line)));
  const goalHasVision = (k: string) => (label.traces ?? []).some((t) => t.from === k && visionAll.has(t.to));
  const hasGoals = goalByKey.size > 0;
  const hasVision = (label.vision ?? []).length > 0;
  const dangling = new Set((label.dangling ?? []).map((d) => at(d.file, d.line)));
  const broken = new Set((label.dangling ?? []).flatMap((d) => (d.item ? [d.item] : [])));
  const strategyLeft = new Map((label.strategy ?? []).filter((s) => (s.missing ?? []).length).map((s) => [s.file, s.missing!.length]));
  const strategyWant = [...strategyLeft.values()].reduce((a, b) => a + b, 0);
  const other = new Set((label.other ?? []).map((o) => `${o.rule} ${at(o.file, o.line)}`));
  const expected = new Set<string>();
  for (const k of itemKeys) if (!tracedFrom.has(k) && !broken.has(k) && hasGoals) expected.add(`untraced-item ${k}`);
  for (const [k, g] of goalByKey) {
    if (!goalHasVision(k) && hasVision) expected.add(`goal-without-vision ${k}`);
    if (!tracedTo.has(k)) expected.add(`goal-without-items ${k}`);
    if (g.metric === false) expected.add(`goal-missing-metric ${k}`);
  }
  for (const k of dangling) expected.add(`unknown-reference ${k}`);
  for (const o of other) expected.add(o);
  const missingVisionWanted = !hasVision && hasGoals;
  let missingVisionOk = missingVisionWanted;
  let tp = 0;
  let scored = 0;
  const found = new Set<string>();
  for (const issues of check.issues.values()) {
    for (const issue of issues) {
      if (!RULES.has(issue.rule)) continue;
      scored++;
      const file = relPath(issue.uri);
      const k = at(file, issue.range.start.line + 1);
      let ok = false;
      switch (issue.rule) {
        case 'untraced-item':
          ok = itemKeys.has(k) && !tracedFrom.has(k);
          break;
        case 'goal-without-vision':
          ok = goalByKey.has(k) && !goalHasVision(k);
          break;
        case 'goal-without-items':
          ok = goalByKey.has(k) && !tracedTo.has(k);
          break;
        case 'goal-missing-metric':
          ok = goalByKey.get(k)?.metric === false;
          break;
        case 'missing-vision':
          ok = missingVisionOk;
          missingVisionOk = false;
          break;
        case 'unknown-reference':
          ok = dangling.has(k);
          break;
        case 'strategy-missing-section': {
          const left = strategyLeft.get(file) ?? 0;
          ok = left > 0;
          if (ok) strategyLeft.set(file, left - 1);
          break;
        }
        default:
          ok = other.has(`${issue.rule} ${k}`);
      }
      if (ok) {
        tp++;
        found.add(`${issue.rule} ${k}`);
      } else misses.push(`wrong finding ${issue.rule} ${k}`);
    }
  }
  const foundExpected =
    [...expected].filter((e) => found.has(e)).length +
    (strategyWant - [...strategyLeft.values()].reduce((a, b) => a + b, 0)) +
    (missingVisionWanted && !missingVisionOk ? 1 : 0);
  const want = expected.size + strategyWant + (missingVisionWanted ? 1 : 0);
  return { items, goals, traces, findings: { tp, got: scored, want, found: foundExpected }, misses };
}

export function precision(c: { tp: number; got: number; want: number }): number {
  return c.got ? c.tp / c.got : c.want ? 0 : 1;
}

export function recall(c: { tp: number; want: number }): number {
  return c.want ? c.tp / c.want : 1;
}

export function f1(c: Counts): number {
  const p = precision(c);
  const r = recall(c);
  return p + r ? (2 * p * r) / (p + r) : 0;
}

export function sum<T extends object>(list: T[]): T {
  const out: Record<string, number> = {};
  for (const x of list) for (const [k, v] of Object.entries(x)) out[k] = (out[k] ?? 0) + (v as number);
  return out as T;
}
