import * as assert from 'node:assert/strict';
import { ConfigError, mergeConfig, parseConfigText } from '../../src/core';

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
    ['rule:\n  untraced-item: error\n', /unknown key "rule"/],
    ['rules: {untraced-item: error\n', /not valid YAML or JSON/],
  ];
  for (const [text, message] of bad) {
    it(`names the problem: ${message.source}`, () => {
      assert.throws(() => parseConfigText(text), (e: unknown) => e instanceof ConfigError && message.test(e.message));
    });
  }
});
