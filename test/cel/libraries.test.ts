import { describe, expect, it } from 'vitest';
import { compileCel, optionalNone } from '../../src/cel/index.js';
import { run } from './helpers.js';

const cases = (table: [string, unknown][], self?: unknown) => {
  for (const [expr, expected] of table) expect(run(expr, self), expr).toEqual(expected);
};

describe('ext.Strings v2 (the functions cel-js lacks)', () => {
  it('charAt, replace, format, strings.quote count code points and follow Go', () => {
    cases([
      [`'héllo'.charAt(1)`, 'é'],
      [`'abc'.charAt(3)`, ''],
      [`'abc'.charAt(4)`, { error: 'index out of range: 4' }],
      [`'aaa'.replace('a', 'b')`, 'bbb'],
      [`'aaa'.replace('a', 'b', 2)`, 'bba'],
      [`'ab'.replace('', '-')`, '-a-b-'],
      [`'%s has %d items at %.2f'.format(['cart', 3, 1.5])`, 'cart has 3 items at 1.50'],
      [`'%x %X %o %b %e'.format([255, 255, 8, 5, 1234.5])`, 'ff FF 10 101 1.234500e+03'],
      [`'%s'.format([[1, 'a']])`, '[1, a]'],
      [`strings.quote('a"b\\n')`, '"a\\"b\\n"'],
      // cel-js's own: still there
      [`'a,b,c'.split(',')`, ['a', 'b', 'c']],
      [`['a', 'b'].join('-')`, 'a-b'],
      [`'  x '.trim()`, 'x'],
    ]);
  });
});

describe('Kubernetes lists library', () => {
  it('isSorted, sum, min, max, indexOf, lastIndexOf', () => {
    cases([
      [`[1, 2, 2, 5].isSorted()`, true],
      [`['b', 'a'].isSorted()`, false],
      [`[1, 2, 3].sum()`, 6n],
      [`[1.5, 2.5].sum()`, 4],
      [`[].sum()`, 0n],
      [`[3, 1, 2].min()`, 1n],
      [`['b', 'c', 'a'].max()`, 'c'],
      [`[].min()`, { error: 'min called on empty list' }],
      [`[1, 2, 1].indexOf(1)`, 0n],
      [`[1, 2, 1].lastIndexOf(1)`, 2n],
      [`[1, 2].indexOf(3)`, -1n],
    ]);
  });
  it('ext.Sets: contains, equivalent, intersects', () => {
    cases([
      [`sets.contains([1, 2, 3], [3, 1])`, true],
      [`sets.contains([1], [2])`, false],
      [`sets.equivalent([1, 2, 2], [2, 1])`, true],
      [`sets.intersects([1, 2], [5, 2])`, true],
      [`sets.intersects([1], [])`, false],
    ]);
  });
});

describe('regex library (RE2 semantics)', () => {
  it('matches reads patterns as Go regexp does, not as JavaScript does', () => {
    cases([
      [`'WARN'.matches('^(?i)(abort|warn)?$')`, true],
      [`'abc'.matches('^[[:alpha:]]+\\\\z')`, true],
      [`matches('a1', '[0-9]')`, true],
      [`self.matches('^x')`, false],
      [`'xy'.matches(self)`, false],
    ], 'abc');
    expect(run(`'xy'.matches(self)`, '(')).toEqual({ error: 'error parsing regexp: missing closing ): `(`' });
  });
  it('find and findAll', () => {
    cases([
      [`'abc 123 def 456'.find('[0-9]+')`, '123'],
      [`'abc'.find('[0-9]+')`, ''],
      [`'abc 123 def 456'.findAll('[0-9]+')`, ['123', '456']],
      [`'1 2 3'.findAll('[0-9]', 2)`, ['1', '2']],
    ]);
  });
  it('a constant pattern, duration or timestamp that is not valid is a compile error, as with cel-go\'s validators', () => {
    expect(run(`self.matches('(')`)).toEqual({ compileError: 'ERROR: <input>:1:14: invalid matches argument' });
    expect(run(`duration('1x') > duration('1s')`)).toEqual({ compileError: 'ERROR: <input>:1:10: invalid duration argument' });
    expect(run(`timestamp('yesterday') > timestamp('2024-01-01T00:00:00Z')`)).toEqual({ compileError: 'ERROR: <input>:1:11: invalid timestamp argument' });
    // find and findAll are not validated at compile time: a bad pattern fails when the rule runs.
    expect(run(`'a'.find('[')`)).toEqual({ error: 'error parsing regexp: missing closing ]: `[`' });
  });
  it('leaves "matches" in strings and field names alone', () => {
    expect(run(`self.matches.size() == 1 && 'x.matches(y)' != ''`, new Map([['matches', [1n]]]))).toBe(true);
  });
});

