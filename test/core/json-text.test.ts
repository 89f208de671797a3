import { describe, expect, it } from 'vitest';
import { jsonText } from '../../src/core/index.js';
import { parsePlainDocuments } from '../../src/load/index.js';
import { check } from '../../src/index.js';
import { tempTree } from '../helpers.js';

describe('jsonText', () => {
  it('writes bigints with every digit, where JSON.stringify throws', () => {
    expect(jsonText({ a: [12345678901234567890n, -9007199254740993n], b: 'x\u0000y' })).toBe('{"a":[12345678901234567890,-9007199254740993],"b":"x\\u0000y"}');
    expect(() => JSON.stringify({ a: 1n })).toThrow();
  });

  it('lets a finding quote a value holding an int64 beyond 2^53 (the fuzzer: "Do not know how to serialize a BigInt")', () => {
    const value = parsePlainDocuments('a: {b: 9007199254740994}\n', 'x.yaml', { typing: 'kustomize' }).documents[0]!.value as { a: { b: unknown } };
    expect(typeof value.a.b).toBe('bigint');
    const dir = tempTree({
      'kustomization.yaml': 'resources: [pdb.yaml]\n',
      'pdb.yaml': 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: p}\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels:\n      app: {hostNetwork: 9007199254740994}\n',
    });
    const shown = check(['.'], { cwd: dir, rules: false }).diagnostics;
    expect(shown.map((d) => d.message)).toContain('spec.selector.matchLabels.app: Invalid value: {"hostNetwork":9007199254740994}: must be a string');
    expect(shown.filter((d) => d.ruleId === 'internal-error')).toEqual([]);
  });
});
