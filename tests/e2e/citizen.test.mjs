// The citizen's stories, second pass, by visible labels at 360x740 and Pixel 5:
// a report that reaches someone, the right office after a move, a typo
// pointed at in place, and nothing lost when the phone discards the tab.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openReady, NARROW, PIXEL_5, SHOTS } from './helpers.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const linkOf = (href) => { const u = new URL(href); return { path: u.pathname, text: u.searchParams.get('text') }; };

for (const [label, viewport] of [['360x740', NARROW], ['Pixel 5', PIXEL_5]]) {
  test(`Bondowoso story at ${label}: at most 6 taps plus the digits, ending at Halo Dukcapil's WhatsApp`, async () => {
    const { page, context } = await openReady(browser, server.url, null, viewport);
    let taps = 0;
    const tap = async (locator) => { taps += 1; await locator.click(); };
    // Typing the digits (and tapping a field to type into it) is the "plus the digits".
    await page.getByLabel('NIK (16 angka di KTP-el)').fill('3511015003850001');
    await page.getByLabel('Nomor KK (opsional, 16 angka di bagian atas KK)').fill('3511012003150007');
    await tap(page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }));
    await tap(page.getByRole('radio', { name: 'BPJS Kesehatan', exact: true }));
    await tap(page.getByRole('radio', { name: 'NIK tidak ditemukan / tidak terdaftar' }));
    await tap(page.getByRole('button', { name: 'Lihat kemungkinan penyebab' }));
    await tap(page.getByRole('link', { name: 'Lanjut: Lapor' }));
    // Her name and phone, so the office can answer (typed, like the digits).
    await page.getByLabel('Nama lengkap (sesuai KTP-el atau KK)').fill('Siti Aminah');
    await page.getByLabel('Nomor HP Anda (untuk dihubungi petugas)').fill('0812-3456-7890');
    const send = page.getByRole('link', { name: /^Kirim lewat WhatsApp ke Halo Dukcapil/ });
    const href = await send.getAttribute('href');
    // WhatsApp itself is not reachable here: the opened tab is answered locally.
    await context.route('https://wa.me/**', (r) => r.fulfill({ body: 'WhatsApp', contentType: 'text/plain' }));
    const [popup] = await Promise.all([context.waitForEvent('page'), tap(send)]);
    await popup.waitForLoadState();
    const opened = popup.url();
    await popup.close();
    console.log(`# ${label}: ${taps} taps plus the digits; opened ${opened.slice(0, 60)}…`);
    assert.ok(taps <= 6, `${taps} taps`);
    assert.equal(opened, href);
    assert.equal(linkOf(href).path, '/628118005373', 'no office number is known: Halo Dukcapil');
    assert.match(linkOf(href).text, /^#NIK 3511015003850001\n#Nama Siti Aminah\n#NomorKK 3511012003150007\n#Telp 0812-3456-7890\n/);
    // She has the office's number from its notice board: it becomes the primary link.
    await page.getByText('Ganti kabupaten/kota, atau ketik nomor WhatsApp kantor').click();
    await page.getByLabel('Nomor WhatsApp Dukcapil yang Anda ketahui (opsional)').fill('0812 3333 4444');
    const typed = linkOf(await page.getByRole('link', { name: /^Kirim lewat WhatsApp ke Dukcapil \(0812-3333-4444\)/ }).getAttribute('href'));
    assert.equal(typed.path, '/6281233334444');
    assert.match(typed.text, /Kepada Yth\. Dinas Kependudukan dan Pencatatan Sipil Kabupaten Bondowoso/);
    await context.close();
  });
}

