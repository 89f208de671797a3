/**
 * A check already under way stops when a newer version of its document arrives (issue 20:
 * "cancel a stale check when a newer edit arrives"). The edit is sent from inside the check,
 * right after its first overlay build (a hook of the server), so nothing here depends on timing:
 * the stale check must stop before its last build and publish nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startInProcess, type InProcessSession } from './in-process.js';
import { makeWorkspace } from './workspace-fixture.js';

describe('a stale check', () => {
  let dir = '';
  let session: InProcessSession;
  const steps: { version: number; step: string }[] = [];
  let onStep: (version: number, step: string) => void = () => {};

  beforeAll(async () => {
    dir = makeWorkspace();
    session = await startInProcess({
      rootUri: pathToFileURL(dir).href,
      server: {
        onCheckStep: (_uri, version, step) => {
          steps.push({ version, step });
          onStep(version, step);
        },
      },
    });
  });

  afterAll(() => {
    session.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stops before its last build when a newer edit arrives, and only the newest version is published', { timeout: 30_000 }, async () => {
    const file = path.join(dir, 'shop/base/web.yaml');
    const uri = pathToFileURL(file).href;
    const text = fs.readFileSync(file, 'utf8');
    await session.open(uri, text);
    const builds = (version: number) => steps.filter((s) => s.version === version && s.step.startsWith('build ')).length;
    expect(builds(1)).toBe(3); // the base is built by the three overlays (dev, staging, production)

    // Version 2 misspells a field; version 3, sent while version 2's check runs, misspells another.
    const v2 = text.replace('containers:', 'containerz:');
    const v3 = text.replace('containers:', 'containerss:');
    expect(v2).not.toBe(text);
    expect(v3).not.toBe(text);
    onStep = (version) => {
      if (version !== 2) return;
      onStep = () => {};
      void session.change(uri, 3, v3);
    };
    const before = session.published.length;
    await session.change(uri, 2, v2);
    await vi.waitFor(() => expect(session.published.slice(before).some((p) => p.uri === uri && p.version === 3)).toBe(true), { timeout: 20_000 });

    // Stopped early: the edit is read a turn or two after it is sent (the protocol writer queues it), never after the last build.
    expect(builds(2)).toBeGreaterThanOrEqual(1);
    expect(builds(2)).toBeLessThan(3);
    expect(builds(3)).toBe(3);
    const mine = session.published.slice(before).filter((p) => p.uri === uri);
    expect(mine.map((p) => p.version)).toEqual([3]);
    expect(JSON.stringify(mine[0]!.diagnostics)).toContain('containerss');
    expect(JSON.stringify(mine[0]!.diagnostics)).not.toContain('containerz');
  });
});
