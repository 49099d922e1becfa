// The public core module (www/core/, feature `core`): imported by a bare HTML
// page with no Klinik NIK markup, and run in Node. Same shape as the CLI's
// JSON Lines, compared field for field with the CLI's own output.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, cpSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startServer, launch, phone } from './helpers.mjs';

const CORE = ROOT + 'www/core/';
const CLI = ROOT + 'target/release/klinik-nik';
const NIKS = ['3511015003850001', '35110150O3850001', '9101014101800009', '3599011010800013', 'NIK: 3511 0110 0385 0002'];

/** What the CLI says for these numbers on this day, one object a line. */
function cli(args, today) {
  return execFileSync(CLI, ['check', '--today', today, ...args], { encoding: 'utf8' })
    .trim().split('\n').map((l) => JSON.parse(l));
}

test('in Node: the four functions, the CLI\'s records field for field', async () => {
  const core = await import(CORE + 'klinik_nik_core.js');
  core.initSync({ module: readFileSync(CORE + 'klinik_nik_core_bg.wasm') });
  const today = '2026-11-28';
  assert.deepEqual(NIKS.map((n) => core.checkNik(n, 'id', today)), cli(['--', ...NIKS], today));
  assert.deepEqual([core.checkNik(NIKS[1], 'en', today)], cli(['--lang', 'en', '--', NIKS[1]], today));
  assert.deepEqual([core.checkKk('No. KK: 3511012003150007', 'id', today)], cli(['--kk', '--', 'No. KK: 3511012003150007'], today));
  const pair = core.checkPair('3511011003850001', '3511011003850001', 'en', today);
  assert.deepEqual(pair.map((i) => i.code), ['PAIR_SAME_NUMBER']);
  const stated = core.compareStated('3511015003850001', { birthDate: '1985-03-12', sex: 'male', regency: '35.78' }, 'id', today);
  assert.deepEqual(stated.map((i) => [i.code, i.severity]), [
    ['STATED_BIRTH_DATE_DIFFERS', 'warning'], ['STATED_SEX_DIFFERS', 'warning'], ['STATED_REGENCY_DIFFERS', 'note']]);
  // Hostile input is a record, never an exception.
  for (const bad of ['', '\u0000'.repeat(100), '٣٥١١٠١٥٠٠٣٨٥٠٠٠١', 'x'.repeat(100000), '\uD800']) {
    const r = core.checkNik(bad);
    assert.equal(r.valid, false);
    assert.ok(r.issues.length > 0);
  }
  assert.deepEqual(core.compareStated('3511015003850001', null), []);
  const wasm = readFileSync(CORE + 'klinik_nik_core_bg.wasm');
  const gz = (b) => execFileSync('gzip', ['-9', '-c'], { input: b }).length;
  console.log(`public core module: ${gz(wasm)} B gzip wasm + ${gz(readFileSync(CORE + 'klinik_nik_core.js'))} B gzip glue`);
});

test('in a bare HTML page: no Klinik NIK markup, a strict CSP, no other request', async () => {
  // A civic site's own page, served from its own folder with the module copied in.
  const dir = mkdtempSync(join(tmpdir(), 'civic-'));
  cpSync(CORE, join(dir, 'vendor'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), `<!doctype html>
<html lang="id"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'">
<title>Formulir</title></head>
<body><form><label>NIK <input id="nik"></label><output id="out"></output></form>
<script type="module" src="form.js"></script></body></html>`);
  writeFileSync(join(dir, 'form.js'), `import init, { checkNik } from './vendor/klinik_nik_core.js';
await init();
const nik = document.getElementById('nik');
nik.addEventListener('input', () => {
  const r = checkNik(nik.value);
  document.getElementById('out').textContent = r.valid
    ? r.regency.name + ', ' + r.birth_date
    : r.issues.filter((i) => i.severity === 'error').map((i) => i.message).join(' ');
});
document.body.dataset.ready = 'yes';
`);
  const server = await startServer(dir);
  const browser = await launch();
  const { page, context, requests } = await phone(browser);
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="yes"]');
  await page.locator('#nik').fill('3511015003850001');
  assert.equal(await page.locator('#out').textContent(), 'Kabupaten Bondowoso, 1985-03-10');
  await page.locator('#nik').fill('35110150O3850001');
  assert.match(await page.locator('#out').textContent(), /Ada huruf “O” di angka ke-9/);
  assert.deepEqual(requests.map((u) => new URL(u).pathname).sort(),
    ['/', '/form.js', '/vendor/klinik_nik_core.js', '/vendor/klinik_nik_core_bg.wasm']);
  await context.close();
  await browser.close();
  server.stop();
});
