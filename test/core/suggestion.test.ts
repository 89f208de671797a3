import { describe, expect, it } from 'vitest';
import { applySuggestionEdits, type TextEdit } from '../../src/core/index.js';
import { closestUnique } from '../../src/schema/suggest.js';

const edit = (line: number, column: number, endColumn: number, newText: string): TextEdit => ({ file: 'f', line, column, endLine: line, endColumn, newText });

describe('applySuggestionEdits', () => {
  it('applies whole suggestions in the order given and leaves out one that overlaps an earlier one, whatever the source order', () => {
    const text = 'a: 1\nbb: 2\n';
    const first = { key: 'first', edits: [edit(2, 1, 3, 'cc')] };
    const clash = { key: 'clash', edits: [edit(1, 4, 5, '"1"'), edit(2, 2, 3, 'x')] };
    const later = { key: 'later', edits: [edit(1, 1, 2, 'z')] };
    const out = applySuggestionEdits(text, [first, clash, later]);
    expect(out).toEqual({ text: 'z: 1\ncc: 2\n', applied: ['first', 'later'], skipped: ['clash'] });
  });

  it('quotes with two insertions that touch a replacement without clashing, and keeps insertions at one place in order', () => {
    const text = 'k: 1.10\n';
    const quote = { key: 'q', edits: [edit(1, 4, 4, '"'), edit(1, 8, 8, '"')] };
    const rename = { key: 'r', edits: [edit(1, 1, 2, 'key')] };
    expect(applySuggestionEdits(text, [quote, rename]).text).toBe('key: "1.10"\n');
  });

  it('makes an edit found twice once', () => {
    const stub = (key: string) => ({ key, edits: [edit(2, 1, 1, '  x: 1\n')] });
    expect(applySuggestionEdits('a:\nb: 2\n', [stub('one'), stub('two')])).toEqual({ text: 'a:\n  x: 1\nb: 2\n', applied: ['one', 'two'], skipped: [] });
  });

  it('an insertion inside a replaced range clashes', () => {
    const out = applySuggestionEdits('abcdef', [{ key: 1, edits: [edit(1, 2, 5, 'X')] }, { key: 2, edits: [edit(1, 3, 3, 'Y')] }]);
    expect(out).toEqual({ text: 'aXef', applied: [1], skipped: [2] });
  });
});

describe('closestUnique', () => {
  it('names the nearest only when no other is as near', () => {
    expect(closestUnique('portz', ['ports', 'selector'])).toBe('ports');
    expect(closestUnique('cat', ['bat', 'car'])).toBeUndefined();
  });
});
