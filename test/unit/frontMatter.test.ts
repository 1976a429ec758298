import * as assert from 'node:assert/strict';
import { findFrontMatter, parseFrontMatter } from '../../src/core/frontMatter';
import { parseMarkdown } from '../../src/core/markdown';

describe('front matter', () => {
  it('finds the same block remark-frontmatter does', () => {
    const texts = ['---\nkind: goals\n---\n# T\n', '---  \r\nkind: goals\r\n---\r\n# T', '---\n---\n# T', '---\nkind: x\n...\n# not closed by dots\n', 'text\n---\nkind: x\n---\n'];
    for (const text of texts) {
      const block = findFrontMatter(text);
      const yaml = parseMarkdown(text).children.find((n) => n.type === 'yaml');
      assert.equal(block?.end !== undefined, yaml !== undefined, JSON.stringify(text));
      if (block && yaml) assert.equal(block.yaml, (yaml as { value: string }).value, JSON.stringify(text));
    }
  });

  it('reports a YAML error at its position in the document', () => {
    const text = '---\nkind: roadmap\nowner: [Bo\n---\n';
    const fm = parseFrontMatter(text)!;
    assert.ok(fm.error);
    assert.equal(text.slice(0, fm.error.start).split('\n').length, 3);
  });

  it('caps alias expansion instead of building a billion laughs', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const fm = parseFrontMatter(`---\n${lines.join('\n')}\n---\n`)!;
    assert.ok(fm.error, 'expected an error for excessive aliasing');
    assert.deepEqual(fm.data, {});
  });

  it('reads a complex key without the YAML library printing a process warning (CLI output stays clean)', async () => {
    const warnings: string[] = [];
    const listen = (w: Error) => warnings.push(w.message);
    process.on('warning', listen);
    try {
      const fm = parseFrontMatter('---\n? [ ret ]\n: x\nkind: goals\n---\n# G\n')!;
      assert.equal(fm.data.kind, 'goals');
      await new Promise((resolve) => setTimeout(resolve, 10)); // warnings are emitted on a later tick
    } finally {
      process.off('warning', listen);
    }
    assert.deepEqual(warnings, []);
  });
});
