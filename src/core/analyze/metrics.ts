import type { RootContent } from 'mdast';
import { plainText } from '../markdown';

// What states a measurable target in a goal (docs/rules/goal-missing-metric.md).

const METRIC_LINE =
  /^(\*\*|__|\*|_)?(?:metrics?|targets?|kpis?|key results?|success metrics?|success measures?|measures? of success|measured by|kr)\1?\s*:\1?\s*(.*)$/i;
const KR_ID_LINE = /^(\*\*|__|\*|_)?KR[-.]?\d+(?:\.\d+)?\1?[:.)\s-]\s*(\S.*)$/;
/** `Key Result 1: …`, `Key result 2 - …`: a numbered key result written out, as sourcegraph's OKRs do. */
const KEY_RESULT_N_LINE = /^(\*\*|__|\*|_)?key\s+results?\s*#?\d+(?:\.\d+)?\1?(?:\s*[:.)\-—–]|\s)\s*(\S.*)$/i;
const KEY_RESULTS_INTRO = /\bkey results?\b|\bKRs?\b/i;
const PLACEHOLDER = /^(?:tbd|tbc|todo|n\/?a|none|-|—|\?+|…|\.\.\.)?\.?$/i;

/** A line that states a target: `Metric: …`, `KR1.2 …`, `Key result 2 - …`, with a value that is not a placeholder. */
export function isMetricLine(line: string): boolean {
  const m = METRIC_LINE.exec(line);
  if (m && !/^(?:\*\*|__|\*|_)?(?:kr|key results?)\b/i.test(line)) return !isPlaceholder(m[2] ?? '');
  // A key result measures when it states a number (`KR: 5 new logos`); `KR: playbook written` is a task.
  const kr = m ?? KR_ID_LINE.exec(line) ?? KEY_RESULT_N_LINE.exec(line);
  return !!kr && !isPlaceholder(kr[2] ?? '') && /\d/.test(kr[2] ?? '');
}

/** Whether a list after this node lists key results: a heading or line naming them, or a metric label with no value (`Metrics:`). */
export function isKeyResultsIntro(node: RootContent): boolean {
  if (node.type !== 'heading' && node.type !== 'paragraph') return false;
  const text = plainText(node);
  if (KEY_RESULTS_INTRO.test(text)) return true;
  const last = METRIC_LINE.exec(text.split(/\r\n|\r|\n/).pop()!.trim());
  return node.type === 'paragraph' && !!last && stripMarks(last[2] ?? '') === '';
}

/** Whether a table cell's text is a metric label (`Metric`, `Target:`, `KR1.2`), going by the metric lines. */
export function isMetricLabel(label: string): boolean {
  const line = `${stripMarks(label).replace(/:$/, '')}: x`;
  return METRIC_LINE.test(line) || KR_ID_LINE.test(line) || KEY_RESULT_N_LINE.test(line);
}

/** A value that holds the place of a target not written yet: `TBD`, `N/A`, `?`, nothing. */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(stripMarks(value));
}

export function stripMarks(s: string): string {
  return s.replace(/[*_`~]/g, '').trim();
}
