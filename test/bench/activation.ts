import Module from 'node:module';
import * as path from 'node:path';
import { vscodeStandIn } from './vscodeStandIn';

// Activation cost: load dist/extension.js and run activate() until it returns with every provider
// registered (indexing then continues in the background). VS Code is not available to a plain Node
// process, so `vscode` is a stand-in whose registrations do nothing: what is timed is the bundle's
// load and our own activate().
const load = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load;
(Module as unknown as { _load: unknown })._load = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? vscodeStandIn : load.call(this, request, ...rest);
};
const bundle = path.resolve(process.argv[2]!);
const t0 = performance.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const extension = require(bundle) as { activate(context: unknown): unknown };
const t1 = performance.now();
extension.activate({ subscriptions: [], extensionUri: { path: '/ext' } });
const t2 = performance.now();
process.stdout.write(JSON.stringify({ load: t1 - t0, activate: t2 - t1, total: t2 - t0 }) + '\n');
