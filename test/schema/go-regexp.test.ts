/**
 * CRD patterns as Go's regexp reads them (regexp/syntax docs; kube-openapi matches with
 * MatchString: unanchored). Each case failed with the JavaScript `/u` regexes used before:
 * either a different answer or a compile error.
 */
import { describe, expect, it } from 'vitest';
import { goPattern, goRegexpError } from '../../src/schema/go-regexp.js';

const matches = (pattern: string, text: string) => goPattern(pattern).test(text);

describe('Go regexp semantics', () => {
  it('(?i) makes the rest case-insensitive, with Unicode simple folding', () => {
    expect(matches('^(?i)(abort|warn)?$', 'WARN')).toBe(true);
    expect(matches('^(?i)(abort|warn)?$', 'x')).toBe(false);
    expect(matches('(?i)^k$', '\u212a')).toBe(true); // KELVIN SIGN folds to k
  });

  it('(?s) lets . match a newline, which it does not by default', () => {
    expect(matches('^a.b$', 'a\nb')).toBe(false);
    expect(matches('(?s)^a.b$', 'a\nb')).toBe(true);
  });

  it('(?P<n>…) and (?<n>…) are named groups', () => {
    expect(matches('^(?P<n>[a-z]+)$', 'abc')).toBe(true);
    expect(matches('^(?P<n>[a-z]+)$', 'ABC')).toBe(false);
    expect(matches('^(?<n>[a-z]+)$', 'abc')).toBe(true);
  });

  it('\\A and \\z anchor at the ends of the text only', () => {
    expect(matches('\\Aabc', 'abcx')).toBe(true);
    expect(matches('\\Aabc', 'xabc')).toBe(false);
    expect(matches('abc\\z', 'xabc')).toBe(true);
    expect(matches('abc\\z', 'abc\n')).toBe(false);
  });

  it('\\pL, \\p{Greek} and [[:alpha:]] are character classes', () => {
    expect(matches('^\\pL+$', 'héllo')).toBe(true);
    expect(matches('^\\pL+$', 'a1')).toBe(false);
    expect(matches('^\\p{Greek}+$', 'αβ')).toBe(true);
    expect(matches('^[[:alpha:]]+$', 'abc')).toBe(true);
    expect(matches('^[[:alpha:]]+$', 'ab1')).toBe(false);
  });

  it('a{,3} is no repetition in Go but the literal text "a{,3}"', () => {
    expect(matches('^a{,3}$', 'a{,3}')).toBe(true);
    expect(matches('^a{,3}$', 'aaa')).toBe(false);
  });

  it('\\: and other escaped punctuation stand for themselves', () => {
    expect(matches('^a\\:b\\-c$', 'a:b-c')).toBe(true);
  });

  it('matches anywhere in the text unless anchored, as MatchString does', () => {
    expect(matches('abc', 'xxabcxx')).toBe(true);
  });

  it('\\s and \\d are ASCII-only, . is one code point', () => {
    expect(matches('^\\s$', '\u00a0')).toBe(false);
    expect(matches('^\\s$', '\v')).toBe(false);
    expect(matches('^\\d$', '٣')).toBe(false);
    expect(matches('^.$', '😀')).toBe(true);
  });

  it("refuses what Go refuses, with Go's error text", () => {
    expect(goRegexpError('(?<=x)a')).toBe('error parsing regexp: invalid named capture: `(?<=x)a`');
    expect(goRegexpError('(a)\\1')).toBe('error parsing regexp: invalid escape sequence: `\\1`');
    expect(goRegexpError('a\\Z')).toBe('error parsing regexp: invalid escape sequence: `\\Z`');
    expect(goRegexpError('(?=a)')).toBe('error parsing regexp: invalid or unsupported Perl syntax: `(?=`');
    expect(goRegexpError('+')).toBe('error parsing regexp: missing argument to repetition operator: `+`');
    expect(goRegexpError('a{1001}')).toBe('error parsing regexp: invalid repeat count: `{1001}`');
    expect(goRegexpError('^[a-z]+$')).toBeUndefined();
    expect(() => goPattern('a**')).toThrow('error parsing regexp: invalid nested repetition operator: `**`');
  });
});
