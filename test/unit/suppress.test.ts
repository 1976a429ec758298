import * as assert from 'node:assert/strict';
import { findingLines, workspaceOf } from './helpers';

const goals = '# Goals\n\n## G1: One\n\nMetric: 1\n';

describe('suppression comments', () => {
  it('disable-next-line silences one rule, or all rules, on the next line only', () => {
    const roadmap = [
      '# Roadmap',
      '## Now',
      '<!-- throughline-disable-next-line untraced-item -->\n### Silenced',
      '<!-- throughline-disable-next-line goal-without-items -->\n### Other rule named, still reported',
      '<!-- throughline-disable-next-line -->\n### All rules silenced',
      '### Reported',
    ].join('\n\n');
    const ws = workspaceOf({ 'goals.md': goals, 'roadmap.md': roadmap });
    assert.deepEqual(findingLines(ws, 'untraced-item'), ['roadmap.md:9 untraced-item', 'roadmap.md:14 untraced-item'].sort());
  });

  it('disable … enable silences a region, for the named rules or for all', () => {
    const roadmap = [
      '# Roadmap',
      '## Now',
      '<!-- throughline-disable untraced-item -->',
      '### Inside the region',
      '<!-- throughline-enable untraced-item -->',
      '### After the region',
      '<!-- throughline-disable -->',
      '### Everything off to the end of the file',
    ].join('\n\n');
    const ws = workspaceOf({ 'goals.md': goals, 'roadmap.md': roadmap });
    assert.deepEqual(findingLines(ws, 'untraced-item'), ['roadmap.md:11 untraced-item']);
  });

  it('ignores comments quoted in a code span, a fenced block or an indented block, and obeys inline ones', () => {
    const roadmap = [
      '# Roadmap',
      'To mute a rule, write `<!-- throughline-disable -->` above it.',
      '```markdown\n<!-- throughline-disable -->\n```',
      '    <!-- throughline-disable untraced-item -->',
      '- Still reported',
      '- Silenced by an inline comment <!-- throughline-disable-next-line untraced-item -->\n- Silenced',
    ].join('\n\n');
    const ws = workspaceOf({ 'goals.md': goals, 'roadmap.md': roadmap });
    assert.deepEqual(findingLines(ws, 'untraced-item'), ['roadmap.md:11 untraced-item', 'roadmap.md:13 untraced-item']);
  });
});
