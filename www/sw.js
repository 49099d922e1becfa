// Klinik NIK service worker. The app-shell list and its version are written by
// ./build.sh into pkg/precache.js, so the cache name changes with every build
// that changes a file. Same-origin GETs are answered cache-first; old caches
// are deleted on activate. There is no skipWaiting: an open session keeps the
// version it started with, and a new build takes over on the next visit.
// The one exception is offices.json: a deployer may edit it without building,
// so it is fetched from the network when there is one (it carries no personal
// data) and the cached copy serves offline.
importScripts('pkg/precache.js'); // self.KLINIK_VERSION, self.KLINIK_FILES

const CACHE = 'klinik-nik-' + self.KLINIK_VERSION;

// The office desk's files (self.KLINIK_LAZY) are not precached: citizens
// never need them. They are kept once fetched, and a new build fetches them
// again at install only where the desk was used, so the desk stays offline.
const LAZY = new Set((self.KLINIK_LAZY || []).map((f) => new URL(f, self.location).pathname));
// District names (districts/PP.txt) are fetched one province at a time and
// kept; a new build fetches again the provinces the old cache had.
const DISTRICTS = /\/districts\/\d\d\.txt$/;
// The guidance pages (panduan/) are kept once read, like the district files.
const GUIDES = /\/panduan\/(en\/)?([a-z0-9-]+\.html)?$/;
const kept = (path) => LAZY.has(path) || DISTRICTS.test(path) || GUIDES.test(path) || path.endsWith('/guide.css');

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then(async (cache) => {
    await cache.addAll(self.KLINIK_FILES);
    const old = await caches.keys().then((keys) => Promise.all(keys
      .filter((k) => k.startsWith('klinik-nik-') && k !== CACHE).map((k) => caches.open(k))));
    if ((await Promise.all(old.map((c) => c.match('desk.html')))).some(Boolean)) {
      await cache.addAll(self.KLINIK_LAZY);
    }
    const provinces = new Set((await Promise.all(old.map((c) => c.keys()))).flat()
      .map((r) => new URL(r.url).pathname).filter((p) => DISTRICTS.test(p)));
    // A province file the new build no longer has must not stop the update.
    await Promise.all([...provinces].map((p) => cache.add(p).catch(() => {})));
  }));
});

// The desk asks for its files to be kept on its first visit (it was not yet
// controlled, so its own requests went past this worker).
// Likewise a district file fetched on the page's first visit ({keep: path}).
self.addEventListener('message', (event) => {
  if (event.data === 'keep-desk') {
    event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(self.KLINIK_LAZY)));
  }
  const keep = event.data && event.data.keep;
  if (typeof keep === 'string' && DISTRICTS.test(new URL(keep, self.location).pathname)) {
    event.waitUntil(caches.open(CACHE).then((cache) => cache.add(keep)).catch(() => {}));
  }
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(
    keys.filter((k) => k.startsWith('klinik-nik-') && k !== CACHE).map((k) => caches.delete(k)))));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.endsWith('/offices.json')) {
    event.respondWith(fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(url.pathname.replace(/^.*\//, ''), copy));
        }
        return response;
      })
      .catch(() => caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true, ignoreVary: true }))));
    return;
  }
  // The page is cached once, as "./": a link to index.html gets the same copy.
  const page = url.pathname.endsWith('/index.html') ? './' : request;
  event.respondWith(caches.open(CACHE).then((cache) => cache
    .match(page, { ignoreSearch: true, ignoreVary: true })
    .then((hit) => hit || fetch(request).then((response) => {
      if (response.ok && kept(url.pathname)) cache.put(url.pathname, response.clone());
      return response;
    }, (offline) => {
      // Offline, a province never fetched: an empty answer (the page then
      // says the district's name comes once online), not a network error.
      if (DISTRICTS.test(url.pathname)) return new Response('');
      throw offline;
    }))));
});
