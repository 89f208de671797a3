/**
 * Semantic versions as github.com/blang/semver/v4 parses and orders them (semver.Parse,
 * Version.Compare), with its error texts, and the Kubernetes library's normalizeAndParse
 * (k8s.io/apiserver/pkg/cel/library/semverlib.go): no "v", missing minor/patch, leading zeros.
 */

export interface Version {
  major: bigint;
  minor: bigint;
  patch: bigint;
  pre: (string | bigint)[];
}

const NUMBERS = /^[0-9]+$/;
const ALPHANUM = /^[0-9A-Za-z-]+$/;

export function parseSemver(s: string): Version | string {
  if (s === '') return 'Version string empty';
  const parts = splitN(s, '.', 3);
  if (parts.length !== 3) return 'No Major.Minor.Patch elements found';
  const major = number(parts[0]!, 'major', 'Major');
  if (typeof major === 'string') return major;
  const minor = number(parts[1]!, 'minor', 'Minor');
  if (typeof minor === 'string') return minor;
  let rest = parts[2]!;
  let build: string | undefined;
  const plus = rest.indexOf('+');
  if (plus !== -1) {
    build = rest.slice(plus + 1);
    rest = rest.slice(0, plus);
  }
  let pre: string | undefined;
  const dash = rest.indexOf('-');
  if (dash !== -1) {
    pre = rest.slice(dash + 1);
    rest = rest.slice(0, dash);
  }
  const patch = number(rest, 'patch', 'Patch');
  if (typeof patch === 'string') return patch;
  const prerelease: (string | bigint)[] = [];
  for (const p of pre === undefined ? [] : pre.split('.')) {
    if (p === '') return 'Prerelease is empty';
    if (NUMBERS.test(p)) {
      if (p.length > 1 && p[0] === '0') return `Numeric PreRelease version must not contain leading zeroes ${JSON.stringify(p)}`;
      prerelease.push(BigInt(p));
    } else if (!ALPHANUM.test(p)) return `Invalid character(s) found in prerelease ${JSON.stringify(p)}`;
    else prerelease.push(p);
  }
  for (const b of build === undefined ? [] : build.split('.')) {
    if (b === '') return `Build meta data can not be empty ${JSON.stringify(b)}`;
    if (!ALPHANUM.test(b)) return `Invalid character(s) found in build meta data ${JSON.stringify(b)}`;
  }
  return { major, minor, patch, pre: prerelease };
}

function number(p: string, lower: string, upper: string): bigint | string {
  if (!NUMBERS.test(p)) return `Invalid character(s) found in ${lower} number ${JSON.stringify(p)}`;
  if (p.length > 1 && p[0] === '0') return `${upper} number must not contain leading zeroes ${JSON.stringify(p)}`;
  return BigInt(p);
}

/** Go's strings.SplitN. */
function splitN(s: string, sep: string, n: number): string[] {
  const all = s.split(sep);
  return all.length <= n ? all : [...all.slice(0, n - 1), all.slice(n - 1).join(sep)];
}

export function normalizeAndParse(input: string): Version | string {
  const s = input.startsWith('v') ? input.slice(1) : input;
  const parts = splitN(s, '.', 3).map((p) => {
    if (p.length <= 1) return p;
    const trimmed = p.replace(/^0+/, '');
    return trimmed === '' || !/^[0-9]/.test(trimmed) ? '0' + trimmed : trimmed;
  });
  if (parts.length < 3) {
    if (/[+-]/.test(parts[parts.length - 1]!)) return 'short version cannot contain PreRelease/Build meta data';
    while (parts.length < 3) parts.push('0');
  }
  return parseSemver(parts.join('.'));
}

/** Version.Compare: -1, 0 or 1; a version without prerelease is greater than one with. */
export function compareSemver(a: Version, b: Version): number {
  for (const k of ['major', 'minor', 'patch'] as const) if (a[k] !== b[k]) return a[k] > b[k] ? 1 : -1;
  if (a.pre.length === 0 || b.pre.length === 0) return a.pre.length === b.pre.length ? 0 : a.pre.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.min(a.pre.length, b.pre.length); i++) {
    const x = a.pre[i]!;
    const y = b.pre[i]!;
    if (x === y) continue;
    if (typeof x !== typeof y) return typeof x === 'bigint' ? -1 : 1;
    return x > y ? 1 : -1;
  }
  return a.pre.length === b.pre.length ? 0 : a.pre.length > b.pre.length ? 1 : -1;
}
