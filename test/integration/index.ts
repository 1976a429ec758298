import { runSuite } from './runner';

/**
 * The integration suite's entry point (`extensionTestsPath`), bundled to
 * `dist/test/integration/index.js`: runs the `*.test.js` bundles beside it inside VS Code's
 * extension host, against the development copy of the extension (`extensionDevelopmentPath`).
 */
export function run(): Promise<void> {
  return runSuite('integration', __dirname);
}
