import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { StrategyMap } from '../core';
import { renderMapDocument } from '../map/render';
import { InputError, reason, toPosix } from './files';
import { linker } from './formats/links';

import { version } from '../../package.json';

export interface ReportOptions {
  /** The file to write, relative to `cwd`; `-` for standard output. */
  out: string;
  cwd: string;
  /** The project folder: map nodes' files are relative to it. */
  root: string;
  env: Readonly<Record<string, string | undefined>>;
  today: Date;
  stdout: (s: string) => void;
}

/**
 * `throughline report`: the Strategy Map as one self-contained HTML file. Nodes link to their file
 * and line: relative to the report (so the links work beside a checkout), or to the commit in CI.
 */
export function writeReport(map: StrategyMap, options: ReportOptions): void {
  const toStdout = options.out === '-';
  const outPath = toStdout ? undefined : path.resolve(options.cwd, options.out);
  const outDir = outPath ? path.dirname(outPath) : options.cwd;
  const links = linker(outDir, options.env);
  const html = renderMapDocument(map, {
    folderName: path.basename(options.root),
    href: ({ file, line }) => links.source(toPosix(path.relative(outDir, path.join(options.root, file))) || '.', line),
    ruleHref: links.rule,
    subtitle: `made by Throughline ${version} on ${options.today.toISOString().slice(0, 10)}`,
  });
  if (!outPath) {
    options.stdout(html);
    return;
  }
  try {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(outPath, html);
  } catch (e) {
    throw new InputError('cannot write', outPath, reason(e));
  }
  const items = map.products.reduce((n, p) => n + p.summary.roadmapItems, 0);
  const shown = toPosix(path.relative(options.cwd, outPath));
  options.stdout(`Wrote the Strategy Map of ${map.products.length} ${map.products.length === 1 ? 'product' : 'products'} (${items} roadmap items, ${map.findings} gaps) to ${shown}\n`);
}
