import type { Graph, Issue, Severity, Summary } from '../core';

/** One diagnostic in the CLI's JSON contract (the JSON contract in README.md): one-based lines and columns. */
export interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: string;
  message: string;
}

export function toJsonDiagnostic(issue: Issue, file: string): JsonDiagnostic {
  return {
    file,
    line: issue.range.start.line + 1,
    column: issue.range.start.character + 1,
    endLine: issue.range.end.line + 1,
    endColumn: issue.range.end.character + 1,
    severity: issue.severity,
    rule: issue.rule,
    message: issue.message,
  };
}

export function formatJson(diagnostics: JsonDiagnostic[], summary: Summary): string {
  return JSON.stringify({ version: 1, diagnostics, summary }, null, 2);
}

export interface Counts {
  error: number;
  warning: number;
  information: number;
  hint: number;
}

export function countBySeverity(diagnostics: JsonDiagnostic[]): Counts {
  const counts: Counts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

const COLORS: Record<Severity, string> = { error: '31', warning: '33', information: '36', hint: '90' };

/** Compiler-style lines (`file:line:col severity message [rule]`) and a summary line. */
export function formatText(diagnostics: JsonDiagnostic[], summary: Summary, color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const lines = diagnostics.map(
    (d) => `${d.file}:${d.line}:${d.column} ${paint(COLORS[d.severity], d.severity)} ${d.message} ${paint('90', `[${d.rule}]`)}`,
  );
  if (lines.length > 0) lines.push('');
  lines.push(summaryLine(summary, countBySeverity(diagnostics)));
  return lines.join('\n');
}

export function summaryLine(summary: Summary, counts: Counts): string {
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const alignment = summary.alignment === null ? 'no roadmap items yet' : `${Math.round(summary.alignment * 100)}% aligned`;
  const findings = [
    plural(counts.error, 'error'),
    plural(counts.warning, 'warning'),
    ...(counts.information ? [plural(counts.information, 'info', 'info')] : []),
    ...(counts.hint ? [plural(counts.hint, 'hint')] : []),
  ].join(', ');
  return `${plural(summary.files, 'product doc')}, ${plural(summary.goals, 'goal')}, ${plural(summary.roadmapItems, 'roadmap item')} (${summary.tracedItems} traced, ${alignment}); ${findings}`;
}

/** A readable outline of the graph: vision → goals → roadmap items, with what traces where. */
export function formatGraphText(graph: Graph): string {
  const byKey = new Map(graph.nodes.map((n) => [n.key, n]));
  const into = new Map<string, string[]>();
  for (const e of graph.edges) {
    const list = into.get(e.to) ?? [];
    list.push(e.from);
    into.set(e.to, list);
  }
  const label = (key: string) => {
    const n = byKey.get(key)!;
    return `${n.id && n.id !== n.title ? `${n.id} ` : ''}${n.title}  (${n.file}:${n.line})`;
  };
  const out: string[] = [];
  const goalsShown = new Set<string>();
  const itemsShown = new Set<string>();
  const showGoal = (goal: string, indent: string) => {
    goalsShown.add(goal);
    out.push(`${indent}goal ${label(goal)}`);
    for (const item of into.get(goal) ?? []) {
      itemsShown.add(item);
      out.push(`${indent}  item ${label(item)}`);
    }
  };
  for (const vision of graph.nodes.filter((n) => n.kind === 'vision')) {
    out.push(`vision ${label(vision.key)}`);
    const sections = graph.nodes.filter((n) => n.kind === 'vision-section' && n.file === vision.file);
    for (const target of [vision.key, ...sections.map((s) => s.key)]) {
      const goals = (into.get(target) ?? []).filter((k) => byKey.get(k)?.kind === 'goal');
      if (goals.length === 0) continue;
      if (target !== vision.key) out.push(`  pillar ${label(target)}`);
      for (const goal of goals) if (!goalsShown.has(goal)) showGoal(goal, target === vision.key ? '  ' : '    ');
    }
  }
  const loneGoals = graph.nodes.filter((n) => n.kind === 'goal' && !goalsShown.has(n.key));
  if (loneGoals.length) out.push('goals tracing to no vision');
  for (const goal of loneGoals) showGoal(goal.key, '  ');
  const loneItems = graph.nodes.filter((n) => n.kind === 'roadmap-item' && !itemsShown.has(n.key));
  if (loneItems.length) out.push('roadmap items tracing to no goal');
  for (const item of loneItems) out.push(`  item ${label(item.key)}`);
  return out.join('\n');
}
