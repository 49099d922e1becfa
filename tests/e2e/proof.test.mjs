// What a security reviewer asks: hostile text stays text; nothing personal leaves or stays.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, phone } from './helpers.mjs';
import { PAYLOADS, expected } from './payloads.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

async function open(setup) {
  const p = await phone(browser);
  const dialogs = [];
  p.page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await p.page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
  });
  if (setup) await setup(p.page);
  await p.page.goto(server.url);
  await p.page.waitForSelector('body[data-ready="yes"]');
  await p.page.waitForSelector('body[data-config]');
  return { ...p, dialogs };
}

async function assertNothingRan(page, dialogs, problems) {
  assert.deepEqual(dialogs, [], 'no dialog opened');
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no payload script ran');
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation');
  assert.deepEqual(problems, []);
}

test(`${PAYLOADS.length} hostile payloads in every free-text field stay literal text`, async () => {
  assert.ok(PAYLOADS.length >= 50);
  const { page, context, dialogs, problems } = await open();
  await page.locator('#nik').fill('3511015003850001');
  await page.locator('#kk').fill('3511012003150007');
  await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
  await page.getByRole('radio', { name: 'BPJS Kesehatan', exact: true }).check();
  await page.locator('#diagnose :is(a, button):visible', { hasText: 'Lanjut: Lapor' }).click();
  const fields = [
    ['#message-text', 200, 'Pesan'], ['#since', 60, 'Sejak'], ['#c-name', 80, 'Nama'],
    ['#c-village', 60, null], ['#c-district', 60, null], ['#c-tried', 200, 'Yang sudah dilakukan'],
  ];
  await page.getByText('Tambahan untuk petugas (opsional): alamat, yang sudah dilakukan').click();
  for (const p of PAYLOADS) {
    await page.locator('nav [data-step="diagnose"]').click();
    await page.locator('#message-text').fill(p);
    await page.locator('#since').fill(p);
    await page.locator('nav [data-step="act"]').click();
    await page.getByRole('button', { name: 'Susun ulang pesan' }).click();
    for (const [id] of fields.slice(2)) await page.locator(id).fill(p);
    await page.locator('#c-phone').fill(p);
    const shown = await page.locator('#wa-text').inputValue();
    const href = await page.locator('#wa-link').getAttribute('href');
    assert.equal(new URL(href).searchParams.get('text'), shown, 'the link carries exactly the text shown');
    // The office format carries every field with its label; it is shown too before sending.
    const text = await page.locator('#wa-other-text').textContent();
    assert.equal(new URL(await page.locator('#wa-other').getAttribute('href')).searchParams.get('text'), text);
    const slip = await page.locator('#slip').textContent();
    for (const [, max, label] of fields) {
      const want = expected(p, max);
      if (!want) continue;
      if (label) assert.ok(text.includes(want), `${label}: ${JSON.stringify(want).slice(0, 80)} not in the message`);
      assert.ok(slip.includes(want), `${JSON.stringify(want).slice(0, 80)} not on the slip`);
    }
    // Nothing became markup: the slip holds only the elements the page builds.
    const tags = await page.evaluate(() => [...new Set([...document.querySelectorAll('#slip *, #diagnosis *')].map((e) => e.localName))].sort());
    for (const t of tags) assert.ok(['article', 'div', 'dd', 'dl', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'li', 'ol', 'p', 'path', 'rect', 'span', 'strong', 'svg', 'ul', 'details', 'summary', 'a', 'text', 'title', 'figure', 'figcaption', 'button'].includes(t), t);
  }
  await assertNothingRan(page, dialogs, problems);
  await context.close();
});

test('hostile values in a deployer office file are shown as text or refused', async () => {
  for (const p of PAYLOADS.slice(0, 30)) {
    const cfg = JSON.stringify({ deployer: p, offices: [{ regency: '35.11', address: p, hours: p, source: 'https://example.org/x', checked: '2026-11-01' }] });
    const { page, context, dialogs, problems } = await open((pg) => pg.route('**/offices.json', (r) => r.fulfill({ body: cfg })));
    const state = await page.getAttribute('body', 'data-config');
    if (state === 'ok') {
      assert.equal(await page.locator('#deployer').textContent(), `Dikelola oleh ${p.trim()}.`);
      await page.locator('#nik').fill('3511015003850001');
      assert.ok((await page.locator('#slip').textContent()).includes(p.trim()));
    } else {
      assert.equal(state, 'error');
      assert.ok((await page.locator('#config-error li').count()) > 0);
    }
    await assertNothingRan(page, dialogs, problems);
    await context.close();
  }
});

