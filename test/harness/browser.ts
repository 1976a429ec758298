import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import type { CheckpointRequest, CheckpointResponse } from '../integration/report';
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
 * `open` is a folder (`?folder=`) or, for a multi-root workspace, a `.code-workspace` file (`?workspace=`).
 */
export function workbenchUrl(port: number, open: string, extensionDevelopmentPath: string, extensionTestsPath: string): string {
  const remote = (p: string) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionDevelopmentPath)],
    ['extensionTestsPath', remote(extensionTestsPath)],
  ];
  const target = open.endsWith('.code-workspace') ? 'workspace' : 'folder';
  return `http://127.0.0.1:${port}/?${target}=${encodeURIComponent(open)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
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

/** How long one `waitFor` of a checkpoint may take unless the request says otherwise. */
const CHECKPOINT_WAIT_MS = 15_000;

export interface CheckpointServer {
  /** Screenshots taken on request, in order. */
  taken: string[];
  /** Stops watching; resolves once the request being handled (if any) is answered. */
  stop(): Promise<void>;
}

/**
 * Answers the suite's checkpoint requests (`test/integration/checkpoint.ts`) while it runs: watches
 * `dir` for `NNN-name.request.json`, handles each once and in order (wait for selectors, read texts,
 * take a screenshot into `screenshotsDir`), and writes `NNN-name.response.json` next to it. A step
 * that fails is reported back in the response, for the test to fail with; it never stops the harness.
 */
export function serveCheckpoints(page: Page, dir: string, screenshotsDir: string): CheckpointServer {
  const taken: string[] = [];
  const handled = new Set<string>();
  let queue: Promise<void> = Promise.resolve();
  let stopped = false;
  const scan = () => {
    if (stopped) return;
    const pending = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.request.json') && !handled.has(f))
      .sort();
    for (const file of pending) {
      handled.add(file);
      queue = queue.then(() => answer(file));
    }
  };
  const answer = async (file: string) => {
    let response: CheckpointResponse;
    try {
      const request = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as CheckpointRequest;
      response = await handle(page, request, screenshotsDir);
      if (response.screenshot) taken.push(response.screenshot.path);
    } catch (e) {
      response = { ok: false, error: e instanceof Error ? e.message.split('\n')[0] : String(e) };
    }
    const target = path.join(dir, file.replace(/\.request\.json$/, '.response.json'));
    fs.writeFileSync(`${target}.tmp`, JSON.stringify(response, null, 2));
    fs.renameSync(`${target}.tmp`, target);
  };
  fs.mkdirSync(dir, { recursive: true });
  const watcher = fs.watch(dir, scan);
  scan();
  return {
    taken,
    stop: async () => {
      stopped = true;
      watcher.close();
      await queue;
    },
  };
}

/**
 * Where a checkpoint's selectors apply: the workbench, or inside the active webview, which VS Code
 * puts in an iframe (`iframe.webview.ready`) holding the page in another (`#active-frame`).
 */
function scopeOf(page: Page, request: CheckpointRequest): Pick<Page, 'locator'> {
  if (!request.inWebview) return page;
  return page.frameLocator('iframe.webview.ready:visible').first().frameLocator('iframe#active-frame');
}

async function handle(page: Page, request: CheckpointRequest, screenshotsDir: string): Promise<CheckpointResponse> {
  const response: CheckpointResponse = { ok: true };
  try {
    const scope = scopeOf(page, request);
    for (const wait of request.waitFor ?? []) {
      const waitScope = wait.frames?.length ? wait.frames.reduce<Page | FrameLocator>((at, frame) => at.frameLocator(frame), page) : scope;
      await waitScope.locator(wait.selector).first().waitFor({ state: wait.state ?? 'visible', timeout: wait.timeoutMs ?? CHECKPOINT_WAIT_MS });
    }
    if (request.hover) await scope.locator(request.hover).first().hover({ timeout: CHECKPOINT_WAIT_MS });
    if (request.click) await scope.locator(request.click).first().click({ timeout: CHECKPOINT_WAIT_MS });
    if (request.fill) await scope.locator(request.fill.selector).first().fill(request.fill.text, { timeout: CHECKPOINT_WAIT_MS });
    for (const key of request.press ?? []) await page.keyboard.press(key);
    if (request.drag) await dragEdge(page, request.drag);
    if (request.rightClick) await scope.locator(request.rightClick).first().click({ button: 'right', timeout: CHECKPOINT_WAIT_MS });
    if (request.measure) {
      const box = await page.locator(request.measure).first().boundingBox();
      if (box) response.size = { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) };
    }
    if (request.read) response.texts = await scope.locator(request.read).allInnerTexts();
    if (request.count) response.count = await scope.locator(request.count).count();
    if (request.readHtml) response.html = await scope.locator(request.readHtml).evaluateAll((nodes) => nodes.map((n) => n.outerHTML));
    if (request.screenshot) {
      fs.mkdirSync(screenshotsDir, { recursive: true });
      const file = path.join(screenshotsDir, `${request.screenshot}.png`);
      // Finite animations (a hover fading in) are finished first, so the picture shows the end state.
      const clip = request.clip ? await page.locator(request.clip).first().boundingBox() : null;
      await page.screenshot({ path: file, animations: 'disabled', ...(clip ? { clip } : {}) });
      response.screenshot = { path: file, bytes: fs.statSync(file).size };
    }
  } catch (e) {
    return { ...response, ok: false, error: `checkpoint “${request.name}”: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  }
  return response;
}

/** Drags the right or bottom edge of an element (where VS Code puts the sash that resizes it) by `by` pixels, or to a size of `to`. */
async function dragEdge(page: Page, drag: NonNullable<CheckpointRequest['drag']>): Promise<void> {
  const box = await page.locator(drag.selector).first().boundingBox();
  if (!box) throw new Error(`drag: “${drag.selector}” is not on screen`);
  const by = drag.to !== undefined ? drag.to - (drag.edge === 'right' ? box.width : box.height) : (drag.by ?? 0);
  const start = drag.edge === 'right' ? { x: box.x + box.width + 1, y: box.y + box.height / 2 } : { x: box.x + box.width / 2, y: box.y + box.height + 1 };
  const end = drag.edge === 'right' ? { x: start.x + by, y: start.y } : { x: start.x, y: start.y + by };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 5 });
  await page.mouse.up();
  await page.mouse.move(0, 0); // no hover effects in the picture
}
