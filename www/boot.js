// Loads the WebAssembly module, then the deployer's office list (same origin,
// no personal data). Everything else is done in Rust (src/web/).
import init, { setOfficeConfig, setDistricts } from './pkg/klinik_nik.js';

// District names, one province at a time, when a NIK's first two digits are
// known (src/web/districts.rs asks; the service worker keeps each file).
self.klinik = {
  districts: (p) => fetch('districts/' + String(p).padStart(2, '0') + '.txt')
    .then((r) => (r.ok ? r.text() : undefined), () => undefined)
    .then((text) => setDistricts(p, text)),
};

// The wasm download starts after the first paint (or 100 ms, for a hidden
// tab), so the page's text is on screen before the biggest file competes
// with it, every time rather than by the luck of timing.
const painted = new Promise((done) => {
  requestAnimationFrame(() => setTimeout(done));
  setTimeout(done, 100);
});

painted
  .then(() => init())
  .then(() => fetch('offices.json', { cache: 'no-cache' })
    .then((r) => (r.ok ? r.text() : ''))
    .catch(() => '')
    .then(setOfficeConfig))
  .then(() => {
    // Offline after the first visit (www/sw.js); nothing personal is cached.
    // updateViaCache 'none': the update check fetches sw.js and pkg/precache.js
    // past the HTTP cache, so a new build is seen on the next visit even where
    // the host sends Cache-Control (the default lets imported scripts be stale).
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register('sw.js', { updateViaCache: 'none' }).catch(() => {});
    }
  })
  .catch((e) => {
    document.body.setAttribute('data-ready', 'error');
    const p = document.createElement('p');
    p.className = 'load-error';
    p.textContent = 'Maaf, halaman gagal dimuat. Coba muat ulang. / Sorry, the page failed to load. Please reload. (' + e + ')';
    document.querySelector('main').prepend(p);
  });
