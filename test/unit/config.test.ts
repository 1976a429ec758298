import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_KEYS, ConfigError, mergeConfig, parseConfigText } from '../../src/core';
import { REPO } from './helpers';

describe('config file', () => {
  it('parses YAML and JSON with rules, kinds, excludes, labels, sections and names', () => {
    const yaml = parseConfigText('rules:\n  untraced-item: error\n  goal-without-items: off\nkinds:\n  roadmap: ["plans/*.md"]\nexclude: [archive]\ntraceLabels: [Parent]\nsections:\n  who: [Buyers]\nnonItemHeadings: [Risks]\n');
    const json = parseConfigText('{"rules": {"untraced-item": "error", "goal-without-items": "off"}, "kinds": {"roadmap": ["plans/*.md"]}, "exclude": ["archive"], "traceLabels": ["Parent"], "sections": {"who": ["Buyers"]}, "nonItemHeadings": ["Risks"]}');
    assert.deepEqual(yaml, json);
    const config = mergeConfig(yaml);
    assert.equal(config.rules['untraced-item'], 'error');
    assert.equal(config.rules['goal-without-items'], 'off');
    assert.equal(config.rules['duplicate-id'], 'error');
    assert.ok(config.traceLabels.any.includes('Parent') && config.traceLabels.any.includes('Supports'));
    assert.ok(config.sections.who.includes('Buyers') && config.sections.who.includes('Who'));
  });

  const bad: Array<[string, RegExp]> = [
    ['rules:\n  untraced-itme: error\n', /"rules\.untraced-itme" is not a Throughline rule/],
    ['rules:\n  untraced-item: loud\n', /"rules\.untraced-item" must be error, warning, information, hint or off, not "loud"/],
    ['rules: [a]\n', /"rules" must be a mapping/],
    ['kinds:\n  roadmaps: [x]\n', /"kinds\.roadmaps" is not a kind/],
    ['exclude: 3\n', /"exclude" must be a list of strings, not number 3/],
    ['exclude: [archive, 3]\n', /"exclude" must be a list of strings, but entry 2 is number 3/],
    ['rules:\n  untraced-item: 0\n', /"rules\.untraced-item" must be error, warning, information, hint or off, not number 0/],
    ['traceLabels: 3\n', /"traceLabels" must be a list of labels, or a mapping with goal, vision and any lists, not number 3/],
    ['42\n', /^the config must be a mapping of keys \(rules, kinds, /],
    ['rule:\n  untraced-item: error\n', /unknown key "rule"/],
    ['rules: {untraced-item: error\n', /not valid YAML or JSON/],
  ];
  for (const [text, message] of bad) {
    it(`names the problem: ${message.source}`, () => {
      assert.throws(() => parseConfigText(text), (e: unknown) => e instanceof ConfigError && message.test(e.message));
    });
  }

  it('refuses keys that name the object machinery (__proto__, constructor) as unknown keys', () => {
    for (const key of ['__proto__', 'constructor', 'toString']) {
      assert.throws(() => parseConfigText(`{"${key}": {"x": 1}}`), (e: unknown) => e instanceof ConfigError && e.message.includes(`unknown key "${key}"`), key);
    }
  });

  it('takes a single string where a list is expected as a one-item list, for every list', () => {
    const config = parseConfigText(
      'exclude: archive\nnotIds: P1\nnonItemHeadings: Risks\ntraceLabels: Parent\nkinds:\n  roadmap-item: initiatives/*.md\nsections:\n  who: Buyers\n',
    );
    assert.deepEqual(config, {
      exclude: ['archive'],
      notIds: ['P1'],
      nonItemHeadings: ['Risks'],
      traceLabels: ['Parent'],
      kinds: { 'roadmap-item': ['initiatives/*.md'] },
      sections: { who: ['Buyers'] },
    });
    assert.deepEqual(parseConfigText('traceLabels:\n  goal: Outcome\n'), { traceLabels: { goal: ['Outcome'] } });
  });

  it('treats a key left empty (nothing after the colon) as if it were absent', () => {
    assert.deepEqual(parseConfigText('exclude:\nrules:\n  untraced-item:\nkinds:\n  roadmap:\nnotIds:\n'), { rules: {}, kinds: {} });
    assert.deepEqual(mergeConfig(parseConfigText('notIds:\n')).notIds, mergeConfig().notIds, 'an empty notIds keeps the defaults; [] is how to clear them');
  });

  // Every key, with a value of a type it cannot take: the error names that key.
  const wrongTypes: Array<[string, string]> = [
    ['rules', 'rules: 3'],
    ['rules.untraced-item', 'rules:\n  untraced-item: [error]'],
    ['kinds', 'kinds: [roadmap]'],
    ['kinds.roadmap', 'kinds:\n  roadmap: {a: b}'],
    ['exclude', 'exclude: {archive: true}'],
    ['exclude', 'exclude: [true]'],
    ['traceLabels', 'traceLabels: true'],
    ['traceLabels.goal', 'traceLabels:\n  goal: 5'],
    ['sections', 'sections: [who]'],
    ['sections.who', 'sections:\n  who: {a: b}'],
    ['nonItemHeadings', 'nonItemHeadings: 7'],
    ['notIds', 'notIds: [P1, 2]'],
  ];
  for (const [key, text] of wrongTypes) {
    it(`refuses a value of the wrong type, naming the key: ${key} (${text.replace(/\n\s*/g, ' ')})`, () => {
      assert.throws(
        () => parseConfigText(text),
        (e: unknown) => e instanceof ConfigError && e.key === key && e.message.startsWith(`"${key}" `),
      );
    });
  }

  it('offers every config key as a throughline.* setting with a human title, each described and listed in the README', () => {
    type Setting = { markdownDescription?: string; markdownDeprecationMessage?: string; scope?: string };
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, Setting> } } };
    const settings = manifest.contributes.configuration.properties;
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const current = Object.entries(settings).filter(([, s]) => !s.markdownDeprecationMessage);
    // The title VS Code's Settings editor derives from a key: camelCase split into capitalised words.
    const title = (name: string) => name.replace(/^throughline\./, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/^[a-z]/, (c) => c.toUpperCase());
    assert.deepEqual(current.map(([name]) => title(name)), ['Rules', 'Document Kinds', 'Exclude', 'Trace Labels', 'Strategy Sections', 'Section Headings', 'Labels That Are Not IDs', 'Alignment Target', 'Priority Weights', 'Reading Markers']);
    // Each key of .throughline.yaml is one setting: by its own name, or named in the setting's description.
    for (const key of CONFIG_KEYS) {
      const owners = current.filter(([name, s]) => name === `throughline.${key}` || (s.markdownDescription ?? '').includes(`Same as \`${key}\` in`));
      assert.equal(owners.length, 1, `one setting sets ${key}: ${owners.map(([n]) => n).join(', ')}`);
    }
    // Editor-only settings change what the editor shows, never what is reported, so they have no config key.
    const editorOnly = ['throughline.readingMarkers'];
    for (const name of editorOnly) assert.ok(current.some(([n]) => n === name), `${name} is a setting`);
    for (const [name, setting] of current) {
      assert.ok((setting.markdownDescription ?? '').length > 40, `${name} has a markdownDescription`);
      assert.equal(setting.scope, 'resource', `${name} can be set per folder`);
      assert.ok(readme.includes(`| \`${name}\` |`), `${name} has a row in the README's settings table`);
    }
    // The old names still work, and say which setting replaced them.
    for (const [name, setting] of Object.entries(settings).filter(([, s]) => s.markdownDeprecationMessage)) {
      assert.ok(CONFIG_KEYS.includes(name.replace(/^throughline\./, '')), `${name} was a setting for a config key`);
      const replacement = /`(throughline\.\w+)`/.exec(setting.markdownDeprecationMessage!)?.[1];
      assert.ok(replacement && current.some(([n]) => n === replacement), `${name} names the setting that replaced it`);
    }
  });
});
