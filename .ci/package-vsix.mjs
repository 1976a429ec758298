// `npm run package`: the .vsix, packaged by vsce from a staging folder.
//
// package.json serves two packages: its `files` allow-list is the npm package (the CLI bundle, the
// rule docs), and `.vscodeignore` is the .vsix (the extension bundle, its images, grammar and docs).
// vsce refuses a folder that has both, so this copies what the .vsix may hold (the files
// .vscodeignore lets in) into dist/vsix-stage/ with a package.json without `files`, and runs vsce
// there. The build has already run (`npm run build` before this script): vsce must not run it again
// in a folder without node_modules, so `vscode:prepublish` is dropped from the staged manifest.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stage = path.join(root, 'dist', 'vsix-stage');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

for (const built of ['dist/extension.js', 'dist/web/extension.js', 'dist/cli.js']) {
  if (!fs.existsSync(path.join(root, built))) throw new Error(`${built} is missing: run \`npm run build\` first`);
}

fs.rmSync(stage, { recursive: true, force: true });
fs.mkdirSync(stage, { recursive: true });
// Everything .vscodeignore could let in; vsce applies .vscodeignore itself, in the staging folder.
const copy = ['.vscodeignore', 'README.md', 'CHANGELOG.md', 'LICENSE', 'dist/extension.js', 'dist/web/extension.js', 'dist/cli.js', 'media', 'syntaxes', 'docs'];
for (const rel of copy) {
  const from = path.join(root, rel);
  if (fs.existsSync(from)) fs.cpSync(from, path.join(stage, rel), { recursive: true });
}
const { files: _npmFiles, ...staged } = manifest;
staged.scripts = Object.fromEntries(Object.entries(manifest.scripts ?? {}).filter(([name]) => name !== 'vscode:prepublish'));
fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(staged, null, 2)}\n`);

// VS Code's page for an extension shows README images only from https: (or data:) addresses, so
// published, the README's relative links must point at the repository, at this version's tag. Until
// package.json names a real GitHub repository they stay relative: the images are then in the
// package (the walkthrough shows them) but not on the extension's page.
const repository = /^(?:git\+)?https:\/\/github\.com\/([^/]+\/[^/.]+)(?:\.git)?$/.exec(manifest.repository?.url ?? '');
const links = repository
  ? ['--baseContentUrl', `https://github.com/${repository[1]}/blob/v${manifest.version}/`, '--baseImagesUrl', `https://github.com/${repository[1]}/raw/v${manifest.version}/`]
  : ['--no-rewrite-relative-links'];
const out = path.join(root, 'dist', `${manifest.name}-${manifest.version}.vsix`);
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', ...links, '--out', out], { cwd: stage, stdio: 'inherit' });
fs.rmSync(stage, { recursive: true, force: true });
