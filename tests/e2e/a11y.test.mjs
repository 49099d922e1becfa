// What a screen reader is given: Chromium's own accessibility tree (the one it
// hands to TalkBack and other screen readers), read over the DevTools protocol
// on each of the three steps. Not a run with a real screen reader: that was not
// possible on this machine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openReady } from './helpers.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const CONTROLS = new Set(['textbox', 'combobox', 'button', 'link', 'radio', 'checkbox', 'spinbutton', 'searchbox']);

/** Every control a screen reader can reach on screen now, with its role and name. */
async function controls(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const visible = [];
  for (const n of nodes) {
    if (n.ignored || !CONTROLS.has(n.role?.value)) continue;
    const hidden = (n.properties ?? []).some((p) => p.name === 'hidden' && p.value.value);
    if (!hidden) visible.push({ role: n.role.value, name: (n.name?.value ?? '').trim() });
  }
  return visible;
}

function assertAllNamed(list, step) {
  assert.ok(list.length > 0, `${step}: no controls found`);
  const unnamed = list.filter((c) => c.name === '');
  assert.deepEqual(unnamed, [], `${step}: controls without a name a screen reader could read`);
}

test('every control on every step has a name; problems are in live regions; focus lands on each step heading', async () => {
  const { page, context, problems } = await openReady(browser, server.url);
  const step1 = await controls(page);
  assertAllNamed(step1, 'Cek NIK');
  assert.ok(step1.some((c) => c.role === 'textbox' && /NIK \(16 angka di KTP-el\)/.test(c.name)), JSON.stringify(step1));

  // A wrong NIK: the explanation is inside a live region, so it is read out without moving focus.
  await page.locator('#nik').fill('3511013203850001');
  const live = await page.locator('#messages li').first().evaluate((li) => {
    const region = li.closest('[aria-live], [role="status"], [role="alert"]');
    return region && (region.getAttribute('aria-live') ?? region.getAttribute('role'));
  });
  assert.equal(live, 'polite');
  await page.locator('#nik').fill('3511015003850001');

  await page.getByRole('button', { name: 'Lanjut: Apa yang terjadi?' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'diag-title');
  const step2 = await controls(page);
  assertAllNamed(step2, 'Apa yang terjadi?');
  assert.ok(step2.filter((c) => c.role === 'radio').length >= 10, 'the answers are radio buttons a screen reader can tick');

  await page.getByRole('radio', { name: 'BPJS Kesehatan', exact: true }).check();
  await page.locator('#diagnose :is(a, button):visible', { hasText: 'Lanjut: Lapor' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'act-title');
  await page.getByText('Ganti kabupaten/kota, atau ketik nomor WhatsApp kantor').click();
  const step3 = await controls(page);
  assertAllNamed(step3, 'Lapor');
  assert.ok(step3.some((c) => c.role === 'link' && /WhatsApp/.test(c.name)), JSON.stringify(step3));
  assert.ok(step3.some((c) => c.role === 'searchbox' && /alamat KK Anda sekarang/.test(c.name)), 'the office search is reachable');

  // The step bar says which step is current, in words a screen reader reads.
  assert.equal(await page.locator('nav.progress [aria-current="step"]').getAttribute('data-step'), 'act');
  assert.deepEqual(problems, []);
  await context.close();
});