test('the moved story: NIK from Bondowoso, KK now in Surabaya, the bank says the data does not match', async () => {
  const { page, context } = await openReady(browser, server.url, null, NARROW);
  await page.getByLabel('NIK (16 angka di KTP-el)').fill('3511015003850001');
  await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
  await page.getByRole('radio', { name: 'Bank / dompet digital' }).check();
  await page.getByRole('radio', { name: 'Alamat / data tidak sesuai' }).check();
  await page.getByRole('checkbox', { name: /Pindah alamat/ }).check();
  await page.getByRole('button', { name: 'Lihat kemungkinan penyebab' }).click();
  assert.equal(await page.locator('#diagnosis .cause.top').getAttribute('data-cause'), 'E');
  await page.getByRole('link', { name: 'Lanjut: Lapor' }).click();
  // The NIK's region is not where her KK is now: the page asks before choosing.
  // (A link: the step changes on the hashchange that follows the tap, so wait for it.)
  const search = page.getByLabel('Di kabupaten/kota mana alamat KK Anda sekarang?');
  await search.waitFor({ timeout: 5000 });
  assert.ok(await search.isVisible(), 'the question is open');
  assert.equal(await page.locator('#office-contact').getAttribute('data-regency'), '');
  assert.match(await page.locator('#office-contact').textContent(), /belum dipilih/);
  await search.fill('surab');
  await page.getByRole('button', { name: /Kota Surabaya/ }).click();
  assert.equal(await page.locator('#office-contact').getAttribute('data-regency'), '3578');
  assert.match(await page.locator('#office-contact').textContent(), /Kota Surabaya/);
  const national = await page.locator('#wa-text').inputValue();
  assert.ok(national.includes('alamat KK Kota Surabaya, Jawa Timur'), national);
  const office = linkOf(await page.locator('#wa-other').getAttribute('href')).text;
  assert.ok(office.includes('Kepada Yth. Dinas Kependudukan dan Pencatatan Sipil Kota Surabaya'), office);
  assert.ok(office.includes('Jenis penolakan: Alamat / data tidak sesuai'), office);
  // "bondowoso" and "kab bondowoso" both find it again; an old Papua code finds the current regency.
  await page.getByText('Ganti kabupaten/kota, atau ketik nomor WhatsApp kantor').click();
  for (const q of ['bondowoso', 'kab bondowoso']) {
    await search.fill(q);
    assert.deepEqual(await page.locator('#office-results button').allTextContents(), ['Kabupaten BondowosoJawa Timur']);
  }
  await search.fill('91.01');
  assert.deepEqual(await page.locator('#office-results button').allTextContents(), ['Kabupaten MeraukePapua Selatan']);
  await search.fill('zzzz');
  assert.match(await page.locator('#office-results').textContent(), /Tidak ditemukan/);
  await page.screenshot({ path: SHOTS + 'moved.png', fullPage: true });
  await context.close();
});

test('the typo story: a letter O is named by its digit place, highlighted in place and fixed there', async () => {
  const { page, context } = await openReady(browser, server.url, null, NARROW);
  const field = page.getByLabel('NIK (16 angka di KTP-el)');
  await field.fill('3511 0110 O785 0002');
  const msg = await page.locator('#messages li[data-code="NIK_CHAR_INVALID"]').textContent();
  assert.match(msg, /huruf “O” di angka ke-9.*Mungkin maksud Anda 0 \(nol\)/);
  assert.ok(!/U\+/.test(msg));
  assert.equal(await page.locator('#nik-echo mark').textContent(), 'O', 'a copy of the input marks it');
  assert.equal(await page.locator('#nik-echo').textContent(), '3511 0110 O785 0002');
  assert.equal(await page.locator('[data-seg="date"] mark').textContent(), 'O', 'so does the birth-date segment');
  assert.equal(await page.locator('[data-seg="date"]').getAttribute('data-state'), 'bad');
  assert.equal(await field.inputValue(), '3511 0110 O785 0002', 'the spaces she typed are kept');
  await page.screenshot({ path: SHOTS + 'typo.png' });
  // Fixed in place: the O becomes a 0.
  await field.evaluate((e) => { e.setSelectionRange(10, 11); });
  await field.press('0');
  assert.equal(await field.inputValue(), '3511 0110 0785 0002');
  assert.equal(await page.locator('#summary').textContent(), 'Format NIK benar.');
  assert.ok(await page.locator('#nik-echo').isHidden());
  // Her own grouping is not eaten either.
  await field.fill('35 11 01 500385 0001');
  assert.equal(await field.inputValue(), '35 11 01 500385 0001');
  assert.equal(await page.locator('#summary').textContent(), 'Format NIK benar.');
  await context.close();
});

