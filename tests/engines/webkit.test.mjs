// WebKitGTK (the Safari engine; Debian's webkit2gtk-driver and its
// MiniBrowser) under Xvfb, driven by selenium-webdriver: the Bondowoso story,
// the service worker and a reload with the server gone, the desk with a small
// pasted list, and the page whose CSP refuses wasm as Safari 15 reads it
// (issue 21). Known quirks: the window is no narrower than 447 px; typing
// returns before every key is handled, so each field is waited for.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder, By } from 'selenium-webdriver';
import { startServer, SITE } from '../e2e/helpers.mjs';
import { bondowoso, offlineReload, desk, fallback } from './stories.mjs';

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const t0 = Date.now();
let xvfb, webdriver, port;
const procs = [];

function freePort() {
  return 4000 + Math.floor(Math.random() * 20000);
}

before(async () => {
  const display = ':' + (90 + Math.floor(Math.random() * 100));
  xvfb = spawn('Xvfb', [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  procs.push(xvfb);
  process.env.DISPLAY = display;
  port = freePort();
  webdriver = spawn('WebKitWebDriver', [`--port=${port}`], { stdio: 'ignore', env: { ...process.env, DISPLAY: display } });
  procs.push(webdriver);
  for (let i = 0; i < 50; i++) {
    try { if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
});
after(() => {
  for (const p of procs) p.kill();
  console.log(`# WebKitGTK: ${((Date.now() - t0) / 1000).toFixed(1)} s in all`);
});
process.on('exit', () => { for (const p of procs) p.kill(); });

async function open() {
  const session = await new Builder()
    .usingServer(`http://127.0.0.1:${port}`)
    .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } })
    .build();
  await session.manage().window().setRect({ width: 400, height: 740 });
  return session;
}

function driver(s) {
  const run = (fn, ...args) => s.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     Promise.resolve((${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1))).then(done, (e) => done({ __error: String(e) }));`, ...args)
    .then((v) => { if (v && v.__error) throw new Error(v.__error); return v; });
  const waitFor = async (fn, timeout = 15000) => {
    const end = Date.now() + timeout;
    for (;;) {
      try { if (await run(fn)) return; } catch { /* the page is changing */ }
      if (Date.now() > end) throw new Error('timed out waiting for ' + fn);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return {
    goto: (url) => s.get(url),
    eval: run,
    click: async (sel) => {
      try {
        const el = await s.findElement(By.css(sel));
        // WebKit's driver does not scroll a field out from under the sticky step bar.
        await s.executeScript('arguments[0].scrollIntoView({ block: "center" })', el);
        await el.click();
      } catch (e) {
        throw new Error(`clicking ${sel}: ${e.name} ${e.message}`);
      }
    },
    type: async (sel, text) => {
      const el = await s.findElement(By.css(sel));
      try {
        await s.executeScript('arguments[0].scrollIntoView({ block: "center" })', el);
        await el.click();
        await el.sendKeys(text);
      } catch (e) {
        throw new Error(`typing into ${sel}: ${e.name} ${e.message}`);
      }
      // WebKit's driver returns before every key is handled.
      await waitFor(new Function(`return document.querySelector(${JSON.stringify(sel)}).value.replace(/\\s/g, '').length >= ${text.replace(/\s/g, '').length}`));
    },
    waitFor,
  };
}

test('WebKitGTK: the Bondowoso story to Halo Dukcapil\'s WhatsApp', async () => {
  const server = await startServer();
  const s = await open();
  try {
    const length = await bondowoso(driver(s), server.url);
    console.log(`# WebKitGTK ${(await s.getCapabilities()).get('browserVersion')}: Bondowoso story done, report of ${length} characters`);
  } finally { await s.quit(); server.stop(); }
});

test('WebKitGTK: the service worker serves the page with the server gone', async () => {
  const server = await startServer();
  const s = await open();
  try {
    await offlineReload(driver(s), server.url, async () => server.stop());
    console.log('# WebKitGTK: offline reload checked a NIK');
  } finally { await s.quit(); server.stop(); }
});

test('WebKitGTK: the desk with a small pasted list', async () => {
  const server = await startServer();
  const s = await open();
  try {
    console.log(`# WebKitGTK: desk ${JSON.stringify(await desk(driver(s), server.url))}`);
  } finally { await s.quit(); server.stop(); }
});

test('WebKitGTK: a CSP that refuses wasm (as Safari 15 reads the page\'s) shows the contacts, no raw error', async () => {
  // A copy of the site whose page lacks 'wasm-unsafe-eval'.
  const dir = mkdtempSync(join(tmpdir(), 'klinik-csp-'));
  cpSync(SITE, dir, { recursive: true });
  const index = join(dir, 'index.html');
  const html = readFileSync(index, 'utf8');
  assert.ok(html.includes(" 'wasm-unsafe-eval'"));
  writeFileSync(index, html.replace(" 'wasm-unsafe-eval'", ''));
  const server = await startServer(dir + '/');
  const s = await open();
  try {
    const why = await fallback(driver(s), server.url);
    console.log(`# WebKitGTK, wasm refused by the CSP: contacts shown (data-fail=${why})`);
    assert.equal(why, 'engine');
  } finally { await s.quit(); server.stop(); rmSync(dir, { recursive: true, force: true }); }
});
