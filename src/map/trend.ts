import { LANE_LABEL, type Lane, type Trend, type TrendCount } from '../core';
import { esc } from './html';

// Alignment over time as a picture (`throughline report`, the editor's trend view): per product, a
// line for the whole roadmap and one per horizon, the share of items that trace to a goal at each
// week's last commit, with the target as a dashed line; and the same figures as a table, for
// screen readers and for anyone who wants the numbers. Inline SVG, no script.

const SERIES: ReadonlyArray<{ key: 'all' | Lane; label: string }> = [
  { key: 'all', label: 'All items' },
  { key: 'now', label: LANE_LABEL.now },
  { key: 'next', label: LANE_LABEL.next },
  { key: 'later', label: LANE_LABEL.later },
];

const W = 640;
const H = 180;
const PAD = { left: 40, right: 12, top: 10, bottom: 28 };

export function renderTrend(trend: Trend, options: { folderName: string; heading?: boolean } = { folderName: '' }): string {
  const out: string[] = ['<section class="trend" aria-labelledby="trend-title">'];
  if (options.heading !== false) out.push('<h2 id="trend-title">Alignment over time</h2>');
  else out.push('<h2 id="trend-title" class="sr">Alignment over time</h2>');
  const weeks = trend.points.length;
  out.push(`<p class="lede">The share of each product's roadmap items that trace to a goal, at each week's last commit since ${esc(trend.since)} (${weeks} ${weeks === 1 ? 'week' : 'weeks'}; target ${Math.round(trend.target * 100)}%).</p>`);
  if (weeks === 0) {
    out.push(`<p class="empty">No commits since ${esc(trend.since)}: nothing to draw yet.</p></section>`);
    return out.join('\n');
  }
  trend.products.forEach((p, i) => out.push(chart(trend, p.scope, p.label || p.scope || `${options.folderName} (top level)`, i)));
  out.push('</section>');
  return out.join('\n');
}

function value(c: TrendCount | undefined): number | null {
  return c && c.alignment !== null ? c.alignment : null;
}

function chart(trend: Trend, scope: string, name: string, index: number): string {
  const points = trend.points;
  const series = SERIES.filter((s) => points.some((pt) => value(pick(pt.products[scope], s.key)) !== null));
  const x = (i: number) => PAD.left + (points.length === 1 ? (W - PAD.left - PAD.right) / 2 : (i * (W - PAD.left - PAD.right)) / (points.length - 1));
  const y = (v: number) => PAD.top + (1 - v) * (H - PAD.top - PAD.bottom);
  const last = points[points.length - 1]!.products[scope];
  const first = points.find((pt) => pt.products[scope])?.products[scope];
  const describe = (c: TrendCount | undefined) => (c && c.alignment !== null ? `${Math.round(c.alignment * 100)}%` : 'no items');
  const said = `${name}: ${series.map((s) => `${s.label} from ${describe(pick(first, s.key))} to ${describe(pick(last, s.key))}`).join('; ')}, over ${points.length} ${points.length === 1 ? 'week' : 'weeks'}`;
  const svg: string[] = [`<svg class="trend-chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(said)}">`];
  for (const v of [0, 0.5, 1]) {
    svg.push(`<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}"></line>`);
    svg.push(`<text class="axis" x="${PAD.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${Math.round(v * 100)}%</text>`);
  }
  svg.push(`<line class="target" x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(trend.target).toFixed(1)}" y2="${y(trend.target).toFixed(1)}"></line>`);
  const step = Math.max(1, Math.ceil(points.length / 6));
  points.forEach((pt, i) => {
    const anchor = points.length > 1 && i === points.length - 1 ? 'end' : i === 0 && points.length > 1 ? 'start' : 'middle';
    if (i % step === 0 || i === points.length - 1) svg.push(`<text class="axis" x="${x(i).toFixed(1)}" y="${H - 8}" text-anchor="${anchor}">${esc(pt.week.slice(5))}</text>`);
  });
  for (const s of series) {
    const coords = points.map((pt, i) => [i, value(pick(pt.products[scope], s.key))] as const).filter(([, v]) => v !== null) as Array<readonly [number, number]>;
    if (coords.length > 1) svg.push(`<polyline class="series ${s.key}" points="${coords.map(([i, v]) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ')}"></polyline>`);
    // No <title> in the points: VS Code's webview host does not show a page holding a second one.
    // The chart's label and the table of figures say what the points say.
    for (const [i, v] of coords) svg.push(`<circle class="series ${s.key}" cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3"></circle>`);
  }
  svg.push('</svg>');
  const legend = `<ul class="legend trend-legend">${series.map((s) => `<li><span class="swatch-line ${s.key}"></span>${esc(s.label)}</li>`).join('')}<li><span class="swatch-line target"></span>Target</li></ul>`;
  const head = `<tr><th scope="col">Week of</th><th scope="col">Commit</th>${series.map((s) => `<th scope="col" class="num">${esc(s.label)}</th>`).join('')}</tr>`;
  const rows = points.map((pt) => {
    const at = pt.products[scope];
    const cell = (c: TrendCount | undefined) => `<td class="num">${c && c.alignment !== null ? `${Math.round(c.alignment * 100)}% <span class="of">${c.traced}/${c.items}</span>` : '–'}</td>`;
    return `<tr><th scope="row">${esc(pt.week)}</th><td><code>${esc(pt.commit.slice(0, 7))}</code></td>${series.map((s) => cell(pick(at, s.key))).join('')}</tr>`;
  });
  return [
    `<figure class="trend-product" aria-labelledby="trend-p${index + 1}">`,
    `<figcaption id="trend-p${index + 1}"><strong>${esc(name)}</strong>${scope ? ` <span class="scope">${esc(scope)}/</span>` : ''}</figcaption>`,
    svg.join(''),
    legend,
    `<details data-id="trend-${esc(scope)}"><summary>The figures</summary><table class="rank trend-table"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></details>`,
    '</figure>',
  ].join('\n');
}

function pick(point: Trend['points'][number]['products'][string] | undefined, key: 'all' | Lane): TrendCount | undefined {
  if (!point) return undefined;
  return key === 'all' ? point.all : point.lanes[key];
}
