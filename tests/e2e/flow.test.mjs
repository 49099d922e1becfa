// The citizen's path: a typo fixed, back and forward, keyboard only, small screens and big text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openReady, phone } from './helpers.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const open = () => openReady(browser, server.url);

test('a letter O in the NIK is pointed at, fixed, and the citizen continues', async () => {
  const { page, context, problems } = await open();
  await page.locator('#nik').fill('35110150O3850001');
  const msg = await page.locator('#messages li[data-code="NIK_CHAR_INVALID"]').textContent();
  assert.match(msg, /angka ke-9.*maksud Anda 0 \(nol\)/);
  await page.locator('#nik').fill('3511015003850001');
  assert.equal(await page.locator('#summary').textContent(), 'Format NIK benar.');
  assert.equal(await page.locator('#nik').inputValue(), '3511 0150 0385 0001', 'shown in groups of four');
  await page.locator('#kk').fill('3511-0120-0315-0007');
  assert.equal(await page.locator('#kk').inputValue(), '3511-0120-0315-0007', 'other characters are left for the messages to point at');
  await page.locator('#kk').fill('3511012003150007');
  assert.equal(await page.locator('#kk').inputValue(), '3511 0120 0315 0007', 'the KK too');
  await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
  await page.locator('#diag-title').waitFor({ state: 'visible', timeout: 5000 });
  assert.deepEqual(problems, []);
  await context.close();
});

test('back and forward move between steps without losing what was typed', async () => {
  const { page, context } = await open();
  await page.locator('#nik').fill('3511015003850001');
  await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
  await page.getByRole('radio', { name: 'Bank / dompet digital' }).check();
  await page.locator('#diagnose :is(a, button):visible', { hasText: 'Lanjut: Lapor' }).click();
  await page.getByLabel('Nama lengkap (sesuai KTP-el atau KK)').fill('Budi');
  await page.goBack();
  await page.locator('#diag-title').waitFor({ state: 'visible', timeout: 5000 });
  assert.ok(await page.getByRole('radio', { name: 'Bank / dompet digital' }).isChecked());
  await page.goBack();
  assert.ok(await page.locator('#nik').isVisible());
  assert.equal(await page.locator('#nik').inputValue(), '3511 0150 0385 0001');
  await page.goForward();
  await page.goForward();
  assert.ok(await page.locator('#act-title').isVisible());
  assert.equal(await page.getByLabel('Nama lengkap (sesuai KTP-el atau KK)').inputValue(), 'Budi');
  assert.equal(await page.locator('nav [aria-current="step"]').getAttribute('data-step'), 'act');
  // The language switch keeps everything too.
  await page.getByRole('button', { name: 'English' }).click();
  assert.equal(await page.getByLabel('Full name (as on the KTP-el or KK)').inputValue(), 'Budi');
  assert.match(await page.locator('#wa-text').inputValue(), /^#NIK 3511015003850001\n#Nama Budi\n[^]*#permasalahan Ditolak di Bank atau dompet digital/, 'the report stays in Bahasa Indonesia');
  await context.close();
});

async function tabTo(page, selector, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('the whole flow with the keyboard only', async () => {
  const { page, context } = await open();
  await tabTo(page, '#nik');
  await page.keyboard.type('3511015003850001');
  await tabTo(page, '#next-diagnose');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'diag-title');
  await tabTo(page, 'input[name="service"]');
  await page.keyboard.press('Space');
  assert.equal(await page.evaluate(() => document.querySelector('input[name="service"]:checked')?.value), 'bpjs_kesehatan');
  await tabTo(page, 'input[name="message"]');
  await page.keyboard.press('Space');
  await tabTo(page, '#diagnose-btn');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'diagnosis-summary');
  assert.equal(await page.locator('#diagnosis article.cause').first().getAttribute('data-cause'), 'A');
  await tabTo(page, '#diagnosis a.to-act');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'act-title');
  await tabTo(page, '#c-name');
  await page.keyboard.type('Siti');
  await tabTo(page, '#wa-link');
  assert.match(await page.evaluate(() => document.activeElement.getAttribute('href')), /^https:\/\/wa\.me\/628118005373\?text=/);
  await context.close();
});

test('readable at 320 px and at 200% text size: nothing runs off the side', async () => {
  const { page, context } = await open();
  await page.setViewportSize({ width: 320, height: 640 });
  await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
  await page.locator('#nik').fill('3511015003850001');
  for (const step of ['#cek', '#apa', '#lapor']) {
    await page.evaluate((h) => { location.hash = h; }, step);
    await page.waitForTimeout(50);
    const { scroll, client } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
    }));
    assert.ok(scroll <= client, `${step}: ${scroll}px wide in ${client}px`);
  }
  // Touch targets: every button, link and choice is at least 48 px high.
  await page.evaluate(() => { document.documentElement.style.fontSize = ''; location.hash = '#apa'; });
  await page.waitForTimeout(50);
  const small = await page.evaluate(() => [...document.querySelectorAll('button, .choice, nav a, a.button')]
    .filter((e) => e.offsetParent !== null)
    .map((e) => [e.id || e.textContent.trim().slice(0, 20), e.getBoundingClientRect().height])
    .filter(([, h]) => h < 48));
  assert.deepEqual(small, []);
  await context.close();
});

test('what is typed while the wasm is still downloading is kept and checked when it arrives', async () => {
  const { page, context } = await phone(browser);
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/klinik_nik_bg.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(server.url);
  await page.locator('#nik').fill('3511015003850001');
  await page.locator('#kk').fill('3511012003150007');
  assert.equal(await page.locator('body').getAttribute('data-ready'), null, 'typed before the wasm ran');
  assert.match(await page.locator('#summary').textContent(), /^Memuat pemeriksa NIK/, 'the page says the checker is on its way');
  release();
  await page.waitForSelector('body[data-ready="yes"]');
  assert.equal(await page.locator('#summary').textContent(), 'Format NIK benar.');
  assert.equal(await page.locator('#nik').inputValue(), '3511 0150 0385 0001');
  assert.equal(await page.locator('#kk').inputValue(), '3511 0120 0315 0007');
  await context.close();
});
