import * as fs from 'node:fs';
import * as path from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

// The floor: what a naive tool pays, reading and parsing every Markdown file of the workspace with
// remark-parse + remark-frontmatter + remark-gfm (the reference measurement).
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
let files = 0;
const walk = (dir: string): void => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== '.git') walk(full);
    } else if (/\.(md|markdown)$/i.test(entry.name)) {
      processor.parse(fs.readFileSync(full, 'utf8'));
      files++;
    }
  }
};
walk(process.argv[2]!);
process.stdout.write(`${files}\n`);
