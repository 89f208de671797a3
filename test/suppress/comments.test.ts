import { describe, expect, it } from 'vitest';
import { scanComments } from '../../src/suppress/comments.js';
import { parseRuleList } from '../../src/suppress/rule-list.js';

const lines = (...l: string[]) => l.join('\n') + '\n';

/** The suppressions of a text, compactly: `kind@line:col->target [rules] (reason)`. */
function scan(text: string) {
  return scanComments(text, 'f.yaml').suppressions.map((s) => ({
    kind: s.kind,
    at: `${s.span.line}:${s.span.column}-${s.span.endLine}:${s.span.endColumn}`,
    target: s.targetLine,
    rules: s.entries.map((e) => `${e.ruleId ?? '*'}@${e.span.line}:${e.span.column}-${e.span.endColumn}`),
    reason: s.reason,
  }));
}

describe('parseRuleList', () => {
  it('splits ids on commas and spaces, and takes a reason after -- or #', () => {
    expect(parseRuleList(' a, b  c,d -- because  ')).toEqual({
      items: [
        { ruleId: 'a', start: 1, end: 2 },
        { ruleId: 'b', start: 4, end: 5 },
        { ruleId: 'c', start: 7, end: 8 },
        { ruleId: 'd', start: 9, end: 10 },
      ],
      reason: 'because',
    });
    expect(parseRuleList('a # why not')).toEqual({ items: [{ ruleId: 'a', start: 0, end: 1 }], reason: 'why not' });
    expect(parseRuleList('a #why')).toEqual({ items: [{ ruleId: 'a', start: 0, end: 1 }], reason: 'why' });
    expect(parseRuleList('# only a reason')).toEqual({ items: [], reason: 'only a reason' });
    expect(parseRuleList('-- only a reason')).toEqual({ items: [], reason: 'only a reason' });
    expect(parseRuleList('')).toEqual({ items: [] });
    expect(parseRuleList('*')).toEqual({ items: [{ ruleId: null, start: 0, end: 1 }] });
    // Dashes inside ids, a `#` glued to an id and a bare `--` at the end.
    expect(parseRuleList('a--b c#d --')).toEqual({ items: [{ ruleId: 'a--b', start: 0, end: 4 }, { ruleId: 'c#d', start: 5, end: 8 }] });
  });
});

