import * as path from 'node:path';
import { ruleDocsPath, type RuleId } from '../../core';
import { repository, version } from '../../../package.json';

/**
 * Where a finding's file and a rule's page live on the web, for the formats that link (SARIF,
 * Markdown, the HTML report). In GitHub Actions and GitLab CI a file links to the commit being
 * checked; elsewhere links are relative paths, as the findings print them.
 */
export interface Linker {
  /** A link to `file` (relative to the current folder, `/` separators) at a one-based line. */
  source(file: string, line: number): string;
  /** The page that explains a rule, at the version of Throughline that reported it. */
  rule(rule: string): string | undefined;
}

/** The project's web address, from package.json's repository (`…/throughline.git` → `…/throughline`). */
export const HOMEPAGE = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

export function ruleDocsUrl(rule: string): string | undefined {
  if (rule === 'file-skipped' || rule === 'internal-error') return undefined;
  return `${HOMEPAGE}/blob/v${version}/${ruleDocsPath(rule as RuleId)}`;
}

export function linker(cwd: string, env: Readonly<Record<string, string | undefined>>): Linker {
  const fromRepo = (file: string, workspace: string | undefined) => {
    const abs = path.resolve(cwd, file);
    const rel = workspace ? path.relative(workspace, abs) : file;
    return rel.split(path.sep).join('/');
  };
  const lineAnchor = (line: number) => `#L${line}`;
  let source: Linker['source'] = (file, line) => `${encodePath(file)}${lineAnchor(line)}`;
  // https://docs.github.com/en/actions/reference/variables-reference#default-environment-variables
  if (env['GITHUB_ACTIONS'] === 'true' && env['GITHUB_SERVER_URL'] && env['GITHUB_REPOSITORY'] && env['GITHUB_SHA']) {
    const base = `${env['GITHUB_SERVER_URL']}/${env['GITHUB_REPOSITORY']}/blob/${env['GITHUB_SHA']}/`;
    source = (file, line) => `${base}${encodePath(fromRepo(file, env['GITHUB_WORKSPACE']))}${lineAnchor(line)}`;
  } else if (env['GITLAB_CI'] === 'true' && env['CI_PROJECT_URL'] && env['CI_COMMIT_SHA']) {
    // https://docs.gitlab.com/ci/variables/predefined_variables/
    const base = `${env['CI_PROJECT_URL']}/-/blob/${env['CI_COMMIT_SHA']}/`;
    source = (file, line) => `${base}${encodePath(fromRepo(file, env['CI_PROJECT_DIR']))}${lineAnchor(line)}`;
  }
  return { source, rule: ruleDocsUrl };
}

function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}
