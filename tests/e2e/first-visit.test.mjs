// What a real first visit costs, measured rather than listed: every request
// Chromium makes (the page's and the service worker's) is recorded, and each
// response's body is counted as gzip -9 bytes. The server compresses like a
// static host (tools/serve.mjs). Prints the first screen (everything fetched
// before a typed NIK shows its regency) and the whole first visit (check →
// diagnose → report → print view, plus the service worker's offline copy),
// and the time to a checked NIK on a slow phone with and without gzip.
// Gated only by a ratchet; the light-first-visit issue's goals (50 KB /
// 100 KB) are printed beside the figures.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { startServer, launch, phone, until, inCache } from './helpers.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const kb = (b) => (b / 1024).toFixed(1) + ' KB';

/**
 * Records every response of a context (the page's and its service worker's):
 * per path, the gzip -9 size of the body and its uncompressed size (the
 * largest body seen for it), and the bytes on the wire of every response.
 */
function recorder(context) {
  const seen = new Map();
  const pending = [];
  context.on('response', (r) => {
    pending.push((async () => {
      if (r.status() !== 200) return;
      const key = new URL(r.url()).pathname;
      const fromWorker = !!r.request().serviceWorker();
      const body = await r.body().catch(() => null);
      const sizes = await r.request().sizes().catch(() => ({ responseBodySize: 0 }));
      const prev = seen.get(key) || { gz9: 0, raw: 0, wire: 0, page: false };
      // A service worker's response body is not always readable through the
      // protocol: then its size on the wire (gzip from the host) stands in.
      const gz9 = body && body.length ? gzipSync(body, { level: 9 }).length : sizes.responseBodySize;
      seen.set(key, {
        gz9: Math.max(prev.gz9, gz9),
        raw: Math.max(prev.raw, body ? body.length : 0),
        wire: prev.wire + sizes.responseBodySize,
        page: prev.page || !fromWorker,
      });
    })());
  });
  return {
    /** What the page itself fetched (`pageOnly`), or everything. */
    async snapshot(pageOnly) {
      await Promise.all(pending);
      return new Map([...seen].filter(([, v]) => !pageOnly || v.page));
    },
  };
}

const sum = (m, f) => [...m.values()].reduce((a, v) => a + v[f], 0);

test('first visit, byte for byte: the first screen and the whole visit', async () => {
  const { page, context, expectConsole } = await phone(browser);
  expectConsole(/offices\.json/);
  const rec = recorder(context);
  // The first screen is what step 1 needs: steps 2 and 3's module (loaded
  // once step 1 is on screen, never before it) is held until it is counted.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\/(pkg\/app[^/]*|app\.css)$/, async (route) => { await held; await route.continue(); });
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="yes"]');
  await page.locator('#nik').fill('3511015003850001');
  await page.locator('[data-seg="reg"] .name').getByText('Kabupaten Bondowoso').waitFor();
  // With its province's district names (districts/35.txt).
  await page.locator('[data-seg="dist"] .name').getByText('Maesan').waitFor();
  const first = await rec.snapshot(true);
  assert.ok(first.has('/districts/35.txt'), 'the province file is part of the first screen');
  assert.ok(!first.has('/pkg/app_bg.wasm') && !first.has('/app.css'), 'steps 2 and 3 are not');
  release();
  await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
  await page.getByRole('radio', { name: 'BPJS Kesehatan', exact: true }).check();
  await page.getByRole('radio', { name: 'NIK tidak ditemukan / tidak terdaftar' }).check();
  await page.getByRole('button', { name: 'Lihat kemungkinan penyebab' }).click();
  await page.locator('#diagnose :is(a, button):visible', { hasText: 'Lanjut: Lapor' }).click();
  await page.locator('#wa-link').waitFor();
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ format: 'A4' });
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The service worker's install fetched its offline copy.
  await until(page, inCache, 'pkg/klinik_nik_bg.wasm');
  const all = await rec.snapshot(false);
  const line = (m) => [...m.entries()].sort((a, b) => b[1].gz9 - a[1].gz9)
    .map(([k, v]) => `${k} ${kb(v.gz9)}`).join(', ');
  console.log(`first screen: ${kb(sum(first, 'gz9'))} gzip -9 (${sum(first, 'gz9')} B; ratchet 59904 B; ${kb(sum(first, 'wire'))} on the wire from a gzip host, ${kb(sum(first, 'raw'))} uncompressed), ${first.size} files fetched by the page: ${line(first)}; goal of the light-first-visit issue: 50 KB`);
  console.log(`whole first visit with the offline copy: ${kb(sum(all, 'gz9'))} gzip -9 (${sum(all, 'gz9')} B; ratchet 155136 B) over ${all.size} files (${kb(sum(all, 'wire'))} on the wire, counting the service worker's second fetch of files the browser had cached); goal: 100 KB`);
  assert.ok(!first.has('/pkg/desk_bg.wasm') && !all.has('/pkg/desk_bg.wasm'), 'a citizen never fetches the desk');
  assert.ok(!all.has('/core/klinik_nik_core_bg.wasm'), 'nor the public module');
  // Ratchets a little above today's figures (2026-11-28: first screen
  // 55.2 KB, first visit 135.9 KB). The goals (50 KB, 100 KB) are printed
  // above, not met.
  assert.ok(!all.has('/index.html'), 'the page is fetched once: the service worker caches "./"');
  assert.ok(sum(first, 'gz9') <= 59904, `first screen ${sum(first, 'gz9')} B`);
  assert.ok(sum(all, 'gz9') <= 155136, `first visit ${sum(all, 'gz9')} B`);
  await context.close();
});

// 400 kbit/s both ways, 400 ms round trips: a weak mobile connection.
const WEAK = { offline: false, latency: 400, downloadThroughput: 400 * 1024 / 8, uploadThroughput: 400 * 1024 / 8 };

test('time to a checked NIK at 4× CPU, 400 kbit/s and 400 ms, with and without gzip', async () => {
  const times = {};
  for (const enc of ['gzip', 'identity']) {
    const { page, context, expectConsole } = await phone(browser);
    expectConsole(/offices\.json/);
    if (enc === 'identity') await context.setExtraHTTPHeaders({ 'Accept-Encoding': 'identity' });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', WEAK);
    const t0 = Date.now();
    await page.goto(server.url, { timeout: 120000 });
    await page.locator('#nik').fill('3511015003850001');
    await page.locator('[data-seg="reg"] .name').getByText('Kabupaten Bondowoso').waitFor({ timeout: 120000 });
    times[enc] = Date.now() - t0;
    await context.close();
  }
  console.log(`4x CPU, 400 kbit/s, 400 ms: NIK checked on screen ${(times.gzip / 1000).toFixed(1)} s after navigation from a gzip host, ${(times.identity / 1000).toFixed(1)} s uncompressed (goal of the light-first-visit issue: under 3 s)`);
  assert.ok(times.gzip < times.identity, 'compression helps');
});
