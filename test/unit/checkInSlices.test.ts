import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { REPO, ROOT, readFixture, workspaceOf } from './helpers';

// The editor checks a folder it has just read in slices (docs/format.md does not say how; the
// extension host must stay responsive): the result must be the one check() gives, and a check that
// paused while a document changed must keep nothing.
describe('Workspace.checkInSlices', () => {
  const examples = () => {
    const { files, config } = readFixture(path.join(REPO, 'examples'));
    return workspaceOf(files, config);
  };
  const findings = (ws: ReturnType<typeof examples>) => [...ws.check().issues.values()].flat().map((i) => `${i.uri} ${i.rule} ${i.range.start.line} ${i.message}`);

  it('pauses after linking and after each rule, and finds what check() finds', async () => {
    const sliced = examples();
    let pauses = 0;
    const result = await sliced.checkInSlices({ sliceMs: 0, pause: async () => void pauses++ });
    assert.ok(result);
    assert.ok(pauses >= 10, `paused ${pauses} times`);
    assert.equal(sliced.check(), result, 'the sliced result is the cached result');
    assert.deepEqual(findings(sliced), findings(examples()));
    assert.ok(findings(sliced).length > 10);
  });

  it('keeps nothing when a document changes while it pauses, and the next check sees the change', async () => {
    const ws = examples();
    const roadmap = `${ROOT}/loop/roadmap.md`;
    const text = ws.get(roadmap)!.text;
    let pauses = 0;
    const result = await ws.checkInSlices({
      sliceMs: 0,
      pause: async () => {
        if (pauses++ === 2) ws.update(roadmap, `${text}\n## Later\n\n### Brand new item\n`);
      },
    });
    assert.equal(result, undefined);
    assert.ok(findings(ws).some((f) => f.includes('“Brand new item”')), 'check() reads the changed roadmap');
  });

  it('answers at once, without pausing, when the result is already known', async () => {
    const ws = examples();
    const known = ws.check();
    let pauses = 0;
    assert.equal(await ws.checkInSlices({ sliceMs: 0, pause: async () => void pauses++ }), known);
    assert.equal(pauses, 0);
  });
});
