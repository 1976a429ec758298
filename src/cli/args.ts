/** Parsed command line. Hand-written: four options do not need a dependency. */
export interface CliArgs {
  command: 'check' | 'graph' | 'help' | 'version';
  paths: string[];
  format: 'text' | 'json';
  maxWarnings: number | undefined;
  config: string | undefined;
}

export class UsageError extends Error {}

export const USAGE = `Usage:
  throughline check [paths…] [--format text|json] [--max-warnings N] [--config FILE]
  throughline graph [paths…] [--format text|json] [--config FILE]

Checks that every roadmap item traces to a goal and every goal to the vision, in the Markdown
product docs under the given paths (default: the current folder).

Options:
  --format text|json   output format (default: text)
  --max-warnings N     exit 1 when there are more than N warnings
  --config FILE        use this config file instead of the nearest .throughline.yaml
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 bad usage or unreadable input.`;

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { command: 'help', paths: [], format: 'text', maxWarnings: undefined, config: undefined };
  const rest = [...argv];
  const first = rest[0];
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') return args;
  if (first === '-v' || first === '--version') return { ...args, command: 'version' };
  if (first !== 'check' && first !== 'graph') throw new UsageError(`unknown command “${first}”; use “check” or “graph”`);
  args.command = first;
  rest.shift();
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
    const value = () => {
      if (eq > 0) return arg.slice(eq + 1);
      const next = rest.shift();
      if (next === undefined) throw new UsageError(`${name} needs a value`);
      return next;
    };
    switch (name) {
      case '--format': {
        const format = value();
        if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be “text” or “json”, not “${format}”`);
        args.format = format;
        break;
      }
      case '--max-warnings': {
        const raw = value();
        const n = Number(raw);
        if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n)) throw new UsageError(`--max-warnings needs a whole number ≥ 0, not “${raw}”`);
        args.maxWarnings = n;
        break;
      }
      case '--config':
        args.config = value();
        break;
      case '-h':
      case '--help':
        return { ...args, command: 'help' };
      default:
        throw new UsageError(`unknown option “${name}”`);
    }
  }
  if (args.paths.length === 0) args.paths.push('.');
  return args;
}
