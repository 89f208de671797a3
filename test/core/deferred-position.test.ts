/** Positions placed when read, and a list's findings placed document by document (core/deferred-position.ts). */
import { describe, expect, it } from 'vitest';
import { diagnosticFor, placePositions, sortDiagnostics, unplacedResource, type Located, type Resource } from '../../src/core/index.js';

/** A resource whose source records every pointer it is asked to place. */
function resource(name: string, calls: string[], line: number): Resource {
  const source = {
    file: 'f.yaml',
    locate(pointer: string): Located {
      calls.push(`${name}${pointer}`);
      return { value: { line, column: pointer.length, endLine: line, endColumn: pointer.length + 1 }, exact: true };
    },
  };
  return { id: { apiVersion: 'v1', kind: 'ConfigMap', name }, object: {}, source } as unknown as Resource;
}

describe('deferred positions', () => {
  it('places nothing until read, then places each finding once', () => {
    const calls: string[] = [];
    const d = diagnosticFor(resource('a', calls, 3), { ruleId: 'r', severity: 'warning', message: 'm', pointer: '/data' });
    expect(calls).toEqual([]);
    expect(unplacedResource(d)?.id.name).toBe('a');
    expect([d.line, d.column, d.endColumn, d.file]).toEqual([3, 5, 6, 'f.yaml']);
    expect(JSON.stringify(d)).toBe('{"ruleId":"r","severity":"warning","message":"m","file":"f.yaml","line":3,"column":5,"endLine":3,"endColumn":6,"path":"/data","resource":{"apiVersion":"v1","kind":"ConfigMap","name":"a"}}');
    expect(calls).toEqual(['a/data']);
    expect(unplacedResource(d)).toBeUndefined();
  });

  it('places a list grouped by document, not in the order rules reported', () => {
    const calls: string[] = [];
    const [a, b] = [resource('a', calls, 1), resource('b', calls, 2)];
    // Rule after rule, resource after resource, as runRules reports.
    const list = ['/x', '/y'].flatMap((p) => [a, b].map((r) => diagnosticFor(r, { ruleId: p, severity: 'warning', message: 'm', pointer: p })));
    placePositions(list);
    expect(calls).toEqual(['a/x', 'a/y', 'b/x', 'b/y']);
    expect(sortDiagnostics(list).map((d) => `${d.line}${d.path}`)).toEqual(['1/x', '1/y', '2/x', '2/y']);
    expect(calls).toHaveLength(4);
  });
});
