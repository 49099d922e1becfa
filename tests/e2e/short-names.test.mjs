// tools/short_names.mjs, which shortens the names a wasm module and its glue
// share (./build.sh runs it on the page modules). Tried here on a copy of the
// public core module, whose glue is the readable one wasm-bindgen writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, cpSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';

const TOOL = ROOT + 'tools/short_names.mjs';
const NAME = 'klinik_nik_core';

function copy() {
  const dir = mkdtempSync(join(tmpdir(), 'short-'));
  cpSync(ROOT + 'www/core', dir, { recursive: true });
  return { dir, wasm: join(dir, NAME + '_bg.wasm'), js: join(dir, NAME + '.js') };
}
const run = (m) => spawnSync(process.execPath, [TOOL, m.wasm, m.js], { encoding: 'utf8' });
const load = async (m) => {
  const mod = await import(m.js + '?' + Math.random());
  mod.initSync({ module: readFileSync(m.wasm) });
  return mod;
};

test('shortened names: smaller, and the module answers exactly as before', async () => {
  const before = copy();
  const after = copy();
  const r = run(after);
  assert.equal(r.status, 0, r.stderr);
  const js = readFileSync(after.js, 'utf8');
  assert.doesNotMatch(js, /__wbg_\w+_[0-9a-f]{16}/, 'no hashed import name is left in the glue');
  assert.ok(readFileSync(after.wasm).length < readFileSync(before.wasm).length);
  assert.ok(js.length < readFileSync(before.js, 'utf8').length);
  const [a, b] = [await load(before), await load(after)];
  const today = '2026-11-28';
  for (const nik of ['3511015003850001', '35110150O3850001', '', 'x'.repeat(1000), '\uD800', '9101014101800009']) {
    assert.deepEqual(b.checkNik(nik, 'id', today), a.checkNik(nik, 'id', today));
    assert.deepEqual(b.checkKk(nik, 'en', today), a.checkKk(nik, 'en', today));
  }
  assert.deepEqual(b.compareStated('3511015003850001', { birthDate: '1985-03-12', sex: 'male' }, 'en', today),
    a.compareStated('3511015003850001', { birthDate: '1985-03-12', sex: 'male' }, 'en', today));
});

test('glue of an unexpected shape: the tool fails and writes nothing', () => {
  const m = copy();
  const original = readFileSync(m.js, 'utf8');
  const name = original.match(/__wbg_\w+_[0-9a-f]{16}/)[0];
  // The same import name used a second time, not as its object key.
  const odd = original + `\nconst seen = ${JSON.stringify(name)};\n`;
  writeFileSync(m.js, odd);
  const wasm = readFileSync(m.wasm);
  const r = run(m);
  assert.equal(r.status, 1);
  assert.match(r.stderr, new RegExp(`import ${name} is not one object key`));
  assert.equal(readFileSync(m.js, 'utf8'), odd);
  assert.deepEqual(readFileSync(m.wasm), wasm);
});
