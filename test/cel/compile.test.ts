import { describe, expect, it } from 'vitest';
import { compileCel } from '../../src/cel/index.js';
import { rewriteHas } from '../../src/cel/has-rewrite.js';
import { celEnvironment } from '../../src/cel/environment.js';
import { run } from './helpers.js';

describe('compile once, evaluate many', () => {
  it('returns the same program for the same expression and variables', () => {
    const a = compileCel('self.x > 1', ['self', 'oldSelf']);
    const b = compileCel('self.x > 1', ['self', 'oldSelf']);
    expect(a).toBe(b);
    expect(compileCel('self.x > 1', ['self'])).not.toBe(a);
  });
  it('tells which variables an expression reads', () => {
    const transition = compileCel('self == oldSelf', ['self', 'oldSelf']);
    const plain = compileCel("self.oldSelf == 'x'", ['self', 'oldSelf']);
    expect('program' in transition && [...transition.program.variables].sort()).toEqual(['oldSelf', 'self']);
    expect('program' in plain && [...plain.program.variables]).toEqual(['self']);
  });
  it('rewrites has() on an indexed operand into cel.bind, nested calls included', () => {
    const env = celEnvironment(['self']);
    expect(rewriteHas('has(self[0].a)', env)).toBe('cel.bind(__has0, self[0], has(__has0.a))');
    expect(rewriteHas('has(self.a.b)', env)).toBe('has(self.a.b)');
    const nested = { l: [new Map([['m', [new Map([['x', 1n]])]]])] };
    expect(run('has(self[0].m) && has(self[0].m[0].x) && !has(self[0].m[0].y)', nested.l)).toBe(true);
  });
});
