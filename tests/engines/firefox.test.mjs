// Firefox ESR (Debian's firefox-esr), driven by puppeteer-core over WebDriver
// BiDi: the Bondowoso story, the service worker and a reload with the server
// gone, and the desk with a small pasted list (issue 21).
import { test, before, after } from 'node:test';
import puppeteer from 'puppeteer-core';
import { startServer } from '../e2e/helpers.mjs';
import { bondowoso, offlineReload, desk } from './stories.mjs';

let browser;
const t0 = Date.now();
before(async () => {
  browser = await puppeteer.launch({
    browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true,
    // No update checks or telemetry towards hosts this machine cannot reach.
    extraPrefsFirefox: { 'app.update.enabled': false, 'datareporting.policy.dataSubmissionEnabled': false, 'toolkit.telemetry.enabled': false, 'network.captive-portal-service.enabled': false },
  });
});
after(async () => {
  await browser?.close();
  console.log(`# Firefox ${await browser?.version?.().catch(() => '')}: ${((Date.now() - t0) / 1000).toFixed(1)} s in all`);
});

function driver(page) {
  return {
    goto: (url) => page.goto(url, { waitUntil: 'load' }),
    eval: (fn, ...args) => page.evaluate(fn, ...args),
    type: async (sel, text) => { await page.click(sel); await page.type(sel, text); },
    click: (sel) => page.click(sel),
    waitFor: (fn, timeout = 15000) => page.waitForFunction(fn, { timeout, polling: 100 }),
  };
}

async function phonePage() {
  const page = await browser.newPage();
  await page.setViewport({ width: 360, height: 740 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

test('Firefox: the Bondowoso story to Halo Dukcapil\'s WhatsApp', async () => {
  const server = await startServer();
  const { page, errors } = await phonePage();
  const length = await bondowoso(driver(page), server.url);
  console.log(`# Firefox: Bondowoso story done, report of ${length} characters`);
  await page.close();
  server.stop();
  if (errors.length) throw new Error(errors.join('\n'));
});

test('Firefox: the service worker serves the page with the server gone', async () => {
  const server = await startServer();
  const { page } = await phonePage();
  await offlineReload(driver(page), server.url, async () => server.stop());
  console.log('# Firefox: offline reload checked a NIK');
  await page.close();
});

test('Firefox: the desk with a small pasted list', async () => {
  const server = await startServer();
  const { page, errors } = await phonePage();
  const counts = await desk(driver(page), server.url);
  console.log(`# Firefox: desk ${JSON.stringify(counts)}`);
  await page.close();
  server.stop();
  if (errors.length) throw new Error(errors.join('\n'));
});
