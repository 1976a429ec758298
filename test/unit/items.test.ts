import * as assert from 'node:assert/strict';
import { defaultConfig, type Item } from '../../src/core';
import { analyzeDocument } from '../../src/core/analyze/document';
import { ROOT } from './helpers';

function items(path: string, text: string): Item[] {
  return analyzeDocument({ uri: `${ROOT}/${path}`, relPath: path, text, config: defaultConfig() }).items;
}

function summary(list: Item[]): string[] {
  return list.map((i) => `${i.kind}|${i.id ?? ''}|${i.title}`);
}

describe('items (docs/format.md §2)', () => {
  describe('goals doc', () => {
    it('takes the level under a single # title as the goal level', () => {
      const text = '# Goals 2026\n\n## G1: Grow retention\n\n### KR1.1 Details are not goals\n\n## Faster onboarding\n';
      assert.deepEqual(summary(items('goals.md', text)), ['goal|G1|Grow retention', 'goal||Faster onboarding']);
    });

    it('takes the shallowest level when there is no single # title', () => {
      const text = '## O1. First\n\n### not a goal\n\n## O2 - Second\n';
      assert.deepEqual(summary(items('okrs.md', text)), ['goal|O1|First', 'goal|O2|Second']);
      const twoTitles = '# G1: One\n\n# G2: Two\n\n## detail\n';
      assert.deepEqual(summary(items('goals.md', twoTitles)), ['goal|G1|One', 'goal|G2|Two']);
    });

    it('reads the goals inside a heading named like the document (Goals, OKRs, Objectives), one level below it', () => {
      const severalTitles = '# Summary\n\nWhy these goals.\n\n# Goals\n\n## G1: Grow retention\n\n## G2: Cut costs\n\n# Appendix\n\n## Sources\n';
      assert.deepEqual(summary(items('goals.md', severalTitles)), ['goal|G1|Grow retention', 'goal|G2|Cut costs']);
      const nested = '# Product plan 2026\n\n## Q3 OKRs\n\n### O1: Faster onboarding\n\n#### KR1.1 Details\n\n## Risks\n\n### R1: Not a goal\n';
      assert.deepEqual(summary(items('okrs.md', nested)), ['goal|O1|Faster onboarding']);
      const deeper = '# Context\n\n# Objectives and key results\n\n### O1: Only ### under it\n';
      assert.deepEqual(summary(items('objectives.md', deeper)), ['goal|O1|Only ### under it']);
    });

    it('never takes a heading named like the document as a goal, unless itemLevel says so', () => {
      assert.deepEqual(summary(items('goals.md', '# Goals\n\n# G1: One\n')), ['goal|G1|One']);
      assert.deepEqual(summary(items('goals.md', '---\nitemLevel: 2\n---\n# Plan\n\n## Goals\n\n### G1: One\n')), ['goal||Goals']);
    });

    it('lets front matter itemLevel override the goal level', () => {
      const text = '---\nitemLevel: 3\n---\n# Goals\n\n## Team A\n\n### G1: Real goal\n';
      assert.deepEqual(summary(items('goals.md', text)), ['goal|G1|Real goal']);
    });

    it('skips headings named like sections, case and punctuation aside', () => {
      const names = ['Introduction', 'Overview', 'Background', 'Context', 'Summary', 'Non-goals', 'Out of scope', 'Notes', 'References', 'Appendix', 'Glossary', 'Changelog'];
      const text = `# Goals\n\n${names.map((n) => `## ${n.toUpperCase()}:\n\ntext\n`).join('\n')}\n## G1: The only goal\n`;
      assert.deepEqual(summary(items('goals.md', text)), ['goal|G1|The only goal']);
    });
  });

  describe('roadmap doc', () => {
    const roadmap = [
      '# Roadmap', //                                          1
      '',
      '- Intro list item before any heading', //              3  item (top-level list)
      '',
      '## Now', //                                             5  group
      '',
      '### R1: Offline mode', //                               7  heading item
      '',
      '- a detail, not an item', //                            9
      '',
      '| Key | Value |', //                                     11 details table
      '| --- | --- |',
      '| Owner | Bo |',
      '',
      '## Next', //                                            15
      '',
      '- [ ] **Templates** — Goal: G2', //                    17 list item
      '  - nested details are not items',
      '- Import from CSV',
      '',
      '| Item | Goal | Notes |', //                            21
      '| --- | --- | --- |',
      '| Audit log | G3 | x |', //                            23 table row
      '',
      '## Out of scope', //                                    25 non-item section
      '',
      '- Not an item',
      '',
      '### Not an item either',
    ].join('\n');

    it('finds heading, list and table items, and nothing in details or non-item sections', () => {
      assert.deepEqual(summary(items('roadmap.md', roadmap)), [
        'roadmap-item||Intro list item before any heading',
        'roadmap-item|R1|Offline mode',
        'roadmap-item||Templates',
        'roadmap-item||Import from CSV',
        'roadmap-item||Audit log',
      ]);
    });

    it('records each item where its title is, its layout and its horizon', () => {
      const found = items('roadmap.md', roadmap);
      assert.deepEqual(
        found.map((i) => [i.layout, i.range.start.line + 1, i.group ?? null]),
        [
          ['list', 3, null],
          ['heading', 7, 'Now'],
          ['list', 17, 'Next'],
          ['list', 19, 'Next'],
          ['table', 23, 'Next'],
        ],
      );
    });

    it('uses front matter itemLevel for heading items', () => {
      const text = '---\nitemLevel: 2\n---\n# Roadmap\n\n## Offline mode\n\n### Details\n';
      assert.deepEqual(summary(items('roadmap.md', text)), ['roadmap-item||Offline mode']);
    });

    it('titles a table row by its first column, or the first non-trace column', () => {
      const text = '# Roadmap\n\n| Goal | Item | When |\n| --- | --- | --- |\n| G1 | Dark mode | Q3 |\n';
      assert.deepEqual(summary(items('roadmap.md', text)), ['roadmap-item||Dark mode']);
      const found = items('roadmap.md', text)[0]!;
      assert.deepEqual(found.references.map((r) => [r.text, r.via]), [['G1', 'column']]);
    });

    it('does not take a two-column metadata table (empty header cell) as items', () => {
      const text = '# Fast builds\n\n| Metadata | |\n| --- | --- |\n| Owner | @lqd |\n| Goal | G1 |\n\n## Now\n\n- Incremental linking\n';
      const found = items('roadmap.md', text);
      assert.deepEqual(summary(found), ['roadmap-item||Incremental linking']);
      // The metadata table's Goal row applies to the document's items.
      assert.deepEqual(found[0]!.references.map((r) => r.text), ['G1']);
    });

    it('titles a long bullet by its first phrase, not its first source line', () => {
      const text = '# Roadmap\n\n- **Phase 1:** Extensible frontend platform (Done) - You will be able to\n  create a single consistent UI layer.\n';
      assert.deepEqual(summary(items('roadmap.md', text)), ['roadmap-item||Phase 1: Extensible frontend platform (Done)']);
    });

    it('titles a one-line bullet by all of it, dashes and abbreviations included, without a closing period', () => {
      const text = '# Roadmap\n\n- Dark mode - lets users switch themes\n- Partner with Acme Inc. Engineering team\n- Production debugging / dynamic log injection.\n- Docs, samples etc.\n';
      assert.deepEqual(summary(items('roadmap.md', text)), [
        'roadmap-item||Dark mode - lets users switch themes',
        'roadmap-item||Partner with Acme Inc. Engineering team',
        'roadmap-item||Production debugging / dynamic log injection',
        'roadmap-item||Docs, samples etc.',
      ]);
    });

    it('ends a wrapped bullet title at its first sentence, never at an abbreviation', () => {
      const text = '# Roadmap\n\n- Partner with Acme Inc. Engineering team on the\n  connector. It takes a quarter.\n- Import from e.g. Jira and\n  Linear. Later more.\n';
      assert.deepEqual(summary(items('roadmap.md', text)), ['roadmap-item||Partner with Acme Inc. Engineering team on the connector', 'roadmap-item||Import from e.g. Jira and Linear']);
    });

    it('leaves a field on a line of its own out of a list item title', () => {
      const found = items('roadmap.md', '# Roadmap\n\n- Beta item\n  Goal: G1\n- Gamma item that\n  wraps\n  **Supports:** G2\n');
      assert.deepEqual(summary(found), ['roadmap-item||Beta item', 'roadmap-item||Gamma item that wraps']);
      assert.deepEqual(found.map((i) => i.references.map((r) => r.text)), [['G1'], ['G2']]);
      assert.equal(found[0]!.key, 'roadmap.md#beta-item');
    });
  });

  describe('one-item files', () => {
    it('titles a goal file by front matter title, else its first heading', () => {
      assert.deepEqual(summary(items('g.md', '---\nkind: goal\ntitle: From front matter\nid: G7\n---\n# Heading\n')), ['goal|G7|From front matter']);
      assert.deepEqual(summary(items('g.md', '---\nkind: objective\n---\n# O3: From the heading\n')), ['goal|O3|From the heading']);
    });

    it('reads kind aliases initiative, epic and feature as roadmap items', () => {
      for (const kind of ['initiative', 'epic', 'feature', 'roadmap-item']) {
        assert.deepEqual(summary(items('x.md', `---\nkind: ${kind}\n---\n# Offline mode\n`)), ['roadmap-item||Offline mode'], kind);
      }
    });
  });

  describe('vision doc', () => {
    it('is the root, and each heading below the title is a vision section', () => {
      const doc = analyzeDocument({ uri: `${ROOT}/vision.md`, relPath: 'vision.md', text: '# Our vision\n\n## Clarity {#P1}\n\n## Speed\n', config: defaultConfig() });
      assert.deepEqual(summary(doc.items), ['vision||Our vision', 'vision-section|P1|Clarity', 'vision-section||Speed']);
    });
  });
});

