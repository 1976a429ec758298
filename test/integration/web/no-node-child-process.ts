/**
 * `node:child_process` for the web worker extension host: the web suite's build points that import
 * here (`--alias`), so a test file that imports it still loads. A test that runs a program takes
 * another path in the web worker (`inWebWorker()`); a call that gets here anyway fails saying why.
 */
export const execFileSync = (): never => {
  throw new Error('child_process.execFileSync needs Node\'s extension host; this is the browser\'s web worker');
};