describe('URL library', () => {
  it('parses as Go url.ParseRequestURI and exposes the parts', () => {
    cases([
      [`url('https://example.com:8443/a%20b?x=1&x=2&y').getScheme()`, 'https'],
      [`url('https://example.com:8443/a%20b').getHost()`, 'example.com:8443'],
      [`url('https://example.com:8443/a%20b').getHostname()`, 'example.com'],
      [`url('https://example.com:8443/a%20b').getPort()`, '8443'],
      [`url('https://[::1]:80/').getHostname()`, '::1'],
      [`url('https://example.com/a%20b').getEscapedPath()`, '/a%20b'],
      [`url('https://example.com/?x=1&x=2&y').getQuery()`, new Map([['x', ['1', '2']], ['y', ['']]])],
      [`isURL('https://example.com/p')`, true],
      [`isURL('/absolute/path')`, true],
      [`isURL('relative/path')`, false],
      [`url('example')`, { error: 'URL parse error during conversion from string: parse "example": invalid URI for request' }],
    ]);
  });
});

describe('IP and CIDR libraries', () => {
  it('parse as net/netip, refuse zones and IPv4-mapped IPv6, print canonically', () => {
    cases([
      [`isIP('192.168.0.1')`, true],
      [`isIP('2001:db8::1')`, true],
      [`isIP('::ffff:1.2.3.4')`, false],
      [`isIP('fe80::1%eth0')`, false],
      [`isIP('1.2.3')`, false],
      [`ip('1.2.3.4').family()`, 4n],
      [`ip('2001:db8::1').family()`, 6n],
      [`string(ip('2001:0DB8:0:0:0:0:0:1'))`, '2001:db8::1'],
      [`ip.isCanonical('2001:db8::1')`, true],
      [`ip.isCanonical('2001:DB8::1')`, false],
      [`ip('127.0.0.1').isLoopback()`, true],
      [`ip('0.0.0.0').isUnspecified()`, true],
      [`ip('169.254.1.1').isLinkLocalUnicast()`, true],
      [`ip('ff02::1').isLinkLocalMulticast()`, true],
      [`ip('8.8.8.8').isGlobalUnicast()`, true],
      [`ip('1.2.3.4') == ip('1.2.3.4')`, true],
      [`ip('01.2.3.4')`, { error: 'IP Address "01.2.3.4" parse error during conversion from string: ParseAddr("01.2.3.4"): IPv4 field has octet with leading zero' }],
      [`ip('::ffff:1.2.3.4')`, { error: 'IPv4-mapped IPv6 address "::ffff:1.2.3.4" is not allowed' }],
    ]);
  });
  it('cidr: containment, masking, prefix length', () => {
    cases([
      [`isCIDR('10.0.0.0/8')`, true],
      [`isCIDR('10.0.0.0/33')`, false],
      [`isCIDR('10.0.0.0')`, false],
      [`cidr('10.0.0.0/8').containsIP('10.20.30.40')`, true],
      [`cidr('10.0.0.0/8').containsIP(ip('11.0.0.1'))`, false],
      [`cidr('10.0.0.0/8').containsCIDR('10.1.0.0/16')`, true],
      [`cidr('10.1.0.0/16').containsCIDR(cidr('10.0.0.0/8'))`, false],
      [`string(cidr('10.1.2.3/8').masked())`, '10.0.0.0/8'],
      [`cidr('2001:db8::/32').prefixLength()`, 32n],
      [`string(cidr('2001:db8::1/64').ip())`, '2001:db8::1'],
    ]);
  });
});

