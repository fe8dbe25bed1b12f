// Browser test of the stratstab page: drives Debian's chromium headless through playwright-core
// against a running `stratstab serve`.
//
//   STRATSTAB_URL=http://127.0.0.1:PORT/ STRATSTAB_SHOTS=build/web-shots node web/tests/browser.test.mjs
//
// Env: STRATSTAB_URL (required), STRATSTAB_SHOTS (screenshots and downloads; default
// ./web-shots), CHROMIUM (default /usr/bin/chromium), STRATSTAB_HEADED=1 to watch.
// Every number the page shows is compared with the API's own answer, fetched here.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '..', 'package.json'));

const BASE = process.env.STRATSTAB_URL;
const SHOTS = path.resolve(process.env.STRATSTAB_SHOTS || 'web-shots');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const T = 20000; // per-step timeout (ms)

function fail(message) {
  console.error('browser test: FAIL: ' + message);
  process.exit(1);
}

if (!BASE) fail('STRATSTAB_URL is not set (the URL of a running `stratstab serve`)');
if (!fs.existsSync(CHROMIUM)) fail(`no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM)`);
let chromium;
try {
  ({ chromium } = require('playwright-core'));
} catch (e) {
  fail('playwright-core is not installed: run `npm ci` in web/ (' + e.message + ')');
}
fs.mkdirSync(SHOTS, { recursive: true });
fs.rmSync(path.join(SHOTS, 'failure.png'), { force: true });
const base = BASE.endsWith('/') ? BASE : BASE + '/';

