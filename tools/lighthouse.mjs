// Lighthouse 12 (mobile) against the built site on 127.0.0.1 with Debian's
// Chromium: prints the four scores and LCP, fails below the minimum.
// Run: ./build.sh lighthouse   (after ./build.sh build)
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../tests/e2e/helpers.mjs';

const MIN = Number(process.env.LIGHTHOUSE_MIN ?? 0.95);
const root = new URL('../', import.meta.url).pathname;
const server = await startServer();
const out = join(mkdtempSync(join(tmpdir(), 'lh-')), 'report.json');
try {
  execFileSync(root + 'node_modules/.bin/lighthouse', [
    server.url, '--quiet', '--form-factor=mobile', '--output=json', `--output-path=${out}`,
    '--only-categories=performance,accessibility,best-practices,seo',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync',
  ], { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'inherit'] });
} finally {
  server.stop();
}
const report = JSON.parse(readFileSync(out, 'utf8'));
let ok = true;
for (const [key, cat] of Object.entries(report.categories)) {
  console.log(`lighthouse ${key}: ${cat.score}`);
  if (cat.score < MIN) ok = false;
}
const a = report.audits;
console.log(`lighthouse LCP: ${a['largest-contentful-paint'].displayValue}, TBT: ${a['total-blocking-time'].displayValue}, bytes: ${a['total-byte-weight'].displayValue}`);
for (const [id, audit] of Object.entries(a)) {
  if (audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode === 'binary') console.log(`  failing audit: ${id}: ${audit.title}`);
}
if (!ok) { console.error(`lighthouse: a score is below ${MIN}`); process.exit(1); }
