import * as path from 'node:path';
import { formatTrendText, mergeConfig, type ConfigFile, type Trend } from '../core';
import { GitError, readTrend } from '../history/git';
import { fileUri, isWithin } from './files';

/** 13 weeks: a quarter, the span teams plan in, unless `--since` says otherwise. */
const DEFAULT_WEEKS = 13;

/** The first day of the history read: `--since`, else 13 weeks before today. */
export function sinceOf(since: string | undefined, today: Date): Date {
  if (since) return new Date(`${since}T00:00:00Z`);
  return new Date(today.getTime() - DEFAULT_WEEKS * 7 * 24 * 3600 * 1000);
}

/**
 * The trend of the products under the named paths, or a one-line reason it cannot be read (no git,
 * not a repository): `throughline trend` stops on it, the report leaves its chart out.
 */
export async function trendOf(root: string, config: ConfigFile, absPaths: readonly string[], since: Date, until?: Date): Promise<Trend | GitError> {
  try {
    const trend = await readTrend({
      root,
      rootUri: fileUri(root),
      config: mergeConfig(config),
      since,
      ...(until ? { until } : {}),
      include: (rel) => absPaths.some((p) => isWithin(path.join(root, rel), p)),
    });
    // The project folder's own product has no name of its own: it is the folder's.
    return { ...trend, products: trend.products.map((p) => (p.label ? p : { ...p, label: `${path.basename(root)} (top level)` })) };
  } catch (e) {
    if (e instanceof GitError) return e;
    throw e;
  }
}

/** `throughline trend`: the alignment at each week's last commit, as text or JSON (`version: 1`). */
export function formatTrend(trend: Trend, format: 'text' | 'json'): string {
  if (format === 'text') return formatTrendText(trend);
  return JSON.stringify(
    {
      version: 1,
      since: trend.since,
      target: trend.target,
      products: trend.products.map((p) => ({
        scope: p.scope === '' ? '.' : p.scope,
        label: p.label,
        points: trend.points.filter((pt) => pt.products[p.scope]).map((pt) => ({ week: pt.week, commit: pt.commit, date: pt.date, ...pt.products[p.scope] })),
      })),
      weeks: trend.points.map((pt) => ({ week: pt.week, commit: pt.commit, date: pt.date })),
      reads: trend.reads,
    },
    null,
    2,
  );
}
