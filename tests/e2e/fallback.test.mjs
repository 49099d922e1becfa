// Issue 21, part 1: a page that never dies. When WebAssembly is missing or
// refused (iOS 15 and older, Lockdown Mode, a CSP without 'wasm-unsafe-eval'
// as Safari 15 reads it), when the wasm download fails or stalls, the page
// shows from its own HTML what the site would have done, Halo Dukcapil's
// contacts and the guidance pages; never a raw error, "Muat ulang" only where
// a reload can help, and the NIK typed stays.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, phone, NARROW, SHOTS } from './helpers.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const NIK = '3511015003850001';

const cases = {
  'WebAssembly removed before the page loads': {
    setup: (page) => page.addInitScript(() => { delete globalThis.WebAssembly; }),
    reason: /tidak dapat menjalankan pemeriksa NIK/, reload: false,
  },
  'a CSP that refuses wasm (as Safari 15 reads the page\'s)': {
    setup: (page, url) => page.route(url, async (r) => {
      const res = await r.fetch();
      r.fulfill({ response: res, body: (await res.text()).replace(" 'wasm-unsafe-eval'", '') });
    }),
    reason: /tidak dapat menjalankan pemeriksa NIK/, reload: false,
  },
  'the wasm request blocked': {
    setup: (page) => page.route('**/klinik_nik_bg.wasm', (r) => r.abort()),
    reason: /gagal dimuat: koneksi terputus/, reload: true,
  },
  // Damaged on the way (a proxy, a cut download): it does not compile, though this browser runs wasm, so a reload can mend it.
  'the wasm damaged in transit': {
    setup: (page) => page.route('**/klinik_nik_bg.wasm', (r) => r.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('\0asm\x01\0\0\0\x01\xff broken') })),
    reason: /gagal dimuat: koneksi terputus/, reload: true,
  },
  'the wasm stalled': {
    setup: (page) => page.route('**/klinik_nik_bg.wasm', () => {}),
    reason: /belum termuat \(koneksi lambat\)/, reload: false,
  },
};

for (const [name, c] of Object.entries(cases)) {
  test(`issue 21: ${name}: contacts and guidance within 10 s, no raw error, the NIK kept`, async () => {
    const p = await phone(browser, NARROW);
    const { page, context } = p;
    // The browser's own console lines about the refused or aborted request are expected.
    p.expectConsole(/WebAssembly|wasm|Failed to load resource|Content Security Policy|unsafe-eval/i);
    await c.setup(page, server.url);
    const t0 = Date.now();
    await page.goto(server.url);
    await page.locator('#nik').fill(NIK);
    const box = page.locator('#fallback');
    await box.waitFor({ state: 'visible', timeout: 10000 });
    const after = Date.now() - t0;
    const text = await box.innerText();
    console.log(`# ${name}: contacts on screen ${after} ms after navigation`);
    assert.ok(after <= 10000, `${after} ms`);
    assert.match(text, c.reason);
    assert.match(text, /memeriksa NIK, melihat kemungkinan penyebab, dan menyiapkan laporan/, 'what the site would have done');
    // Halo Dukcapil: WhatsApp with its template (the NIK typed in it), and the call centre.
    const wa = new URL(await page.getByRole('link', { name: 'WhatsApp 0811-800-5373' }).getAttribute('href'));
    assert.equal(wa.origin + wa.pathname, 'https://wa.me/628118005373');
    assert.equal(wa.searchParams.get('text'), `#NIK ${NIK}\n#Nama \n#NomorKK \n#Telp \n#permasalahan `);
    assert.equal(await page.getByRole('link', { name: 'Telepon 1500537' }).getAttribute('href'), 'tel:1500537');
    assert.equal(await page.getByRole('link', { name: /^Panduan:/ }).getAttribute('href'), 'panduan/');
    // Reload offered only where it can help.
    assert.equal(await page.getByRole('link', { name: 'Muat ulang' }).isVisible(), c.reload);
    // No raw error anywhere on the page, no endless loading line, the NIK kept.
    const all = await page.locator('body').innerText();
    assert.doesNotMatch(all, /ReferenceError|TypeError|CompileError|is not defined|Error:/);
    assert.ok(await page.locator('#summary').isHidden() || c.reload === false && name.includes('stalled'));
    assert.equal(await page.locator('#nik').inputValue(), NIK);
    await page.screenshot({ path: SHOTS + `fallback-${name.split(' ').slice(1, 3).join('-').replace(/[^a-z0-9-]/gi, '')}.png` });
    await context.close();
  });
}

test('issue 21: a stalled wasm that arrives after all: the box goes and the page works', async () => {
  const { page, context } = await phone(browser, NARROW);
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/klinik_nik_bg.wasm', async (r) => { await held; await r.continue(); });
  await page.goto(server.url);
  await page.locator('#fallback').waitFor({ state: 'visible', timeout: 10000 });
  release();
  await page.waitForSelector('body[data-ready="yes"]');
  assert.ok(await page.locator('#fallback').isHidden());
  await page.locator('#nik').fill(NIK);
  assert.equal(await page.locator('#summary').textContent(), 'Format NIK benar.');
  await context.close();
});

test('issue 21: without JavaScript the page still says how to report', async () => {
  const context = await browser.newContext({ viewport: NARROW, javaScriptEnabled: false, locale: 'id-ID' });
  const page = await context.newPage();
  await page.goto(server.url);
  assert.ok(await page.locator('#fallback').isVisible());
  assert.ok(await page.getByRole('link', { name: 'WhatsApp 0811-800-5373' }).isVisible());
  assert.ok(await page.locator('#summary').isHidden(), 'no loading line that never ends');
  await context.close();
});

test('issue 21: steps 2 and 3 failing alone: step 1 checks as before, and those steps show the same contacts', async () => {
  const { page, context, expectConsole } = await phone(browser, NARROW);
  expectConsole(/Failed to load resource|app_bg\.wasm/);
  await page.route('**/pkg/app_bg.wasm', (route) => route.abort());
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="yes"][data-app="error"]');
  assert.ok(await page.locator('#fallback').isHidden(), 'step 1 works: no box there');
  await page.locator('#nik').fill(NIK);
  assert.equal(await page.locator('#summary').textContent(), 'Format NIK benar.');
  await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
  await page.locator('#fallback').waitFor({ state: 'visible', timeout: 5000 });
  assert.ok(await page.getByRole('link', { name: 'WhatsApp 0811-800-5373' }).isVisible());
  await context.close();
});
