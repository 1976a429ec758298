import * as assert from 'node:assert/strict';
import { readingOrder } from '../../src/core/readingOrder';

describe('reading order of a large folder', () => {
  it('reads the open documents’ products first, and the files just above them, then the rest', () => {
    const files = ['a/vision.md', 'a/roadmap.md', 'a/sub/x.md', 'b/vision.md', 'b/roadmap.md', 'company-okrs.md', 'notes/n1.md', 'notes/deep/n2.md'];
    assert.deepEqual(readingOrder(files, ['a/roadmap.md']), { first: ['a/vision.md', 'a/roadmap.md', 'a/sub/x.md', 'company-okrs.md'], rest: ['b/vision.md', 'b/roadmap.md', 'notes/n1.md', 'notes/deep/n2.md'] });
    assert.deepEqual(readingOrder(files, []).first, [], 'nothing open: nothing comes first');
    assert.deepEqual(readingOrder(['vision.md', 'roadmap.md', 'x/y.md'], ['roadmap.md']).first, [], 'a product that is the whole folder is read whole');
  });
});
