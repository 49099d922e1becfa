// Shortens the names a wasm module and its wasm-bindgen glue share, in both
// files, after they are built (./build.sh, for the citizens' two page modules).
//
//   node tools/short_names.mjs pkg/NAME_bg.wasm pkg/NAME.js
//
// wasm-bindgen names every import after the JS it calls plus a 16-digit hash
// (`__wbg_addEventListener_f2d27251d333a631`) and its internal exports after
// Rust paths (`wasm_bindgen_7cf3…___convert__closures…invoke…`). Each name is
// written twice, once in the wasm and once in the glue, and the hashes do not
// compress: step 1's 82 imports cost 2.8 KB gzip of its 55 KB (measured
// 2026-11-28). Emscripten and wasm-opt's `--minify-imports` do the same for
// their own import module; wasm-bindgen has no such option.
//
// What is renamed, and how it is kept safe:
// - every import (the glue passes one object of functions, one key per import,
//   under the module name `./NAME_bg.js`): module `a`, names `a`, `b`, …;
// - the exports only the glue uses (`__wbindgen_*`, `__externref_*`,
//   `wasm_bindgen_*`, read as `wasm.NAME`); the module's own API (`start`,
//   `setDistricts`, …) and `memory` keep their names.
// Each old name must appear in the glue exactly as expected (an import once,
// as an object key; an export only as `.NAME`), or nothing is written and the
// build fails: a new wasm-bindgen that shapes its glue differently stops
// here, not in a visitor's browser. Standard library only.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

const [wasmPath, jsPath] = process.argv.slice(2);
if (!wasmPath || !jsPath) {
  console.error('usage: node tools/short_names.mjs MODULE_bg.wasm MODULE.js');
  process.exit(2);
}
const wasm = readFileSync(wasmPath);
let js = readFileSync(jsPath, 'utf8');
const fail = (msg) => { console.error(`short_names: ${jsPath}: ${msg}`); process.exit(1); };

// a, b, …, z, A, …, Z, aa, ab, …: valid property names without quotes.
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const short = (n) => (n < LETTERS.length ? LETTERS[n] : short(Math.floor(n / LETTERS.length) - 1) + LETTERS[n % LETTERS.length]);
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let at = 8;
const u32 = () => { let r = 0, s = 0, x; do { x = wasm[at++]; r |= (x & 0x7f) << s; s += 7; } while (x & 0x80); return r >>> 0; };
const leb = (n) => { const o = []; do { let x = n & 0x7f; n >>>= 7; if (n) x |= 0x80; o.push(x); } while (n); return Buffer.from(o); };
const name = () => { const l = u32(); const s = wasm.subarray(at, at + l).toString(); at += l; return s; };
const vec = (s) => Buffer.concat([leb(Buffer.byteLength(s)), Buffer.from(s)]);
const limits = () => { const f = wasm[at++]; u32(); if (f & 1) u32(); };

const moduleName = `./${basename(wasmPath, '.wasm')}.js`;
const imports = [];
const exports = [];
const out = [wasm.subarray(0, 8)];
while (at < wasm.length) {
  const id = wasm[at++];
  const len = u32();
  const end = at + len;
  if (id === 2) {
    const parts = [leb(u32())];
    while (at < end) {
      const mod = name();
      const old = name();
      const from = at;
      const kind = wasm[at++];
      if (kind === 0) u32();
      else if (kind === 1) { at++; limits(); }
      else if (kind === 2) limits();
      else if (kind === 3) at += 2;
      else fail(`unknown import kind ${kind}`);
      if (mod !== moduleName) fail(`import ${mod}.${old} is not from ${moduleName}`);
      const now = short(imports.length);
      imports.push([old, now]);
      parts.push(vec('a'), vec(now), wasm.subarray(from, at));
    }
    const body = Buffer.concat(parts);
    out.push(Buffer.from([id]), leb(body.length), body);
  } else if (id === 7) {
    const parts = [leb(u32())];
    while (at < end) {
      const old = name();
      const from = at;
      at++;
      u32();
      let now = old;
      if (/^(__wbindgen_|__externref_|wasm_bindgen_)/.test(old)) {
        now = `_${short(exports.length)}`;
        exports.push([old, now]);
      }
      parts.push(vec(now), wasm.subarray(from, at));
    }
    const body = Buffer.concat(parts);
    out.push(Buffer.from([id]), leb(body.length), body);
  } else {
    out.push(Buffer.from([id]), leb(len), wasm.subarray(at, end));
  }
  if (at > end) fail(`section ${id} misread`);
  at = end;
}

const count = (re) => (js.match(re) || []).length;
// Every appearance of a name as a whole token, however it is used.
const token = (s) => new RegExp(`(?<![\\w$])${escape(s)}(?![\\w$])`, 'g');
const moduleKey = new RegExp(`"${escape(moduleName)}":`, 'g');
if (count(moduleKey) !== 1 || js.split(moduleName).length !== 2) fail(`"${moduleName}" is not one object key`);
js = js.replace(moduleKey, 'a:');
for (const [old, now] of imports) {
  const key = new RegExp(`(?<![\\w$])${escape(old)}:`, 'g');
  if (count(key) !== 1 || count(token(old)) !== 1) fail(`import ${old} is not one object key`);
  js = js.replace(key, `${now}:`);
}
for (const [old, now] of exports) {
  const use = new RegExp(`\\.${escape(old)}(?![\\w$])`, 'g');
  if (count(use) !== count(token(old))) fail(`export ${old} is not only read as .${old}`);
  js = js.replace(use, `.${now}`);
}
writeFileSync(wasmPath, Buffer.concat(out));
writeFileSync(jsPath, js);
