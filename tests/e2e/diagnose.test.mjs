// "Apa yang terjadi?": a citizen taps answers on a phone and reads the cards.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openReady, SHOTS, NARROW } from './helpers.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const open = () => openReady(browser, server.url);

test('the Bondowoso story: BPJS refused, nothing changed -> WhatsApp with NIK and KK', async () => {
  const { page, problems, context } = await open();
  await page.locator('#nik').fill('3511015003850001');
  await page.locator('#kk').fill('3511012003150007');
  await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
  // The step changes on 'hashchange', a task after the click.
  await page.waitForFunction(() => document.activeElement?.id === 'diag-title', null, { timeout: 5000 });
  await page.getByRole('radio', { name: 'BPJS Kesehatan', exact: true }).check();
  await page.getByRole('radio', { name: 'NIK tidak ditemukan / tidak terdaftar' }).check();
  await page.getByLabel('Tulis bunyi pesan yang muncul (opsional)').fill('NIK tidak ditemukan');
  await page.getByRole('button', { name: 'Lihat kemungkinan penyebab' }).click();
  const first = page.locator('#diagnosis article.cause').first();
  assert.equal(await first.getAttribute('data-cause'), 'A');
  assert.equal(await first.locator('.confidence').textContent(), 'Paling mungkin');
  assert.match(await first.locator('.title').textContent(), /belum tersalin/);
  assert.match(await page.locator('#diagnosis .channel').textContent(), /Cukup lewat WhatsApp/);
  assert.deepEqual(await page.locator('#diagnosis .documents li').allTextContents(), ['KTP-el asli dan fotokopinya', 'Kartu Keluarga (KK) terbaru, asli dan fotokopinya', 'Bukti dari layanan yang menolak (tangkapan layar atau kartu), bila ada']);
  assert.ok((await page.locator('#diagnosis .have-ready li').allTextContents()).some((t) => t.includes('“NIK tidak ditemukan”')));
  assert.match(await page.locator('#diagnosis .disclaimer').textContent(), /hanya Dukcapil yang dapat memastikan/);
  assert.match(await page.locator('#diagnosis .national').textContent(), /1500537/);
  // Focus moves to the result for keyboard and screen-reader users.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'diagnosis-summary');
  await page.screenshot({ path: SHOTS + 'diagnose-bondowoso.png', fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('moved and a new KK: two causes, visit, answers kept across a language switch', async () => {
  const { page, context } = await open();
  // No NIK: "Lanjut" says so and keeps the citizen on step 1; she can still go on without it.
  await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
  assert.match(await page.locator('#next-problem').textContent(), /Isi dulu NIK Anda/);
  // Issue 20: the explanation and the way around it are on screen (the keyboard stays closed).
  for (const sel of ['#next-problem', '#skip-nik']) {
    const b = await page.locator(sel).boundingBox();
    assert.ok(b.y >= 0 && b.y + b.height <= page.viewportSize().height, `${sel} on screen: ${JSON.stringify(b)}`);
  }
  await page.getByRole('button', { name: 'Lanjut tanpa NIK' }).click();
  await page.getByText('Lainnya', { exact: true }).click();
  await page.getByRole('radio', { name: 'Layanan lain' }).check();
  await page.getByRole('radio', { name: 'NIK dan Nomor KK tidak sesuai' }).check();
  await page.getByRole('checkbox', { name: /Pindah alamat/ }).check();
  await page.getByRole('button', { name: 'Lihat kemungkinan penyebab' }).click();
  const keys = await page.locator('#diagnosis article.cause').evaluateAll((els) => els.map((e) => e.dataset.cause));
  assert.deepEqual(keys.slice(0, 2), ['E', 'H']);
  assert.equal(await page.locator('#diagnosis article.cause').first().getAttribute('data-confidence'), 'equally_likely');
  assert.equal(await page.locator('#diagnosis .channel').getAttribute('data-channel'), 'visit');
  await page.getByRole('button', { name: 'English' }).click();
  assert.ok(await page.getByRole('checkbox', { name: /Moved house/ }).isChecked());
  assert.equal(await page.locator('#diagnosis .cause.top .confidence').textContent(), 'Equally likely');
  await context.close();
});

test('an invalid NIK says: check the KTP-el first', async () => {
  const { page, context } = await open();
  await page.locator('#nik').fill('3511013502850001');
  await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
  assert.match(await page.locator('#next-problem').textContent(), /NIK ini belum benar/);
  // Fixed, the complaint goes; broken again, "Lanjut" complains again and she goes on anyway.
  await page.locator('#nik').fill('3511015003850001');
  assert.equal(await page.locator('#next-problem').textContent(), '');
  assert.ok(await page.getByRole('button', { name: 'Lanjut tanpa NIK' }).isHidden());
  await page.locator('#nik').fill('3511013502850001');
  await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
  await page.getByRole('button', { name: 'Lanjut tanpa NIK' }).click();
  await page.getByRole('radio', { name: 'Bank / dompet digital' }).check();
  await page.getByRole('button', { name: 'Lihat kemungkinan penyebab' }).click();
  assert.match(await page.locator('#diagnosis .notice[data-code="check_nik_first"]').textContent(), /Periksa dulu angka NIK/);
  assert.equal(await page.locator('#diagnosis article.cause').first().getAttribute('data-cause'), 'B');
  await context.close();
});

test('at 360x740 the answer fits one screen: the top cause and the way to step 3', async () => {
  const { page, context } = await openReady(browser, server.url, null, NARROW);
  await page.locator('#nik').fill('3511015003850001');
  await page.locator('#kk').fill('3511012003150007');
  await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
  await page.getByRole('radio', { name: 'BPJS Kesehatan', exact: true }).check();
  await page.getByRole('radio', { name: 'NIK tidak ditemukan / tidak terdaftar' }).check();
  await page.getByRole('button', { name: 'Lihat kemungkinan penyebab' }).click();
  const m = await page.evaluate(() => {
    const title = document.querySelector('#diagnosis-summary').getBoundingClientRect();
    const go = document.querySelector('#diagnosis a.to-act').getBoundingClientRect();
    const bar = document.querySelector('nav.progress').getBoundingClientRect();
    const lines = [...document.querySelectorAll('#diagnosis .cause.top p:not(.confidence)')].map((p) => p.textContent);
    return { titleTop: title.top, goBottom: go.bottom, bar: bar.bottom, page: document.documentElement.scrollHeight, lines, viewport: innerHeight };
  });
  console.log(`# step 2 after diagnosis at 360 px: page ${m.page} px tall (was 5,601 before this change); title at ${Math.round(m.titleTop)} px, step-3 link ends at ${Math.round(m.goBottom)} px of a ${m.viewport} px screen`);
  assert.ok(m.titleTop >= m.bar && m.goBottom <= m.viewport, JSON.stringify(m));
  assert.equal(m.lines.length, 2, 'what it is (the title), what to do, WhatsApp or a visit: three short lines');
  // Everything else is one tap away, and not repeated.
  assert.equal(await page.locator('#diagnosis details.why-more').getAttribute('open'), null);
  assert.equal(await page.locator('#diagnosis .explain').first().isVisible(), false);
  await page.getByRole('link', { name: 'Lanjut: Lapor' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'act-title');
  await context.close();
});

test('issue 20: "Lanjut" with no NIK on a 360 px screen whose keyboard leaves 450 px: the explanation and "Lanjut tanpa NIK" are on screen', async () => {
  for (const height of [740, 450]) {
    const { page, context } = await openReady(browser, server.url, null, { width: 360, height });
    await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
    await page.waitForTimeout(400);
    for (const sel of ['#next-problem', '#skip-nik']) {
      const b = await page.locator(sel).boundingBox();
      console.log(`# ${height} px high: ${sel} at ${Math.round(b.y)}–${Math.round(b.y + b.height)} px`);
      assert.ok(b.y >= 0 && b.y + b.height <= height, `${sel} at ${height} px: ${JSON.stringify(b)}`);
    }
    await context.close();
  }
});

test('issue 20: her own KK typed as a NIK, read as a child of 11, gets a soft question on screen with one tap to move it', async () => {
  const { page, context } = await openReady(browser, server.url, null, NARROW);
  // 35.11.01, day 20, month 03, year 15: a boy born in 2015, or a KK recorded then.
  await page.locator('#nik').fill('3511012003150007');
  assert.equal(await page.locator('#summary').textContent(), 'Format NIK benar.', 'a real child\'s NIK is never called wrong');
  const hint = await page.locator('#kk-hint').textContent();
  assert.match(hint, /NIK anak umur 11\? Bila ini nomor di bagian atas KK, pindahkan ke kolom Nomor KK\./);
  const hintBox = await page.locator('#kk-hint').boundingBox();
  console.log(`# KK typed as a NIK: "${hint.replace(/\s+/g, " ").trim()}" at ${Math.round(hintBox.y)}–${Math.round(hintBox.y + hintBox.height)} px of a 740 px screen`);
  // Right under the verdict, before the general note: its question is on a 360x740 screen.
  assert.ok(hintBox.y + 60 <= NARROW.height, `hint at ${Math.round(hintBox.y)} px`);
  await page.getByRole('button', { name: 'Pindahkan ke kolom Nomor KK' }).click();
  assert.equal((await page.locator('#kk').inputValue()).replace(/\s/g, ''), '3511012003150007');
  assert.equal(await page.locator('#nik').inputValue(), '');
  assert.ok(await page.locator('#kk-hint').isHidden());
  // An adult's NIK gets no such question.
  await page.locator('#nik').fill('3511015003850001');
  assert.ok(await page.locator('#kk-hint').isHidden());
  await context.close();
});

test('issue 20: the likely cause shows as soon as the service and the message are answered, and follows the boxes ticked', async () => {
  const { page, context } = await openReady(browser, server.url, null, { width: 360, height: 740 });
  await page.locator('#nik').fill('3511015003850001');
  await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
  await page.getByRole('radio', { name: 'BPJS Kesehatan', exact: true }).check();
  assert.equal(await page.locator('#diagnosis article.cause').count(), 0, 'one answer is not enough');
  await page.getByRole('radio', { name: 'NIK tidak ditemukan / tidak terdaftar' }).check();
  assert.equal(await page.locator('#diagnosis article.cause').first().getAttribute('data-cause'), 'A');
  // The way to step 3 is at most one screen below the second answer, with no button in between.
  const answered = await page.getByRole('radio', { name: 'NIK tidak ditemukan / tidak terdaftar' }).boundingBox();
  const question = await page.locator('#q-message-list').boundingBox();
  const next = await page.getByRole('link', { name: 'Lanjut: Lapor' }).boundingBox();
  const fromAnswer = Math.round(next.y + next.height - answered.y);
  const fromQuestion = Math.round(next.y + next.height - (question.y + question.height));
  // What she scrolls after her second tap (boxes are relative to the screen): the link's bottom edge into view.
  const scroll = Math.max(0, Math.round(next.y + next.height - 740));
  console.log(`# to "Lanjut: Lapor": ${scroll} px of scrolling after the second answer (tapped at ${Math.round(answered.y)} px), ${fromAnswer} px from the tapped answer, ${fromQuestion} px below the message question (screen 740 px)`);
  assert.ok(fromQuestion <= 740, `${fromQuestion} px`);
  assert.ok(scroll <= 740, `${scroll} px to scroll`);
  // Ticking an optional box updates it live.
  await page.getByRole('checkbox', { name: /Belum pernah rekam KTP-el/ }).check();
  assert.equal(await page.locator('#diagnosis article.cause').first().getAttribute('data-cause'), 'D');
  await context.close();
});

test('issue 20: with the keyboard open (450 px of a 740 px phone left), the verdict stays in sight while she types', async () => {
  const { page, context } = await openReady(browser, server.url, null, { width: 360, height: 740 });
  await page.locator('#nik').focus();
  // The keyboard opens: the visible area shrinks to 450 px (visualViewport resize).
  await page.setViewportSize({ width: 360, height: 450 });
  await page.waitForFunction(() => document.body.hasAttribute('data-keyboard'));
  const seen = [];
  for (const [typed, verdict] of [
    ['3511', 'Ada yang perlu diperiksa:'],
    ['35110150', 'Ada yang perlu diperiksa:'],
    ['3511013502850001', 'Ada yang perlu diperiksa:'],
    ['3511015003850001', 'Format NIK benar.'],
  ]) {
    await page.locator('#nik').fill(typed);
    await page.waitForFunction((v) => document.querySelector('#summary').textContent === v, verdict);
    const field = await page.locator('#nik').boundingBox();
    const summary = await page.locator('#summary').boundingBox();
    const first = await page.locator('#messages li').count() ? await page.locator('#messages li').first().boundingBox() : null;
    seen.push(`${typed.length} digits: field ${Math.round(field.y)}–${Math.round(field.y + field.height)}, verdict ${Math.round(summary.y)}–${Math.round(summary.y + summary.height)}` + (first ? `, first message to ${Math.round(first.y + first.height)}` : ''));
    assert.ok(field.y >= 0, `the field is on screen: ${JSON.stringify(field)}`);
    assert.ok(summary.y + summary.height <= 450, `the verdict is above the keyboard: ${JSON.stringify(summary)}`);
    if (first) assert.ok(first.y < 450, `the first message starts above the keyboard: ${JSON.stringify(first)}`);
    // The step bar no longer covers the top while she types.
    assert.equal(await page.locator('nav.progress').evaluate((n) => getComputedStyle(n).position), 'static');
  }
  console.log('# keyboard open, 450 px visible: ' + seen.join('; '));
  await page.screenshot({ path: SHOTS + 'keyboard-open-450.png' });
  // The keyboard closes: the bar sticks again.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.waitForFunction(() => !document.body.hasAttribute('data-keyboard'));
  assert.equal(await page.locator('nav.progress').evaluate((n) => getComputedStyle(n).position), 'sticky');
  await context.close();
});

test('issue 20: a bank\'s "NIK tidak sesuai" is an answer; it reads as a failed match of name or birth date, then a NIK one digit off', async () => {
  const { page, context } = await openReady(browser, server.url, null, { width: 360, height: 740 });
  await page.locator('#nik').fill('3511015003850001');
  await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
  await page.getByRole('radio', { name: 'Bank / dompet digital', exact: true }).check();
  await page.getByRole('radio', { name: 'NIK tidak sesuai', exact: true }).check();
  const top = page.locator('#diagnosis article.cause').first();
  assert.equal(await top.getAttribute('data-cause'), 'I');
  const title = await top.locator('h3, h4').first().textContent();
  console.log(`# bank, "NIK tidak sesuai": top cause ${title}`);
  assert.match(title, /Nama atau tanggal lahir berbeda/);
  assert.equal(await page.locator('#diagnosis article.cause').nth(1).getAttribute('data-cause'), 'B');
  await context.close();
});
