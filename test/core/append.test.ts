import { describe, expect, it } from 'vitest';
import { appendAll, type Diagnostic } from '../../src/core/index.js';
import { formatReport } from '../../src/index.js';

// A 200 MB file holds about 336,000 resources: `push(...list)` and `Math.max(...list)` pass each
// item as an argument, and that many overflow the stack ("Maximum call stack size exceeded").
const MANY = 400_000;

describe('lists longer than a call takes arguments', () => {
  it('appends them whole', () => {
    const items = Array.from({ length: MANY }, (_, i) => i);
    const target = [-1];
    expect(appendAll(target, items)).toBe(target);
    expect(target.length).toBe(MANY + 1);
    expect(target[MANY]).toBe(MANY - 1);
  });

  it('prints as text a file with that many findings', () => {
    const diagnostics: Diagnostic[] = Array.from({ length: MANY }, (_, i) => ({ ruleId: 'latest-tag', severity: 'warning', message: 'm', file: 'big.yaml', line: i + 1, column: 1, endLine: i + 1, endColumn: 2, path: '' }));
    const text = formatReport('text', { diagnostics, files: [{ file: 'big.yaml', resources: [] }] });
    expect(text).toContain(`${MANY}:1`);
  });
});
