// Loads step 1 (pkg/klinik_nik.js: the checks), then steps 2 and 3
// (pkg/app.js) once step 1 is on screen, then the deployer's office list
// (same origin, no personal data). Everything else is done in Rust (src/web/).

// When the checker cannot run here, the page says so in words and shows how
// to report directly (index.html #fallback), never a raw error: no
// WebAssembly (iOS 15 and older, Lockdown Mode, browsers without a JIT), a
// module that cannot compile (a CSP that refuses wasm), a download that failed
// (then "Muat ulang" helps) or is still not here after 8 s (shown while it
// goes on; gone when it arrives). What was typed stays in the field.
const body = document.body;
const fail = (why) => {
  body.setAttribute('data-ready', 'error');
  body.setAttribute('data-fail', why);
};
const late = setTimeout(() => body.setAttribute('data-slow', ''), 8000);

// The WhatsApp template carries the digits already typed (the link is only
// followed if she taps it).
const nik = document.getElementById('nik');
const wa = document.getElementById('fb-wa');
const template = wa.href;
const fill = () => {
  const digits = nik.value.replace(/\D/g, '');
  wa.href = digits ? template.replace('%23NIK%20', '%23NIK%20' + digits) : template;
};
nik.addEventListener('input', fill);
fill();
const step1 = typeof WebAssembly === 'object'
  ? import('./pkg/klinik_nik.js')
  : Promise.reject(new Error('engine'));
step1.catch(() => {}); // handled below, once the page has painted

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
        step1.then((m) => m.setDistricts(p, text));
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
    .catch(() => body.setAttribute('data-app', 'error'))
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
  .then(() => step1)
  .then((m) => m.default())
  .then(() => {
    clearTimeout(late);
    body.removeAttribute('data-slow');
    addEventListener('hashchange', loadApp, { once: true });
    // Opened (or brought back after the phone dropped the tab) on step 2 or 3.
    if (/^#(apa|lapor)$/.test(location.hash)) loadApp();
    else if (self.requestIdleCallback) requestIdleCallback(loadApp, { timeout: 2000 });
    else setTimeout(loadApp, 500);
  })
  .catch((e) => {
    clearTimeout(late);
    body.removeAttribute('data-slow');
    // A fetch or import that failed is a TypeError: the network, which a
    // reload can mend. So is a module that does not compile where an empty
    // one compiles and starts: the file was damaged on the way. Anything else
    // (no WebAssembly, or a CSP that refuses it: Chromium at compiling,
    // WebKit only at starting, both as a CompileError) is this browser's engine.
    try {
      new WebAssembly.Instance(new WebAssembly.Module(Uint8Array.of(0, 97, 115, 109, 1, 0, 0, 0)));
      if (e instanceof WebAssembly.CompileError) e = new TypeError();
    } catch {}
    fail(e instanceof TypeError || navigator.onLine === false ? 'network' : 'engine');
  });
