import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { log } from './util';

/** Debian's Chromium, quiet and offline: nothing it does may need the internet. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Workbench {
  context: BrowserContext;
  page: Page;
}

/**
 * The workbench URL that makes the window an Extension Development Host running the tests:
 * `payload` carries the development path and the tests path, as `vscode-remote://` URIs on the server.
 */
export function workbenchUrl(port: number, workspace: string, extensionDevelopmentPath: string, extensionTestsPath: string): string {
  const remote = (p: string) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionDevelopmentPath)],
    ['extensionTestsPath', remote(extensionTestsPath)],
  ];
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * Opens the workbench in headless Chromium with a fresh profile; `xdg` keeps what Chromium writes
 * outside its profile (crash reports, dconf) in the run's folder too. The page's console goes to `consoleLog`.
 */
export async function openWorkbench(executablePath: string, profileDir: string, xdg: Record<string, string>, url: string, consoleLog: string): Promise<Workbench> {
  const out = fs.createWriteStream(consoleLog);
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    env: { ...process.env, ...xdg },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => out.write(`[${message.type()}] ${message.text()}\n`));
  page.on('pageerror', (error) => out.write(`[pageerror] ${error.stack ?? error.message}\n`));
  context.on('close', () => out.end());
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return { context, page };
}

/**
 * Screenshots of the workbench after the tests: as the tests left it (roadmap.md open), then with
 * the Problems panel opened by its keyboard shortcut. Screenshots are evidence, not the verdict:
 * a failure here is logged, never fatal.
 */
export async function screenshots(workbench: Workbench, dir: string, prefix: string): Promise<string[]> {
  const { page } = workbench;
  const taken: string[] = [];
  const shoot = async (name: string) => {
    const file = path.join(dir, `${prefix}-${name}.png`);
    await page.screenshot({ path: file });
    taken.push(file);
  };
  fs.mkdirSync(dir, { recursive: true });
  try {
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 10_000 });
    await shoot('workbench');
    const problems = page.locator('.markers-panel');
    if (!(await problems.isVisible())) {
      await page.locator('.monaco-workbench').focus();
      await page.keyboard.press('Control+Shift+M');
    }
    await problems.waitFor({ state: 'visible', timeout: 10_000 });
    // The panel renders its rows after it opens; wait for the first one rather than for time.
    await page
      .locator('.markers-panel .monaco-list-row')
      .first()
      .waitFor({ state: 'visible', timeout: 10_000 })
      .catch(() => log('the Problems panel shows no rows'));
    await shoot('problems');
  } catch (e) {
    log(`screenshot step failed (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); continuing`);
    if (taken.length === 0) await shoot('workbench').catch(() => undefined);
  }
  return taken;
}
