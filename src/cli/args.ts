/** Parsed command line. Hand-written: four options do not need a dependency. */
export interface CliArgs {
  /** `usage`: no command at all, which is bad usage (the usage text goes to stderr, exit 2). */
  command: 'check' | 'graph' | 'help' | 'version' | 'usage';
  paths: string[];
  format: 'text' | 'json';
  maxWarnings: number | undefined;
  config: string | undefined;
  /** check only: apply the fixes whose answer is certain to the files, then report what is left. */
  fix: boolean;
}

/** Bad usage: one line naming what is wrong, then a hint, exit 2. */
export class UsageError extends Error {}

export const USAGE_HINT = "see 'throughline --help'";

export const USAGE = `Usage:
  throughline check [paths…] [--fix] [--format text|json] [--max-warnings N] [--config FILE]
  throughline graph [paths…] [--format text|json] [--config FILE]

Checks that every roadmap item traces to a goal and every goal to the vision, in the Markdown
product docs under the given paths (default: the current folder).

Options:
  --fix                check only: apply the fixes whose answer is certain (a reference that
                       differs from one goal only by case, punctuation or one typo), then report
                       what is left; never writes a trace or text a person has to choose
  --format text|json   output format (default: text)
  --max-warnings N     check only: exit 1 when there are more than N warnings
  --config FILE        use this config file instead of the nearest .throughline.yaml
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 bad usage, a bad config file, or a
named path that is missing or cannot be read (other unreadable product docs are findings).`;

/** The options each command takes: `graph` has no findings, so no --max-warnings. */
const OPTIONS: Record<'check' | 'graph', readonly string[]> = {
  check: ['--format', '--max-warnings', '--config', '--fix'],
  graph: ['--format', '--config'],
};

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { command: 'usage', paths: [], format: 'text', maxWarnings: undefined, config: undefined, fix: false };
  const end = argv.indexOf('--');
  const options = end < 0 ? argv : argv.slice(0, end);
  // Asking for help is never wrong, wherever it stands.
  if (options.includes('-h') || options.includes('--help') || argv[0] === 'help') return { ...args, command: 'help' };
  const first = argv[0];
  if (first === undefined) return args;
  if (first === '-v' || first === '--version') return { ...args, command: 'version' };
  if (first.startsWith('-')) throw new UsageError(`no command before “${first}”; use “check” or “graph”`);
  if (first !== 'check' && first !== 'graph') throw new UsageError(`unknown command “${first}”; use “check” or “graph”`);
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
    if (!['--format', '--max-warnings', '--config', '--fix'].includes(name)) throw new UsageError(`unknown option “${name}”`);
    if (!OPTIONS[first].includes(name)) throw new UsageError(`${first} does not take ${name}`);
    if (name === '--fix') {
      if (eq > 0) throw new UsageError('--fix takes no value');
      args.fix = true;
      continue;
    }
    const next = rest[0];
    if (eq < 0 && (next === undefined || next.startsWith('--'))) throw new UsageError(`${name} needs a value`);
    setOption(args, name, eq > 0 ? arg.slice(eq + 1) : rest.shift()!);
  }
  if (args.paths.length === 0) args.paths.push('.');
  return args;
}

function setOption(args: CliArgs, name: string, value: string): void {
  switch (name) {
    case '--format':
      if (value !== 'text' && value !== 'json') throw new UsageError(`--format must be “text” or “json”, not “${value}”`);
      args.format = value;
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
  }
}
