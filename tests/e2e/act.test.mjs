// "Lapor": the WhatsApp report and the printable slip, on a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launch, openReady, linesOf, SHOTS } from './helpers.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const open = (setup) => openReady(browser, server.url, setup);

async function fillBondowoso(page) {
  await page.locator('#nik').fill('3511 0150 0385 0001');
  await page.locator('#kk').fill('3511012003150007');
  await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
  await page.getByRole('radio', { name: 'BPJS Kesehatan', exact: true }).check();
  await page.getByRole('radio', { name: 'NIK tidak ditemukan / tidak terdaftar' }).check();
  await page.getByLabel('Tulis bunyi pesan yang muncul (opsional)').fill('NIK tidak ditemukan #404 & coba lagi + nanti');
  await page.getByLabel('Sejak kapan? (opsional)').fill('Oktober 2026');
  await page.getByRole('button', { name: 'Lihat kemungkinan penyebab' }).click();
  await page.getByRole('link', { name: 'Lanjut: Lapor' }).click();
  await page.getByLabel('Nama lengkap (sesuai KTP-el atau KK)').fill('Siti Aminah');
  await page.getByText('Tambahan untuk petugas (opsional): alamat, yang sudah dilakukan').click();
  await page.getByLabel('Desa/kelurahan alamat KK').fill('Desa Maesan');
  await page.getByLabel('Kecamatan alamat KK').fill('Maesan');
  await page.getByLabel('Nomor HP Anda (untuk dihubungi petugas)').fill('+62 812-3456-7890');
}

function textOf(href) {
  const u = new URL(href);
  return { host: u.host, path: u.pathname, text: u.searchParams.get('text'), raw: href.split('?text=')[1] };
}