test('a Nomor KK typed into the NIK field gets a hint and a button that moves it', async () => {
  const { page, context } = await openReady(browser, server.url, null, NARROW);
  await page.getByLabel('NIK (16 angka di KTP-el)').fill('3511012003260007');
  assert.match(await page.locator('#kk-hint').textContent(), /Apakah ini Nomor KK\? NIK tertulis di KTP-el, di bawah nama provinsi dan kabupaten\/kota\./);
  await page.getByRole('button', { name: 'Pindahkan ke kolom Nomor KK' }).click();
  assert.equal(await page.locator('#kk').inputValue(), '3511 0120 0326 0007');
  assert.equal(await page.locator('#nik').inputValue(), '');
  assert.ok(await page.locator('#kk-hint').isHidden());
  assert.equal(await page.evaluate(() => document.activeElement.id), 'nik');
  await context.close();
});

test('the killed-tab story: everything comes back on the same step; after clearing, nothing does', async () => {
  const { page, context } = await openReady(browser, server.url, null, NARROW);
  await page.locator('#nik').fill('3511015003850001');
  await page.locator('#kk').fill('3511012003150007');
  await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
  await page.getByRole('radio', { name: 'BPJS Kesehatan', exact: true }).check();
  await page.getByRole('radio', { name: 'NIK tidak ditemukan / tidak terdaftar' }).check();
  await page.getByLabel('Tulis bunyi pesan yang muncul (opsional)').fill('NIK tidak ditemukan');
  await page.getByRole('button', { name: 'Lihat kemungkinan penyebab' }).click();
  await page.getByRole('link', { name: 'Lanjut: Lapor' }).click();
  await page.getByLabel('Nama lengkap (sesuai KTP-el atau KK)').fill('Siti Aminah');
  await page.getByLabel('Nomor HP Anda (untuk dihubungi petugas)').fill('0812-3456-7890');
  const before = await page.locator('#wa-text').inputValue();
  assert.match(await page.locator('#clear ~ .hint').textContent(), /disimpan sementara di tab ini saja/);
  // The phone discards the tab while she is in WhatsApp; she comes back.
  await page.reload();
  // Steps 2 and 3 show a loading line until their module is here, then her answers.
  await page.waitForSelector('body[data-ready="yes"][data-app="ready"]');
  assert.ok(await page.locator('#act-title').isVisible(), 'the same step');
  assert.equal(await page.getByLabel('Nama lengkap (sesuai KTP-el atau KK)').inputValue(), 'Siti Aminah');
  assert.equal(await page.locator('#wa-text').inputValue(), before);
  assert.equal(await page.locator('#nik').inputValue(), '3511 0150 0385 0001');
  await page.locator('nav [data-step="diagnose"]').click();
  assert.ok(await page.getByRole('radio', { name: 'BPJS Kesehatan', exact: true }).isChecked());
  assert.equal(await page.getByLabel('Tulis bunyi pesan yang muncul (opsional)').inputValue(), 'NIK tidak ditemukan');
  assert.equal(await page.locator('#diagnosis .cause.top').getAttribute('data-cause'), 'A', 'the answer is shown again');
  // Cleared: nothing comes back, no storage holds anything.
  await page.getByRole('button', { name: 'Hapus semua data' }).click();
  await page.reload();
  await page.waitForSelector('body[data-ready="yes"]');
  assert.equal(await page.locator('#nik').inputValue(), '');
  assert.equal(await page.locator('input:checked').count(), 0);
  const stored = await page.evaluate(() => ({ session: sessionStorage.length, local: localStorage.length, cookies: document.cookie }));
  assert.deepEqual(stored, { session: 0, local: 0, cookies: '' });
  await context.close();
});

