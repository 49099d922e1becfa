// Offline after one visit, and updates that do not break an open session.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SITE, startServer, launch, phone, until, inCache } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function controlled(page, url) {
  await page.goto(url);
  await page.waitForSelector('body[data-ready="yes"]');
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await page.waitForSelector('body[data-ready="yes"]');
  }
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the service worker controls the page');
}

test('after one visit the whole flow works with the network off', async () => {
  const server = await startServer();
  const { page, context, problems, expectConsole } = await phone(browser);
  expectConsole(/offices\.json/);
  await controlled(page, server.url);
  await context.setOffline(true);
  server.stop();
  await page.reload();
  await page.waitForSelector('body[data-ready="yes"]');
  await page.locator('#nik').fill('3511015003850001');
  assert.equal(await page.locator('#summary').textContent(), 'Format NIK benar.');
  await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
  await page.getByRole('radio', { name: 'BPJS Kesehatan', exact: true }).check();
  await page.getByRole('radio', { name: 'NIK tidak ditemukan / tidak terdaftar' }).check();
  await page.getByRole('button', { name: 'Lihat kemungkinan penyebab' }).click();
  assert.equal(await page.locator('#diagnosis article.cause').first().getAttribute('data-cause'), 'A');
  await page.locator('#diagnose :is(a, button):visible', { hasText: 'Lanjut: Lapor' }).click();
  assert.match(await page.locator('#wa-link').getAttribute('href'), /^https:\/\/wa\.me\/628118005373\?text=%23NIK%203511015003850001/);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 1000, 'the slip prints offline');
  assert.equal(await page.locator('#slip svg.slip-qr path').count(), 1);
  // The page is cached once, as "./"; a bookmark or link to index.html opens it too.
  await page.emulateMedia({ media: 'screen' });
  await page.goto(server.url + 'index.html');
  await page.waitForSelector('body[data-ready="yes"]');
  await page.locator('#nik').fill('3511015003850001');
  assert.equal(await page.locator('#summary').textContent(), 'Format NIK benar.');
  assert.deepEqual(problems.filter((p) => !p.includes('offices.json')), []);
  await context.close();
});

test('a new build is picked up on the next visit; an open session keeps working', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'site-'));
  cpSync(SITE, dir, { recursive: true });
  const server = await startServer(dir);
  const { page, context } = await phone(browser);
  await controlled(page, server.url);
  const oldCache = await page.evaluate(async () => (await caches.keys()).join());
  await page.locator('#nik').fill('3511015003850001');
  await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
  await page.getByRole('radio', { name: 'Bank / dompet digital' }).check();

  // A new build: another office file and a new cache version.
  writeFileSync(join(dir, 'offices.json'), JSON.stringify({ deployer: 'Versi baru', offices: [] }));
  utimesSync(join(dir, 'offices.json'), new Date(Date.now() + 5000), new Date(Date.now() + 5000));
  // Both modules of the new build carry a mark: a later visit must run both
  // (never a new step 1 with an old steps 2 and 3, nor the reverse).
  for (const [file, mark] of [['pkg/klinik_nik.js', 'step 1'], ['pkg/app.js', 'steps 2 and 3']]) {
    const path = join(dir, file);
    writeFileSync(path, readFileSync(path, 'utf8') + `\nself.klinikBuilt = [...(self.klinikBuilt || []), '${mark} of the new build'];\n`);
    utimesSync(path, new Date(Date.now() + 5000), new Date(Date.now() + 5000));
  }
  const pre = join(dir, 'pkg/precache.js');
  writeFileSync(pre, readFileSync(pre, 'utf8').replace(/KLINIK_VERSION = "[^"]+"/, 'KLINIK_VERSION = "next-build"'));
  // The test server's ETag is the file's size and modification time, as many
  // hosts do: a same-size rewrite in the same instant would get "304 Not
  // Modified" (a real build comes later); date the rewrite ahead.
  utimesSync(pre, new Date(Date.now() + 5000), new Date(Date.now() + 5000));
  // (Not waitForFunction: it takes the promise an async predicate returns as
  // truthy at once, which let this test go on before the new worker existed.)
  // update() joins a check already under way (one a navigation started before
  // the new files were written), so ask again until the new worker waits.
  await page.evaluate(async () => {
    const r = await navigator.serviceWorker.getRegistration();
    for (let i = 0; i < 100 && !r.waiting; i++) {
      await r.update();
      await new Promise((done) => setTimeout(done, 200));
    }
  });
  assert.ok(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration()).waiting), 'the new build is installed and waiting');

  // The half-finished session is untouched and still works.
  assert.equal(await page.locator('#nik').inputValue(), '3511 0150 0385 0001');
  assert.ok(await page.getByRole('radio', { name: 'Bank / dompet digital' }).isChecked());
  await page.getByRole('button', { name: 'Lihat kemungkinan penyebab' }).click();
  assert.ok(await page.locator('#diagnosis article.cause').count() > 0);
  assert.equal(await page.locator('#deployer').textContent(), 'Pengelola salinan situs ini belum menuliskan namanya (offices.json).', 'the open session still has the old version');
  assert.equal(await page.evaluate(() => self.klinikBuilt), undefined, 'and both its old modules');
  await page.close();

  // Next visit: the waiting version activates once no page uses the old one
  // (a visit that starts before that moment still gets the old one: try again).
  // On a busy machine activation can take a while: wait a second between visits.
  let next;
  let active = '';
  for (let visit = 0; visit < 30 && active !== 'klinik-nik-next-build'; visit++) {
    if (next) await next.close();
    await new Promise((r) => setTimeout(r, 1000));
    next = await context.newPage();
    await next.goto(server.url);
    await next.waitForSelector('body[data-config]');
    active = await next.evaluate(async () => (await caches.keys()).join());
  }
  assert.equal(active, 'klinik-nik-next-build', 'the new build took over on a later visit');
  assert.equal(await next.locator('#deployer').textContent(), 'Dikelola oleh Versi baru.');
  await next.waitForSelector('body[data-app="ready"]');
  assert.deepEqual(await next.evaluate(() => self.klinikBuilt), ['step 1 of the new build', 'steps 2 and 3 of the new build'],
    'the new visit runs both new modules');
  const caches = await next.evaluate(async () => (await caches.keys()).join());
  assert.equal(caches, 'klinik-nik-next-build');
  assert.notEqual(oldCache, caches);
  assert.ok(await next.evaluate(async () => !!(await (await caches.open('klinik-nik-next-build')).match('districts/35.txt'))),
    'the new build fetched again the district names of the province checked before');
  await context.close();
  server.stop();
});