test('Bondowoso: no office number known, so the report goes to Halo Dukcapil in its format; the office route is one tap away', async () => {
  const { page, problems, requests, context } = await open();
  await fillBondowoso(page);
  assert.equal(await page.locator('#office-contact').getAttribute('data-regency'), '3511', 'the office is pre-selected from the NIK');
  assert.match(await page.locator('#office-contact').textContent(), /Kabupaten Bondowoso.*belum diketahui/s);
  // The primary link reaches a person: Halo Dukcapil's WhatsApp (sourced), with the text shown.
  const shown = await page.locator('#wa-text').inputValue();
  assert.ok(shown.startsWith('#NIK 3511015003850001\n#Nama Siti Aminah\n#NomorKK 3511012003150007\n#Telp 0812-3456-7890\n#permasalahan NIK tidak ditemukan / tidak terdaftar di BPJS Kesehatan / KIS'), shown);
  assert.ok(shown.includes('alamat KK Desa Maesan, Kec. Maesan, Kabupaten Bondowoso, Jawa Timur'), shown);
  assert.ok(shown.includes('konsolidasi/sinkronisasi NIK'), shown);
  const link = textOf(await page.locator('#wa-link').getAttribute('href'));
  assert.equal(link.host, 'wa.me');
  assert.equal(link.path, '/628118005373');
  assert.equal(link.text, shown);
  assert.ok(!/[#&+\n ]/.test(link.raw), 'special characters are percent-encoded');
  assert.equal(decodeURIComponent(link.raw), shown);
  assert.match(await page.locator('#wa-link').textContent(), /WhatsApp ke Halo Dukcapil/);
  assert.match(await page.locator('#wa-to').textContent(), /Halo Dukcapil/);
  // The office format, for a contact the citizen picks, readable before tapping.
  const other = textOf(await page.locator('#wa-other').getAttribute('href'));
  assert.equal(other.path, '/', 'no office number is known: the citizen picks the contact');
  assert.match(other.text, /^\*Laporan NIK bermasalah\*\nNo\. laporan: KN-[2-9A-Z]{4}-[2-9A-Z]{4}\n/);
  for (const s of ['NIK: 3511015003850001', 'Nomor KK: 3511012003150007', 'Nama: Siti Aminah', 'No. HP: 0812-3456-7890',
    'Jenis penolakan: NIK tidak ditemukan / tidak terdaftar', 'Bunyi pesan: “NIK tidak ditemukan #404 & coba lagi + nanti”',
    'Alamat KK: Desa Maesan, Kec. Maesan, Kabupaten Bondowoso, Jawa Timur',
    'Mohon bantuan konsolidasi/sinkronisasi NIK saya']) {
    assert.ok(other.text.includes(s), s);
  }
  assert.ok([...other.text].length < 1500);
  await page.getByText('Lihat pesan untuk kontak lain').click();
  assert.equal(await page.locator('#wa-other-text').textContent(), other.text);
  // The screenshot line only when the citizen says she has one; never a photo of the KTP-el or KK.
  assert.ok(!shown.includes('tangkapan layar'));
  await page.getByLabel('Saya memiliki tangkapan layar pesan penolakan (dikirim hanya bila petugas meminta)').check();
  assert.ok((await page.locator('#wa-text').inputValue()).includes('tangkapan layar penolakan dapat saya kirim bila diminta'));
  assert.ok((await page.locator('#wa-other-text').textContent()).includes('Tangkapan layar penolakan dapat saya kirim bila diminta.'));
  await page.getByLabel('Saya memiliki tangkapan layar pesan penolakan (dikirim hanya bila petugas meminta)').uncheck();
  await page.screenshot({ path: SHOTS + 'act.png', fullPage: true });
  // Nothing of this left the page: no request carried the NIK or KK.
  for (const u of requests) assert.ok(!u.includes('3511015003850001') && !u.includes('3511012003150007'), u);
  assert.equal(page.url(), server.url + '#lapor', 'the NIK is never put in the page URL');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an office number the citizen types becomes the primary link, a landline with its area code too (WhatsApp Business); a short one is explained', async () => {
  const { page, context } = await open();
  await fillBondowoso(page);
  await page.getByText('Ganti kabupaten/kota, atau ketik nomor WhatsApp kantor').click();
  const field = page.getByLabel('Nomor WhatsApp Dukcapil yang Anda ketahui (opsional)');
  await field.fill('0332-42');
  assert.match(await page.locator('#office-wa-problem').textContent(), /kode area, misalnya \(0332\) 421234/);
  assert.equal(textOf(await page.locator('#wa-link').getAttribute('href')).path, '/628118005373', 'still Halo Dukcapil');
  // An office's WhatsApp Business account may be its landline.
  await field.fill('(0332) 421234');
  assert.equal(await page.locator('#office-wa-problem').textContent(), '');
  assert.equal(textOf(await page.locator('#wa-link').getAttribute('href')).path, '/62332421234');
  await field.fill('+62 812-7777-8888');
  assert.equal(await page.locator('#office-wa-problem').textContent(), '');
  const link = textOf(await page.locator('#wa-link').getAttribute('href'));
  assert.equal(link.path, '/6281277778888');
  assert.match(link.text, /^\*Laporan NIK bermasalah\*\n.*\nKepada Yth\. Dinas Kependudukan dan Pencatatan Sipil Kabupaten Bondowoso\n/);
  assert.equal(link.text, await page.locator('#wa-text').inputValue());
  assert.match(await page.locator('#wa-link').textContent(), /0812-7777-8888/);
  assert.ok(await page.locator('#other-route').isHidden());
  assert.match(await page.locator('#office-contact').textContent(), /WhatsApp: 0812-7777-8888.*Nomor yang Anda ketik/s);
  await context.close();
});

test('editing the message rebuilds the link from the edited text; a wrong phone is explained', async () => {
  const { page, context } = await open();
  await fillBondowoso(page);
  await page.locator('#wa-text').fill('Halo Dukcapil, NIK saya 3511015003850001 #tolong');
  assert.equal(textOf(await page.locator('#wa-link').getAttribute('href')).text, 'Halo Dukcapil, NIK saya 3511015003850001 #tolong');
  await page.getByLabel('Nomor HP Anda (untuk dihubungi petugas)').fill('021-5551234');
  assert.match(await page.locator('#phone-problem').textContent(), /telepon rumah\/kantor/);
  assert.equal(await page.locator('#wa-text').inputValue(), 'Halo Dukcapil, NIK saya 3511015003850001 #tolong', 'an edit is not overwritten');
  await page.getByRole('button', { name: 'Susun ulang pesan' }).click();
  assert.match(await page.locator('#wa-text').inputValue(), /^#NIK 3511015003850001\n/);
  await context.close();
});

test('a deployer number in offices.json is used, with its source', async () => {
  const cfg = JSON.stringify({ deployer: 'Uji coba', offices: [{ regency: '35.11', whatsapp: '0812-0000-1111',
    hours: 'Senin–Jumat 08.00–14.00', source: 'https://example.org/standar-pelayanan', checked: '2026-11-01' }] });
  const { page, context } = await open((pg) => pg.route('**/offices.json', (r) => r.fulfill({ body: cfg, contentType: 'application/json' })));
  await fillBondowoso(page);
  const href = await page.locator('#wa-link').getAttribute('href');
  assert.ok(href.startsWith('https://wa.me/6281200001111?text=%2ALaporan'), href);
  assert.ok(await page.locator('#other-route').isHidden(), 'a known office number needs no fallback');
  assert.match(await page.locator('#office-contact').textContent(), /0812-0000-1111.*Senin–Jumat.*example\.org/s);
  assert.equal(await page.locator('#deployer').textContent(), 'Dikelola oleh Uji coba.');
  await context.close();
});

test('a broken offices.json shows a clear message and the site keeps working', async () => {
  const bad = [
    '{ not json',
    JSON.stringify({ offices: [{ regency: '35.11', whatsapp: '021-1234', source: 'https://example.org', checked: '2026-01-01' }] }),
    JSON.stringify({ offices: { regency: '35.11' } }),
    JSON.stringify({ offices: [{ regency: 3511, hours: 8 }] }),
    JSON.stringify({ offices: [], telepon: '0812' }),
    'x'.repeat(300000),
    // The page parses with the browser's JSON.parse: nesting far deeper than
    // any real file must be refused, not exhaust the wasm stack.
    '{"offices": ' + '['.repeat(100000) + ']'.repeat(100000) + '}',
    '\ufeff' + JSON.stringify({ offices: [{ regency: '35.11', fax: '1' }] }),
  ];
  for (const body of bad) {
    const { page, problems, context } = await open((pg) => pg.route('**/offices.json', (r) => r.fulfill({ body, contentType: 'application/json' })));
    await page.locator('#config-error li').first().waitFor();
    assert.match(await page.locator('#config-error').textContent(), /tidak dapat dipakai/);
    await page.locator('#nik').fill('3511015003850001');
    assert.equal(await page.locator('#summary').textContent(), 'Format NIK benar.');
    assert.ok((await page.locator('#wa-link').getAttribute('href')).startsWith('https://wa.me/628118005373?text='));
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('the slip prints on one A4 page with one QR code per number, each exactly its 16 digits', async () => {
  const { page, context } = await open();
  await fillBondowoso(page);
  const ref = (await page.locator('#wa-other-text').textContent()).match(/No\. laporan: (KN-\S+)/)[1];
  const dir = mkdtempSync(join(tmpdir(), 'slip-'));
  const pdf = join(dir, 'slip.pdf');
  await page.emulateMedia({ media: 'print' });
  writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: false }));
  const info = execFileSync('pdfinfo', [pdf]).toString();
  assert.match(info, /^Pages:\s+1$/m, 'the slip fits one A4 page (so also F4)');
  execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', pdf, join(dir, 'slip')]);
  execFileSync('cp', [join(dir, 'slip.png'), SHOTS + 'slip-a4.png']);
  const text = execFileSync('pdftotext', [pdf, '-']).toString().replace(/\s+/g, ' ');
  for (const s of ['Dinas Kependudukan dan Pencatatan Sipil Kabupaten Bondowoso', 'Siti Aminah', ref, 'Dokumen yang perlu dibawa',
    'Catatan petugas', 'KTP-el asli dan fotokopinya', 'Kartu Keluarga (KK) terbaru, asli dan fotokopinya',
    // Issue 20: the numbers grouped as they are read, and the request in one line.
    'NIK 3511 0150 0385 0001', 'Nomor KK 3511 0120 0315 0007', 'Permohonan Mohon bantuan konsolidasi/sinkronisasi NIK saya']) {
    assert.ok(text.includes(s), `${s} in ${text.slice(0, 600)}`);
  }
  // No step tells the counter to send a WhatsApp, and no row is an empty dash.
  assert.ok(!text.includes('ke WhatsApp Dukcapil'), text);
  assert.ok(!/(Yang sudah dilakukan|Sejak|Bunyi pesan|No\. HP) —/.test(text), 'no empty rows');
  for (const ui of ['Kirim lewat WhatsApp', 'Cek NIK Anda', 'Apa yang terjadi?', 'English', 'Hapus semua data']) {
    assert.ok(!text.includes(ui), `nothing of the interface is printed: ${ui}`);
  }
  // A scanner, where an office has one, reads whatever a code holds: each code is exactly one number.
  const codes = execFileSync('zbarimg', ['--quiet', '--raw', join(dir, 'slip.png')]).toString().trim().split('\n').sort();
  const typed = ['3511 0150 0385 0001', '3511012003150007'].map((n) => n.replace(/\D/g, '')).sort();
  assert.deepEqual(codes, typed);
  assert.ok(!text.includes('(belum diisi)'));
  await context.close();
});

test('clear everything empties every field and result', async () => {
  const { page, context } = await open();
  await fillBondowoso(page);
  await page.getByRole('button', { name: 'Hapus semua data' }).click();
  for (const id of ['#nik', '#kk', '#c-name', '#c-phone', '#message-text']) {
    assert.equal(await page.locator(id).inputValue(), '', id);
  }
  assert.equal(await page.locator('#diagnosis').textContent(), '');
  assert.equal(await page.locator('input:checked').count(), 0);
  assert.doesNotMatch(await page.locator('#wa-text').inputValue(), /3511015003850001|Siti/);
  assert.match(await page.locator('#clear-status').textContent(), /sudah dihapus/);
  assert.ok(await page.locator('#nik').isVisible(), 'back at step 1');
  const stored = await page.evaluate(async () => ({
    local: localStorage.length, session: sessionStorage.length, cookies: document.cookie,
  }));
  assert.deepEqual(stored, { local: 0, session: 0, cookies: '' }, 'nothing kept after clearing');
  await context.close();
});

test('at 320 px the number on the WhatsApp button stays on one line, Halo Dukcapil\'s and an office\'s', async () => {
  const { page, context } = await openReady(browser, server.url, null, { width: 320, height: 640 });
  await page.locator('#nik').fill('3511015003850001');
  await page.locator('#kk').fill('3511012003150007');
  await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
  await page.locator('#diagnose .nav-buttons [data-go="act"]').click();
  // The step changes on 'hashchange', a task after the click: measure the
  // button once it is shown (a hidden button has no lines at all).
  await page.locator('#wa-link').waitFor({ state: 'visible' });
  // Each number once, on one line.
  const lines = (number) => linesOf(page.locator('#wa-link'), new RegExp(number.replace(/[()]/g, '\\$&'), 'g'));
  assert.deepEqual(await lines('(0811-800-5373)'), [['(0811-800-5373)', 1]]);
  await page.locator('#office-more summary').click();
  await page.locator('#office-wa').fill('0812-7777-8888');
  assert.match(await page.locator('#wa-link').textContent(), /0812-7777-8888/);
  assert.deepEqual(await lines('(0812-7777-8888)'), [['(0812-7777-8888)', 1]]);
  await context.close();
});

test('issue 20: married and moved, with a new KK from Denpasar: the report names no regency until she chooses, then only hers', async () => {
  const { page, problems, context } = await open();
  await page.locator('#nik').fill('3511015003850001');
  await page.locator('#kk').fill('5171012003200007');
  await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
  await page.getByRole('radio', { name: 'BPJS Kesehatan', exact: true }).check();
  await page.getByRole('radio', { name: 'NIK tidak ditemukan / tidak terdaftar' }).check();
  await page.getByRole('checkbox', { name: /^KK baru/ }).check();
  await page.getByRole('button', { name: 'Lihat kemungkinan penyebab' }).click();
  await page.getByRole('link', { name: 'Lanjut: Lapor' }).click();
  await page.getByLabel('Nama lengkap (sesuai KTP-el atau KK)').fill('Ni Made Ayu');
  // Nothing chosen yet: the page asks, with both numbers' regencies one tap away.
  assert.equal(await page.locator('#office-contact').getAttribute('data-regency'), '');
  const choices = await page.locator('#office-results button').allTextContents();
  console.log(`# choices offered: ${choices.join(' | ')}`);
  assert.deepEqual(choices, ['Kota DenpasarBali · dari Nomor KK', 'Kabupaten BondowosoJawa Timur · dari NIK']);
  let text = await page.locator('#wa-text').inputValue();
  assert.ok(!/Bondowoso|Denpasar/.test(text), text);
  await page.locator('#office-results button', { hasText: 'Kota Denpasar' }).click();
  assert.equal(await page.locator('#office-contact').getAttribute('data-regency'), '5171');
  text = await page.locator('#wa-text').inputValue();
  assert.match(text, /alamat KK Kota Denpasar, Bali/);
  assert.ok(!text.includes('Bondowoso'), text);
  assert.deepEqual(problems, []);
  await context.close();
});

test('issue 20: the NIK alone names no regency in the report until she confirms it (one tap)', async () => {
  const { page, context } = await open();
  await page.locator('#nik').fill('3511015003850001');
  await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
  await page.getByRole('radio', { name: 'BPJS Kesehatan', exact: true }).check();
  await page.locator('nav [data-step="act"]').click();
  await page.getByText('Tambahan untuk petugas (opsional): alamat, yang sudah dilakukan').click();
  await page.getByLabel('Desa/kelurahan alamat KK').fill('Maesan');
  assert.equal(await page.locator('#office-contact').getAttribute('data-regency'), '3511');
  let text = await page.locator('#wa-text').inputValue();
  assert.match(text, /alamat KK Maesan, kabupaten\/kota belum dipilih/);
  await page.getByRole('button', { name: 'Ya, alamat KK saya di sini' }).click();
  text = await page.locator('#wa-text').inputValue();
  assert.match(text, /alamat KK Maesan, Kabupaten Bondowoso, Jawa Timur/);
  await context.close();
});

test('issue 20: with the name or phone empty, the send button asks first; one tap fills, one tap sends anyway', async () => {
  const { page, context } = await open();
  await page.locator('#nik').fill('3511015003850001');
  await page.locator('#kk').fill('3511012003150007');
  await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
  await page.getByRole('radio', { name: 'BPJS Kesehatan', exact: true }).check();
  await page.locator('nav [data-step="act"]').click();
  let opened = 0;
  context.on('page', () => { opened += 1; });
  await context.route('https://wa.me/**', (r) => r.fulfill({ body: 'WhatsApp', contentType: 'text/plain' }));
  await page.getByRole('link', { name: /^Kirim lewat WhatsApp/ }).click();
  await page.waitForTimeout(300);
  assert.equal(opened, 0, 'WhatsApp stays closed');
  assert.ok(await page.locator('#wa-ask').isVisible());
  assert.match(await page.locator('#wa-ask-text').textContent(), /Nama dan nomor HP Anda belum diisi/);
  const box = await page.locator('#wa-ask').boundingBox();
  const view = page.viewportSize();
  assert.ok(box.y >= 0 && box.y + box.height <= view.height, `the question is on screen: ${JSON.stringify(box)}`);
  console.log(`# send with name and phone empty: WhatsApp not opened; the question at ${Math.round(box.y)}–${Math.round(box.y + box.height)} px of a ${view.height} px screen`);
  await page.getByRole('button', { name: 'Isi sekarang' }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'c-name');
  assert.ok(await page.locator('#wa-ask').isHidden());
  await page.getByLabel('Nama lengkap (sesuai KTP-el atau KK)').fill('Siti Aminah');
  await page.getByRole('link', { name: /^Kirim lewat WhatsApp/ }).click();
  await page.waitForTimeout(300);
  assert.equal(opened, 0);
  assert.match(await page.locator('#wa-ask-text').textContent(), /Nomor HP Anda belum diisi/);
  // "Kirim tanpa itu" is the same link.
  assert.equal(await page.locator('#wa-ask-skip').getAttribute('href'), await page.locator('#wa-link').getAttribute('href'));
  const [popup] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: 'Kirim tanpa itu' }).click()]);
  await popup.close();
  assert.equal(opened, 1);
  await context.close();
});

