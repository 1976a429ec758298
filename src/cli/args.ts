/** How `check` prints its findings; `graph` knows the first two. */
export type Format = 'text' | 'json' | 'sarif' | 'github' | 'gitlab' | 'markdown';

const FORMATS: Record<'check' | 'graph' | 'trend', readonly Format[]> = {
  check: ['text', 'json', 'sarif', 'github', 'gitlab', 'markdown'],
  graph: ['text', 'json'],
  trend: ['text', 'json'],
};

type Command = 'check' | 'graph' | 'report' | 'trend';

/** Parsed command line. Hand-written: a handful of options do not need a dependency. */
export interface CliArgs {
  /** `usage`: no command at all, which is bad usage (the usage text goes to stderr, exit 2). */
  command: Command | 'help' | 'version' | 'usage';
  paths: string[];
  format: Format;
  maxWarnings: number | undefined;
  config: string | undefined;
  /** `report` only: where the HTML goes (`-` for standard output). */
  out: string | undefined;
  /** check only: apply the fixes whose answer is certain to the files, then report what is left. */
  fix: boolean;
  /** trend and report: the first day of the history read (`YYYY-MM-DD`); 13 weeks back by default. */
  since: string | undefined;
}

/** Bad usage: one line naming what is wrong, then a hint, exit 2. */
export class UsageError extends Error {}

export const USAGE_HINT = "see 'throughline --help'";

export const USAGE = `Usage:
  throughline check [paths…] [--fix] [--format FORMAT] [--max-warnings N] [--config FILE]
  throughline graph [paths…] [--format text|json] [--config FILE]
  throughline report [paths…] --out FILE.html [--since DATE] [--config FILE]
  throughline trend [paths…] [--since DATE] [--format text|json] [--config FILE]

Checks that every roadmap item traces to a goal and every goal to the vision, in the Markdown
product docs under the given paths (default: the current folder). \`report\` writes the Strategy
Map, a self-contained HTML page to share (\`--out -\` prints it), with the ranking of the roadmap and,
in a git repository, the alignment over time. \`trend\` prints the share of each product's roadmap
that traces to a goal, per horizon, at each week's last commit (it reads git, never writes it).

Options:
  --fix                check only: apply the fixes whose answer is certain (a reference that
                       differs from one goal only by case, punctuation or one typo), then report
                       what is left; never writes a trace or text a person has to choose
  --format FORMAT      check: text (default), json, sarif (code scanning), github (workflow
                       annotations), gitlab (Code Quality JSON) or markdown (a pull-request
                       summary); graph and trend: text or json
  --max-warnings N     check only: exit 1 when there are more than N warnings
  --out FILE           report only: the HTML file to write
  --since DATE         trend and report: read the history from DATE (YYYY-MM-DD); default 13
                       weeks back
  --config FILE        use this config file instead of the nearest .throughline.yaml
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 no errors (report: written), 1 errors (or too many warnings), 2 bad usage, a bad
config file, or a named path that is missing or cannot be read (other unreadable product docs are
findings).`;

/** The options each command takes: `graph` has no findings, so no --max-warnings. */
const OPTIONS: Record<Command, readonly string[]> = {
  check: ['--format', '--max-warnings', '--config', '--fix'],
  graph: ['--format', '--config'],
  report: ['--out', '--config', '--since'],
  trend: ['--format', '--config', '--since'],
};
const ALL_OPTIONS = ['--format', '--max-warnings', '--config', '--out', '--fix', '--since'];
const COMMANDS = 'use “check”, “graph”, “report” or “trend”';

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { command: 'usage', paths: [], format: 'text', maxWarnings: undefined, config: undefined, out: undefined, fix: false, since: undefined };
  const end = argv.indexOf('--');
  const options = end < 0 ? argv : argv.slice(0, end);
  // Asking for help is never wrong, wherever it stands.
  if (options.includes('-h') || options.includes('--help') || argv[0] === 'help') return { ...args, command: 'help' };
  const first = argv[0];
  if (first === undefined) return args;
  if (first === '-v' || first === '--version') return { ...args, command: 'version' };
  if (first.startsWith('-')) throw new UsageError(`no command before “${first}”; ${COMMANDS}`);
  if (first !== 'check' && first !== 'graph' && first !== 'report' && first !== 'trend') throw new UsageError(`unknown command “${first}”; ${COMMANDS}`);
  args.command = first;
  const rest = argv.slice(1);
  while (rest.length > 0) {
    const arg = rest.shift()!;
    if (arg === '--') {
      args.paths.push(...rest.splice(0));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      args.paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!ALL_OPTIONS.includes(name)) throw new UsageError(`unknown option “${name}”`);
    if (!OPTIONS[first].includes(name)) throw new UsageError(`${first} does not take ${name}`);
    if (name === '--fix') {
      if (eq > 0) throw new UsageError('--fix takes no value');
      args.fix = true;
      continue;
    }
    const next = rest[0];
    if (eq < 0 && (next === undefined || next.startsWith('--'))) throw new UsageError(`${name} needs a value`);
    setOption(args, first, name, eq > 0 ? arg.slice(eq + 1) : rest.shift()!);
  }
  if (first === 'report' && args.out === undefined) throw new UsageError('report needs --out FILE.html (or --out - for standard output)');
  if (args.paths.length === 0) args.paths.push('.');
  return args;
}

function setOption(args: CliArgs, command: Command, name: string, value: string): void {
  switch (name) {
    case '--format': {
      const formats = FORMATS[command === 'graph' || command === 'trend' ? command : 'check'];
      if (!formats.includes(value as Format)) throw new UsageError(`--format must be ${quoteList(formats)}, not “${value}”`);
      args.format = value as Format;
      break;
    }
    case '--out':
      if (value === '') throw new UsageError('--out needs a value');
      args.out = value;
      break;
    case '--max-warnings': {
      const n = Number(value);
      if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new UsageError(`--max-warnings needs a whole number ≥ 0, not “${value}”`);
      args.maxWarnings = n;
      break;
    }
    case '--config':
      if (value === '') throw new UsageError('--config needs a value');
      args.config = value;
      break;
    case '--since': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
      if (!date || date.toISOString().slice(0, 10) !== value) throw new UsageError(`--since needs a date as YYYY-MM-DD, not “${value}”`);
      args.since = value;
      break;
    }
  }
}

/** “a”, “b” or “c”. */
function quoteList(values: readonly string[]): string {
  const quoted = values.map((v) => `“${v}”`);
  return quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}
