// Screenshots for the README, taken from the real built site at phone size
// (so they stay true): the three steps, the printed slip and the office desk.
// Run: ./build.sh screenshots   (needs ./build.sh build first; writes tools/screenshots/)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, launch, phone } from '../tests/e2e/helpers.mjs';

const out = new URL('./screenshots/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const server = await startServer();
const browser = await launch();
const { page } = await phone(browser);
await page.setViewportSize({ width: 360, height: 760 });
await page.goto(server.url);
await page.waitForSelector('body[data-ready="yes"]');

await page.locator('#nik').pressSequentially('3511015003850001');
await page.locator('#kk').fill('3511012003150007');
// The province's district names arrive in their own small file.
await page.locator("[data-seg='dist'] .name").getByText('Maesan').waitFor();
await page.screenshot({ path: out + '1-cek-nik.png' });

await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
await page.getByRole('radio', { name: 'BPJS Kesehatan', exact: true }).check();
await page.getByRole('radio', { name: 'NIK tidak ditemukan / tidak terdaftar' }).check();
await page.getByRole('button', { name: 'Lihat kemungkinan penyebab' }).click();
// The page itself scrolls the top cause's title to the top of the screen.
await page.waitForFunction(() => document.activeElement?.id === 'diagnosis-summary');
await page.screenshot({ path: out + '2-apa-yang-terjadi.png' });

await page.locator('#diagnose :is(a, button):visible', { hasText: 'Lanjut: Lapor' }).click();
await page.getByLabel('Nama lengkap (sesuai KTP-el atau KK)').fill('Siti Aminah');
await page.getByText('Tambahan untuk petugas (opsional): alamat, yang sudah dilakukan').click();
await page.getByLabel('Desa/kelurahan alamat KK').fill('Maesan');
await page.getByLabel('Kecamatan alamat KK').fill('Maesan');
await page.getByLabel('Nomor HP Anda (untuk dihubungi petugas)').fill('0812-3456-7890');
await page.getByText('Tambahan untuk petugas (opsional): alamat, yang sudah dilakukan').click();
await page.evaluate(() => document.getElementById('wa-text').scrollIntoView());
await page.screenshot({ path: out + '3-lapor.png' });

// A citizen who moved: the page asks where her KK is now and finds it as she types.
await page.locator('nav [data-step="diagnose"]').click();
await page.getByRole('checkbox', { name: /Pindah alamat/ }).check();
await page.locator('nav [data-step="act"]').click();
await page.getByLabel('Di kabupaten/kota mana alamat KK Anda sekarang?').fill('surab');
await page.evaluate(() => document.getElementById('office-contact').scrollIntoView());
await page.screenshot({ path: out + '4-pindah.png' });
await page.getByRole('button', { name: /Kota Surabaya/ }).click();

await page.emulateMedia({ media: 'print' });
const dir = mkdtempSync(join(tmpdir(), 'shots-'));
writeFileSync(join(dir, 'slip.pdf'), await page.pdf({ format: 'A4' }));
execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', join(dir, 'slip.pdf'), out + 'slip-a4']);

// The office desk with the 20-row example list checked, on a tall laptop screen
// (the counts, the kinds of problem and the first rows of the table together).
const desk = await browser.newContext({ viewport: { width: 1280, height: 1200 }, locale: 'id-ID' });
const dp = await desk.newPage();
await dp.clock.setFixedTime(new Date('2026-11-28T10:00:00'));
await dp.goto(server.url + 'desk.html');
await dp.waitForSelector('body[data-ready="yes"]');
await dp.locator('#paste').fill(readFileSync(new URL('../tests/data/desk-list.tsv', import.meta.url), 'utf8'));
await dp.getByRole('button', { name: 'Periksa', exact: true }).click();
await dp.waitForSelector('body[data-desk="done"]');
await dp.locator('.vt-row', { hasText: 'Dewi' }).click();
await dp.evaluate(() => document.getElementById('res-title').scrollIntoView());
await dp.screenshot({ path: out + 'desk.png' });
await desk.close();

await browser.close();
server.stop();
console.log('screenshots written to tools/screenshots/');
