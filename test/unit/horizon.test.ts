import * as assert from 'node:assert/strict';
import { defaultConfig, horizonBucket } from '../../src/core';
import { analyzeDocument } from '../../src/core/analyze/document';
import { ROOT } from './helpers';

describe('horizons', () => {
  const today = new Date(2026, 11, 3); // 3 December 2026

  it('buckets horizon names by their words', () => {
    const cases: Array<[string, string | undefined]> = [
      ['Now', 'now'], ['In progress 🚧', 'now'], ['Ongoing work', 'now'], ['Next', 'next'], ['Up next', 'next'],
      ['Later', 'later'], ['Future work 🔮', 'later'], ['Backlog', 'later'], ['Completed milestones ✅', 'done'],
      ['Shipped', 'done'], ['Long term', 'later'], ['Middle term', 'next'], ['Performance', undefined], ['Team A', undefined],
    ];
    for (const [name, bucket] of cases) assert.equal(horizonBucket(name, today), bucket, name);
  });

  it('buckets quarters, halves and years against today', () => {
    const cases: Array<[string, string | undefined]> = [
      ['Q4 2026', 'now'], ['Q1 2027', 'next'], ['Q3 2027', 'later'], ['Q2 2026', 'done'], ['2026 Q4', 'now'],
      ['H2 2026', 'now'], ['H1 2027', 'next'], ['2025', 'done'], ['2026', 'now'], ['Q3', undefined],
    ];
    for (const [name, bucket] of cases) assert.equal(horizonBucket(name, today), bucket, name);
  });

  it('records the horizon of roadmap items from the heading above them or front matter', () => {
    const config = defaultConfig();
    const roadmap = analyzeDocument({ uri: `${ROOT}/roadmap.md`, relPath: 'roadmap.md', config, text: '# Roadmap\n\n## Now\n\n### Offline mode\n\n## Team A\n\n- Dark mode\n' });
    assert.deepEqual(roadmap.items.map((i) => [i.title, i.horizon ?? null]), [['Offline mode', 'Now'], ['Dark mode', null]]);
    const file = analyzeDocument({ uri: `${ROOT}/x.md`, relPath: 'x.md', config, text: '---\nkind: initiative\nhorizon: Next\n---\n# SSO\n' });
    assert.equal(file.root?.horizon, 'Next');
  });
});