async function api(command, body) {
  const res = await fetch(base + 'api/' + command, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  return { status: res.status, json };
}

const results = [];
let current = '';
async function step(name, fn) {
  current = name;
  const t0 = Date.now();
  await fn();
  const ms = Date.now() - t0;
  results.push([name, ms]);
  console.log(`  ok  ${name} (${ms} ms)`);
}

const close = (a, b, tol) => Math.abs(a - b) <= (tol === undefined ? 1e-9 : tol);

async function indexOf(page) {
  const v = await page.locator('#index').getAttribute('data-value');
  return v === null ? NaN : Number(v);
}

// Waits until the page's index is `expected` (the API's answer) and not computing.
async function waitIndex(page, expected, what) {
  try {
    await page.waitForFunction(
      (x) => {
        const e = document.querySelector('#index');
        return e && e.dataset.value !== undefined && Math.abs(Number(e.dataset.value) - x) < 1e-9 && !document.body.classList.contains('busy');
      },
      expected,
      { timeout: T },
    );
  } catch (e) {
    throw new Error(`${what}: the page's index stayed ${await indexOf(page)} (shown "${await page.textContent('#index')}"), expected ${expected} from the API`);
  }
}

async function svgOf(page, id) {
  return page.locator('#' + id).evaluate((n) => n.innerHTML).catch(() => null);
}

async function expectSvg(page, id, extra) {
  try {
    await page.waitForSelector(`#${id} svg`, { timeout: T });
  } catch (e) {
    const text = await page.locator('#' + id).textContent().catch(() => '');
    throw new Error(`plot #${id} has no SVG${text ? ': it says "' + text.trim() + '"' : ''}${extra ? ' (' + extra + ')' : ''}`);
  }
}

const shot = async (page, id) => {
  const loc = page.locator('#' + id).locator('xpath=..');
  await loc.scrollIntoViewIfNeeded();
  await loc.screenshot({ path: path.join(SHOTS, id.replace(/^plot-/, '') + '.png') });
};

const t0 = Date.now();
let browser;
const pageErrors = [];
try {
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: process.env.STRATSTAB_HEADED !== '1', args: ['--disable-dev-shm-usage'] });
  console.log(`browser test: ${base} with chromium ${browser.version()}, playwright-core ${require('playwright-core/package.json').version}`);
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    // A 400 answer to a bad value is part of the test; the browser logs it as a failed load.
    if (m.type() === 'error' && !/favicon|status of 400/.test(m.text())) pageErrors.push('console: ' + m.text());
  });

  const catalog = (await api('catalog')).json;
  const defaultScenario = catalog.scenarios.includes('us-ru-2026-11') ? 'us-ru-2026-11' : catalog.scenarios[0];

  await step('the page loads and shows the default assessment', async () => {
    const expected = await api('assess', { scenario: defaultScenario });
    assert.equal(expected.status, 200, 'POST /api/assess of the default scenario failed');
    await page.goto(base);
    await waitIndex(page, expected.json.stability.index, 'default assessment');
    assert.equal(await page.inputValue('#scenario'), defaultScenario);
    const shown = Number(await page.textContent('#index'));
    assert.ok(close(shown, expected.json.stability.index, 5e-7), `index shown ${shown}, API ${expected.json.stability.index}`);
    // Each side's C1, C2 and ratio in the sides table.
    for (const [id, s] of Object.entries(expected.json.stability.sides)) {
      const row = page.locator('#table-sides tbody tr', { hasText: id }).first();
      const cells = await row.locator('td').allTextContents();
      assert.ok(close(Number(cells[1]), s.c1, 5e-4) && close(Number(cells[2]), s.c2, 5e-4) && close(Number(cells[3]), s.ratio, 5e-4), `sides row ${id}: ${cells.join(' | ')} vs the API ${JSON.stringify(s)}`);
    }
    assert.equal(await page.locator('#table-what-moved tbody tr').count(), (expected.json.what_moved_it || []).length, 'one "what moved the index" row per feature');
    assert.equal(await page.locator('#table-exchanges tbody tr').count(), expected.json.exchanges.length, 'one row per first strike');
    for (const id of ['plot-drawdown', 'plot-costs', 'plot-square']) await expectSvg(page, id, 'assess with options.curves');
    // s* is marked on the draw-down and cost plots.
    for (const id of ['plot-drawdown', 'plot-costs']) assert.match(await page.locator('#' + id).textContent(), /s\* = \d+/, `#${id} marks s*`);
  });

  let goldenIndex;
  await step('picking another scenario changes the index', async () => {
    const before = await indexOf(page);
    const expected = await api('assess', { scenario: 'golden-dome' });
    goldenIndex = expected.json.stability.index;
    assert.notEqual(goldenIndex, before, 'golden-dome and the default have the same index; pick another scenario for the test');
    await page.selectOption('#scenario', 'golden-dome');
    await waitIndex(page, goldenIndex, 'golden-dome');
    await page.waitForSelector('.field[data-key="sides.US.defence.interceptors"]', { timeout: T });
  });

  await step('moving a slider changes the index and the plots', async () => {
    const squareBefore = await svgOf(page, 'plot-square');
    const costsBefore = await svgOf(page, 'plot-costs');
    const expected = await api('assess', { scenario: 'golden-dome', set: { 'sides.US.defence.interceptors': 0 } });
    assert.notEqual(expected.json.stability.index, goldenIndex);
    await page.locator('#f-sides-US-defence-interceptors-slider').fill('0');
    await waitIndex(page, expected.json.stability.index, 'interceptors slider at 0');
    assert.equal(await page.inputValue('#f-sides-US-defence-interceptors'), '0', 'the number box follows the slider');
    const squareAfter = await svgOf(page, 'plot-square');
    assert.ok(squareAfter && squareAfter !== squareBefore, 'the probability square did not change');
    assert.ok((await svgOf(page, 'plot-costs')) !== costsBefore, 'the cost curves C_A(s), C_B(s) did not change');
    assert.ok(page.url().includes('#s='), 'the state is in the URL');
  });

  await step('a bad value shows the validation error beside its field', async () => {
    const expected = await api('assess', { scenario: 'golden-dome', set: { 'sides.US.defence.interceptors': 0, 'sides.US.withheld': 1.7 } });
    assert.equal(expected.status, 400, 'the API takes withheld = 1.7');
    const diag = expected.json.diagnostics.find((d) => d.key === 'sides.US.withheld');
    assert.ok(diag, 'the 400 has a diagnostic for sides.US.withheld');
    await page.fill('#f-sides-US-withheld', '1.7');
    await page.press('#f-sides-US-withheld', 'Enter');
    const err = page.locator('#err-sides-US-withheld');
    await err.filter({ hasText: diag.message }).waitFor({ timeout: T }).catch(async () => {
      throw new Error(`no error beside sides.US.withheld (it says "${await err.textContent()}"; expected "${diag.message}")`);
    });
    assert.ok(await page.locator('.field[data-key="sides.US.withheld"]').evaluate((n) => n.classList.contains('invalid')));
    // Back to the scenario value: the error goes, the index comes back.
    await page.click('.field[data-key="sides.US.withheld"] button.reset');
    const ok = await api('assess', { scenario: 'golden-dome', set: { 'sides.US.defence.interceptors': 0 } });
    await waitIndex(page, ok.json.stability.index, 'after resetting withheld');
    assert.equal((await err.textContent()).trim(), '', 'the error stays after the reset');
  });

  await step('the exchanges table downloads as CSV', async () => {
    const expected = await api('assess', { scenario: 'golden-dome', set: { 'sides.US.defence.interceptors': 0 } });
    const wait = page.waitForEvent('download', { timeout: T });
    await page.click('#exchanges-table button[data-format=csv]');
    const dl = await wait;
    const file = path.join(SHOTS, dl.suggestedFilename());
    await dl.saveAs(file);
    assert.match(dl.suggestedFilename(), /\.csv$/);
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    const header = lines[0].split(',');
    assert.deepEqual(header.slice(0, 3), ['striker', 'victim', 'striker_warheads'], 'CSV header: ' + lines[0]);
    assert.equal(lines.length, 1 + expected.json.exchanges.length, 'one CSV row per first strike');
    const col = header.indexOf('counterforce_spent');
    for (let i = 0; i < expected.json.exchanges.length; ++i) {
      const cells = lines[i + 1].split(',');
      const e = expected.json.exchanges[i];
      assert.equal(cells[0], e.striker);
      assert.ok(close(Number(cells[col]), e.counterforce_spent, 1e-9), `CSV s* ${cells[col]} vs ${e.counterforce_spent}`);
    }
    // A plot's curve as CSV too.
    const wait2 = page.waitForEvent('download', { timeout: T });
    await page.click('.downloads[data-for=drawdown] button[data-format=csv]');
    const dl2 = await wait2;
    const file2 = path.join(SHOTS, dl2.suggestedFilename());
    await dl2.saveAs(file2);
    const curve = fs.readFileSync(file2, 'utf8').trim().split('\n');
    assert.equal(curve[0], 'strike,s,value_left,victim_surviving,is_s_star');
    assert.ok(curve.length > 10, 'the draw-down CSV has the curve points');
  });

  let sharedUrl;
  let sharedIndex;
  await step('a shared link reproduces the inputs and the index', async () => {
    sharedUrl = page.url();
    const index = await indexOf(page);
    sharedIndex = index;
    const other = await context.newPage();
    other.on('pageerror', (e) => pageErrors.push(e.message));
    await other.goto(sharedUrl);
    await waitIndex(other, index, 'the shared link');
    assert.equal(await other.inputValue('#scenario'), 'golden-dome');
    assert.equal(await other.inputValue('#f-sides-US-defence-interceptors'), '0');
    assert.ok(await other.locator('.field[data-key="sides.US.defence.interceptors"]').evaluate((n) => n.classList.contains('changed')), 'the changed key is marked');
    await other.close();
  });

  await step('sweep: the Golden Dome curve with its uncertainty band (a job)', async () => {
    await page.click('#tab-sweep');
    await expectSvg(page, 'plot-sweep', 'the default sweep of the tab');
    await page.fill('#sweep-param', 'sides.US.defence.interceptors');
    await page.fill('#sweep-values', '0,1000,2000');
    await page.fill('#sweep-samples', '12');
    await page.click('#sweep-run');
    await page.waitForSelector('#plot-sweep svg [aria-label="area"]', { timeout: 2 * T }).catch(async () => {
      throw new Error('no band on the sweep plot: ' + (await page.textContent('#err-sweep')));
    });
    const expected = await api('sweep', { scenario: 'golden-dome', set: { 'sides.US.defence.interceptors': 0 }, options: { param: 'sides.US.defence.interceptors', values: '0,1000,2000' } });
    const rows = await page.locator('#table-sweep-points tbody tr').count();
    assert.equal(rows, expected.json.points.length, 'one table row per swept value');
    const first = Number((await page.locator('#table-sweep-points tbody tr').first().locator('td').nth(1).textContent()));
    assert.ok(close(first, expected.json.points[0].index, 5e-4), `sweep index ${first} vs ${expected.json.points[0].index}`);
    // The sweep's JSON download holds its rows.
    const wait = page.waitForEvent('download', { timeout: T });
    await page.click('#sweep-table button[data-format=json]');
    const dl = await wait;
    const file = path.join(SHOTS, dl.suggestedFilename());
    await dl.saveAs(file);
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(json.length, expected.json.points.length, 'one JSON row per swept value');
    assert.ok('q05' in json[0] && 'q95' in json[0], 'the JSON rows carry the band');
    // A link to the sweep tab runs the same sweep, band included.
    const other = await context.newPage();
    await other.goto(page.url());
    await other.waitForSelector('#plot-sweep svg [aria-label="area"]', { timeout: 2 * T });
    assert.equal(await other.locator('#table-sweep-points tbody tr').count(), rows, 'the linked sweep has the same points');
    assert.equal(await other.inputValue('#sweep-samples'), '12');
    await other.close();
  });

  await step('sensitivity: tornado and the index along the upload path', async () => {
    await page.click('#tab-sensitivity');
    await page.click('#sens-run');
    await expectSvg(page, 'plot-tornado');
    await expectSvg(page, 'plot-sens-path');
  });

  await step('upload path and pathways over years', async () => {
    await page.click('#tab-paths');
    await expectSvg(page, 'plot-upload');
    await expectSvg(page, 'plot-pathways');
    const force = await page.inputValue('#upload-force');
    const treaty = await page.inputValue('#upload-treaty');
    const count = await api('treaty-count', { args: [force], options: { treaty } });
    await page.waitForSelector('#table-treaty-count tbody tr', { timeout: T });
    assert.equal(await page.locator('#table-treaty-count tbody tr').count(), count.json.limits.length, 'one treaty-count row per limit');
  });

  await step('compare scenarios', async () => {
    await page.click('#tab-compare');
    await page.waitForSelector('#table-compare tbody tr', { timeout: T });
  });

  await step('data browser: every figure with grade, source link, date and range', async () => {
    await page.click('#tab-data');
    await page.waitForSelector('#table-figures tbody tr', { timeout: T });
    const snap = await page.inputValue('#snapshot');
    const expected = await api('data-show', { args: [snap] });
    const n = await page.locator('#table-figures tbody tr').count();
    assert.ok(n > 20, `only ${n} figures shown`);
    const links = await page.locator('#table-figures tbody a[href^="http"]').count();
    assert.ok(links > 0, 'no source links in the figures table');
    const srcRows = await page.locator('#table-sources tbody tr').count();
    assert.equal(srcRows, Object.keys(expected.json.sources || {}).length, 'one row per source of the snapshot');
  });

  await step('a long run is a job with a progress bar, and Cancel stops it', async () => {
    await page.click('#tab-uncertainty');
    await page.fill('#unc-samples', '20000');
    await page.fill('#unc-sobol', '0');
    const started = page.waitForResponse((r) => r.url().endsWith('/api/jobs/uncertainty') && r.request().method() === 'POST', { timeout: T });
    await page.click('#unc-run');
    const job = await (await started).json();
    assert.ok(job.id, 'POST /api/jobs/uncertainty gave no job id');
    await page.waitForSelector('#unc-job progress', { state: 'visible', timeout: T });
    await page.click('#unc-job button.cancel');
    await page.locator('#err-unc').filter({ hasText: 'cancelled' }).waitFor({ timeout: T });
    let state = '';
    for (let i = 0; i < 50 && state !== 'cancelled'; ++i) {
      state = (await api('jobs/' + job.id)).json.state;
      if (state !== 'cancelled') await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(state, 'cancelled', `job ${job.id} is ${state} after Cancel`);
  });

  await step('uncertainty: histogram, tornado and Sobol bars (a job with progress)', async () => {
    await page.click('#tab-assess');
    await page.selectOption('#scenario', 'kent-thaler-uncertain');
    const expected = await api('assess', { scenario: 'kent-thaler-uncertain' });
    await waitIndex(page, expected.json.stability.index, 'kent-thaler-uncertain');
    await page.click('#tab-uncertainty');
    await page.fill('#unc-samples', '200');
    await page.fill('#unc-sobol', '64');
    await page.click('#unc-run');
    for (const id of ['plot-histogram', 'plot-unc-tornado', 'plot-sobol']) await expectSvg(page, id, await page.textContent('#err-unc'));
    assert.equal(await page.getAttribute('#plot-histogram', 'data-source'), 'histogram', 'the histogram bins the samples (index_histogram)');
    const unc = page.locator('#table-uncertainty-outputs tbody tr', { hasText: /^index/ }).first();
    assert.ok(await unc.count(), 'the outputs table has the index');
  });

  await step('pasted YAML is assessed, and a bad line is located', async () => {
    const text = (await api('scenarios/kent-thaler-example')).json.yaml;
    const edited = text.replace('alert: 0.5', 'alert: 0.7');
    assert.notEqual(edited, text, 'kent-thaler-example has no `alert: 0.5` to edit');
    const expected = await api('assess', { yaml: edited });
    assert.equal(expected.status, 200);
    await page.click('#tab-assess');
    await page.click('#reset-all');
    await page.click('#yaml-box summary');
    await page.fill('#yaml', edited);
    await page.click('#yaml-apply');
    await waitIndex(page, expected.json.stability.index, 'the pasted YAML');
    const bad = edited.replace('alert: 0.7', 'alert: 1.5');
    const err = await api('assess', { yaml: bad });
    assert.equal(err.status, 400);
    const d = err.json.diagnostics[0];
    await page.fill('#yaml', bad);
    await page.click('#yaml-apply');
    await page.locator('#err-yaml').filter({ hasText: `line ${d.line}` }).waitFor({ timeout: T }).catch(async () => {
      throw new Error(`no located error under the YAML box (it says "${await page.textContent('#err-yaml')}", expected line ${d.line}: ${d.message})`);
    });
    await page.click('#yaml-reload');
  });

  await step('screenshots of every plot', async () => {
    const plots = ['plot-drawdown', 'plot-costs', 'plot-square', 'plot-sweep', 'plot-upload', 'plot-pathways', 'plot-tornado', 'plot-sens-path', 'plot-unc-tornado', 'plot-sobol', 'plot-histogram'];
    // Back to the Golden Dome link for the assessment plots.
    await page.goto(sharedUrl);
    await waitIndex(page, sharedIndex, 'the shared link, in the first page');
    await page.waitForSelector('#plot-square svg', { timeout: T });
    for (const id of ['plot-drawdown', 'plot-costs', 'plot-square']) await shot(page, id);
    // The other plots are in hidden tabs: show each one's panel for its screenshot.
    const tabOf = { 'plot-sweep': 'sweep', 'plot-upload': 'paths', 'plot-pathways': 'paths', 'plot-tornado': 'sensitivity', 'plot-sens-path': 'sensitivity' };
    for (const id of Object.keys(tabOf)) {
      await page.click('#tab-' + tabOf[id]);
      if (tabOf[id] === 'sensitivity' && !(await page.locator('#plot-tornado svg').count())) await page.click('#sens-run');
      await expectSvg(page, id);
      await shot(page, id);
    }
    await page.selectOption('#scenario', 'kent-thaler-uncertain');
    await page.click('#tab-uncertainty');
    await page.click('#unc-run');
    for (const id of ['plot-unc-tornado', 'plot-sobol', 'plot-histogram']) {
      await expectSvg(page, id);
      await shot(page, id);
    }
    for (const id of plots) assert.ok(fs.existsSync(path.join(SHOTS, id.replace(/^plot-/, '') + '.png')), 'no screenshot of ' + id);
  });

  await step('the printable report hides the controls and keeps the results', async () => {
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('#editor').evaluate((n) => getComputedStyle(n).display), 'none', 'the editor prints');
    assert.notEqual(await page.locator('#panel-assess').evaluate((n) => getComputedStyle(n).display), 'none', 'the assessment does not print');
    await page.pdf({ path: path.join(SHOTS, 'report.pdf'), format: 'A4', printBackground: true }).catch(() => {});
    await page.emulateMedia({ media: 'screen' });
  });

  if (pageErrors.length) throw new Error('errors in the page: ' + [...new Set(pageErrors)].join(' | '));
  await browser.close();
  console.log(`browser test: ${results.length} checks passed in ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in ${SHOTS}`);
} catch (e) {
  if (browser) {
    try {
      const pages = browser.contexts().flatMap((c) => c.pages());
      if (pages[0]) await pages[0].screenshot({ path: path.join(SHOTS, 'failure.png'), fullPage: true });
    } catch (e2) {
      // ignore
    }
    await browser.close().catch(() => {});
  }
  fail(`${current}: ${e.message}${pageErrors.length ? '\n  page errors: ' + [...new Set(pageErrors)].join(' | ') : ''}\n  (page screenshot: ${path.join(SHOTS, 'failure.png')})`);
}
