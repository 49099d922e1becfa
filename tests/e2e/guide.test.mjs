// Issue 21, parts 2 and 3: the guidance pages (panduan/, written at build from
// the knowledge base) read with no script, link into the checker with the
// answers ticked, pass a link check, print, stay readable offline once read;
// every page carries the share tags and the preview is a 1200x630 PNG.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { startServer, launch, phone, openReady, NARROW, SHOTS, SITE, until } from './helpers.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const guides = () => [
  ...readdirSync(SITE + 'panduan').filter((f) => f.endsWith('.html')).map((f) => 'panduan/' + f),
  ...readdirSync(SITE + 'panduan/en').filter((f) => f.endsWith('.html')).map((f) => 'panduan/en/' + f),
];

test('issue 21: from a search result to the checker: a guide read with no script, one tap to step 2 with the answers ticked', async () => {
  const { page, context } = await phone(browser, NARROW);
  await page.goto(server.url + 'panduan/');
  assert.equal(await page.evaluate(() => document.scripts.length), 0, 'no script on a guide');
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Panduan: NIK ditolak, tidak ditemukan, atau nonaktif');
  await page.getByRole('link', { name: /^BPJS Kesehatan/ }).first().click();
  assert.match(await page.getByRole('heading', { level: 1 }).textContent(), /NIK ditolak BPJS Kesehatan/);
  await page.screenshot({ path: SHOTS + 'guide-bpjs-360.png', fullPage: true });
  // "NIK tidak ditemukan" at BPJS: the likely cause, then the checker with both answers.
  const item = page.locator('dt', { hasText: 'NIK tidak ditemukan / tidak terdaftar' });
  assert.ok(await item.isVisible());
  await page.locator('dt:has-text("NIK tidak ditemukan / tidak terdaftar") + dd a').first().click();
  assert.match(await page.getByRole('heading', { level: 1 }).textContent(), /Data belum tersalin/);
  await page.goBack();
  await page.locator('dt:has-text("NIK tidak ditemukan / tidak terdaftar") ~ dd.go a').first().click();
  await page.waitForSelector('body[data-app="ready"]');
  assert.equal(new URL(page.url()).hash, '#apa');
  assert.ok(await page.getByRole('radio', { name: 'BPJS Kesehatan', exact: true }).isChecked());
  assert.ok(await page.getByRole('radio', { name: 'NIK tidak ditemukan / tidak terdaftar' }).isChecked());
  assert.equal(await page.locator('#diagnosis article.cause').first().getAttribute('data-cause'), 'A');
  await context.close();
});

test('issue 21: a guide\'s link ticks a service folded under "more" and shows its cause', async () => {
  const { page, context } = await openReady(browser, server.url + 'index.html?layanan=tax&pesan=not_found#apa', null, NARROW);
  await page.waitForSelector('body[data-app="ready"]');
  assert.ok(await page.getByRole('radio', { name: /Pajak|Coretax|NPWP/ }).first().isChecked());
  assert.equal(await page.locator('#diagnosis article.cause').first().getAttribute('data-cause'), 'J');
  await context.close();
});

test('issue 21: link check over every guide as served: each link inside the site answers 200', async () => {
  const seen = new Map();
  let links = 0;
  for (const path of guides()) {
    const url = new URL(path, server.url);
    const html = await (await fetch(url)).text();
    for (const [, href] of html.matchAll(/href="([^"]+)"/g)) {
      const target = new URL(href.replace(/&amp;/g, '&'), url);
      if (target.origin !== new URL(server.url).origin) continue;
      links += 1;
      target.hash = '';
      if (!seen.has(target.href)) seen.set(target.href, (await fetch(target)).status);
      assert.equal(seen.get(target.href), 200, `${path}: ${href}`);
    }
  }
  console.log(`# link check: ${links} links inside the site on ${guides().length} guides, ${seen.size} distinct targets, all 200`);
  assert.ok(guides().length >= 46);
});

test('issue 21: share tags on every page and a 1200x630 PNG preview', async () => {
  const png = readFileSync(SITE + 'preview.png');
  assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'a PNG signature');
  assert.equal(png.toString('latin1', 12, 16), 'IHDR');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630]);
  for (const path of ['index.html', 'desk.html', ...guides()]) {
    const html = readFileSync(SITE + path, 'utf8');
    for (const tag of ['og:title', 'og:description', 'og:image', 'og:image:width" content="1200', 'og:image:height" content="630', 'twitter:card" content="summary_large_image', 'name="description"']) {
      assert.ok(html.includes(tag), `${path}: ${tag}`);
    }
    assert.match(html, /(class="operator"|id="deployer")>(Dikelola oleh|Run by|Pengelola|Whoever)/, path);
  }
  console.log(`# share tags and the operator line on ${guides().length + 2} pages; preview.png ${png.length} B, 1200x630`);
  // Served as an image (a link preview fetches it on its own, with no page around it).
  const res = await fetch(server.url + 'preview.png');
  assert.equal(res.headers.get('content-type'), 'image/png');
});

test('issue 21: a cause guide prints on A4 and stays readable offline once read', async () => {
  const { page, context, expectConsole } = await phone(browser, NARROW);
  expectConsole(/offices\.json|Failed to load resource|ERR_INTERNET_DISCONNECTED/);
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="yes"]');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await until(page, () => !!navigator.serviceWorker.controller);
  await page.goto(server.url + 'panduan/penyebab-e.html');
  const title = await page.getByRole('heading', { level: 1 }).textContent();
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  console.log(`# ${title}: ${pdf.length} B of PDF, ${pages} A4 page(s)`);
  assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
  await page.emulateMedia({ media: 'screen' });
  await context.setOffline(true);
  await page.reload();
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), title);
  await context.close();
});

test('issue 21: "Bagikan alamat situs ini" gives the address alone, never a step or an answer; the operator and "Mengapa aman?" are on the page', async () => {
  const { page, context } = await openReady(browser, server.url, null, NARROW);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  await page.waitForSelector('body[data-app="ready"]');
  await page.locator('#nik').fill('3511015003850001');
  await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
  await page.goto(server.url + '?layanan=bank&pesan=nik_mismatch#apa');
  await page.waitForSelector('body[data-app="ready"]');
  const shared = await page.evaluate(() => 'share' in navigator);
  await page.getByRole('button', { name: 'Bagikan alamat situs ini' }).click();
  if (!shared) {
    const status = await page.locator('#share-site-status').textContent();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    console.log(`# share: no share sheet here, copied "${copied}"; said "${status}"`);
    assert.equal(copied, server.url);
    assert.match(status, /^Alamat situs disalin \(tanpa data Anda\): http/);
    // The port is random and may hold any digits (35115 once matched /3511/): only the address
    // after the origin could carry the NIK or an answer, and there is nothing after it.
    assert.equal(status, `Alamat situs disalin (tanpa data Anda): ${server.url}`);
  }
  assert.match(await page.locator('#deployer').textContent(), /Pengelola salinan situs ini belum menuliskan namanya|Dikelola oleh/);
  assert.match(await page.locator('footer').textContent(), /Mengapa aman\?/);
  await context.close();
});
