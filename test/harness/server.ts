import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeServerInstall } from './install';
import type { RunDirs } from './phases';
import { cleanEnv, exec, log, timeout } from './util';

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export interface RunningServer {
  port: number;
  url: string;
  process: ChildProcess;
  /** Resolves when the server process has exited. */
  exited: Promise<void>;
}

const running = new Set<ChildProcess>();

// Whatever happens to the harness, the servers it started go with it.
process.on('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const child of running) killGroup(child, 'SIGKILL');
    process.exit(130);
  });
}

/** The arguments every run passes: nothing phoning home, and the run's private folders and config file. */
function baseArgs(dirs: RunDirs): string[] {
  return [
    '--disable-telemetry',
    '--disable-update-check',
    '--config',
    path.join(dirs.dir, 'code-server.yaml'),
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
  ];
}

/** Installs a .vsix into the run's own extensions folder, the way a user's `code --install-extension` does. */
export async function installVsix(install: CodeServerInstall, dirs: RunDirs, vsix: string, logFile: string): Promise<void> {
  const output = await exec(process.execPath, [install.entry, ...baseArgs(dirs), '--install-extension', vsix], { env: cleanEnv(dirs.xdg), logFile });
  if (!/successfully installed/i.test(output)) throw new Error(`code-server --install-extension did not report success:\n${output.trim()}`);
}

/**
 * Starts code-server on `port` (no auth, loopback only) with the workspace copy open, in its own process group (so stopping it
 * takes its extension host and helpers along), logging to `logFile`; resolves once it listens. Workspace trust is off
 * unless `untrusted`: then it is on, and nothing trusts the folder.
 */
export async function startServer(
  install: CodeServerInstall,
  dirs: RunDirs,
  port: number,
  env: Record<string, string>,
  logFile: string,
  options: { untrusted?: boolean } = {},
): Promise<RunningServer> {
  const trust = options.untrusted ? [] : ['--disable-workspace-trust'];
  const args = [install.entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, ...trust, '--disable-getting-started-override', ...baseArgs(dirs), dirs.open];
  const out = fs.createWriteStream(logFile);
  out.write(`$ node ${args.join(' ')}\n`);
  const child = spawn(process.execPath, args, { env: cleanEnv({ ...dirs.xdg, ...env }), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const exited = new Promise<void>((resolve) =>
    child.on('exit', (code, signal) => {
      running.delete(child);
      out.write(`\n[harness] code-server exited (${code ?? signal})\n`);
      resolve();
    }),
  );
  const ready = new Promise<void>((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      out.write(chunk);
      seen = (seen + chunk.toString()).slice(-4096);
      if (/HTTP server listening on/.test(seen)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('error', reject);
    void exited.then(() => reject(new Error(`code-server exited before it listened; see ${logFile}`)));
  });
  const limit = timeout(READY_TIMEOUT_MS, `code-server did not listen within ${READY_TIMEOUT_MS / 1000} s; see ${logFile}`);
  try {
    await Promise.race([ready, limit.promise]);
  } catch (e) {
    await stopServer({ port, url: '', process: child, exited });
    throw e;
  } finally {
    limit.cancel();
  }
  log(`code-server listening on 127.0.0.1:${port} (pid ${child.pid})`);
  return { port, url: `http://127.0.0.1:${port}/`, process: child, exited };
}

/** Stops the server's process group: SIGTERM, then SIGKILL if it has not exited after a while. */
export async function stopServer(server: RunningServer): Promise<void> {
  if (server.process.exitCode !== null || server.process.signalCode !== null) return;
  killGroup(server.process, 'SIGTERM');
  const limit = timeout(STOP_TIMEOUT_MS, 'still running');
  try {
    await Promise.race([server.exited, limit.promise]);
  } catch {
    killGroup(server.process, 'SIGKILL');
    await server.exited;
  } finally {
    limit.cancel();
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal); // the group: code-server and the extension host it spawned
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}
