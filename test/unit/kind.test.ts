import * as assert from 'node:assert/strict';
import { defaultConfig, detectKind, kindFromFileName, mergeConfig } from '../../src/core';

describe('kind detection (docs/format.md §1)', () => {
  const kind = (relPath: string, text = '', config = defaultConfig()) => detectKind(relPath, text, config).kind;

  it('reads front matter kind and its alias type, case-insensitively, with every alias', () => {
    const table: Record<string, string> = {
      vision: 'vision', Mission: 'vision', strategy: 'strategy', goals: 'goals', okrs: 'goals', Objectives: 'goals',
      roadmap: 'roadmap', goal: 'goal', objective: 'goal', OKR: 'goal', initiative: 'roadmap-item', epic: 'roadmap-item',
      feature: 'roadmap-item', 'roadmap-item': 'roadmap-item',
    };
    for (const [value, expected] of Object.entries(table)) {
      assert.equal(kind('notes.md', `---\nkind: ${value}\n---\n`), expected, `kind: ${value}`);
      assert.equal(kind('notes.md', `---\ntype: ${value}\n---\n`), expected, `type: ${value}`);
    }
  });

  it('lets front matter win over the file name, and an unknown kind mean no kind', () => {
    assert.equal(kind('roadmap.md', '---\nkind: vision\n---\n'), 'vision');
    const unknown = detectKind('roadmap.md', '---\nkind: roadmp\n---\n', defaultConfig());
    assert.equal(unknown.kind, null);
    assert.equal(unknown.unknownKind?.value, 'roadmp');
    assert.equal(unknown.unknownKind?.suggestion, 'roadmap');
  });

  it('reads the kind: and type: keys in any case', () => {
    assert.equal(kind('notes.md', '---\nKind: goals\n---\n'), 'goals');
    assert.equal(kind('notes.md', '---\nTYPE: Epic\n---\n'), 'roadmap-item');
    assert.equal(kind('notes.md', '---\nKind: roadmap\nowner: [Bo\n---\n'), 'roadmap');
  });

  it('reports a kind that is not text, naming what was written, rather than ignoring it', () => {
    const listed = detectKind('goals.md', '---\ntitle: x\nkind: [goals]\n---\n', defaultConfig());
    assert.equal(listed.kind, null);
    assert.deepEqual(listed.unknownKind && { ...listed.unknownKind }, { value: '[goals]', key: 'kind', start: 19, end: 26, shape: 'list', suggestion: 'goals' });
    const number = detectKind('notes.md', '---\ntype: 2026\n---\n', defaultConfig());
    assert.equal(number.unknownKind?.value, '2026');
    assert.equal(number.unknownKind?.shape, undefined);
    const block = detectKind('notes.md', '---\nkind:\n  - goals\n  - roadmap\n---\n', defaultConfig());
    assert.deepEqual(block.unknownKind && [block.unknownKind.value, block.unknownKind.start, block.unknownKind.end, block.unknownKind.suggestion], ['[goals, roadmap]', 4, 8, undefined]);
  });

  it('reads a title from front matter as YAML does, whether or not the front matter is parsed to find it', () => {
    const body = '\n# Meeting notes\n';
    const cases: Array<[string, string | null]> = [
      ['title: Product roadmap', 'roadmap'],
      ['Title: Our product vision   ', 'vision'],
      ['title: "Product roadmap"', 'roadmap'],
      ["title: 'Q3 OKRs'", 'goals'],
      ['title: >\n  Product roadmap', 'roadmap'],
      ['title: Product\n  roadmap', 'roadmap'], // a plain value that goes on to the next line
      ['title: Product roadmap # draft', 'roadmap'], // a comment is not part of the title
      ['title: Notes on the roadmap: a retrospective', null], // not a roadmap's own title, whoever reads it
      ['title: 2026', null], // a number, not a title: the heading counts, and it names no kind
      ['title: Weekly sync\ntags: [roadmap]', null],
      ['tags: [roadmap]\ndate: 2026-01-01', null],
    ];
    for (const [yaml, expected] of cases) {
      const result = detectKind('notes/note.md', `---\n${yaml}\n---\n${body}`, defaultConfig());
      assert.equal(result.kind, expected, yaml);
      // A product doc keeps its parsed front matter; a note's is not needed.
      if (expected) assert.ok(result.frontMatter && !result.frontMatter.error, yaml);
    }
  });

  it('reads kind: from front matter that does not parse as YAML', () => {
    assert.equal(kind('notes.md', '---\nkind: roadmap\nowner: [Bo\n---\n'), 'roadmap');
  });

  it('reads the file name as whole words split on - _ . and spaces', () => {
    const table: Array<[string, string | null]> = [
      ['vision.md', 'vision'], ['product-vision.md', 'vision'], ['2026_roadmap.md', 'roadmap'], ['OKRs.md', 'goals'],
      ['docs/Goals.markdown', 'goals'], ['objectives.md', 'goals'], ['team strategy.md', 'strategy'],
      ['visionary-notes.md', null], ['roadmaps.md', null], ['goal.md', null], ['strategy-roadmap.md', 'roadmap'],
      ['roadmap/notes.md', null],
    ];
    for (const [path, expected] of table) assert.equal(kindFromFileName(path), expected, path);
  });

  it('falls back to config globs per kind, after front matter and file name', () => {
    const config = mergeConfig({ kinds: { 'roadmap-item': ['initiatives/*.md'], goal: ['goals/**/*.md'] } });
    assert.equal(kind('initiatives/sync.md', '', config), 'roadmap-item');
    assert.equal(kind('goals/team/g1.md', '', config), 'goal');
    assert.equal(kind('goals/vision.md', '', config), 'vision');
    assert.equal(kind('other/sync.md', '', config), null);
  });
});
