// Shared set-up for the end-to-end tests: a static server for the built site, target/site/
// (gzip, like a host), and Debian's Chromium driven by playwright-core at a phone viewport.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const SHOTS = ROOT + 'target/screenshots/';
mkdirSync(SHOTS, { recursive: true });

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

export const SITE = ROOT + 'target/site/';

export async function startServer(dir = SITE) {
  const port = await freePort();
  // tools/serve.mjs: gzip, ETag and types like a real static host (own process,
  // so a test's synchronous work never stalls it).
  const proc = spawn(process.execPath, [ROOT + 'tools/serve.mjs', dir, String(port)], { stdio: 'ignore' });
  // Never keep the test process alive, and never outlive it.
  proc.unref();
  process.on('exit', () => proc.kill());
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try { const r = await fetch(url); if (r.ok) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, stop: () => proc.kill() };
}

export async function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** Pixel 5's screen in CSS px (the size the app issue asks the tests to use). */
export const PIXEL_5 = { width: 393, height: 851 };
/** The narrow cheap phone the guide asks every piece to fit. */
export const NARROW = { width: 360, height: 740 };

/** A phone (Pixel 5 unless `viewport` says otherwise): touch, Indonesian locale. */
export async function phone(browser, viewport = PIXEL_5) {
  const context = await browser.newContext({
    viewport, deviceScaleFactor: 2.75, isMobile: true, hasTouch: true, locale: 'id-ID',
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  // Every test, on closing its phone: no page error or console error it did not
  // expect, and no request to another host (the privacy promise).
  const expected = [];
  const close = context.close.bind(context);
  context.close = async (...args) => {
    await close(...args);
    assert.deepEqual(problems.filter((p) => !expected.some((re) => re.test(p))), [], 'console errors or page errors');
    const foreign = requests.filter((u) => !/^(data|blob):/.test(u) && new URL(u).hostname !== '127.0.0.1');
    assert.deepEqual(foreign, [], 'requests to another host');
  };
  return { context, page, problems, requests, expectConsole: (re) => expected.push(re) };
}

/** A phone page on `url`, waited until both wasm modules have wired the page. `setup` runs before navigation. */
export async function openReady(browser, url, setup, viewport) {
  const p = await phone(browser, viewport);
  if (setup) await setup(p.page);
  await p.page.goto(url);
  // Step 1's module, then steps 2 and 3's (boot.js loads it once step 1 is on screen).
  await p.page.waitForSelector('body[data-ready="yes"][data-app="ready"]');
  return p;
}

/**
 * Polls `fn` in the page until it returns something truthy. (waitForFunction
 * takes a returned Promise itself as truthy, so it cannot wait on async checks
 * such as the Cache API.)
 */
export async function until(page, fn, arg, timeout = 30000) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await page.evaluate(fn, arg);
    if (v) return v;
    if (Date.now() > end) throw new Error('until: timed out waiting for ' + fn);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** For `until(page, inCache, path)`: the service worker's cache holds `path` (runs in the page). */
export const inCache = async (path) => {
  const keys = await caches.keys();
  return keys.length > 0 && !!(await (await caches.open(keys[0])).match(path));
};

/**
 * Each match of `pattern` (a global RegExp) in the text under the elements of
 * `locator`, with the number of lines it sits on: 1 unless a line break
 * splits it. (A Range over the text node that holds it.)
 */
export function linesOf(locator, pattern) {
  return locator.evaluateAll((els, [source, flags]) => els.flatMap((el) => {
    const out = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode());) {
      for (const m of node.data.matchAll(new RegExp(source, flags))) {
        const r = document.createRange();
        r.setStart(node, m.index);
        r.setEnd(node, m.index + m[0].length);
        out.push([m[0], new Set([...r.getClientRects()].map((q) => Math.round(q.top))).size]);
      }
    }
    return out;
  }), [pattern.source, pattern.flags]);
}
