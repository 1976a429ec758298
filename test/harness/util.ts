import { spawn, type SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

/** The repository root: the nearest folder above this script whose package.json is Throughline's. */
export function repoRoot(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'throughline') return dir;
    if (path.dirname(dir) === dir) throw new Error(`no Throughline package.json above ${from}`);
  }
}

export function log(message: string): void {
  process.stdout.write(`[harness] ${message}\n`);
}

/** A command's path on PATH, like `command -v`. */
export function findOnPath(name: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * The environment without what `npm run` says about this project (`npm_package_*`, the local
 * prefix…), so nested npm commands act on their own folder; npm settings passed as `npm_config_*`
 * (registry, cache, proxy, nodedir) are kept.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  const project = /^(npm_package_|npm_lifecycle_|npm_command$|npm_config_local_prefix$|npm_config_call$|init_cwd$)/i;
  for (const [key, value] of Object.entries(process.env)) if (!project.test(key)) env[key] = value;
  return { ...env, ...extra };
}

/**
 * Runs a command to completion, appending its output to `logFile`; rejects on a non-zero exit with
 * the output's last lines, so a failed install step says why.
 */
export function exec(command: string, args: readonly string[], options: SpawnOptions & { logFile: string }): Promise<string> {
  const { logFile, ...spawnOptions } = options;
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(logFile, { flags: 'a' });
    out.write(`\n$ ${[command, ...args].join(' ')}   (in ${String(spawnOptions.cwd ?? process.cwd())})\n`);
    const child = spawn(command, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      out.write(chunk);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.on('error', (e) => out.end(() => reject(e)));
    child.on('close', (code, signal) => {
      out.end(() => {
        if (code === 0) resolve(output);
        else {
          const tail = output.trim().split('\n').slice(-15).join('\n');
          reject(new Error(`${command} ${args.join(' ')} failed (${code ?? signal}); see ${logFile}\n${tail}`));
        }
      });
    });
  });
}

/** A free TCP port on the loopback interface, from the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Resolves when `file` exists (watching its folder for the event), rejects after `timeoutMs`. */
export function waitForFile(file: string, timeoutMs: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const dir = path.dirname(file);
    fs.mkdirSync(dir, { recursive: true });
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      watcher.close();
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    const watcher = fs.watch(dir, () => {
      if (fs.existsSync(file)) finish();
    });
    const timer = setTimeout(() => finish(new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what} (${file})`)), timeoutMs);
    if (fs.existsSync(file)) finish();
  });
}

/** Rejects after `ms` with `message`, for racing against work that may hang. */
export function timeout(ms: number, message: string): { promise: Promise<never>; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/** Empties and recreates a folder. */
export function freshDir(dir: string): string {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
