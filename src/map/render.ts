import { LANES, LANE_LABEL, type Lane, type LaneAlignment, type MapGap, type MapGoal, type MapItem, type MapNode, type MapProduct, type StrategyMap } from '../core';
import { CLIENT_SCRIPT } from './client';
import { esc, htmlPage } from './html';
import { renderRanking } from './prioritise';
import { STYLE } from './style';
import { renderTrend } from './trend';

// The Strategy Map drawn as HTML: per product, the vision above a swimlane table (pillar → goal →
// roadmap items in Now / Next / Later), each goal with its items per horizon, gaps as badges on the
// nodes they are about, the alignment per horizon, a traceability matrix and every gap in a table.
// Pure: no Node, no VS Code. The CLI writes it as a self-contained file (`throughline report`); the
// editor shows it in a webview, with a nonce'd script that turns clicks into messages.

export interface RenderOptions {
  /** The workspace folder's name, for a top-level product without a vision. */
  folderName: string;
  /** Where a node or finding links to (a relative path, a commit URL); the webview passes none. */
  href?: (target: { file: string; line: number; uri: string }) => string;
  /** A rule's documentation page; badges link to it when given. */
  ruleHref?: (rule: string) => string | undefined;
  /** Printed under the title: when and from what the map was made. */
  subtitle?: string;
  /** The webview: a nonce for its one style and one script, and no links leaving the page. */
  webview?: { nonce: string };
  /** Above this many roadmap items a product shows counts per goal and horizon, expandable. */
  collapseAbove?: number;
}

export const COLLAPSE_ABOVE = 120;

/** A whole HTML document: the report file, or the webview's page. */
export function renderMapDocument(map: StrategyMap, options: RenderOptions): string {
  const csp = options.webview
    ? `default-src 'none'; style-src 'nonce-${options.webview.nonce}'; script-src 'nonce-${options.webview.nonce}'; img-src data:;`
    : "default-src 'none'; style-src 'unsafe-inline'; img-src data:;";
  return htmlPage({
    title: `Strategy Map · ${options.folderName}`,
    csp,
    style: STYLE,
    ...(options.webview ? { nonce: options.webview.nonce, script: CLIENT_SCRIPT } : {}),
    bodyClass: options.webview ? 'webview' : 'report',
    mainId: 'map',
    main: renderMapBody(map, options),
  });
}

/** The page's content, which the webview swaps in place as documents change. */
export function renderMapBody(map: StrategyMap, options: RenderOptions): string {
  tips = 0;
  const out: string[] = [];
  const totalItems = map.products.reduce((n, p) => n + p.summary.roadmapItems, 0);
  const traced = map.products.reduce((n, p) => n + p.summary.tracedItems, 0);
  out.push('<header class="page">');
  out.push(`<h1>Strategy Map <span class="folder">${esc(options.folderName)}</span></h1>`);
  const overall = totalItems ? `${pct(traced / totalItems)} of the roadmap traces to a goal (${traced} of ${totalItems} items)` : 'No roadmap items yet';
  out.push(`<p class="lede">${esc(overall)} · ${map.findings} ${map.findings === 1 ? 'gap' : 'gaps'}${options.subtitle ? ` · ${esc(options.subtitle)}` : ''}</p>`);
  out.push(legend());
  out.push('</header>');
  if (map.products.length === 0) out.push('<p class="empty">No product docs here yet: Throughline reads a vision, a strategy, goals and a roadmap written in Markdown.</p>');
  map.products.forEach((p, i) => out.push(product(p, i, options)));
  if (map.ranking) out.push(renderRanking(map.ranking, options));
  if (map.trend) out.push(renderTrend(map.trend, { folderName: options.folderName }));
  out.push(gapsTable(map, options));
  return out.join('\n');
}

function legend(): string {
  return [
    '<ul class="legend" aria-label="Legend">',
    '<li><span class="swatch vision"></span>Vision</li>',
    '<li><span class="swatch pillar"></span>Pillar</li>',
    '<li><span class="swatch goal"></span>Goal</li>',
    '<li><span class="swatch item"></span>Roadmap item</li>',
    '<li><span class="gap error">error</span><span class="gap warning">warning</span><span class="gap information">info</span> gaps, as the checks report them</li>',
    '</ul>',
  ].join('');
}

