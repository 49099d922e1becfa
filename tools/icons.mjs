// Renders www/icon.svg to the PNG icons the web manifest needs (192 and 512 px),
// with Debian's Chromium, so they always match the SVG. Run: node tools/icons.mjs
import { readFileSync } from 'node:fs';
import { launch } from '../tests/e2e/helpers.mjs';

const root = new URL('../', import.meta.url).pathname;
const svg = readFileSync(root + 'www/icon.svg', 'utf8');
const browser = await launch();
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>html,body{margin:0}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`);
  await page.screenshot({ path: `${root}www/icon-${size}.png`, omitBackground: true });
  await page.close();
}
await browser.close();
