// Preloaded with `node --require` into every measured process: on exit, it writes the process's
// peak resident memory (KiB) to the file named by THROUGHLINE_BENCH_PEAK.
const fs = require('node:fs');
const out = process.env.THROUGHLINE_BENCH_PEAK;
if (out) process.on('exit', () => fs.writeFileSync(out, String(process.resourceUsage().maxRSS)));
