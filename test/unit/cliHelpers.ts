import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO, TODAY } from './helpers';

// For tests that spawn the built CLI (dist/cli.js, from `npm run build`).

export const CLI = path.join(REPO, 'dist', 'cli.js');

/** The test day (3 December 2026, as `TODAY`) as SOURCE_DATE_EPOCH: dates in the docs read the same in every year. */
export const TEST_EPOCH = String(Math.floor(TODAY.getTime() / 1000));

/** Runs the CLI; `env` adds variables, over an environment without the CI variables that change links. */
export function cli(args: string[], cwd = REPO, env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const { GITHUB_ACTIONS: _a, GITLAB_CI: _b, SOURCE_DATE_EPOCH: _c, ...inherited } = process.env;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...inherited, NO_COLOR: '1', SOURCE_DATE_EPOCH: TEST_EPOCH, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary folder holding `files`; removed after the test run. */
export function tempWorkspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-cli-'));
  for (const [p, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    fs.writeFileSync(path.join(dir, p), text);
  }
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

