/**
 * Issue 20's latency, measured as an editor sees it: a real client sends `didChange` (an
 * unsaved edit, after a pause, as a keystroke after a moment's thought is) and times the
 * `publishDiagnostics` of exactly that version. Two cases: a plain manifest, and a base file of
 * overlays-example that three overlays build (each re-rendered and re-validated on the edit).
 *
 * The machine running the tests is shared and loaded, so the assertions are looser than the
 * targets (50 ms and 150 ms) the README's figures are held to: the fastest edit must meet the
 * target (a fixed delay, such as the old 200 ms debounce, would fail it on any machine), and the
 * median must stay under a bound a loaded machine still meets. The figures are printed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEBOUNCE_MS } from '../../src/lsp/options.js';
import { REPO_ROOT, tempTree } from '../helpers.js';
import { serverFor } from './client.js';

const EDITS = 11;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('kubeproof lsp latency, didChange -> publishDiagnostics (default settings)', () => {
  const server = serverFor(() => {
    const dir = tempTree({ 'apps/web.yaml': fs.readFileSync(path.join(REPO_ROOT, 'overlays-example/base/web.yaml'), 'utf8') });
    fs.cpSync(path.join(REPO_ROOT, 'overlays-example'), path.join(dir, 'shop'), { recursive: true });
    return dir;
  });

  /** Milliseconds from each didChange to the diagnostics of its version, sorted; the first two edits warm the kinds up and are not counted. */
  const measure = async (rel: string, edit: (text: string, i: number) => string): Promise<number[]> => {
    const uri = pathToFileURL(path.join(server.dir, rel)).href;
    const text = fs.readFileSync(path.join(server.dir, rel), 'utf8');
    await server.client.open(uri, text);
    const times: number[] = [];
    for (let i = 0; i < EDITS + 2; i++) {
      // A single edit, not one of a burst: the previous one is further back than the coalescing delay.
      await sleep(DEFAULT_DEBOUNCE_MS + 10);
      const started = performance.now();
      await server.client.edit(uri, edit(text, i));
      if (i >= 2) times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b);
  };
  const median = (t: number[]) => t[t.length >> 1]!;
  const show = (what: string, t: number[]) => console.log(`kubeproof lsp ${what}: didChange -> publishDiagnostics median ${median(t).toFixed(1)} ms, min ${t[0]!.toFixed(1)} ms, max ${t[t.length - 1]!.toFixed(1)} ms (${t.length} edits)`);

  it('answers a single-file edit in a plain manifest at once (target: median <= 50 ms)', { timeout: 30_000 }, async () => {
    const times = await measure('apps/web.yaml', (text, i) => text.replace('replicas: 1', `replicas: ${2 + (i % 5)}`));
    show('plain manifest', times);
    expect(times[0]).toBeLessThan(50);
    expect(median(times)).toBeLessThan(150);
  });

  it('re-renders the three overlays of an edited base file (target: median <= 150 ms)', { timeout: 30_000 }, async () => {
    const times = await measure('shop/base/api.yaml', (text, i) => text.replace('replicas: 1', `replicas: ${2 + (i % 5)}`));
    show('base file of three overlays (overlays-example/base/api.yaml)', times);
    expect(times[0]).toBeLessThan(150);
    expect(median(times)).toBeLessThan(400);
  });
});