describe('quantity library', () => {
  it('compares and computes exactly', () => {
    cases([
      [`isQuantity('500m')`, true],
      [`isQuantity('1x')`, false],
      [`quantity('1Gi').isGreaterThan(quantity('1G'))`, true],
      [`quantity('100m').isLessThan(quantity('1'))`, true],
      [`quantity('1') == quantity('1000m')`, true],
      [`quantity('2k').compareTo(quantity('2000'))`, 0n],
      [`quantity('1.5').isInteger()`, false],
      [`quantity('2k').asInteger()`, 2000n],
      [`quantity('500m').asApproximateFloat()`, 0.5],
      [`quantity('-3').sign()`, -1n],
      [`quantity('100m').add(1) == quantity('1100m')`, true],
      [`quantity('1').sub(quantity('250m')) == quantity('750m')`, true],
      [`quantity('1.5').asInteger()`, { error: 'cannot convert value to integer' }],
      [`quantity('1x')`, { error: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'" }],
    ]);
  });
});

describe('format library', () => {
  it('validate gives optional.none() for a good value and the apimachinery errors otherwise', () => {
    expect(run(`format.dns1123Label().validate('my-name')`)).toBe(optionalNone());
    expect(run(`format.dns1123Label().validate('My_Name').value()`)).toEqual([
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
    cases([
      [`format.named('dns1123Subdomain').value().validate('a.b').hasValue()`, false],
      [`format.named('nope').hasValue()`, false],
      [`format.labelValue().validate('x').hasValue()`, false],
      [`format.qualifiedName().validate('example.com/Name').hasValue()`, false],
      [`format.uuid().validate('123e4567-e89b-12d3-a456-426614174000').hasValue()`, false],
      [`format.dns1123LabelPrefix().validate('web-').hasValue()`, false],
      [`format.dns1123Label().validate('web') == null`, false],
      [`format.dns1123Label().validate('web') != null`, true],
    ]);
  });
});

describe('semver library', () => {
  it('parses as blang/semver, normalizes on request, orders prereleases below releases', () => {
    cases([
      [`isSemver('1.2.3')`, true],
      [`isSemver('v1.2')`, false],
      [`isSemver('v1.2', true)`, true],
      [`semver('v01.2', true).major()`, 1n],
      [`semver('1.2.3-rc.1').isLessThan(semver('1.2.3'))`, true],
      [`semver('1.2.3-alpha.10').compareTo(semver('1.2.3-alpha.9'))`, 1n],
      [`semver('1.2.3-1').isLessThan(semver('1.2.3-alpha'))`, true],
      [`semver('2.0.0').isGreaterThan(semver('1.99.99'))`, true],
      [`semver('1.2.3+build.5') == semver('1.2.3')`, true],
      [`semver('1.2.3').minor() + semver('1.2.3').patch()`, 5n],
      [`semver('1.2')`, { error: 'No Major.Minor.Patch elements found' }],
      [`semver('01.2.3')`, { error: 'Major number must not contain leading zeroes "01"' }],
      [`semver('1.2', true).patch()`, 0n],
    ]);
    expect(run(`semver('1.2-rc', true)`)).toEqual({ error: 'short version cannot contain PreRelease/Build meta data' });
  });
});

describe('optional types, macros and errors', () => {
  const self = new Map<string, unknown>([['a', 1n], ['l', [1n, 2n]], ['objs', [new Map([['x', 1n]]), new Map()]]]);
  it('evaluates optional chaining, macros and cel.bind', () => {
    cases([
      [`self.?missing.orValue(7)`, 7n],
      [`self.?a.hasValue()`, true],
      [`optional.of(1).value()`, 1n],
      [`self.l.all(x, x > 0) && self.l.exists_one(x, x == 2)`, true],
      [`self.l.map(x, x * 2)`, [2n, 4n]],
      [`self.l.filter(x, x > 1)`, [2n]],
      [`cel.bind(y, self.a + 1, y * y)`, 4n],
      // has() on any operand, not only a variable's field chain
      [`has(self.objs[0].x) && !has(self.objs[1].x)`, true],
      [`self.objs.all(o, has(o.x)) || has(self.objs[1].?x.y)`, false],
    ], self);
  });
  it('two-variable comprehensions (ext.TwoVarComprehensions): all, exists, existsOne, transformList, transformMap, transformMapEntry', () => {
    cases([
      [`[1, 2, 3].all(i, v, v > i)`, true],
      [`[1, 2].exists(i, v, i == 1 && v == 2)`, true],
      [`[1, 2].existsOne(i, v, v > 1)`, true],
      [`{'a': 1, 'b': 2}.all(k, v, v > 0 && k != '')`, true],
      [`[1, 2, 3].transformList(i, v, v * 2)`, [2n, 4n, 6n]],
      [`[1, 2, 3].transformList(i, v, i > 0, v * 2)`, [4n, 6n]],
      [`{'a': 1}.transformMap(k, v, v + 1)`, new Map([['a', 2n]])],
      [`{'a': 1}.transformMapEntry(k, v, {k + 'x': v})`, new Map([['ax', 1n]])],
      // a deciding element wins over an error elsewhere; otherwise the error stands
      [`[0, 1].exists(i, v, 1 / v > 0)`, true],
      [`[1, 0].all(i, v, 1 / v > 0)`, { error: 'division by zero' }],
      [`[[1], [2]].all(i, v, v.all(j, w, w > i))`, true],
    ]);
  });

  it('optional.ofNonZeroValue, optMap and optFlatMap', () => {
    cases([
      [`optional.ofNonZeroValue(0).hasValue() || optional.ofNonZeroValue('').hasValue() || optional.ofNonZeroValue([]).hasValue()`, false],
      [`optional.ofNonZeroValue(self.a).value()`, 1n],
      [`self.?a.optMap(x, x + 1).value()`, 2n],
      [`self.?missing.optMap(x, x + 1).hasValue()`, false],
      [`self.?a.optFlatMap(x, x > 0 ? optional.of('pos') : optional.none()).value()`, 'pos'],
    ], self);
  });

  it('says which valid CEL it cannot read, so a CRD using it is not called invalid', () => {
    expect(compileCel('[?self.?x, 1].size() > 0', ['self'])).toMatchObject({ unsupported: 'optional list or map entries ([?x], {?k: v})' });
    expect(compileCel("isImage(self.image) && image(self.image).tag() != 'latest'", ['self'])).toMatchObject({ unsupported: 'the image library (image(), isImage())' });
    expect(compileCel('self.x ? 1', ['self'])).not.toHaveProperty('unsupported');
  });

  it('words runtime errors as cel-go does', () => {
    cases([
      [`self.missing`, { error: 'no such key: missing' }],
      [`self.l[5]`, { error: 'index out of bounds: 5' }],
      [`1 / 0`, { error: 'division by zero' }],
      [`9223372036854775807 + self.a`, { error: 'integer overflow' }],
      [`self.a + 'x'`, { error: 'no such overload' }],
    ], self);
  });
  it('compile errors say where, as cel-go does', () => {
    expect(run(`self.a +`)).toEqual({ compileError: expect.stringMatching(/^ERROR: <input>:1:9: /) });
    expect(run(`nope(1)`)).toEqual({ compileError: "ERROR: <input>:1:1: undeclared reference to 'nope' (in container '')" });
    expect(run(`'abc'.startsWith(1)`)).toEqual({ compileError: "ERROR: <input>:1:1: found no matching overload for 'startsWith' applied to 'string.(int)'" });
    expect(run(`self.x.frobnicate()`)).toEqual({ compileError: "ERROR: <input>:1:1: undeclared reference to 'frobnicate' (in container '')" });
    expect(run(`math.greatest(1, 2) > 0`)).toEqual({ compileError: "ERROR: <input>:1:1: undeclared reference to 'math' (in container '')" });
  });
});
