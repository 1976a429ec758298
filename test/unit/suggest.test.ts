import * as assert from 'node:assert/strict';
import { certainTarget, nearName, rankByMeaning } from '../../src/core/suggest';
import { contentWords } from '../../src/core/text';
import type { Item } from '../../src/core/types';
import { workspaceOf } from './helpers';

// Suggestions come from an index built once per list of candidates (docs/format.md §10): the
// answers must be the ones a plain scan of every candidate gives, and an ID is never "corrected"
// into a title.

const WORDS = 'billing export import sync mobile offline dashboard report alert insight revenue churn trial pricing webhook audit security privacy speed search'.split(' ');

function goalsDoc(n: number, seed: number): string {
  let a = seed;
  const next = () => ((a = (a * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const words = (k: number) => Array.from({ length: k }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
  const out = ['# Goals', ''];
  for (let i = 1; i <= n; i++) out.push(`## G${i}: ${words(3)}`, '', `Metric: ${words(2)} from 10% to 20%`, '', `${words(8)}.`, '');
  return out.join('\n');
}

/** BM25 over every candidate, the way the index must score them, without any index. */
function scanRank(candidates: readonly Item[], item: Item, limit: number): Array<[string, string[]]> {
  const docs = candidates.map((c) => {
    const title = `${c.title} ${(c.aliases ?? []).join(' ')}`;
    const words = contentWords(`${title} ${title} ${c.metric ?? ''} ${c.excerpt}`);
    const tf = new Map<string, number>();
    for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
    return { c, tf, length: words.length };
  });
  const n = docs.length;
  const avg = docs.reduce((s, d) => s + d.length, 0) / n;
  const df = new Map<string, number>();
  for (const d of docs) for (const w of d.tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const query = new Set(contentWords(`${item.title} ${item.excerpt}`));
  const scored = docs.flatMap((d, order) => {
    let score = 0;
    const telling: Array<[string, number]> = [];
    for (const w of query) {
      const tf = d.tf.get(w);
      if (!tf) continue;
      const f = df.get(w)!;
      const part = (Math.log(1 + (n - f + 0.5) / (f + 0.5)) * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * d.length) / avg));
      score += part;
      if (n <= 2 || f < n) telling.push([w, part]);
    }
    return telling.length && score > 0 ? [{ id: d.c.id!, score, order, shared: telling.sort((x, y) => y[1] - x[1]).map(([w]) => w) }] : [];
  });
  scored.sort((x, y) => y.score - x.score || x.order - y.order);
  return scored.slice(0, limit).map((s) => [s.id, s.shared]);
}

function roadmapItems(model: ReturnType<ReturnType<typeof workspaceOf>['check']>['model']): Item[] {
  return [...model.items.keys()].filter((i) => i.kind === 'roadmap-item');
}

describe('suggestions from an index of the candidates', () => {
  it('ranks goals exactly as a scan of every goal would', () => {
    for (const seed of [1, 2, 3]) {
      const ws = workspaceOf({ 'goals.md': goalsDoc(40, seed), 'roadmap.md': '# Roadmap\n\n## Now\n\n- Offline sync for mobile billing\n- Audit report export\n- Churn alert webhook for trial pricing\n' });
      const { model } = ws.check();
      const goals = model.all.goal.items;
      for (const item of roadmapItems(model)) {
        const got = rankByMeaning(goals, item, 5).map((r) => [r.item.id, r.shared.map((w) => contentWords(w)[0])]);
        assert.deepEqual(got, scanRank(goals, item, 5), `seed ${seed}, ${item.title}`);
        // Asked again with a new list of the same goals (as the next check does): the same answer.
        assert.deepEqual(rankByMeaning([...goals], item, 5).map((r) => r.item.id), got.map(([id]) => id));
      }
    }
  });

  it('corrects an ID only to the one goal it differs from by case or punctuation, and never names a title for an ID', () => {
    const ws = workspaceOf({ 'goals.md': goalsDoc(12, 4), 'roadmap.md': '# Roadmap\n\n### Sync\n\nGoal: g-3\n\n### Export\n\nGoal: G99\n' });
    const { model } = ws.check();
    const goals = model.all.goal.items;
    const [sync, exportItem] = roadmapItems(model).map((i) => model.items.get(i)!);
    assert.equal(certainTarget(goals, sync!.resolutions[0]!)?.item.id, 'G3');
    assert.equal(certainTarget(goals, exportItem!.resolutions[0]!), undefined);
    assert.equal(nearName(goals, 'G99'), undefined, 'an ID that exists nowhere is not a misspelt title');
  });
});