test('a deployer who edits offices.json without building reaches returning visitors', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'site-'));
  cpSync(SITE, dir, { recursive: true });
  const server = await startServer(dir);
  const { page, context } = await phone(browser);
  await controlled(page, server.url);
  const file = join(dir, 'offices.json');
  writeFileSync(file, JSON.stringify({ deployer: 'Diubah tanpa build', offices: [] }));
  // A later modification time, as a real edit would have (the server's Last-Modified has 1 s steps).
  utimesSync(file, new Date(Date.now() + 5000), new Date(Date.now() + 5000));
  await page.reload();
  await page.waitForSelector('body[data-config]');
  assert.equal(await page.locator('#deployer').textContent(), 'Dikelola oleh Diubah tanpa build.');
  // And offline, the last copy seen is used.
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('body[data-config]');
  assert.equal(await page.locator('#deployer').textContent(), 'Dikelola oleh Diubah tanpa build.');
  await context.close();
  server.stop();
});

const district = (page) => page.locator("[data-seg='dist'] .name");
/** Waits until the NIK's district is named `name`. */
const named = (page, name) => until(page, (n) => document.querySelector("[data-seg='dist'] .name").textContent === n, name);

/** Offline from now on: the server gone, the page loaded again from the service worker. */
async function offlineReload(context, server, page) {
  await context.setOffline(true);
  server.stop();
  await page.reload();
  await page.waitForSelector('body[data-ready="yes"]');
}

test('district names: a province checked online is named offline; one never seen is checked and named later', async () => {
  const server = await startServer();
  const { page, context, requests } = await phone(browser);
  await controlled(page, server.url);
  await page.locator('#nik').fill('3511015003850001');
  await named(page, 'Maesan');
  assert.equal(requests.filter((u) => u.includes('/districts/')).map((u) => new URL(u).pathname).join(), '/districts/35.txt',
    'only the province of the NIK typed is fetched');

  await offlineReload(context, server, page);
  await page.locator('#nik').fill('3511015003850001');
  await named(page, 'Maesan');
  assert.equal(await page.locator("[data-seg='dist']").getAttribute('data-state'), 'ok');

  // Aceh was never opened: its district code is still checked (01 exists,
  // 99 does not), and the name waits for the network.
  await page.locator('#nik').fill('1101014101900001');
  await named(page, 'nama muncul bila tersambung ke internet');
  assert.equal(await page.locator("[data-seg='dist']").getAttribute('data-state'), 'ok');
  assert.equal(await page.locator("[data-seg='reg'] .name").textContent(), 'Kabupaten Aceh Selatan');
  assert.equal(await page.locator('#summary').textContent(), 'Format NIK benar.');
  await page.locator('#nik').fill('1101994101900001');
  assert.equal(await page.locator("[data-seg='dist']").getAttribute('data-state'), 'warn');
  assert.equal(await page.locator('#messages li').first().getAttribute('data-code'), 'NIK_DISTRICT_UNKNOWN');
  assert.equal(await district(page).textContent(), '', 'an unknown district has no name to wait for');
  await context.close();
});

test('the province typed on the very first visit (before the service worker controls the page) is named offline next time', async () => {
  const server = await startServer();
  const { page, context } = await phone(browser);
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="yes"]');
  assert.equal(await page.evaluate(() => !!navigator.serviceWorker.controller), false, 'a first visit');
  await page.locator('#nik').fill('3511015003850001');
  await named(page, 'Maesan');
  await until(page, inCache, 'districts/35.txt');
  await offlineReload(context, server, page);
  await page.locator('#nik').fill('3511015003850001');
  await named(page, 'Maesan');
  await context.close();
});
