import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/cli/write-atomic.js';
import { tempTree } from '../helpers.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('writeFileAtomic', () => {
  it('holds signals with one listener however many writes are in flight, and lets go after', async () => {
    const dir = tempTree();
    const before = process.listenerCount('SIGINT');
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    for (let i = 0; i < 25; i++) writeFileAtomic(path.join(dir, `r${i}.txt`), `report ${i}\n`);
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    expect(process.listenerCount('SIGTERM')).toBeLessThanOrEqual(before + 1);
    for (let i = 0; i < 30; i++) await tick();
    process.removeListener('warning', onWarning);
    expect(process.listenerCount('SIGINT')).toBe(before);
    expect(warnings).not.toContain('MaxListenersExceededWarning');
    expect(fs.readdirSync(dir).sort()).toHaveLength(25);
    expect(fs.readFileSync(path.join(dir, 'r24.txt'), 'utf8')).toBe('report 24\n');
  });
});
