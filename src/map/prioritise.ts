import type { DriftNote, FactorValue, ProductRanking, RankedHorizon, RankedItem, Ranking } from '../core';
import { esc } from './html';
import type { RenderOptions } from './render';

// The report's “Prioritise” section: per product, the goals by rank and each horizon's items ranked
// by the score, with the formula and weights written above them and every factor's value and where
// it came from in the table, so anyone can check a rank by hand. Drift findings sit in the row they
// are about. Pure HTML, like the map.

const BADGE: Record<string, string> = {
  'urgent-unaligned': 'urgent, no goal',
  'goal-neglected': 'neglected',
  'stale-goal': 'past its date',
  'horizon-misaligned': 'under target',
  'goal-is-output': 'output',
};

export function renderRanking(ranking: Ranking, options: RenderOptions): string {
  const products = ranking.products.filter((p) => p.horizons.some((h) => h.lane !== 'done' && h.items.length > 0));
  if (products.length === 0) return '';
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const optional = (['confidence', 'effort'] as const).filter((f) => ranking.weights[f] > 0);
  const out: string[] = ['<section class="ranking" aria-labelledby="ranking-title">', '<h2 id="ranking-title">Prioritise: the roadmap ranked</h2>'];
  out.push(`<p class="formula"><code>${esc(ranking.formula)}</code> · target: ${pct(ranking.target)} of the nearest horizon serves a goal</p>`);
  out.push(`<ul class="factor-legend">${ranking.legend.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`);
  products.forEach((p, i) => out.push(product(p, i, optional, options)));
  out.push('</section>');
  return out.join('\n');
}

function product(p: ProductRanking, index: number, optional: ReadonlyArray<'confidence' | 'effort'>, options: RenderOptions): string {
  const name = p.label || p.scope || `${options.folderName} (top level)`;
  const id = `rank-p${index + 1}`;
  const out: string[] = [`<section class="rank-product" aria-labelledby="${id}">`, `<h3 id="${id}">${esc(name)}</h3>`];
  if (!p.plans) out.push('<p class="note">These docs rank and date nothing yet: every unstated factor counts as 0.5, and drift is not judged. Add <code>Impact:</code>, <code>Urgency:</code> or <code>Priority:</code> to items, or a priority to goals.</p>');
  const ranked = p.goals.filter((g) => g.rank || g.drift.length || g.due);
  if (ranked.length) {
    out.push('<table class="rank goals"><caption>Goals</caption><thead><tr><th scope="col">Goal</th><th scope="col">Rank</th><th scope="col">Due</th><th scope="col" class="num">Now</th><th scope="col" class="num">Next</th><th scope="col">Drift</th></tr></thead><tbody>');
    for (const g of ranked) {
      const href = options.href ? options.href({ file: g.file, line: g.line, uri: g.uri }) : '#';
      out.push(`<tr${g.top ? ' class="top"' : ''}><th scope="row"><a href="${esc(href)}">${esc(g.label)}</a></th><td>${esc(g.rank ?? '–')}</td><td>${esc(g.due ?? '–')}</td><td class="num">${g.now}</td><td class="num">${g.next}</td><td>${notes(g.drift, options)}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  for (const h of p.horizons) if (h.lane !== 'done' && h.items.length) out.push(horizon(h, p, optional, options));
  out.push('</section>');
  return out.join('\n');
}

function horizon(h: RankedHorizon, p: ProductRanking, optional: ReadonlyArray<'confidence' | 'effort'>, options: RenderOptions): string {
  const share = h.alignment === null ? '' : `${Math.round(h.alignment * 100)}% serve a goal (${h.traced} of ${h.items.length})`;
  const nearest = p.nearest === h.lane ? ' · the nearest horizon' : '';
  const head = ['#', 'Item', 'Serves', 'Alignment', 'Impact', 'Urgency', ...optional.map((f) => (f === 'effort' ? 'Ease' : 'Confidence')), 'Score', 'Drift'];
  const rows = h.items.map((item, i) => row(item, i + 1, optional, options));
  return [
    `<table class="rank items ${h.lane}"><caption>${esc(h.label)}: ${esc(share)}${nearest} ${notes(h.drift, options)}</caption>`,
    `<thead><tr>${head.map((c) => `<th scope="col"${c === '#' || c === 'Score' ? ' class="num"' : ''}>${c}</th>`).join('')}</tr></thead>`,
    `<tbody>${rows.join('')}</tbody></table>`,
  ].join('');
}

function row(item: RankedItem, rank: number, optional: ReadonlyArray<'confidence' | 'effort'>, options: RenderOptions): string {
  const href = options.href ? options.href({ file: item.file, line: item.line, uri: item.uri }) : '#';
  const link = options.webview
    ? `<a class="open" href="#" data-uri="${esc(item.uri)}" data-line="${item.line}">${esc(item.label)}</a>`
    : `<a href="${esc(href)}">${esc(item.label)}</a>`;
  const serves = item.goals.length ? esc(item.goals.join(', ')) : '<span class="missing">no goal</span>';
  const factors = [item.factors.alignment, item.factors.impact, item.factors.urgency, ...optional.map((f) => item.factors[f])].map(factor).join('');
  return `<tr><td class="num">${rank}</td><th scope="row">${link}</th><td>${serves}</td>${factors}<td class="num score">${item.score.toFixed(2)}</td><td>${notes(item.drift, options)}</td></tr>`;
}

function factor(f: FactorValue): string {
  return `<td class="factor${f.stated ? '' : ' unstated'}">${f.value.toFixed(2)}<span class="said">${esc(f.said)}</span></td>`;
}

function notes(drift: readonly DriftNote[], options: RenderOptions): string {
  return drift
    .map((n) => {
      const docs = options.webview ? undefined : options.ruleHref?.(n.rule);
      const badge = n.rule === 'urgent-unaligned' && n.variant === 'low-priority' ? 'lowest goal only' : (BADGE[n.rule] ?? n.rule);
      const text = `${esc(badge)}<span class="sr"> (${n.severity}: ${esc(n.message)})</span>`;
      return docs ? `<a class="gap ${n.severity}" href="${esc(docs)}" title="${esc(n.message)}">${text}</a>` : `<span class="gap ${n.severity}" title="${esc(n.message)}">${text}</span>`;
    })
    .join('');
}
