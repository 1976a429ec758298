// The web build's stand-in for the Node modules the git reader imports (`--alias` in build:web), so
// the browser bundle asks for no module but `vscode`. The web worker never loads the git reader
// (trendView checks for Node first); a call that gets here anyway says why.

function unavailable(): never {
  throw new Error('reading git history needs Node, which VS Code in a browser does not have');
}

export const execFile = unavailable;
export const realpathSync = unavailable;
export const relative = unavailable;
export const sep = '/';
