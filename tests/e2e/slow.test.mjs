// Slow phones: CPU throttling and a slow-3G network. Prints the time from
// navigation to a checked NIK on screen, and the delay of one keystroke.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, phone } from './helpers.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

// Chrome DevTools' "Slow 3G" preset: 500 kbit/s × 0.8 down and up, 400 ms × 5 latency.
const SLOW_3G = { offline: false, latency: 400 * 5, downloadThroughput: (500 * 1024) / 8 * 0.8, uploadThroughput: (500 * 1024) / 8 * 0.8 };

async function measure(cpu, network) {
  const { page, context, problems, expectConsole } = await phone(browser);
  expectConsole(/offices\.json/);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  const t0 = Date.now();
  await page.goto(server.url, { timeout: 120000 });
  await page.waitForSelector('body[data-ready="yes"]', { timeout: 120000 });
  const ready = Date.now() - t0;
  await page.locator('#nik').fill('3511015003850001');
  await page.waitForFunction(() => document.getElementById('summary').textContent === 'Format NIK benar.');
  const checked = Date.now() - t0;
  // One more keystroke: how long until the page answers it.
  const keystroke = await page.evaluate(() => new Promise((resolve) => {
    const input = document.getElementById('nik');
    const start = performance.now();
    input.value = input.value + '9';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    requestAnimationFrame(() => resolve(performance.now() - start));
  }));
  assert.match(await page.locator('#messages').textContent(), /16 angka/);
  assert.deepEqual(problems.filter((p) => !p.includes('offices.json')), []);
  await context.close();
  return { ready, checked, keystroke };
}

test('4× CPU throttling: time to a checked NIK', async () => {
  const r = await measure(4, null);
  console.log(`4x CPU: page ready ${r.ready} ms, NIK checked on screen ${r.checked} ms after navigation, keystroke answered in ${r.keystroke.toFixed(0)} ms`);
  assert.ok(r.checked < 15000, `${r.checked} ms`);
  assert.ok(r.keystroke < 500, `a keystroke took ${r.keystroke} ms`);
});

test('6× CPU throttling and slow 3G: still usable', async () => {
  const r = await measure(6, SLOW_3G);
  console.log(`6x CPU + slow 3G: page ready ${r.ready} ms, NIK checked on screen ${r.checked} ms after navigation, keystroke answered in ${r.keystroke.toFixed(0)} ms`);
  assert.ok(r.checked < 60000, `${r.checked} ms`);
  assert.ok(r.keystroke < 500, `a keystroke took ${r.keystroke} ms`);
});
