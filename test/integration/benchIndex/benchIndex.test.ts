import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { activateThroughline, waitFor } from '../helpers';

/**
 * How the first index of a generated workspace went in a real VS Code, for `npm run bench`: the
 * time from activation to the folder's findings, and the longest stretches the extension host
 * spent on it without a break. Figures, not a test of speed: the only assertion is that the folder
 * was read at all.
 */
describe('First index of a generated workspace', () => {
  it('reads the folder and records how long it took', async function () {
    this.timeout(600_000);
    const { api } = await activateThroughline();
    const indexed = await waitFor([api.index.onDidChange], () => api.index.events().find((e) => e.kind === 'indexed'), 'the folder to be indexed', { timeoutMs: 600_000 });
    assert.ok(indexed.kind === 'indexed' && indexed.files > 0);
    const out = process.env['THROUGHLINE_BENCH_OUT'];
    if (out) fs.writeFileSync(out, JSON.stringify(indexed));
  });
});
