import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { generateWorkspace } from '../bench/generate';
import { ensureSystemTools } from '../harness/install';

/**
 * `throughline report` opened in a real browser (the Debian Chromium the integration harness
 * drives): on examples/ and on a generated product of 1,000 roadmap items. It must render with no
 * console error and no request leaving the file, hold every node of the trace graph and every
 * finding of `check`, keep its labels apart, pass axe-core's WCAG 2 A/AA rules (text alternatives,
 * contrast, names), work from the keyboard, and fit a landscape A4 page in print. Screenshots go to
 * test-output/screenshots/.
 */

const REPO = path.resolve(__dirname, '../../..');
const CLI = path.join(REPO, 'dist', 'cli.js');
const SHOTS = path.join(REPO, 'test-output', 'screenshots');
/** 2026-06-01: dated horizons fall in the same buckets on every run. */
const EPOCH = '1780272000';

interface Node {
  key: string;
  kind: string;
}

function run(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const { GITHUB_ACTIONS: _a, GITLAB_CI: _b, ...env } = process.env;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...env, NO_COLOR: '1', SOURCE_DATE_EPOCH: EPOCH } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The graph's nodes the map draws (not strategy docs), and check's findings, for the same paths. */
function expectations(cwd: string, target: string): { nodes: Node[]; findings: Array<{ file: string; line: number; message: string }> } {
  const graph = JSON.parse(run(['graph', target, '--format', 'json'], cwd).stdout) as { nodes: Node[] };
  const check = JSON.parse(run(['check', target, '--format', 'json'], cwd).stdout) as { diagnostics: Array<{ file: string; line: number; message: string }> };
  return { nodes: graph.nodes.filter((n) => n.kind !== 'strategy'), findings: check.diagnostics };
}

/** Pairs of visible node boxes that overlap (evaluated in the page). */
const OVERLAPS = `(() => {
  // checkVisibility: a closed <details> hides its content with content-visibility, which keeps boxes.
  const boxes = [...document.querySelectorAll('.node')].filter((el) => el.checkVisibility({ contentVisibilityAuto: true })).map((el) => ({ el, r: el.getBoundingClientRect() })).filter((b) => b.r.width > 0 && b.r.height > 0);
  boxes.sort((a, b) => a.r.top - b.r.top);
  const hits = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length && boxes[j].r.top < boxes[i].r.bottom; j++) {
      const a = boxes[i].r, b = boxes[j].r;
      if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) hits.push(boxes[i].el.textContent.slice(0, 40) + ' / ' + boxes[j].el.textContent.slice(0, 40));
    }
  }
  const clipped = boxes.filter((b) => b.el.scrollWidth > b.el.clientWidth + 1).map((b) => b.el.textContent.slice(0, 40));
  return { count: boxes.length, hits, clipped };
})()`;