function product(p: MapProduct, index: number, options: RenderOptions): string {
  const id = `p${index + 1}`;
  const name = p.label || p.scope || `${options.folderName} (top level)`;
  const collapse = p.summary.roadmapItems > (options.collapseAbove ?? COLLAPSE_ABOVE);
  const out: string[] = [`<section class="product" aria-labelledby="${id}-title" data-scope="${esc(p.scope)}">`];
  out.push(`<h2 id="${id}-title">${esc(name)}${p.scope && p.label ? ` <span class="scope">${esc(p.scope)}/</span>` : ''}</h2>`);
  out.push(alignment(p));
  if (p.vision) {
    out.push(`<div class="vision-banner">${node(p.vision, 'vision', options)}${p.vision.statement ? `<p class="statement">${esc(p.vision.statement)}</p>` : ''}</div>`);
  }
  const lanes = p.lanes;
  const goals = [...p.pillars.flatMap((x) => x.goals), ...p.goalsWithoutVision];
  const untraced = lanes.reduce((n, l) => n + p.untracedItems[l].length, 0);
  if (goals.length === 0 && untraced === 0 && p.pillars.length === 0) {
    out.push('<p class="empty">No goals or roadmap items in this product yet.</p>');
  } else {
    out.push(`<table class="map${collapse ? ' collapsed' : ''}" aria-label="${esc(`${name}: pillars, goals and the roadmap items that move them, by horizon`)}">`);
    out.push(`<thead><tr><th scope="col" class="col-pillar">Pillar</th><th scope="col" class="col-goal">Goal</th>${lanes.map((l) => `<th scope="col" class="lane ${l}">${LANE_LABEL[l]}</th>`).join('')}</tr></thead>`);
    for (const pillar of p.pillars) {
      const kind = pillar.node.kind === 'vision' ? 'vision' : 'pillar';
      if (pillar.goals.length === 0) {
        out.push(`<tbody><tr><th scope="row" class="pillar">${node(pillar.node, kind, options)}</th><td class="goal none" colspan="${lanes.length + 1}">No goal serves this pillar yet.</td></tr></tbody>`);
        continue;
      }
      out.push('<tbody>');
      pillar.goals.forEach((g, i) => {
        const head = i === 0 ? `<th scope="rowgroup" rowspan="${pillar.goals.length}" class="pillar">${node(pillar.node, kind, options)}</th>` : '';
        out.push(`<tr>${head}${goalRow(g, lanes, collapse, options)}</tr>`);
      });
      out.push('</tbody>');
    }
    if (p.goalsWithoutVision.length) {
      out.push('<tbody class="unanchored">');
      p.goalsWithoutVision.forEach((g, i) => {
        const head = i === 0 ? `<th scope="rowgroup" rowspan="${p.goalsWithoutVision.length}" class="pillar missing">No part of the vision</th>` : '';
        out.push(`<tr>${head}${goalRow(g, lanes, collapse, options)}</tr>`);
      });
      out.push('</tbody>');
    }
    if (untraced) {
      out.push('<tbody class="untraced">');
      out.push(`<tr><th scope="row" colspan="2" class="missing">Serves no goal <span class="count">${untraced} ${untraced === 1 ? 'item' : 'items'}</span></th>`);
      for (const lane of lanes) out.push(laneCell(p.untracedItems[lane], lane, collapse, `${id}-untraced`, options));
      out.push('</tr></tbody>');
    }
    out.push('</table>');
    out.push(matrix(p, goals, name));
  }
  out.push('</section>');
  return out.join('\n');
}

function alignment(p: MapProduct): string {
  const stats: string[] = [stat('All items', { items: p.summary.roadmapItems, traced: p.summary.tracedItems, alignment: p.summary.alignment }, 'all')];
  // A product with no roadmap items yet (company OKRs) has no horizons to compare.
  if (p.summary.roadmapItems > 0) for (const lane of p.lanes) stats.push(stat(LANE_LABEL[lane], p.byLane[lane], lane));
  return `<div class="alignment" role="group" aria-label="Alignment: the share of roadmap items that trace to a goal">${stats.join('')}</div>`;
}

function stat(label: string, a: LaneAlignment, cls: Lane | 'all'): string {
  const value = a.alignment === null ? '–' : pct(a.alignment);
  const said = a.alignment === null ? `${label}: no roadmap items` : `${label}: ${value} aligned, ${a.traced} of ${a.items} items trace to a goal`;
  const width = a.alignment === null ? 0 : Math.round(a.alignment * 100);
  return [
    `<figure class="stat ${cls}">`,
    `<svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label="${esc(said)}"><rect class="track" x="0" y="0" width="100" height="8"></rect><rect class="fill" x="0" y="0" width="${width}" height="8"></rect></svg>`,
    `<figcaption><span class="label">${esc(label)}</span> <strong>${value}</strong> <span class="of">${a.items ? `${a.traced} of ${a.items}` : 'no items'}</span></figcaption>`,
    '</figure>',
  ].join('');
}

