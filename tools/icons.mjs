// Renders www/icon.svg to the PNG icons the web manifest needs (192 and 512 px),
// with Debian's Chromium, so they always match the SVG, then cuts them to a
// 16-colour palette with ImageMagick (apt-get install imagemagick): 12.8 KB
// gzip for the pair becomes 3.5 KB, with no visible change.
// Run: node tools/icons.mjs
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { launch } from '../tests/e2e/helpers.mjs';

const root = new URL('../', import.meta.url).pathname;
const svg = readFileSync(root + 'www/icon.svg', 'utf8');
const browser = await launch();
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>html,body{margin:0}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`);
  const png = `${root}www/icon-${size}.png`;
  await page.screenshot({ path: png, omitBackground: true });
  execFileSync('convert', [png, '-colors', '16', '-define', 'png:compression-level=9', `PNG8:${png}`]);
  await page.close();
}
await browser.close();