for (const story of [
  { name: 'CPNS registration says the NIK is already used', service: 'Sekolah / CPNS', message: 'NIK sudah digunakan', to: 'Petugas Pendaftaran sekolah, kuliah atau CPNS', ask: /Mohon periksa apakah NIK yang tercatat di lembaga ini sama dengan NIK di KTP-el saya/ },
  { name: 'the bank holds an old KK number', service: 'Bank / dompet digital', message: 'NIK dan Nomor KK tidak sesuai', event: /^KK baru/, to: 'Petugas Bank atau dompet digital', ask: /Mohon perbarui Nomor KK saya di data lembaga ini/ },
  // BPJS Kesehatan's own channels are in the knowledge base (Suara Sumut, 2025-08-01): shown on screen and on the slip.
  { name: 'BPJS Kesehatan holds an old KK number', service: 'BPJS Kesehatan', message: 'NIK dan Nomor KK tidak sesuai', to: 'Petugas BPJS Kesehatan / KIS', ask: /Mohon perbarui Nomor KK saya di data lembaga ini/,
    contact: 'Aplikasi Mobile JKN, WhatsApp PANDAWA, call center 165, atau petugas BPJS di kantor cabang/rumah sakit (sumber 2025).' },
]) {
  test(`issue 20: ${story.name}: step 3 leads to the institution, the slip is addressed to it, Dukcapil one tap away`, async () => {
    const { page, problems, context } = await open();
    await page.locator('#nik').fill('3511015003850001');
    await page.locator('#kk').fill('3511012003150007');
    await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
    const radio = page.getByRole('radio', { name: story.service, exact: true });
    if (!(await radio.isVisible())) await page.getByText('Lainnya', { exact: true }).click();
    await radio.check();
    await page.getByRole('radio', { name: story.message }).check();
    if (story.event) await page.getByRole('checkbox', { name: story.event }).check();
    await page.getByRole('button', { name: 'Lihat kemungkinan penyebab' }).click();
    assert.match(await page.locator('#diagnosis').textContent(), /Diurus di lembaga yang menolak/);
    await page.getByRole('link', { name: 'Lanjut: Lapor' }).click();
    await page.getByLabel('Nama lengkap (sesuai KTP-el atau KK)').fill('Siti Aminah');
    await page.getByLabel('Nomor HP Anda (untuk dihubungi petugas)').fill('0812-3456-7890');
    assert.equal(await page.locator('#act-title').textContent(), '3. Lapor ke lembaga yang menolak');
    assert.match(await page.locator('#door-text').textContent(), /diurus di lembaga yang menolak, bukan di Dukcapil/);
    assert.ok(await page.locator('#office-contact').isHidden(), 'Dukcapil\'s office is not the door here');
    const text = await page.locator('#wa-text').inputValue();
    assert.match(text, /^\*Permohonan pemeriksaan data NIK\*\nNo\. laporan: KN-/);
    assert.ok(text.includes(`Kepada Yth. ${story.to}`), text);
    assert.match(text, story.ask);
    assert.ok(!text.includes('#NIK'), 'not the Halo Dukcapil format');
    const link = textOf(await page.locator('#wa-link').getAttribute('href'));
    assert.equal(link.path, '/', 'no institution number is known: she picks its official contact');
    assert.equal(link.text, text);
    // Dukcapil stays one tap away.
    assert.equal(await page.locator('#wa-other').textContent(), 'Atau lapor ke Dukcapil');
    assert.equal(textOf(await page.locator('#wa-other').getAttribute('href')).path, '/628118005373');
    assert.ok((await page.locator('#slip h1').textContent()).startsWith(story.to));
    // The slip asks its staff for what they can do (not Dukcapil's "pengecekan NIK").
    const slip = await page.locator('#slip').textContent();
    assert.match(slip, new RegExp('Permohonan' + story.ask.source));
    assert.ok(!slip.includes('Mohon bantuan pengecekan NIK saya'), slip);
    // Where to reach the institution: only what its sources give, else nothing.
    if (story.contact) {
      assert.equal(await page.locator('#door-contact').textContent(), 'Saluran lembaga ini: ' + story.contact);
      assert.ok((await page.locator('#slip').textContent()).includes(story.contact), 'the slip says where to go');
    } else {
      assert.ok(await page.locator('#door-contact').isHidden(), 'no channel is made up');
    }
    assert.ok(!(await page.locator('#slip').textContent()).includes('Pasal 79A'), 'the adminduk fee rule is not the institution\'s');
    console.log(`# ${story.name}: the message begins ${JSON.stringify(text.slice(0, 90))}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('issue 20: a cause that needs a visit puts the slip first and WhatsApp second', async () => {
  const { page, context } = await open();
  await page.locator('#nik').fill('3511014506040001');
  await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
  await page.getByRole('radio', { name: 'BPJS Kesehatan', exact: true }).check();
  await page.getByRole('radio', { name: 'NIK nonaktif / diblokir' }).check();
  await page.getByRole('checkbox', { name: /Belum pernah rekam KTP-el/ }).check();
  await page.getByRole('button', { name: 'Lihat kemungkinan penyebab' }).click();
  await page.getByRole('link', { name: 'Lanjut: Lapor' }).click();
  assert.match(await page.locator('#door-text').textContent(), /perlu diurus dengan datang ke kantor Dukcapil/);
  const order = await page.evaluate(() => [...document.getElementById('report-area').children].map((e) => e.id).filter((id) => id === 'wa-part' || id === 'slip-part'));
  assert.deepEqual(order, ['slip-part', 'wa-part']);
  assert.equal(await page.locator('#wa-link').getAttribute('class'), 'button secondary');
  const print = await page.getByRole('button', { name: 'Cetak slip kunjungan' }).boundingBox();
  const send = await page.locator('#wa-link').boundingBox();
  assert.ok(print.y < send.y, 'the slip comes first');
  // What she ticked is what the officer reads, on WhatsApp and on the slip.
  assert.match(await page.locator('#wa-text').inputValue(), /; yang berubah: Belum pernah rekam KTP-el;/);
  assert.match(await page.locator('#slip').textContent(), /Yang berubahBelum pernah rekam KTP-el/);
  await context.close();
});

test('issue 20: a name or birth date that differs (cause I) says both doors: the institution if its record is wrong, Dukcapil if the KTP-el is', async () => {
  const { page, context } = await open();
  await page.locator('#nik').fill('3511015003850001');
  await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
  await page.getByRole('radio', { name: 'BPJS Kesehatan', exact: true }).check();
  await page.getByRole('radio', { name: 'Nama atau tanggal lahir tidak sesuai' }).check();
  assert.match(await page.locator('#diagnosis').textContent(), /Di lembaga atau di Dukcapil, tergantung data mana yang salah/);
  await page.getByRole('link', { name: 'Lanjut: Lapor' }).click();
  const door = await page.locator('#door-text').textContent();
  assert.match(door, /Bila data lembaga yang salah, minta lembaga itu membetulkannya/);
  assert.match(door, /Bila KTP-el atau KK yang salah, datang ke kantor Dukcapil dengan slip kunjungan/);
  assert.doesNotMatch(door, /perlu diurus dengan datang ke kantor Dukcapil/, 'not only the visit');
  assert.ok(await page.locator('#door-contact').isHidden());
  await context.close();
});

test('issue 20: the slip on screen, to show at the counter; the same page prints', async () => {
  const { page, problems, context } = await open();
  await fillBondowoso(page);
  assert.ok(await page.locator('#slip').isHidden());
  await page.getByRole('button', { name: 'Tampilkan slip di layar' }).click();
  assert.ok(await page.locator('#slip').isVisible());
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'slip-close');
  const shown = await page.locator('#slip').textContent();
  for (const s of ['Dinas Kependudukan dan Pencatatan Sipil Kabupaten Bondowoso', '3511 0150 0385 0001', 'Catatan petugas']) assert.ok(shown.includes(s), s);
  await page.locator('#slip').screenshot({ path: SHOTS + 'slip-on-screen.png' });
  // The date and the report number each on one line, to be read out at the counter.
  const meta = await linesOf(page.locator('#slip .slip-meta'), /Tanggal: [0-9-]+|No\. laporan: KN-[A-Z0-9-]+/g);
  console.log(`# slip on screen: ${meta.map(([t, n]) => `${t} on ${n} line(s)`).join(', ')}`);
  assert.deepEqual(meta.map(([, n]) => n), [1, 1], JSON.stringify(meta));
  // Nothing of the page shows through, and it fits the phone's width.
  const width = await page.evaluate(() => document.getElementById('slip').scrollWidth);
  assert.ok(width <= page.viewportSize().width, `slip ${width} px wide`);
  await page.getByRole('button', { name: 'Tutup slip' }).click();
  assert.ok(await page.locator('#slip').isHidden());
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'show-slip');
  assert.deepEqual(problems, []);
  await context.close();
});