test('landing on #lapor with nothing typed says what is missing, not a report of blanks', async () => {
  const { page, context } = await openReady(browser, server.url + '#lapor', null, NARROW);
  assert.ok(await page.locator('#act-missing').isVisible());
  assert.match(await page.locator('#act-missing').textContent(), /NIK dan Nomor KK belum diisi/);
  assert.ok(await page.locator('#report-area').isHidden());
  assert.ok(!(await page.locator('#act').innerText()).includes('(belum diisi)'));
  await page.getByRole('link', { name: 'Ke langkah 1: Cek NIK' }).click();
  await page.locator('#nik').waitFor({ timeout: 5000 });
  assert.ok(await page.locator('#nik').isVisible());
  await context.close();
});

test('layout and focus: a short step bar, no wrapped choice, visible focus, nothing under the bar, scroll kept on a language switch', async () => {
  const { page, context } = await openReady(browser, server.url, null, NARROW);
  const bar = await page.locator('nav.progress').evaluate((e) => e.getBoundingClientRect().height);
  console.log(`# sticky step bar at 360 px: ${bar} px`);
  assert.ok(bar <= 64, `${bar} px`);
  await page.getByText('Cocokkan dengan data diri Anda (opsional)').click();
  const lines = await page.locator('.choices.two .choice span').evaluateAll((spans) => spans.map((s) => Math.round(s.getBoundingClientRect().height / parseFloat(getComputedStyle(s).lineHeight))));
  assert.deepEqual(lines, [1, 1], '"perempuan" never wraps');
  // A focused field is never hidden under the sticky bar.
  await page.locator('#kk').focus();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  const kk = await page.locator('#kk').evaluate((e) => e.getBoundingClientRect().top);
  assert.ok(kk >= bar, `the KK field at ${kk} px, the bar ends at ${bar} px`);
  // Focus rings: dark, on a white gap, 3:1 or more against the page and the filled button.
  const lum = (rgb) => { const [r, g, b] = rgb.match(/\d+/g).map(Number).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  await page.locator('#next-diagnose').focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  const ring = await page.locator('#next-diagnose').evaluate((e) => { const s = getComputedStyle(e); return { outline: s.outlineColor, width: s.outlineWidth, offset: s.outlineOffset, gap: s.boxShadow, bg: s.backgroundColor, page: getComputedStyle(document.body).backgroundColor }; });
  // Two tones: the dark ring against the page, the white gap inside it against the button.
  const gap = ring.gap.match(/rgb\([^)]*\)/)?.[0];
  assert.equal(ring.width, '3px');
  assert.equal(ring.offset, '2px');
  assert.ok(ratio(ring.outline, ring.page) >= 3 && ratio(gap, ring.bg) >= 3 && ratio(ring.outline, gap) >= 3, JSON.stringify(ring));
  // Buttons side by side have equal height.
  await page.locator('#nik').fill('3511015003850001');
  await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
  const heights = await page.locator('#diagnose .nav-buttons > :not([hidden])').evaluateAll((bs) => bs.map((b) => Math.round(b.getBoundingClientRect().height)));
  assert.equal(new Set(heights).size, 1, JSON.stringify(heights));
  // Switching language keeps the reader where she was.
  await page.evaluate(() => window.scrollTo(0, 600));
  const y = await page.evaluate(() => scrollY);
  // Clicked where it is (Playwright's own click would first scroll the header into view).
  await page.locator('#lang').evaluate((b) => b.click());
  const after = await page.evaluate(() => scrollY);
  assert.ok(Math.abs(after - y) <= 2, `scrolled from ${y} to ${after}`);
  // The language (not personal) is remembered for the next visit.
  assert.equal(await page.evaluate(() => localStorage.getItem('klinik-nik-lang')), 'en');
  await page.reload();
  await page.waitForSelector('body[data-ready="yes"]');
  assert.equal(await page.locator('#lang').textContent(), 'Bahasa Indonesia');
  await context.close();
});