function goalRow(g: MapGoal, lanes: readonly Lane[], collapse: boolean, options: RenderOptions): string {
  const cells = lanes.map((lane) => laneCell(g.items[lane], lane, collapse, `${g.key}-${lane}`, options));
  return `<th scope="row" class="goal${g.total === 0 ? ' idle' : ''}">${node(g, 'goal', options)}${spread(g, lanes)}</th>${cells.join('')}`;
}

/** The goal's items per horizon: a stacked bar and the counts in words. */
function spread(g: MapGoal, lanes: readonly Lane[]): string {
  if (g.total === 0) return '<p class="spread none">Nothing on the roadmap moves this goal.</p>';
  const words = lanes.filter((l) => g.counts[l] > 0).map((l) => `${LANE_LABEL[l]} ${g.counts[l]}`);
  let x = 0;
  const rects = lanes
    .filter((l) => g.counts[l] > 0)
    .map((l) => {
      const w = (g.counts[l] / g.total) * 100;
      const r = `<rect class="seg ${l}" x="${x.toFixed(2)}" y="0" width="${w.toFixed(2)}" height="6"></rect>`;
      x += w;
      return r;
    });
  const said = `${g.total} ${g.total === 1 ? 'item moves' : 'items move'} this goal: ${words.join(', ')}`;
  return `<p class="spread"><svg class="bar" viewBox="0 0 100 6" preserveAspectRatio="none" role="img" aria-label="${esc(said)}">${rects.join('')}</svg><span class="counts">${esc(words.join(' · '))}</span></p>`;
}

function laneCell(items: readonly MapItem[], lane: Lane, collapse: boolean, id: string, options: RenderOptions): string {
  if (items.length === 0) return `<td class="lane ${lane} empty"><span class="sr">${LANE_LABEL[lane]}: none</span></td>`;
  const list = `<ul class="items">${items.map((i) => `<li>${node(i, 'item', options)}</li>`).join('')}</ul>`;
  if (!collapse) return `<td class="lane ${lane}">${list}</td>`;
  const gaps = items.filter((i) => i.gaps.length > 0).length;
  const summary = `${items.length} ${items.length === 1 ? 'item' : 'items'}${gaps ? ` <span class="gap warning">${gaps} with gaps</span>` : ''}`;
  return `<td class="lane ${lane}"><details data-id="${esc(id)}"><summary>${summary}<span class="sr"> in ${LANE_LABEL[lane]}</span></summary>${list}</details></td>`;
}

type NodeClass = 'vision' | 'pillar' | 'goal' | 'item';

/** Tooltip ids, unique within one rendering (an item serving two goals is drawn twice). */
let tips = 0;

/** A node: a link to its file and line, its gaps as badges, and its why-chain on hover and focus. */
function node(n: MapNode, cls: NodeClass, options: RenderOptions): string {
  const tipId = `why-${++tips}`;
  const href = options.href ? options.href({ file: n.file, line: n.line, uri: n.uri }) : '#';
  const where = `${n.file}:${n.line}`;
  const gaps = n.gaps.map((g) => badge(g, options)).join('');
  const metric = 'metric' in n && (n as MapGoal).metric ? `<span class="metric">${esc((n as MapGoal).metric!)}</span>` : '';
  const tip = [
    ...n.why.map((line) => `<span class="why-line">${esc(line.trim())}</span>`),
    ...n.gaps.map((g) => `<span class="why-line gap-line ${g.severity}">${esc(g.message)}</span>`),
    `<span class="why-line where">${esc(where)}</span>`,
  ].join('');
  return [
    `<div class="node ${cls}${n.gaps.length ? ' has-gaps' : ''}" data-key="${esc(n.key)}" data-kind="${n.kind}">`,
    `<a class="open" href="${esc(href)}" data-key="${esc(n.key)}" aria-describedby="${tipId}">${esc(n.label)}</a>`,
    metric,
    gaps ? `<span class="badges">${gaps}</span>` : '',
    `<span class="why" role="tooltip" id="${tipId}">${tip}</span>`,
    '</div>',
  ].join('');
}

