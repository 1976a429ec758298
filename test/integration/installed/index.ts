import { runSuite } from '../runner';

/**
 * Entry point of the installed-package suite (bundled to `dist/test/integration/installed/index.js`).
 *
 * VS Code only runs an `extensionTestsPath` together with an `extensionDevelopmentPath`, and a
 * development path wins over an installed extension with the same id. So the harness points the
 * development path at the stub extension in this folder (its `package.json` has a different id and
 * no code), installs the packaged `.vsix` into the run's own `--extensions-dir` with
 * `code-server --install-extension`, and these tests look `throughline.throughline` up among the
 * installed extensions: what runs is the bundle from the .vsix, not the source tree.
 */
export function run(): Promise<void> {
  return runSuite('installed', __dirname);
}
