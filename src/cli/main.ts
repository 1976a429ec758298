import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES, Workspace, mergeConfig, prioritise, strategyMap, subgraph, summarize, type Issue } from '../core';
import { GitError } from '../history/git';
import { USAGE, USAGE_HINT, UsageError, parseArgs, type CliArgs } from './args';
import { InputError, fileUri, isWithin, toPosix } from './files';
import { formatGithub } from './formats/github';
import { formatGitlab } from './formats/gitlab';
import { linker } from './formats/links';
import { formatMarkdown } from './formats/markdown';
import { formatSarif } from './formats/sarif';
import { applyCertainFixes } from './fix';
import { loadProject } from './load';
import { findProject } from './project';
import { countBySeverity, formatGraphText, formatJson, formatText, toJsonDiagnostic, type JsonDiagnostic } from './output';
import { writeReport } from './report';
import { formatTrend, sinceOf, trendOf } from './trend';

import { version } from '../../package.json';

export interface Io {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  color: boolean;
  /** The environment: CI variables make links point at the commit (GitHub Actions, GitLab CI); SOURCE_DATE_EPOCH fixes the date. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Test seam: called with the files listed, before any is read (see LoadOptions). */
  afterListing?: (files: readonly string[]) => void;
}

/** Runs the CLI and returns its exit code: 0 no errors, 1 errors or too many warnings, 2 bad usage or input. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`throughline: ${e.message}; ${USAGE_HINT}\n`);
      return 2;
    }
    throw e;
  }
  if (args.command === 'usage') {
    // No command at all: the usage is the answer, but on stderr and as a failure, so a CI step
    // that lost its arguments does not pass.
    io.stderr(`${USAGE}\n`);
    return 2;
  }
  if (args.command === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (args.command === 'version') {
    io.stdout(`${version}\n`);
    return 0;
  }
  try {
    return await runAnalysis(args, io);
  } catch (e) {
    if (e instanceof InputError) {
      io.stderr(`throughline: ${e.line((abs) => relativeToCwd(io, abs))}\n`);
      return 2;
    }
    throw e;
  }
}

async function runAnalysis(args: CliArgs, io: Io): Promise<number> {
  const absPaths = args.paths.map((p) => path.resolve(io.cwd, p));
  for (const p of absPaths) {
    if (!existsSync(p)) throw new InputError('', p, 'no such file or folder');
  }
  const configPath = args.config && path.resolve(io.cwd, args.config);
  if (configPath && !existsSync(configPath)) throw new InputError('', configPath, 'no such config file');
  const project = await findProject(absPaths, configPath, path.resolve(io.cwd));
  const env = io.env ?? {};
  const epoch = Number(env['SOURCE_DATE_EPOCH']);
  // Dated horizons and goal timeframes are judged against this day: SOURCE_DATE_EPOCH makes runs reproducible.
  const today = env['SOURCE_DATE_EPOCH'] && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date();
  const workspace = new Workspace(fileUri(project.root), mergeConfig(project.config), { incremental: false, today });
  const show = (abs: string) => relativeToCwd(io, abs);
  if (args.command === 'trend') {
    // The history, not the files on disk: git is read at each week's last commit.
    const trend = await trendOf(project.root, project.config, absPaths, sinceOf(args.since, today), today);
    if (trend instanceof GitError) {
      io.stderr(`throughline: ${trend.message}\n`);
      return 2;
    }
    io.stdout(`${formatTrend(trend, args.format === 'json' ? 'json' : 'text')}\n`);
    return 0;
  }
  // Every product doc under the root is loaded, so references resolve; only files under the given
  // paths are reported.
  const reported = await loadProject(workspace, project.root, absPaths, {
    warn: (message) => io.stderr(`throughline: ${message}\n`),
    show,
    ...(io.afterListing ? { afterListing: io.afterListing } : {}),
  });
  // Without a .git or config file above the paths, the project folder is a guess: say which, since
  // every Markdown file under it is read (a parent folder of many repositories would be slow). After
  // the files are read, so a named path that stops the run is the only line.
  if (project.rootBy === 'current folder' && project.root !== project.common) {
    io.stderr(`throughline: no .git or ${CONFIG_FILE_NAMES[0]} above ${show(project.common)}: reading every product doc under the current folder, ${show(project.root)}, so references resolve\n`);
  }

  if (args.fix) {
    const fixedFiles = applyCertainFixes(workspace, project.root, reported, (uri) => path.join(project.root, workspace.get(uri)!.relPath));
    if (fixedFiles.fixed > 0) io.stderr(`throughline: fixed ${fixedFiles.fixed} finding${fixedFiles.fixed === 1 ? '' : 's'} in ${fixedFiles.files.map((f) => show(path.join(project.root, f))).join(', ')}\n`);
  }
  const result = workspace.check();
  for (const f of result.failures) io.stderr(`throughline: internal error: rule ${f.rule} failed and was skipped (${f.message}); please report this\n`);
  const summary = summarize(result.model, (doc) => reported.has(doc.uri));
  if (args.command === 'graph') {
    // The named paths' nodes and what they trace to, so no edge dangles (docs/configuration.md).
    const graph = subgraph(workspace.graph(), (file) => absPaths.some((p) => isWithin(path.join(project.root, file), p)));
    // Files relative to the current folder, as in check's findings (keys stay root-relative and stable).
    const nodes = graph.nodes.map((n) => ({ ...n, file: show(path.join(project.root, n.file)) }));
    if (args.format === 'json') io.stdout(`${JSON.stringify({ version: 1, nodes, edges: graph.edges }, null, 2)}\n`);
    else io.stdout(`${formatGraphText({ nodes, edges: graph.edges })}\n`);
    return 0;
  }

  const include = (doc: { uri: string }) => reported.has(doc.uri);
  if (args.command === 'report') {
    const map = strategyMap(result, { today, include });
    const ranking = prioritise(result, workspace.getConfig(), { today, include });
    // The chart of alignment over time, when the project's history can be read; else the report goes without it.
    const trend = await trendOf(project.root, project.config, absPaths, sinceOf(args.since, today), today);
    if (trend instanceof GitError && args.since) io.stderr(`throughline: no alignment over time in the report: ${trend.message}\n`);
    writeReport({ ...map, ranking, ...(trend instanceof GitError ? {} : { trend }) }, { out: args.out!, cwd: io.cwd, root: project.root, env, today, stdout: io.stdout });
    return 0;
  }

  const diagnostics: JsonDiagnostic[] = [];
  const uris = [...result.issues.keys()].filter((u) => reported.has(u)).sort();
  for (const uri of uris) {
    const doc = workspace.get(uri)!;
    const file = show(path.join(project.root, doc.relPath));
    for (const issue of result.issues.get(uri) as Issue[]) diagnostics.push(toJsonDiagnostic(issue, file));
  }
  diagnostics.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  const format = (): string => {
    switch (args.format) {
      case 'json':
        return formatJson(diagnostics, summary);
      case 'sarif':
        return formatSarif(diagnostics, version);
      case 'github':
        return formatGithub(diagnostics, summary);
      case 'gitlab':
        return formatGitlab(diagnostics);
      case 'markdown':
        return formatMarkdown(diagnostics, summary, strategyMap(result, { today, include }).products, linker(io.cwd, env), path.basename(project.root));
      default:
        return formatText(diagnostics, summary, io.color);
    }
  };
  io.stdout(`${format()}\n`);
  const counts = countBySeverity(diagnostics);
  const tooManyWarnings = args.maxWarnings !== undefined && counts.warning > args.maxWarnings;
  return counts.error > 0 || tooManyWarnings ? 1 : 0;
}

function relativeToCwd(io: Io, abs: string): string {
  return toPosix(path.relative(io.cwd, abs)) || '.';
}

// Entry point when bundled as dist/cli.js.
if (require.main === module) {
  // A reader that stops early (`| head -1`, a failing `jq`) closes the pipe: stop writing, quietly,
  // and exit with the check's own code. Anything else is a real failure and stays loud.
  const closed = new Set<NodeJS.WriteStream>();
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      closed.add(stream);
    });
  }
  const write = (stream: NodeJS.WriteStream) => (s: string) => {
    if (!closed.has(stream)) stream.write(s);
  };
  const io: Io = {
    cwd: process.cwd(),
    stdout: write(process.stdout),
    stderr: write(process.stderr),
    color: !!process.stdout.isTTY && !process.env['NO_COLOR'],
    env: process.env,
  };
  run(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // A bug, not bad input: still one clear line, and the details only when asked for.
      io.stderr(`throughline: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      if (process.env['THROUGHLINE_DEBUG']) io.stderr(`${e instanceof Error ? e.stack : ''}\n`);
      process.exitCode = 2;
    },
  );
}