function badge(g: MapGap, options: RenderOptions): string {
  const href = options.webview ? undefined : options.ruleHref?.(g.rule);
  const text = `${esc(g.label)}<span class="sr"> (${g.severity}: ${esc(g.message)})</span>`;
  return href ? `<a class="gap ${g.severity}" href="${esc(href)}" title="${esc(g.message)}">${text}</a>` : `<span class="gap ${g.severity}" title="${esc(g.message)}">${text}</span>`;
}

/** Goals × horizons: how many roadmap items move each goal in each horizon. */
function matrix(p: MapProduct, goals: readonly MapGoal[], name: string): string {
  if (goals.length === 0) return '';
  const lanes = p.lanes;
  const rows = goals.map((g) => {
    const cells = lanes.map((l) => `<td class="${g.counts[l] ? '' : 'zero'}">${g.counts[l]}</td>`).join('');
    return `<tr class="${g.total === 0 ? 'idle' : ''}"><th scope="row">${esc(g.label)}</th>${cells}<td class="total">${g.total}</td></tr>`;
  });
  const untraced = lanes.map((l) => `<td class="${p.untracedItems[l].length ? 'missing' : 'zero'}">${p.untracedItems[l].length}</td>`).join('');
  const untracedTotal = lanes.reduce((n, l) => n + p.untracedItems[l].length, 0);
  const all = lanes.map((l) => `<td>${p.byLane[l].items}</td>`).join('');
  return [
    `<table class="matrix"><caption>Traceability matrix: roadmap items per goal and horizon, ${esc(name)}</caption>`,
    `<thead><tr><th scope="col">Goal</th>${lanes.map((l) => `<th scope="col">${LANE_LABEL[l]}</th>`).join('')}<th scope="col">Total</th></tr></thead>`,
    `<tbody>${rows.join('')}</tbody>`,
    `<tfoot><tr class="missing-row"><th scope="row">Serves no goal</th>${untraced}<td class="total">${untracedTotal}</td></tr>`,
    `<tr><th scope="row">All roadmap items</th>${all}<td class="total">${p.summary.roadmapItems}</td></tr></tfoot>`,
    '</table>',
  ].join('');
}

/** Every finding of the products shown, in one table: what the checks report, where, and why. */
function gapsTable(map: StrategyMap, options: RenderOptions): string {
  const gaps = new Set<MapGap>();
  const visit = (n: MapNode) => n.gaps.forEach((g) => gaps.add(g));
  for (const p of map.products) {
    if (p.vision) visit(p.vision);
    for (const pillar of p.pillars) {
      visit(pillar.node);
      for (const g of pillar.goals) {
        visit(g);
        LANES.forEach((l) => g.items[l].forEach(visit));
      }
    }
    for (const g of p.goalsWithoutVision) {
      visit(g);
      LANES.forEach((l) => g.items[l].forEach(visit));
    }
    LANES.forEach((l) => p.untracedItems[l].forEach(visit));
    p.otherFindings.forEach((g) => gaps.add(g));
  }
  if (gaps.size === 0) return '<section class="gaps-list" aria-labelledby="gaps-title"><h2 id="gaps-title">Gaps</h2><p>None: every roadmap item traces to a goal, and every goal to the vision.</p></section>';
  const sorted = [...gaps].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule));
  const rows = sorted.map((g) => {
    const href = options.href ? options.href({ file: g.file, line: g.line, uri: g.uri }) : '#';
    const docs = options.webview ? undefined : options.ruleHref?.(g.rule);
    const rule = docs ? `<a href="${esc(docs)}">${esc(g.rule)}</a>` : esc(g.rule);
    const open = options.webview
      ? `<a class="open" href="#" data-uri="${esc(g.uri)}" data-line="${g.line}">${esc(`${g.file}:${g.line}`)}</a>`
      : `<a href="${esc(href)}">${esc(`${g.file}:${g.line}`)}</a>`;
    return `<tr><td><span class="gap ${g.severity}">${g.severity === 'information' ? 'info' : g.severity}</span></td><td>${open}</td><td>${esc(g.message)}</td><td>${rule}</td></tr>`;
  });
  return [
    '<section class="gaps-list" aria-labelledby="gaps-title">',
    `<h2 id="gaps-title">Gaps (${sorted.length})</h2>`,
    '<table class="gaps"><thead><tr><th scope="col" class="sev">Severity</th><th scope="col" class="where">Where</th><th scope="col">Finding</th><th scope="col" class="rule">Rule</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table>`,
    '</section>',
  ].join('\n');
}

function pct(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

export { esc };