describe('The HTML report in Chromium', function () {
  this.timeout(180_000);
  let browser: Browser;
  let dir: string;
  let axeSource: string;

  before(async () => {
    const tools = await ensureSystemTools(path.join(os.tmpdir(), 'throughline-browser-install.log'));
    browser = await chromium.launch({ executablePath: tools.chromium, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'throughline-report-'));
    axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Opens a report; fails the test on a console error, a page error or any request for something else. */
  async function open(file: string, viewport = { width: 1440, height: 900 }): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport, bypassCSP: true });
    const page = await context.newPage();
    const problems: string[] = [];
    const url = `file://${file}`;
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => {
      if (r.url() !== url) problems.push(`request: ${r.url()}`);
    });
    await page.goto(url, { waitUntil: 'load' });
    return { page, problems };
  }

  async function axe(page: Page): Promise<string[]> {
    await page.addScriptTag({ content: axeSource });
    const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`)) as {
      violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }>;
    };
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0]?.target.join(' ')})`);
  }

  describe('examples/', () => {
    let file: string;
    let page: Page;
    let problems: string[];

    before(async () => {
      file = path.join(dir, 'examples.html');
      const r = run(['report', 'examples', '--out', file], REPO);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^Wrote the Strategy Map of 3 products \(20 roadmap items, 27 gaps\) to /);
      ({ page, problems } = await open(file));
    });

    it('is one self-contained file: renders with no console error and no request for anything else', async () => {
      const html = fs.readFileSync(file, 'utf8');
      assert.doesNotMatch(html, /<script|<link|\bsrc=|@import|url\(/i, 'no scripts, stylesheets, images or fonts from elsewhere');
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
      await page.screenshot({ path: path.join(SHOTS, 'report-examples.png'), fullPage: true });
      assert.deepEqual(problems, []);
    });

    it('holds every node of the trace graph, each linking to its file and line', async () => {
      const { nodes } = expectations(REPO, 'examples');
      const drawn = await page.locator('.node[data-key]').evaluateAll((els) => els.map((e) => [e.getAttribute('data-key'), e.querySelector('a.open')?.getAttribute('href')]));
      const keys = new Set(drawn.map(([k]) => k));
      const missing = nodes.filter((n) => !keys.has(n.key)).map((n) => `${n.kind} ${n.key}`);
      assert.deepEqual(missing, [], 'nodes of `graph --format json` missing from the map');
      for (const [key, href] of drawn) {
        const m = /^([^#]+\.md)#L(\d+)$/.exec(href ?? '');
        assert.ok(m && fs.existsSync(path.resolve(path.dirname(file), m[1]!)), `${key} links to its file and line, relative to the report: ${href}`);
      }
      const zendesk = drawn.find(([k]) => k === 'loop/roadmap.md#zendesk-and-intercom-connectors');
      assert.equal(path.resolve(path.dirname(file), zendesk![1]!), path.join(REPO, 'examples/loop/roadmap.md#L11'));
    });

    it('shows every finding of `check`, and no other: the table of gaps equals the rules’ report', async () => {
      const { findings } = expectations(REPO, 'examples');
      const rows = await page.locator('table.gaps tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
      const shown = rows.map((cells) => `${cells[1]} ${cells[2]}`).sort();
      const expected = findings.map((f) => `${f.file.replace(/^examples\//, '')}:${f.line} ${f.message}`).sort();
      assert.deepEqual(shown, expected);
      // And on the nodes: the untraced item carries the badge its finding gives it.
      const badge = (key: string, severity: string) => page.locator(`.node[data-key="${key}"] .gap.${severity}`).first().evaluate((e) => e.firstChild?.textContent);
      assert.equal(await badge('loop/roadmap.md#dark-mode', 'warning'), 'untraced');
      assert.equal(await badge('loop/roadmap.md#customer-notifications', 'error'), 'broken trace');
    });

    it('shows the Loop product the way the README does (readme-report.png)', async () => {
      // Tall enough for the page's header and the whole of Loop's swimlanes, the first product.
      await page.setViewportSize({ width: 1440, height: 1120 });
      const shot = path.join(SHOTS, 'readme-report.png');
      await page.screenshot({ path: shot });
      await page.setViewportSize({ width: 1440, height: 900 });
      // `npm run screenshots` refreshes the README's picture from this one.
      if (process.env['THROUGHLINE_UPDATE_MEDIA']) fs.copyFileSync(shot, path.join(REPO, 'media', 'screenshots', 'report.png'));
      assert.ok(await page.locator('section.product[data-scope="loop"] h2').isVisible());
    });

    it('gives each goal its items per horizon, the alignment per product and horizon, and the matrix', async () => {
      const g1 = page.locator('th.goal:has(.node[data-key="loop/goals.md#g1-capture-feedback-where-it-happens"]) .counts');
      assert.equal(await g1.innerText(), 'Now 2 · Next 1 · Later 1');
      const loop = page.locator('section.product[data-scope="loop"]');
      const stats = await loop.locator('.stat figcaption').allInnerTexts();
      assert.deepEqual(stats.map((s) => s.replace(/\s+/g, ' ').trim()), ['All items 60% 9 of 15', 'Now 67% 4 of 6', 'Next 75% 3 of 4', 'Later 33% 1 of 3', 'No horizon 50% 1 of 2']);
      const idle = await loop.locator('table.matrix tr.idle th').allInnerTexts();
      assert.deepEqual(idle, ["G4 Become the team's weekly ritual"], 'the goal nothing moves stands out in the matrix');
    });

    it('ranks each horizon by the score, every factor with where it was read, and the drift findings beside them', async () => {
      const loop = page.locator('.rank-product').first();
      assert.equal(await page.locator('p.formula code').innerText(), 'score = alignment × impact × urgency');
      const now = loop.locator('table.rank.items.now');
      assert.match(await now.locator('caption').innerText(), /^Now: 67% serve a goal \(4 of 6\) · the nearest horizon\s*under target/);
      const rows = await now.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent ?? '', tr.querySelector('td.score')?.textContent ?? '', [...tr.querySelectorAll('.gap')].map((g) => g.firstChild?.textContent).join(',')]));
      assert.deepEqual(rows[0], ['In-app feedback widget', '0.32', '']);
      assert.deepEqual(rows.slice(-2).map((r) => [r[0], r[1], r[2]]), [['Dark mode', '0.00', 'urgent, no goal'], ['Audit log export', '0.00', 'urgent, no goal']]);
      assert.match(await now.locator('tbody tr').first().locator('td.factor').first().innerText(), /^0\.80\s+G1 Priority: high$/);
      const pulseGoals = await page.locator('.rank-product').nth(1).locator('table.rank.goals tbody tr').allInnerTexts();
      assert.ok(pulseGoals.some((t) => /G1 Score every conversation.*Q2 2025.*past its date/s.test(t)), pulseGoals.join('\n'));
      assert.ok(pulseGoals.some((t) => /G2 Turn drops into action.*neglected/s.test(t)), pulseGoals.join('\n'));
      await loop.screenshot({ path: path.join(SHOTS, 'report-ranking.png') });
    });

    it('keeps every label apart, with none cut off', async () => {
      const { count, hits, clipped } = (await page.evaluate(OVERLAPS)) as { count: number; hits: string[]; clipped: string[] };
      assert.ok(count > 25, `${count} nodes measured`);
      assert.deepEqual(hits, []);
      assert.deepEqual(clipped, []);
    });

    it('passes axe-core’s WCAG 2.1 A and AA rules: text alternatives, contrast, names, tables', async () => {
      assert.deepEqual(await axe(page), []);
    });

    it('works from the keyboard: Tab reaches the nodes with a visible focus ring, and shows the why-chain', async () => {
      await page.locator('body').focus();
      const seen: string[] = [];
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        seen.push((await page.evaluate(`document.activeElement.closest('.node')?.getAttribute('data-key') ?? ''`)) as string);
      }
      assert.ok(seen.filter(Boolean).length >= 6, `Tab moves through the nodes: ${seen.join(', ')}`);
      const focused = page.locator('.node:focus-within').first();
      const ring = (await page.evaluate(`getComputedStyle(document.activeElement).outlineStyle`)) as string;
      assert.notEqual(ring, 'none', 'the focused link shows a focus ring');
      assert.ok(await focused.locator('.why').isVisible(), 'the why-chain shows for the focused node');
      const item = page.locator('.node[data-key="loop/roadmap.md#zendesk-and-intercom-connectors"]');
      await item.locator('a.open').focus();
      assert.match(await item.locator('.why').innerText(), /Serves goal G1 Capture feedback where it happens[\s\S]*which serves the pillar V1[\s\S]*of the vision Loop vision/);
    });

    it('prints on landscape A4 without anything running off the page', async () => {
      const print = await open(file, { width: 1047, height: 740 }); // A4 landscape less 12 mm margins, at 96 dpi
      await print.page.emulateMedia({ media: 'print' });
      const overflow = (await print.page.evaluate(`document.documentElement.scrollWidth - document.documentElement.clientWidth`)) as number;
      assert.ok(overflow <= 0, `${overflow} px wider than the page`);
      assert.equal(await print.page.locator('.why').first().isVisible(), false, 'no tooltips on paper');
      const pdf = await print.page.pdf({ format: 'A4', landscape: true, printBackground: true });
      assert.ok(pdf.length > 10_000);
      await print.page.screenshot({ path: path.join(SHOTS, 'report-examples-print.png'), fullPage: true });
      await print.page.context().close();
    });
  });

  describe('a repository with history: the alignment over time', () => {
    let page: Page;
    let problems: string[];

    before(async () => {
      // examples/ committed over three weeks: Now loses its alignment as untraced work arrives.
      const repo = path.join(dir, 'history');
      fs.cpSync(path.join(REPO, 'examples'), repo, { recursive: true });
      const roadmapFile = path.join(repo, 'loop', 'roadmap.md');
      const full = fs.readFileSync(roadmapFile, 'utf8');
      const without = (from: string) => full.slice(0, full.indexOf(from)) + full.slice(full.indexOf('## Next'));
      const git = (args: string[], env: Record<string, string> = {}) => spawnSync('git', args, { cwd: repo, env: { ...process.env, ...env }, encoding: 'utf8' });
      git(['init', '-q']);
      git(['config', 'user.email', 'pm@example.invalid']);
      git(['config', 'user.name', 'PM']);
      for (const [day, text] of [['2026-05-05', without('### Dark mode')], ['2026-05-13', without('### Audit log export')], ['2026-05-27', full]] as const) {
        fs.writeFileSync(roadmapFile, text);
        git(['add', '-A']);
        const r = git(['commit', '-q', '-m', day], { GIT_AUTHOR_DATE: `${day}T12:00:00Z`, GIT_COMMITTER_DATE: `${day}T12:00:00Z` });
        assert.equal(r.status, 0, r.stderr);
      }
      const file = path.join(dir, 'history.html');
      const r = run(['report', '.', '--out', file, '--since', '2026-05-01'], repo);
      assert.equal(r.code, 0, r.stderr);
      ({ page, problems } = await open(file));
    });

    it('draws a line per horizon for each product, the target, and the same figures in a table', async () => {
      const loop = page.locator('figure.trend-product').filter({ hasText: 'Loop vision' });
      const chart = loop.locator('svg.trend-chart');
      assert.equal(await chart.getAttribute('aria-label'), 'Loop vision: All items from 69% to 60%; Now from 100% to 67%; Next from 75% to 75%; Later from 33% to 33%, over 3 weeks');
      assert.equal(await loop.locator('polyline.series').count(), 4);
      assert.equal(await loop.locator('circle.series.now').count(), 3);
      assert.equal(await loop.locator('line.target').count(), 1);
      // Behind “The figures” (closed): the text is there for screen readers and for whoever opens it.
      const figures = await loop.locator('table.trend-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '').join(' ')));
      assert.deepEqual(figures.map((t) => t.replace(/\s+/g, ' ').replace(/ [0-9a-f]{7} /, ' · ').trim()), [
        '2026-05-04 · 69% 9/13 100% 4/4 75% 3/4 33% 1/3',
        '2026-05-11 · 64% 9/14 80% 4/5 75% 3/4 33% 1/3',
        '2026-05-25 · 60% 9/15 67% 4/6 75% 3/4 33% 1/3',
      ]);
      await page.locator('section.trend').screenshot({ path: path.join(SHOTS, 'report-trend.png') });
      assert.deepEqual(problems, []);
    });

    it('passes axe-core’s WCAG 2.1 A and AA rules', async () => {
      assert.deepEqual(await axe(page), []);
    });
  });

  describe('a generated product of 1,000 roadmap items', () => {
    let page: Page;
    let problems: string[];
    let project: string;

    before(async () => {
      project = path.join(dir, 'large');
      generateWorkspace(project, { products: 1, notes: 0, goalsPerProduct: 20, itemsPerRoadmap: 1000 }, 7);
      fs.writeFileSync(path.join(project, '.throughline.yaml'), '{}\n');
      const file = path.join(dir, 'large.html');
      const r = run(['report', '.', '--out', file], project);
      assert.equal(r.code, 0, r.stderr);
      // As many items as `check` reads there (the generator writes 1,000), and well past the collapse threshold.
      const items = (JSON.parse(run(['check', '.', '--format', 'json'], project).stdout) as { summary: { roadmapItems: number } }).summary.roadmapItems;
      assert.ok(items > 900, `${items} roadmap items read`);
      assert.match(r.stdout, new RegExp(`\\(${items} roadmap items, \\d+ gaps\\)`));
      ({ page, problems } = await open(file));
    });

    it('collapses to goals with counts, with every node still in the page, and renders without errors', async () => {
      assert.equal(await page.locator('table.map.collapsed').count(), 1);
      const visibleItems = await page.locator('.node.item:visible').count();
      assert.equal(visibleItems, 0, 'items wait behind their counts');
      assert.equal(await page.locator('.node.goal:visible').count(), 20);
      const { nodes } = expectations(project, '.');
      const keys = new Set(await page.locator('.node[data-key]').evaluateAll((els) => els.map((e) => e.getAttribute('data-key'))));
      assert.deepEqual(nodes.filter((n) => !keys.has(n.key)).map((n) => n.key), []);
      const counts = await page.locator('td.lane details > summary').first().innerText();
      assert.match(counts, /^\d+ items?/);
      await page.screenshot({ path: path.join(SHOTS, 'report-large.png') });
      assert.deepEqual(problems, []);
    });

    it('expands a goal’s horizon from the keyboard, and its items do not overlap', async () => {
      const summary = page.locator('td.lane.now details > summary').first();
      await summary.focus();
      await page.keyboard.press('Enter');
      const details = page.locator('td.lane.now details').first();
      assert.equal(await details.getAttribute('open'), '');
      assert.ok((await details.locator('.node.item:visible').count()) > 5);
      const { hits, clipped } = (await page.evaluate(OVERLAPS)) as { hits: string[]; clipped: string[] };
      assert.deepEqual(hits, []);
      assert.deepEqual(clipped, []);
      await page.screenshot({ path: path.join(SHOTS, 'report-large-expanded.png') });
    });

    it('passes axe-core’s WCAG 2.1 A and AA rules', async () => {
      assert.deepEqual(await axe(page), []);
    });
  });
});