describe('scanComments', () => {
  it('finds next-line and file directives with their rules, reasons and positions', () => {
    const text = lines(
      '# kubeproof-ignore-file missing-probes -- a batch job', // 1
      'apiVersion: v1', // 2
      '# kubeproof-ignore-next-line latest-tag, missing-limits # pinned by CI', // 3
      'kind: Pod', // 4
      '#kubeproof-ignore-next-line', // 5
      'metadata: {}', // 6
    );
    expect(scan(text)).toEqual([
      { kind: 'file', at: '1:1-1:54', target: undefined, rules: ['missing-probes@1:25-39'], reason: 'a batch job' },
      { kind: 'next-line', at: '3:1-3:71', target: 4, rules: ['latest-tag@3:30-40', 'missing-limits@3:42-56'], reason: 'pinned by CI' },
      { kind: 'next-line', at: '5:1-5:28', target: 6, rules: ['*@5:1-28'], reason: undefined },
    ]);
  });

  it('applies next-line to the next line that is neither blank nor only a comment, even a document marker', () => {
    const text = lines(
      'a: 1', // 1
      '  # kubeproof-ignore-next-line r1', // 2
      '', // 3
      '   ', // 4
      '  # an ordinary comment', // 5
      '# kubeproof-ignore-next-line r2', // 6
      'b: 2 # kubeproof-ignore-next-line r3', // 7: a trailing directive applies to the line after it
      'c: 3', // 8
      '# kubeproof-ignore-next-line r4', // 9
      '---', // 10
      'd: 4', // 11
      '# kubeproof-ignore-next-line r5', // 12
      '# nothing follows', // 13
    );
    expect(scan(text).map((s) => [s.rules[0]!.split('@')[0], s.target])).toEqual([
      ['r1', 7],
      ['r2', 7],
      ['r3', 8],
      ['r4', 10],
      ['r5', undefined],
    ]);
  });

  it('does not take a # inside quoted or block scalars for a directive', () => {
    const text = lines(
      'apiVersion: v1', // 1
      'kind: ConfigMap', // 2
      'metadata: {name: c}', // 3
      'data:', // 4
      '  a: "# kubeproof-ignore-file x"', // 5
      "  b: '# kubeproof-ignore-file x'", // 6
      '  c: |', // 7
      '    # kubeproof-ignore-file x', // 8
      '    # kubeproof-ignore-next-line x', // 9
      '    echo', // 10
      '  d: >-', // 11
      '    # kubeproof-ignore-file x', // 12
      '  e: "multi', // 13
      '    # kubeproof-ignore-file x', // 14
      '    line"', // 15
      '  f: plain#kubeproof-ignore-file', // 16: no space before #: part of the scalar
      '  g: | # kubeproof-ignore-next-line real', // 17: a comment on a block scalar header is a comment
      '    # a shell comment, the next line', // 18
    );
    expect(scan(text)).toEqual([{ kind: 'next-line', at: '17:8-17:41', target: 18, rules: ['real@17:37-41'], reason: undefined }]);
  });

  it('finds directives in every document of a stream and in flow collections', () => {
    const text = lines('a: 1', '---', '# kubeproof-ignore-file x', 'b: [1, # kubeproof-ignore-next-line y', '  2]', '...', '# kubeproof-ignore-file z');
    expect(scan(text).map((s) => `${s.kind}:${s.rules.join()}->${s.target}`)).toEqual(['file:x@3:25-26->undefined', 'next-line:y@4:37-38->5', 'file:z@7:25-26->undefined']);
  });

  it('counts positions on CRLF files and after a BOM as the loader does', () => {
    const text = '\uFEFF# kubeproof-ignore-next-line a\r\n\r\n  # c\r\nkey: v # kubeproof-ignore-file b -- r\r\n';
    expect(scan(text)).toEqual([
      { kind: 'next-line', at: '1:2-1:32', target: 4, rules: ['a@1:31-32'], reason: undefined },
      { kind: 'file', at: '4:8-4:38', target: undefined, rules: ['b@4:32-33'], reason: 'r' },
    ]);
  });

  it('reports a comment that looks like a directive but is none', () => {
    const text = lines('# kubeproof-ignore-line a', 'x: 1 #  kubeproof-ignore', '# kubeproof-ignore-files', '# see kubeproof-ignore-file in the docs', '# Kubeproof-Ignore-File');
    expect(scanComments(text, 'f.yaml').malformed).toEqual([
      { file: 'f.yaml', span: { line: 1, column: 3, endLine: 1, endColumn: 24 }, message: "unknown directive 'kubeproof-ignore-line': use kubeproof-ignore-next-line or kubeproof-ignore-file" },
      { file: 'f.yaml', span: { line: 2, column: 9, endLine: 2, endColumn: 25 }, message: "unknown directive 'kubeproof-ignore': use kubeproof-ignore-next-line or kubeproof-ignore-file" },
      { file: 'f.yaml', span: { line: 3, column: 3, endLine: 3, endColumn: 25 }, message: "unknown directive 'kubeproof-ignore-files': use kubeproof-ignore-next-line or kubeproof-ignore-file" },
    ]);
    expect(scanComments(text, 'f.yaml').suppressions).toEqual([]);
  });

  it('still finds directives in a file that does not parse, outside the broken part', () => {
    const text = lines('# kubeproof-ignore-next-line yaml-syntax', 'a: [1, 2', 'b: "open', '# kubeproof-ignore-file inside-the-open-quote');
    expect(scan(text).map((s) => s.rules.join())).toEqual(['yaml-syntax@1:30-41']);
  });

  it('survives a deeply nested document', () => {
    const deep = '# kubeproof-ignore-file a\nx: ' + '['.repeat(20000) + ']'.repeat(20000) + '\n';
    expect(scan(deep)).toHaveLength(1);
  });
});
