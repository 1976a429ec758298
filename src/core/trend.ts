import type { Config } from './config';
import { LANES, LANE_LABEL, type Lane } from './features/strategyMap';
import { horizonBucket } from './horizon';
import { Workspace } from './workspace';

// Alignment over time (docs/format.md, “Priorities and drift”): the share of each product's roadmap
// that traces to a goal, per horizon, at a series of points in the repository's history (each
// week's last commit). The history itself is read elsewhere (the `git` command line, read-only);
// this part only keeps the product docs as they were at each point, re-reading the ones that
// changed since the last, and counts.

/** Items and how many of them trace to a goal; the share with two decimals, null with no items. */
export interface TrendCount {
  items: number;
  traced: number;
  alignment: number | null;
}

/** One product at one point of the history. */
export interface TrendProductPoint {
  all: TrendCount;
  lanes: Partial<Record<Lane, TrendCount>>;
}

/** A point of the history: the commit that ended a week, and each product then. */
export interface TrendPoint {
  /** The week, as the date of its Monday (`2026-11-30`). */
  week: string;
  commit: string;
  /** The commit's date (`2026-12-03`). */
  date: string;
  /** By product scope ('' for the folder itself). */
  products: Record<string, TrendProductPoint>;
}

export interface TrendProduct {
  scope: string;
  /** The vision's title at the last point, else the scope's folder. */
  label: string;
}

export interface Trend {
  /** The first day looked at (`--since`). */
  since: string;
  points: TrendPoint[];
  products: TrendProduct[];
  /** The product's target (`alignmentTarget`), drawn as a line. */
  target: number;
  /** Product docs read over the whole history, each time one changed: how bounded the work was. */
  reads: number;
}

/** A file's text at a point of the history, or undefined when it is gone. */
export interface FileChange {
  /** Path relative to the project folder, with `/`. */
  path: string;
  text: string | undefined;
}

/**
 * The product docs as they were at successive points of the history. Each `step` applies the files
 * that changed since the previous one (a product doc changed, added or deleted; any Markdown file
 * that may have become one), then counts.
 */
export class TrendBuilder {
  private readonly workspace: Workspace;
  private readonly labels = new Map<string, string>();
  private readonly points: TrendPoint[] = [];
  private reads = 0;

  constructor(
    private readonly rootUri: string,
    private readonly config: Config,
  ) {
    // Only the model is needed: no rule runs.
    this.workspace = new Workspace(rootUri, config, { incremental: false, rules: [] });
  }

  /** Whether a changed file is worth reading: a product doc already, or one by its name, a config glob or its front matter. */
  wants(path: string, peek: () => string): boolean {
    return this.workspace.get(this.uri(path)) !== undefined || this.workspace.mayHaveKind(path, peek);
  }

  /** Applies the files changed since the last point, then counts each product (those holding a doc `include` accepts). */
  step(commit: string, date: Date, week: string, changes: readonly FileChange[], include?: (relPath: string) => boolean): TrendPoint {
    for (const change of changes) {
      const uri = this.uri(change.path);
      if (change.text === undefined) this.workspace.remove(uri);
      else {
        this.reads++;
        this.workspace.update(uri, change.text);
      }
    }
    const { model } = this.workspace.check();
    const byScope = new Map<string, Map<Lane, { items: number; traced: number }>>();
    for (const { item, scope, traces } of model.items.values()) {
      if (item.kind !== 'roadmap-item') continue;
      const lane: Lane = (item.horizon !== undefined ? horizonBucket(item.horizon, date) : undefined) ?? 'unscheduled';
      let counts = byScope.get(scope.dir);
      if (!counts) byScope.set(scope.dir, (counts = new Map()));
      const c = counts.get(lane) ?? { items: 0, traced: 0 };
      c.items++;
      if (traces.length > 0) c.traced++;
      counts.set(lane, c);
    }
    const products: Record<string, TrendProductPoint> = {};
    for (const scope of model.scopes) {
      const counts = byScope.get(scope.dir);
      if (!counts || (include && !scope.docs.some((d) => include(d.relPath)))) continue;
      const lanes: Partial<Record<Lane, TrendCount>> = {};
      let items = 0;
      let traced = 0;
      for (const lane of LANES) {
        const c = counts.get(lane);
        if (!c) continue;
        lanes[lane] = count(c.items, c.traced);
        items += c.items;
        traced += c.traced;
      }
      products[scope.dir] = { all: count(items, traced), lanes };
      this.labels.set(scope.dir, scope.visions[0]?.root?.title ?? scope.dir);
    }
    const point: TrendPoint = { week, commit, date: isoDay(date), products };
    this.points.push(point);
    return point;
  }

  result(since: string): Trend {
    const seen = new Set(this.points.flatMap((p) => Object.keys(p.products)));
    const products = [...seen].sort((a, b) => a.localeCompare(b)).map((scope) => ({ scope, label: this.labels.get(scope) ?? scope }));
    return { since, points: [...this.points], products, target: this.config.alignmentTarget, reads: this.reads };
  }

  private uri(path: string): string {
    return `${this.rootUri.replace(/\/$/, '')}/${path.split('/').map(encodeURIComponent).join('/')}`;
  }
}

function count(items: number, traced: number): TrendCount {
  return { items, traced, alignment: items === 0 ? null : Math.round((traced / items) * 100) / 100 };
}

/** `2026-12-03`, in UTC: commit dates come with their offset, weeks are counted in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The Monday of a date's week (UTC), as `2026-11-30`. */
export function weekOf(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day);
  return isoDay(d);
}

/** The trend as text: per product, one row per week with the share of each horizon that traces to a goal. */
export function formatTrendText(trend: Trend): string {
  if (trend.points.length === 0) return `No commits since ${trend.since}: nothing to compare.`;
  const out: string[] = [];
  const pct = (c: TrendCount | undefined) => (c && c.alignment !== null ? `${Math.round(c.alignment * 100)}% (${c.traced}/${c.items})` : '–');
  for (const product of trend.products) {
    const lanes = LANES.filter((lane) => trend.points.some((p) => p.products[product.scope]?.lanes[lane]));
    out.push(`${product.label || product.scope || '(top level)'}${product.scope && product.label !== product.scope ? ` (${product.scope})` : ''}: roadmap items that trace to a goal, at each week's last commit`);
    const header = ['week of', 'commit', 'all', ...lanes.map((l) => LANE_LABEL[l])];
    const rows = trend.points.map((p) => {
      const at = p.products[product.scope];
      return [p.week, p.commit.slice(0, 7), pct(at?.all), ...lanes.map((l) => pct(at?.lanes[l]))];
    });
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
    out.push(`  ${line(header)}`, ...rows.map((r) => `  ${line(r)}`), '');
  }
  out.push(`${trend.points.length} ${trend.points.length === 1 ? 'week' : 'weeks'} since ${trend.since}; target ${Math.round(trend.target * 100)}%; ${trend.reads} product doc ${trend.reads === 1 ? 'read' : 'reads'}.`);
  return out.join('\n');
}
