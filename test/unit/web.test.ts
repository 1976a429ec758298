import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inspect, isDeepStrictEqual } from 'node:util';
import * as vm from 'node:vm';
import { vscodeStandIn } from '../bench/vscodeStandIn';
import * as webAssert from '../integration/web/assert';
import { REPO } from './helpers';

/**
 * The web bundle (`browser` in package.json) as the browser's web worker extension host loads it:
 * its source wrapped in a function of `module`, `exports` and a `require` that knows only `vscode`,
 * run in a scope that has what a web worker has and nothing of Node's or the DOM's. The `web` phase
 * of the integration tests runs it in a real one; this catches a Node or DOM dependency in seconds.
 */
describe('The web bundle', () => {
  const bundle = path.join(REPO, 'dist/web/extension.js');

  /** A web worker's globals, from Node's where they are the same; no process, Buffer, setImmediate, require, document or window. */
  function workerScope(): vm.Context {
    const scope: Record<string, unknown> = {
      console,
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
      queueMicrotask,
      structuredClone,
      TextEncoder,
      TextDecoder,
      URL,
      URLSearchParams,
      AbortController,
      crypto: globalThis.crypto,
      performance,
      fetch: () => Promise.reject(new Error('no network')),
      navigator: { userAgent: 'Mozilla/5.0 Chrome/136', platform: 'Linux x86_64', language: 'en' },
    };
    scope['self'] = scope;
    return vm.createContext(scope);
  }

  function load(): { activate(context: unknown): { ready: Promise<void> } } {
    const source = fs.readFileSync(bundle, 'utf8');
    const init = vm.runInContext(`(function (module, exports, require) {\n${source}\n})`, workerScope(), { filename: bundle }) as (m: unknown, e: unknown, r: unknown) => void;
    const module = { exports: {} as Record<string, unknown> };
    init(module, module.exports, (request: string) => {
      if (request === 'vscode') return vscodeStandIn;
      throw new Error(`Cannot load module '${request}'`); // what the web worker's require says
    });
    return module.exports as unknown as ReturnType<typeof load>;
  }

  it('is the manifest’s browser entry, within 600 KB', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { browser?: string };
    assert.equal(manifest.browser, './dist/web/extension.js');
    const bytes = fs.statSync(bundle).size;
    assert.ok(bytes <= 600 * 1024, `dist/web/extension.js is ${bytes} bytes, over the 600 KB the web build may take`);
  });

  it('loads and activates with only a web worker’s globals: no Node module, no process, no DOM', async () => {
    const extension = load();
    assert.equal(typeof extension.activate, 'function', 'the bundle exports activate()');
    const api = extension.activate({ subscriptions: [], extensionUri: { path: '/ext', scheme: 'https' } });
    await api.ready; // indexing an empty workspace, in the same scope
  });

  it('asks for no module but vscode', () => {
    const source = fs.readFileSync(bundle, 'utf8');
    const required = new Set([...source.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]));
    assert.deepEqual([...required], ['vscode']);
  });
});

/** The web suite's stand-in for `node:assert/strict` must fail exactly where Node's does. */
describe('The web suite’s assert', () => {
  const pairs: Array<[unknown, unknown]> = [
    [1, 1],
    [1, '1'],
    [0, -0],
    [NaN, NaN],
    [[1, 2], [1, 2]],
    [[1, 2], [2, 1]],
    [[1, undefined], [1]],
    [{ a: 1, b: [2] }, { b: [2], a: 1 }],
    [{ a: undefined }, {}],
    [{ a: 1 }, Object.assign(Object.create(null) as object, { a: 1 })],
    [new Map([[1, { x: 1 }]]), new Map([[1, { x: 1 }]])],
    [new Map([[1, 1]]), new Map([[1, 2]])],
    [new Set([1, { y: 2 }]), new Set([{ y: 2 }, 1])],
    [new Set([1]), new Set([2])],
    [new Date(5), new Date(5)],
    [/a/g, /a/i],
    [null, undefined],
    [null, {}],
    [['a', ['b', ['c']]], ['a', ['b', ['c']]]],
  ];
  it('agrees with Node’s isDeepStrictEqual', () => {
    for (const [a, b] of pairs) assert.equal(webAssert.isDeepStrictEqual(a, b), isDeepStrictEqual(a, b), `${inspect(a)} vs ${inspect(b)}`);
  });

  it('throws an AssertionError with the message given, or one showing both values', () => {
    assert.throws(() => webAssert.equal(1, 2), (e: Error) => e.name === 'AssertionError' && /1 !== 2/.test(e.message));
    assert.throws(() => webAssert.ok(false, 'the reason'), { name: 'AssertionError', message: 'the reason' });
    assert.throws(() => webAssert.match('abc', /x/), /did not match/);
    assert.throws(() => webAssert.doesNotMatch('abc', /b/), /not match/);
    assert.throws(() => webAssert.deepEqual([1], [2]), /deep-equal/);
    assert.throws(() => webAssert.notEqual(1, 1), /unequal/);
    assert.throws(() => webAssert.doesNotThrow(() => { throw new Error('boom'); }), /boom/);
    webAssert.deepEqual({ a: [1, new Set(['x'])] }, { a: [1, new Set(['x'])] });
    webAssert.match('abc', /b/);
    webAssert.doesNotThrow(() => undefined);
  });
});