test('privacy audit: no request carries the NIK or KK, and nothing stays behind', async () => {
  const NIK = '3511015003850001', KK = '3511012003150007';
  const { page, context, requests, dialogs, problems } = await open();
  const bodies = [];
  page.on('request', (r) => bodies.push(r.postData() || ''));
  const firstLoad = requests.length;
  await page.locator('#nik').pressSequentially(NIK);
  await page.locator('#kk').fill(KK);
  await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
  await page.getByRole('radio', { name: 'BPJS Kesehatan', exact: true }).check();
  await page.getByRole('radio', { name: 'NIK tidak ditemukan / tidak terdaftar' }).check();
  await page.getByRole('button', { name: 'Lihat kemungkinan penyebab' }).click();
  await page.locator('#diagnose :is(a, button):visible', { hasText: 'Lanjut: Lapor' }).click();
  await page.getByLabel('Nama lengkap (sesuai KTP-el atau KK)').fill('Siti Aminah');
  await page.getByLabel('Nomor HP Anda (untuk dihubungi petugas)').fill('0812-3456-7890');
  await page.getByRole('button', { name: 'Salin pesan' }).click();
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  await page.goBack();
  await page.goBack();
  await page.goForward();

  const origin = new URL(server.url).origin;
  const runs = new Set();
  for (const n of [NIK, KK]) for (let i = 0; i + 6 <= n.length; i++) runs.add(n.slice(i, i + 6));
  for (const u of requests) assert.equal(new URL(u).origin, origin, `request to another origin: ${u}`);
  for (const [i, u] of requests.entries()) {
    if (i < firstLoad) continue;
    for (const r of runs) assert.ok(!u.includes(r) && !bodies.join('').includes(r), `request after load carries ${r}: ${u}`);
  }
  for (const u of requests) assert.ok(!u.includes(NIK) && !u.includes(KK), u);
  assert.ok(!page.url().includes(NIK.slice(0, 6)));

  const stored = async () => page.evaluate(async ([nik, kk]) => {
    const found = [];
    const look = (where, s) => { s = s && s.replace(/\s/g, ''); if (s && (s.includes(nik) || s.includes(kk))) found.push(where); };
    for (let i = 0; i < localStorage.length; i++) look('localStorage', localStorage.getItem(localStorage.key(i)));
    for (let i = 0; i < sessionStorage.length; i++) look('sessionStorage', sessionStorage.getItem(sessionStorage.key(i)));
    look('cookie', document.cookie);
    const dbs = indexedDB.databases ? await indexedDB.databases() : [];
    for (const cache of await caches.keys()) {
      const c = await caches.open(cache);
      for (const req of await c.keys()) {
        look('Cache Storage URL', req.url);
        const body = await (await c.match(req)).clone().text().catch(() => '');
        look('Cache Storage body ' + req.url, body);
      }
    }
    return { found, local: localStorage.length, session: sessionStorage.length, cookies: document.cookie, dbs: dbs.length };
  }, [NIK, KK]);
  // Kept for this tab only (so a discarded tab loses nothing), never in localStorage, IndexedDB, cookies or caches.
  assert.deepEqual(await stored(), { found: ['sessionStorage'], local: 0, session: 1, cookies: '', dbs: 0 });
  await page.getByRole('button', { name: 'Hapus semua data' }).click();
  assert.deepEqual(await stored(), { found: [], local: 0, session: 0, cookies: '', dbs: 0 });
  const left = await page.evaluate(([nik, kk]) => {
    const values = [...document.querySelectorAll('input, textarea')].map((e) => e.value).join(' ').replace(/\s/g, '');
    const text = document.body.innerText.replace(/\s/g, '');
    return [nik, kk].filter((n) => values.includes(n) || text.includes(n));
  }, [NIK, KK]);
  assert.deepEqual(left, [], 'clear everything leaves no NIK or KK on the page');
  await assertNothingRan(page, dialogs, problems);
  await context.close();
});
