// Loads step 1 (pkg/klinik_nik.js: the checks), then steps 2 and 3
// (pkg/app.js) once step 1 is on screen, then the deployer's office list
// (same origin, no personal data). Everything else is done in Rust (src/web/).
import init, { setDistricts } from './pkg/klinik_nik.js';

// District names, one province at a time, when a NIK's first two digits are
// known (src/web/check/districts.rs asks; the service worker keeps each file).
// On a first visit the page is not yet under the service worker, so it is
// asked to keep the file itself.
self.klinik = {
  districts: (p) => {
    const file = 'districts/' + String(p).padStart(2, '0') + '.txt';
    return fetch(file)
      .then((r) => (r.ok ? r.text() : undefined), () => undefined)
      .then((text) => {
        setDistricts(p, text);
        // (Under the worker, its fetch handler has kept it already.)
        if (text && 'serviceWorker' in navigator && !navigator.serviceWorker.controller) {
          navigator.serviceWorker.ready.then((r) => r.active?.postMessage({ keep: file }));
        }
      });
  },
};

// The wasm download starts after the first paint (or 100 ms, for a hidden
// tab), so the page's text is on screen before the biggest file competes
// with it, every time rather than by the luck of timing.
const painted = new Promise((done) => {
  requestAnimationFrame(() => setTimeout(done));
  setTimeout(done, 100);
});

// Steps 2 and 3: when the browser is idle after step 1, or at once when the
// citizen moves on. Until then those steps show a loading line; if it fails,
// they say so and step 1 keeps working (style.css, body[data-app]).
// Their stylesheet, their glue and their wasm are fetched together; the
// module starts once its rules are in, so its controls never show unstyled.
let app;
const stylesheet = () => new Promise((done, fail) => {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = 'app.css';
  link.onload = done;
  link.onerror = fail;
  document.head.append(link);
});
const loadApp = () => {
  app ??= Promise.all([import('./pkg/app.js'), fetch('pkg/app_bg.wasm'), stylesheet()])
    .then(([m, wasm]) => m.default({ module_or_path: wasm }).then(() => m))
    .then((m) => fetch('offices.json', { cache: 'no-cache' })
      .then((r) => (r.ok ? r.text() : ''))
      .catch(() => '')
      .then(m.setOfficeConfig))
    .catch(() => document.body.setAttribute('data-app', 'error'))
    // The offline copy is made once both modules are here, so the service
    // worker's install finds them in the browser's cache, not on the network again.
    .finally(offline);
};

// Offline after the first visit (www/sw.js); nothing personal is cached.
// updateViaCache 'none': the update check fetches sw.js and pkg/precache.js
// past the HTTP cache, so a new build is seen on the next visit even where
// the host sends Cache-Control (the default lets imported scripts be stale).
const offline = () => {
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('sw.js', { updateViaCache: 'none' }).catch(() => {});
  }
};

painted
  .then(() => init())
  .then(() => {
    addEventListener('hashchange', loadApp, { once: true });
    // Opened (or brought back after the phone dropped the tab) on step 2 or 3.
    if (/^#(apa|lapor)$/.test(location.hash)) loadApp();
    else if (self.requestIdleCallback) requestIdleCallback(loadApp, { timeout: 2000 });
    else setTimeout(loadApp, 500);
  })
  .catch((e) => {
    document.body.setAttribute('data-ready', 'error');
    const p = document.createElement('p');
    p.className = 'load-error';
    p.textContent = 'Maaf, halaman gagal dimuat. Coba muat ulang. / Sorry, the page failed to load. Please reload. (' + e + ')';
    document.querySelector('main').prepend(p);
  });