describe('IDs and titles (docs/format.md §2)', () => {
  const cases: Array<[string, string | null, string]> = [
    ['G1: Grow retention', 'G1', 'Grow retention'],
    ['G-1 Grow retention', 'G-1', 'Grow retention'],
    ['O2. Grow retention', 'O2', 'Grow retention'],
    ['KR1.2 — Grow retention', 'KR1.2', 'Grow retention'],
    ['OKR-3 - Grow retention', 'OKR-3', 'Grow retention'],
    ['R12 Grow retention', 'R12', 'Grow retention'],
    ['ABCDE1: Five letters', 'ABCDE1', 'Five letters'],
    ['ABCDEF1: Six letters is not an ID', null, 'ABCDEF1: Six letters is not an ID'],
    ['G1Grow: no separator', null, 'G1Grow: no separator'],
    ['g1: lower case is not an ID', null, 'g1: lower case is not an ID'],
    ['**Offline mode** — Goal: G1', null, 'Offline mode'],
    ['Offline mode (goals: G1, G3)', null, 'Offline mode'],
    ['Grow retention {#retention}', 'retention', 'Grow retention'],
    ['[x] Done thing', null, 'Done thing'],
    ['P1: Priority labels are not IDs', null, 'P1: Priority labels are not IDs'],
  ];
  for (const [heading, id, title] of cases) {
    it(`"${heading}" → id ${id ?? 'none'}, title "${title}"`, () => {
      const [item] = items('goals.md', `# Goals\n\n## ${heading}\n`);
      assert.equal(item?.id ?? null, id);
      assert.equal(item?.title, title);
    });
  }

  it('strips Markdown marks from titles', () => {
    const [item] = items('goals.md', '# Goals\n\n## G1: Grow *weekly* `active` [teams](x.md)\n');
    assert.equal(item?.title, 'Grow weekly active teams');
  });

  it('keys items by file and GitHub-style slug, unique within the file', () => {
    const found = items('roadmap.md', '# R\n\n## Now\n\n### Offline mode\n\n## Later\n\n- Offline mode\n- Offline mode\n');
    assert.deepEqual(found.map((i) => i.key), ['roadmap.md#offline-mode', 'roadmap.md#offline-mode-1', 'roadmap.md#offline-mode-2']);
    const goal = items('goals.md', '# Goals\n\n## G1: Double weekly active teams!\n')[0]!;
    assert.deepEqual(goal.anchors, ['g1-double-weekly-active-teams']);
  });
});
