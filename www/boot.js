// Loads the WebAssembly module; everything else is done in Rust (src/web.rs).
import init from './pkg/klinik_nik.js';
init().catch((e) => {
  document.body.setAttribute('data-ready', 'error');
  const p = document.createElement('p');
  p.className = 'load-error';
  p.textContent = 'Maaf, halaman gagal dimuat. Coba muat ulang. / Sorry, the page failed to load. Please reload. (' + e + ')';
  document.querySelector('main').prepend(p);
});
