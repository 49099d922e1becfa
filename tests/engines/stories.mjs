// The stories every engine must pass (issue 21): written once against a tiny
// driver interface, so Firefox (puppeteer-core over WebDriver BiDi) and
// WebKitGTK (selenium-webdriver) run the same steps as Chromium does in
// tests/e2e/.
//
// A driver has: goto(url), eval(fn, ...args) (runs fn in the page, returns
// its JSON value), type(selector, text), click(selector), waitFor(fn, ...args).
import assert from 'node:assert/strict';

export const NIK = '3511015003850001';
export const KK = '3511012003150007';

/** Bondowoso: NIK and KK, BPJS "tidak ditemukan", to Halo Dukcapil's WhatsApp. */
export async function bondowoso(d, url) {
  await d.goto(url);
  await d.waitFor(() => document.body.dataset.ready === 'yes' && document.body.dataset.app === 'ready');
  await d.type('#nik', NIK);
  await d.waitFor(() => document.querySelector('#summary').textContent === 'Format NIK benar.');
  assert.equal(await d.eval(() => document.querySelector("[data-seg='reg'] .name").textContent), 'Kabupaten Bondowoso');
  await d.type('#kk', KK);
  await d.click('#next-diagnose');
  await d.waitFor(() => location.hash === '#apa');
  await d.click("label:has(input[name='service'][value='bpjs_kesehatan'])");
  await d.click("label:has(input[name='message'][value='not_found'])");
  await d.waitFor(() => document.querySelector('#diagnosis article.cause')?.dataset.cause === 'A');
  await d.eval(() => { location.hash = '#lapor'; });
  await d.waitFor(() => !document.querySelector('#act').hidden);
  await d.type('#c-name', 'Siti Aminah');
  await d.type('#c-phone', '081234567890');
  const href = await d.eval(() => [...document.querySelectorAll('#act a[href^="https://wa.me/"]')].map((a) => a.href)[0]);
  const link = new URL(href);
  assert.equal(link.pathname, '/628118005373');
  const text = link.searchParams.get('text');
  assert.match(text, new RegExp(`#NIK ${NIK}`));
  assert.match(text, /#Nama Siti Aminah/);
  assert.match(text, new RegExp(`#NomorKK ${KK}`));
  return text.length;
}

/** The service worker takes the page; with the server gone, a reload still checks a NIK. */
export async function offlineReload(d, url, stopServer) {
  await d.goto(url);
  await d.waitFor(() => document.body.dataset.ready === 'yes');
  // The worker is active once its install has kept the offline copy.
  await d.waitFor(() => document.body.dataset.app === 'ready' && !!navigator.serviceWorker);
  assert.ok(await d.eval(() => navigator.serviceWorker.ready.then((r) => !!r.active)));
  await d.goto(url);
  await d.waitFor(() => document.body.dataset.ready === 'yes' && !!navigator.serviceWorker.controller, 30000);
  await stopServer();
  await d.goto(url);
  await d.waitFor(() => document.body.dataset.ready === 'yes');
  await d.type('#nik', NIK);
  await d.waitFor(() => document.querySelector('#summary').textContent === 'Format NIK benar.');
}

export const LIST = ['Nama\tNIK\tKK', `Siti\t${NIK}\t${KK}`, 'Budi\t3511011203900002\t3511012003150007', `Rina\t3,51102E+15\t${KK}`, `Eko\t3511019903850003\t${KK}`].join('\n');

/** The desk: a small pasted list, its counts. */
export async function desk(d, url) {
  await d.goto(url + 'desk.html');
  await d.waitFor(() => document.body.dataset.ready === 'yes');
  await d.eval((list) => {
    const t = document.querySelector('#paste');
    t.value = list;
    t.dispatchEvent(new Event('input', { bubbles: true }));
  }, LIST);
  await d.click('#run');
  await d.waitFor(() => document.body.dataset.desk === 'done', 30000);
  const counts = await d.eval(() => Object.fromEntries([...document.querySelectorAll('#counts > div')]
    .map((div) => [div.dataset.count, div.querySelector('dd').textContent])));
  // Header and four people: Siti and Budi well-formed, Rina's cell damaged by
  // Excel, Eko's day 99.
  assert.equal(counts.rows, '4', JSON.stringify(counts));
  assert.equal(counts.ok, '2', JSON.stringify(counts));
  assert.equal(counts.error, '2', JSON.stringify(counts));
  return counts;
}

/** With wasm refused by the page's CSP (as Safari 15 reads it): the contacts, no raw error. */
export async function fallback(d, url) {
  await d.goto(url);
  await d.waitFor(() => getComputedStyle(document.querySelector('#fallback')).display === 'block', 10000);
  const text = await d.eval(() => document.body.innerText);
  assert.match(text, /Lapor langsung ke Halo Dukcapil/);
  assert.match(text, /WhatsApp 0811-800-5373/);
  assert.doesNotMatch(text, /ReferenceError|TypeError|CompileError|is not defined|Error:/);
  return d.eval(() => document.body.dataset.fail);
}
