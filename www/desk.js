// The office desk: loads the desk module (its own build of the crate, so
// citizens never download it) and hands the page to Rust (src/desk/).
import init, { deskPage } from './pkg/desk.js';

init().then(deskPage).then(() => {
  // Offline from now on: the service worker keeps the desk's files too
  // (they are not in the citizens' precache). Nothing personal is cached.
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('sw.js', { updateViaCache: 'none' })
      .then(() => navigator.serviceWorker.ready)
      .then((reg) => reg.active && reg.active.postMessage('keep-desk'))
      .catch(() => {});
  }
}).catch((e) => {
  document.body.setAttribute('data-ready', 'error');
  const p = document.createElement('p');
  p.className = 'load-error';
  p.textContent = 'Maaf, halaman gagal dimuat. Coba muat ulang. / Sorry, the page failed to load. Please reload. (' + e + ')';
  document.querySelector('main').prepend(p);
});
