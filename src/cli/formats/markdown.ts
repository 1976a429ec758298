import { LANE_LABEL, type LaneAlignment, type MapProduct, type Severity, type Summary } from '../../core';
import { countBySeverity, summaryLine, type JsonDiagnostic } from '../output';
import type { Linker } from './links';

// A summary for a pull-request comment or `$GITHUB_STEP_SUMMARY` (GitHub Flavored Markdown): the
// alignment per product and horizon, then the gaps as a table with links to the line and the rule.

/** Rows of the gaps table before the rest is summed up: a PR comment holds at most 65,536 characters. */
const MAX_ROWS = 200;

const ICON: Record<Severity, string> = { error: '🔴 error', warning: '🟠 warning', information: '🔵 info', hint: '⚪ hint' };

export function formatMarkdown(diagnostics: readonly JsonDiagnostic[], summary: Summary, products: readonly MapProduct[], links: Linker, folderName: string): string {
  const out: string[] = [];
  const headline = summary.alignment === null ? 'no roadmap items yet' : `${percent(summary.alignment)} of the roadmap traces to a goal`;
  out.push(`## Throughline: ${headline}`, '', summaryLine(summary, countBySeverity([...diagnostics])), '');
  const withItems = products.filter((p) => p.summary.roadmapItems > 0 || p.summary.goals > 0);
  if (withItems.length > 0) {
    out.push('| Product | Aligned | Now | Next | Later | Goals nothing moves |', '| --- | --- | --- | --- | --- | --- |');
    for (const p of withItems) {
      const idle = [...p.pillars.flatMap((x) => x.goals), ...p.goalsWithoutVision].filter((g) => g.total === 0).length;
      const aligned = p.summary.alignment === null ? '–' : `${percent(p.summary.alignment)} (${p.summary.tracedItems} of ${p.summary.roadmapItems})`;
      out.push(`| ${cell(productName(p, folderName))} | ${aligned} | ${lane(p.byLane.now)} | ${lane(p.byLane.next)} | ${lane(p.byLane.later)} | ${idle} of ${p.summary.goals} |`);
    }
    out.push('', `*Aligned*: roadmap items that trace to a goal. ${LANE_LABEL.now}, ${LANE_LABEL.next} and ${LANE_LABEL.later} come from the horizon headings items sit under.`, '');
  }
  if (diagnostics.length === 0) {
    out.push('No gaps: every roadmap item traces to a goal, and every goal to the vision. ✅');
    return out.join('\n');
  }
  out.push(`### Gaps (${diagnostics.length})`, '', '| | Where | Finding | Rule |', '| --- | --- | --- | --- |');
  for (const d of diagnostics.slice(0, MAX_ROWS)) {
    const docs = links.rule(d.rule);
    const rule = docs ? `[\`${d.rule}\`](${docs})` : `\`${d.rule}\``;
    out.push(`| ${ICON[d.severity]} | [${cell(`${d.file}:${d.line}`)}](${links.source(d.file, d.line)}) | ${cell(d.message)} | ${rule} |`);
  }
  if (diagnostics.length > MAX_ROWS) out.push('', `… and ${diagnostics.length - MAX_ROWS} more: run \`throughline check\` for every finding.`);
  return out.join('\n');
}

function productName(p: MapProduct, folderName: string): string {
  if (p.label && p.scope) return `${p.label} (${p.scope})`;
  return p.label || p.scope || `${folderName} (top level)`;
}

function lane(a: LaneAlignment): string {
  return a.alignment === null ? '–' : `${percent(a.alignment)} (${a.traced} of ${a.items})`;
}

function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/** Text inside a table cell: no line breaks, pipes escaped, and no HTML. */
export function cell(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/[|[\]]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
