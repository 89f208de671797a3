/**
 * The HTML report in a real browser (Debian's headless Chromium driven by playwright-core): what
 * a person sees is checked in the rendered DOM and a screenshot, not in the HTML string: the node
 * rows, the bars' drawn widths against requested ÷ allocatable, the FitError text, the groups, no
 * request but the file itself, no policy violation, and pixels on the page. One browser for all.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.js';
import { BATCH_FIT_ERROR, HOSTILE_LABEL, HOSTILE_NODE, scenario } from './scenario.js';

const found = ensureChromium();
const skip = 'skip' in found ? found.skip : undefined;
if (skip) console.warn(`html report browser test skipped: ${skip}`);

interface Opened {
  page: Page;
  /** Every URL the page asked for, and any console message (a Content-Security-Policy violation is one). */
  requests: string[];
  console: string[];
  url: string;
}

describe.skipIf(skip !== undefined)(`the HTML report in headless Chromium${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let context: BrowserContext;
  let userDataDir: string;
  const s = scenario();
  let scheduleJson: { nodes: { name: string; zone?: string; pool?: string; allocatable: Record<string, string>; requested: Record<string, string>; pods: string[] }[]; pods: { name: string; node: string | null; message: string | null }[] };

  beforeAll(async () => {
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeproof-chromium-'));
    const [launched, , , json] = await Promise.all([
      chromium.launchPersistentContext(userDataDir, { executablePath: (found as { path: string }).path, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 } }),
      s.run('schedule', 'html', ['--output', 'schedule.html']),
      s.run('check', 'html', ['--output', 'check.html']),
      s.run('schedule', 'json'),
    ]);
    context = launched;
    scheduleJson = JSON.parse(json.stdout);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  });

  async function open(name: string): Promise<Opened> {
    const url = pathToFileURL(s.file(name)).href;
    const page = await context.newPage();
    const opened: Opened = { page, requests: [], console: [], url };
    page.on('request', (r) => void opened.requests.push(r.url()));
    page.on('console', (m) => void opened.console.push(m.text()));
    // Anything but the report itself is refused, and remembered by the listener above.
    await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    await page.goto(url);
    return opened;
  }

  it('draws one row per node, grouped by zone then pool, named pools first', async () => {
    const { page } = await open('schedule.html');
    const rows = await page.$$eval('tr.node', (trs) => trs.map((tr) => ({ node: tr.getAttribute('data-node'), zone: tr.closest('.zone')?.getAttribute('data-zone'), pool: tr.closest('.pool')?.getAttribute('data-pool') })));
    expect(rows).toHaveLength(scheduleJson.nodes.length);
    expect(rows).toEqual([
      { node: 'general-0', zone: 'zone-a', pool: 'general' },
      { node: HOSTILE_NODE, zone: 'zone-a', pool: '(no pool)' },
      { node: 'general-1', zone: 'zone-b', pool: 'general' },
    ]);
    // The hostile name is text in its cell, not an element.
    expect(await page.$$eval('img, script, b, iframe, object, embed', (els) => els.length)).toBe(0);
    expect(await page.locator('tr.node th[scope=row]').nth(1).evaluate((th) => th.firstChild?.textContent)).toBe(HOSTILE_NODE);
    await page.close();
  });

  it('draws each bar as wide as requested ÷ allocatable: cpu, memory, pods and the extended resources', async () => {
    const { page } = await open('schedule.html');
    const bars = await page.$$eval('.bar', (els) =>
      els.map((bar) => {
        const used = bar.querySelector('.used')!.getBoundingClientRect().width;
        const free = bar.querySelector('.free')!.getBoundingClientRect().width;
        return { node: bar.closest('tr')!.getAttribute('data-node'), resource: bar.getAttribute('data-resource'), drawn: (100 * used) / bar.getBoundingClientRect().width, whole: (used + free) / bar.getBoundingClientRect().width, requested: bar.getAttribute('data-requested'), allocatable: bar.getAttribute('data-allocatable') };
      }),
    );
    // What the JSON report says, in this fixture's units, computed here independently of the formatter.
    const units: Record<string, number> = { '': 1, m: 1e-3, Gi: 2 ** 30, Mi: 2 ** 20 };
    const value = (q: string | undefined) => (q === undefined ? 0 : Number(/^[0-9.]+/.exec(q)![0]) * units[q.replace(/^[0-9.]+/, '')]!);
    const expected = scheduleJson.nodes.flatMap((n) =>
      ['cpu', 'memory', 'pods', ...(n.allocatable['nvidia.com/gpu'] ? ['nvidia.com/gpu'] : [])].map((r) => ({ node: n.name, resource: r, percent: (100 * (r === 'pods' ? n.pods.length : value(n.requested[r]))) / value(n.allocatable[r]) })),
    );
    const key = (b: { node: string | null; resource: string | null }) => `${b.node} ${b.resource}`;
    expect(bars.map(key).sort()).toEqual(expected.map(key).sort());
    for (const e of expected) {
      const bar = bars.find((b) => key(b) === key(e))!;
      expect(bar.drawn, key(e)).toBeCloseTo(e.percent, 0);
      expect(bar.whole).toBeCloseTo(1, 2); // requested and free fill the bar between them
    }
    // Spot checks against the fixture by hand: the GPU node runs trainer (500m, 2Gi, 1 GPU) and one web (1, 1Gi).
    const gpu = (r: string) => bars.find((b) => b.node === HOSTILE_NODE && b.resource === r)!;
    expect([gpu('cpu').requested, gpu('cpu').allocatable, Math.round(gpu('cpu').drawn * 100) / 100]).toEqual(['1500m', '8', 18.75]);
    expect(Math.round(gpu('nvidia.com/gpu').drawn)).toBe(50);
    expect(Math.round(gpu('memory').drawn * 100) / 100).toBeCloseTo(9.38, 1);
    await page.close();
  });

  it('lists the pending pod with kube-scheduler\'s FitError as it is, and the other sections', async () => {
    const { page } = await open('schedule.html');
    const pending = await page.$$eval('tr.pending', (trs) => trs.map((tr) => ({ pod: tr.getAttribute('data-pod'), message: tr.querySelector('.message')!.textContent })));
    const fromJson = scheduleJson.pods.filter((p) => p.node === null).map((p) => p.message);
    expect(pending).toEqual([{ pod: 'shop/batch-0', message: BATCH_FIT_ERROR }]);
    expect(pending.map((p) => p.message)).toEqual(fromJson);
    expect(await page.locator('#node-loss').innerText()).toBe(`✖ Node loss: losing ${HOSTILE_NODE} leaves 2 pod(s) pending; shop/trainer-0: 0/2 nodes are available: 2 Insufficient nvidia.com/gpu.`);
    expect(await page.$$eval('#headroom + table tr[data-workload]', (trs) => trs.map((tr) => tr.getAttribute('data-workload')))).toEqual(['shop/web', 'shop/trainer', 'shop/batch']);
    expect(await page.locator('li.add').innerText()).toBe('+1 large: shop/batch-0');
    expect(await page.locator('.summary').last().innerText()).toBe('✖ 1 of 5 pods pending; 4 scheduled on 3 nodes');
    await page.close();
  });

  it('check: findings by file with line:col, severity and rule, the markup in a message shown as text; then the placement', async () => {
    const { page } = await open('check.html');
    const findings = await page.$$eval('tr.finding', (trs) => trs.map((tr) => `${tr.closest('.file')!.getAttribute('data-file')}:${tr.querySelector('.pos')!.textContent} ${tr.getAttribute('data-severity')} ${tr.getAttribute('data-rule')}`));
    expect(findings).toContain('app.yaml:41:37 error unschedulable');
    expect(findings).toContain('nodes.yaml:12:9 warning invalid-name');
    const label = await page.locator('tr.finding[data-rule=invalid-label] .message').innerText();
    expect(label).toContain(`Invalid value: "${HOSTILE_LABEL}"`);
    expect(await page.locator('tr.node').count()).toBe(3);
    expect(await page.locator('tr.pending .message').innerText()).toBe(BATCH_FIT_ERROR);
    await page.close();
  });

  it('asks for nothing but the file, breaks no policy, and shows pixels', async () => {
    const opened = await open('schedule.html');
    const shot = await opened.page.screenshot({ fullPage: true });
    fs.writeFileSync(s.file('schedule.png'), shot);
    expect(opened.requests).toEqual([opened.url]);
    expect(opened.console).toEqual([]);
    expect(await opened.page.evaluate(() => performance.getEntriesByType('resource').length)).toBe(0);
    // The screenshot decoded by the browser itself: not blank, and the bars' blue is on it.
    const blank = await context.newPage();
    const pixels = (await blank.evaluate(`(${countPixels})(${JSON.stringify(shot.toString('base64'))})`)) as { total: number; ink: number; blue: number; width: number };
    expect(pixels.width).toBe(1280);
    expect(pixels.ink / pixels.total).toBeGreaterThan(0.01);
    expect(pixels.blue).toBeGreaterThan(100);
    await blank.close();
    await opened.page.close();
  });
});

/**
 * Run in the page (as source text: the tests are typed without the DOM library): decodes a PNG
 * and counts pixels that are not white, and those of the bars' blue (#2563eb).
 */
const countPixels = `async (b64) => {
  const img = new Image();
  img.src = 'data:image/png;base64,' + b64;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.width;
  canvas.height = img.height;
  const g = canvas.getContext('2d');
  g.drawImage(img, 0, 0);
  const data = g.getImageData(0, 0, img.width, img.height).data;
  let ink = 0;
  let blue = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240) ink++;
    if (data[i] === 0x25 && data[i + 1] === 0x63 && data[i + 2] === 0xeb) blue++;
  }
  return { total: data.length / 4, ink, blue, width: img.width };
}`;
