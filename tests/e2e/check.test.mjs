// A citizen on a phone (Pixel 5 size; one test at 360 px) types NIKs into the first page and reads what it says.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openReady, linesOf, SHOTS, NARROW } from './helpers.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const open = () => openReady(browser, server.url);

const seg = (page, name) => page.locator(`[data-seg="${name}"]`);

test('a Bondowoso NIK is explained segment by segment', async () => {
  const { page, problems, requests, context } = await open();
  const field = page.getByLabel('NIK (16 angka di KTP-el)');
  assert.equal(await field.getAttribute('inputmode'), 'numeric');
  await field.pressSequentially('3511 0150 0385 0001');
  assert.equal(await seg(page, 'prov').locator('.name').textContent(), 'Jawa Timur');
  assert.equal(await seg(page, 'reg').locator('.name').textContent(), 'Kabupaten Bondowoso');
  assert.equal(await seg(page, 'dist').locator('.name').textContent(), 'Maesan');
  assert.match(await seg(page, 'date').locator('.name').textContent(), /^10-03-1985\nperempuan · umur sekitar \d+$/);
  assert.equal(await seg(page, 'serial').locator('.digits').textContent(), '0001');
  for (const s of ['prov', 'reg', 'dist', 'date', 'serial']) {
    assert.equal(await seg(page, s).getAttribute('data-state'), 'ok', s);
  }
  assert.equal(await page.locator('#summary').textContent(), 'Format NIK benar.');
  assert.match(await page.locator('#disclaimer').textContent(), /bukan bukti NIK terdaftar atau aktif/);
  await page.screenshot({ path: SHOTS + 'check-valid.png', fullPage: true });
  // Everything came from this origin, and no request carried the NIK.
  const origin = new URL(server.url).origin;
  for (const u of requests) {
    assert.equal(new URL(u).origin, origin, u);
    // Only the path and query can carry data: the port is random and may hold any digits.
    const rest = u.slice(origin.length);
    assert.ok(!rest.includes('3511015003850001') && !rest.includes('0385'), u);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('a wrong day is highlighted and explained while typing', async () => {
  const { page, problems, context } = await open();
  const field = page.locator('#nik');
  await field.pressSequentially('35110135');
  assert.equal(await seg(page, 'date').getAttribute('data-state'), 'bad');
  assert.equal(await seg(page, 'prov').getAttribute('data-state'), 'ok');
  const msgs = await page.locator('#messages li').allTextContents();
  assert.ok(msgs.some((m) => m.includes('Angka 7–8 (35)') && m.includes('41–71')), msgs.join('\n'));
  await field.pressSequentially('0385000');
  await field.press('Backspace');
  await field.pressSequentially('00');
  const codes = await page.locator('#messages li').evaluateAll((els) => els.map((e) => e.dataset.code));
  assert.deepEqual(codes, ['NIK_DAY_INVALID', 'NIK_SERIAL_ZERO']);
  assert.equal(await seg(page, 'serial').getAttribute('data-state'), 'bad');
  assert.equal(await page.locator('#summary').textContent(), 'Ada yang perlu diperiksa:');
  await page.screenshot({ path: SHOTS + 'check-invalid.png', fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a letter O, an old Papua code and a pasted label', async () => {
  const { page, context } = await open();
  const field = page.locator('#nik');
  await field.fill('35110150O3850001');
  const msgs = await page.locator('#messages li').allTextContents();
  assert.ok(msgs.some((m) => m.includes('huruf “O” di angka ke-9') && m.includes('maksud Anda 0 (nol)')), msgs.join('\n'));
  assert.ok(msgs.every((m) => !m.includes('U+')), 'no code points for citizens');
  await field.fill('NIK: 9101010101800001');
  assert.equal(await seg(page, 'reg').locator('.name').textContent(), 'Kabupaten Merauke');
  const old = await page.locator('#messages li[data-code="NIK_REGION_OLD_EDITION"]').textContent();
  assert.match(old, /kode lama, dipakai sampai 2022 \(sekarang Kabupaten Merauke 93\.01, Provinsi Papua Selatan\)/);
  assert.equal(await page.locator('#summary').textContent(), 'Format NIK benar.');
  await context.close();
});

test('a Tarakan NIK from before Kalimantan Utara (64.73) is valid, says where that is now, and step 3 offers today\'s office', async () => {
  const { page, problems, context } = await open();
  await page.locator('#nik').pressSequentially('6473010101900001');
  assert.equal(await page.locator('#summary').textContent(), 'Format NIK benar.');
  assert.equal(await seg(page, 'reg').locator('.name').textContent(), 'Kota Tarakan');
  assert.notEqual(await seg(page, 'reg').getAttribute('data-state'), 'error');
  const old = await page.locator('#messages li[data-code="NIK_REGION_OLD_EDITION"]').textContent();
  assert.match(old, /64\.73 \(Kota Tarakan\) adalah kode lama, dipakai sampai 2012 \(sekarang Kota Tarakan 65\.71, Provinsi Kalimantan Utara\)/);
  const dist = await page.locator('#messages li[data-code="NIK_DISTRICT_UNKNOWN"]').textContent();
  assert.match(dist, /tidak bisa diperiksa/);
  await page.screenshot({ path: SHOTS + 'check-tarakan-2012.png', fullPage: true });
  await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
  await page.waitForSelector('body[data-app="ready"]');
  await page.locator('nav [data-step="act"]').click();
  assert.equal(await page.locator('#office-contact').getAttribute('data-regency'), '6571');
  assert.match(await page.locator('#office-contact').textContent(), /Kota Tarakan/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('English switch translates the page and the messages', async () => {
  const { page, context } = await open();
  await page.locator('#nik').fill('3511013502850001');
  await page.getByRole('button', { name: 'English' }).click();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.locator('label[for="nik"]').textContent(), 'NIK (the 16 digits on the KTP-el)');
  const msgs = await page.locator('#messages li').allTextContents();
  assert.ok(msgs.some((m) => m.includes('day of birth')), msgs.join('\n'));
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  assert.equal(await page.locator('html').getAttribute('lang'), 'id');
  await context.close();
});

test('fits a 360 px screen without sideways scrolling', async () => {
  const { page, context } = await openReady(browser, server.url, undefined, NARROW);
  assert.equal(await page.evaluate(() => innerWidth), 360);
  await page.locator('#nik').fill('6571010608073576');
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= client, `page is ${scroll}px wide in a ${client}px viewport`);
  const btn = await page.locator('#lang').boundingBox();
  assert.ok(btn.height >= 48 && btn.width >= 48, JSON.stringify(btn));
  await context.close();
});

test("index.html's own text (shown before the wasm runs) is exactly Rust's Indonesian text", async () => {
  const read = (page) => page.locator('[data-t]').evaluateAll((els) => els.map((e) => [e.dataset.t, e.textContent]));
  const bare = await browser.newContext({ javaScriptEnabled: false });
  const raw = await bare.newPage();
  await raw.goto(server.url);
  const before = await read(raw);
  await bare.close();
  const { page, context } = await open();
  const all = await read(page);
  // Steps 2 and 3's controls come with their module (src/web/app/*.html,
  // no words of their own): every one of them gets its text from Rust.
  const keys = new Set(before.map(([k]) => k));
  const after = all.filter(([k]) => keys.has(k));
  assert.ok(before.length >= 30, `${before.length} translated elements`);
  assert.deepEqual(before, after, 'a string in index.html differs from src/web/ (one place for every string)');
  assert.ok(all.length >= before.length + 30, `${all.length - before.length} from steps 2 and 3`);
  assert.deepEqual(all.filter(([, t]) => !t.trim()), [], 'an element without its text');
  await context.close();
});

test('the NIK and KK fields show the whole grouped number in a fixed-width font, at 360 px and at 320 px with larger text', async () => {
  for (const [viewport, scale] of [[NARROW, '100%'], [{ width: 320, height: 640 }, '125%'], [{ width: 320, height: 640 }, '130%']]) {
    const { page, context } = await openReady(browser, server.url, null, viewport);
    await page.evaluate((s) => { document.documentElement.style.fontSize = s; }, scale);
    await page.locator('#nik').fill('3511015003850001');
    await page.locator('#kk').fill('3511012003150007');
    const body = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    const fields = await page.locator('#nik, #kk').evaluateAll((els) => els.map((e) => {
      const s = getComputedStyle(e);
      return { id: e.id, value: e.value, mono: /monospace/.test(s.fontFamily), fits: e.scrollWidth <= e.clientWidth, px: parseFloat(s.fontSize) };
    }));
    for (const f of fields) {
      assert.ok(f.mono, `${f.id} at ${viewport.width} px: a fixed-width font, so 0 and O look apart`);
      assert.ok(f.fits, `${f.id} at ${viewport.width} px, text ${scale}: "${f.value}" does not fit its field`);
      // Issue 20: the digits never smaller than the text around them.
      assert.ok(f.px >= 16 && f.px >= body, `${f.id}: ${f.px} px, body ${body} px`);
    }
    // Issue 20: every step name whole (it wraps under its number rather than end in "…").
    const names = await page.locator('nav.progress a span:not(.num)').evaluateAll((els) => els.map((e) => ({
      t: e.textContent, whole: e.scrollWidth <= e.clientWidth + 1, right: e.getBoundingClientRect().right,
    })));
    console.log(`# ${viewport.width} px, text ${scale}: digits ${fields[0].px} px (body ${body} px); step names ${names.map((n) => n.t).join(' / ')}`);
    for (const n of names) assert.ok(n.whole && n.right <= viewport.width, `${n.t} at ${viewport.width} px, ${scale}`);
    await context.close();
  }
});

test('at 360 px, in both languages, no word in the segment boxes is broken across lines', async () => {
  const { page, context } = await openReady(browser, server.url, null, NARROW);
  // Each word (split at spaces and at zero-width spaces) must sit on one line.
  const broken = async () => (await linesOf(page.locator('.segments .label, .segments .name'), /[^\s\u200b]+/g))
    .filter(([, lines]) => lines > 1).map(([word]) => word);
  await page.locator('#nik').fill('3511015003850001');
  await page.locator('[data-seg="dist"] .name').getByText('Maesan').waitFor();
  assert.deepEqual(await broken(), [], 'Indonesian');
  await page.locator('#lang').click();
  await page.locator('[data-seg="reg"] .label').getByText(/Regency/).waitFor();
  assert.deepEqual(await broken(), [], 'English');
  await context.close();
});

test('issue 20: a letter O in the NIK is one tap from a zero', async () => {
  const { page, context } = await open();
  await page.locator('#nik').fill('35110150O3850001');
  assert.equal(await page.locator('#messages li').first().getAttribute('data-code'), 'NIK_CHAR_INVALID');
  await page.getByRole('button', { name: 'Ganti huruf O dengan angka 0' }).click();
  assert.equal((await page.locator('#nik').inputValue()).replace(/\s/g, ''), '3511015003850001');
  assert.equal(await page.locator('#summary').textContent(), 'Format NIK benar.');
  assert.ok(await page.getByRole('button', { name: 'Ganti huruf O dengan angka 0' }).isHidden());
  await context.close();
});
