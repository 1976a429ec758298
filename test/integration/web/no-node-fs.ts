/**
 * `node:fs` for the web worker extension host: the web suite's build points that import here
 * (`--alias`), so a test file that imports it still loads. A test that calls it skips first with
 * `nodeOnly()` (host.ts); a call that gets here anyway fails saying why.
 */
function unavailable(name: string): never {
  throw new Error(`fs.${name} needs Node's extension host; this is the browser's web worker (skip the test with nodeOnly())`);
}

export const mkdirSync = (): never => unavailable('mkdirSync');
export const symlinkSync = (): never => unavailable('symlinkSync');
