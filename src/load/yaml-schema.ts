/**
 * Scalar typing as kubectl and the API server see it.
 *
 * kubectl turns YAML into JSON with sigs.k8s.io/yaml, whose resolver is a fork of
 * go-yaml v2 (goyaml.v2/resolve.go). That is neither YAML 1.2 core nor the full YAML 1.1
 * type repository: `yes`, `on`, `y` are booleans, `0777` is octal, `1e3` is a float,
 * but base-60 numbers (`1:20`) stay strings. Typing the way kubectl does is what lets a
 * later stage say "env[0].value: must be a string" for `value: yes`, the classic surprise.
 */
import { Buffer } from 'node:buffer';
import type { ScalarTag, Tags } from 'yaml';

const TAG = 'tag:yaml.org,2002:';

const nullTag: ScalarTag = {
  tag: TAG + 'null',
  default: true,
  identify: (v) => v == null,
  test: /^(?:~|null|Null|NULL)?$/,
  resolve: () => null,
};

const TRUE = ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'];
const FALSE = ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'];
const boolTag: ScalarTag = {
  tag: TAG + 'bool',
  default: true,
  identify: (v) => typeof v === 'boolean',
  test: new RegExp(`^(?:${[...TRUE, ...FALSE].join('|')})$`),
  resolve: (s) => TRUE.includes(s),
};

/** Go's strconv.ParseInt(s, 0, 64) after go-yaml strips underscores: 0x, 0o, 0b, leading-0 octal, decimal. */
const intTag: ScalarTag = {
  tag: TAG + 'int',
  default: true,
  identify: (v) => typeof v === 'number' && Number.isInteger(v),
  test: /^[-+]?(?:0[xX][0-9a-fA-F_]*[0-9a-fA-F][0-9a-fA-F_]*|0[oO][0-7_]*[0-7][0-7_]*|0[bB][01_]*[01][01_]*|0[0-7_]*|[1-9][0-9_]*)$/,
  resolve(src) {
    const plain = src.replace(/_/g, '');
    const sign = plain.startsWith('-') ? -1 : 1;
    const digits = plain.replace(/^[-+]/, '');
    const prefix = digits.slice(0, 2).toLowerCase();
    if (prefix === '0x') return sign * parseInt(digits.slice(2), 16);
    if (prefix === '0o') return sign * parseInt(digits.slice(2), 8);
    if (prefix === '0b') return sign * parseInt(digits.slice(2), 2);
    if (digits.length > 1 && digits.startsWith('0')) return sign * parseInt(digits, 8);
    return sign * parseInt(digits, 10);
  },
};

/**
 * go-yaml's yamlStyleFloat (checked after underscores are removed), its `.`-led floats,
 * and the .inf/.nan spellings. `08` lands here: not octal, but a valid float.
 */
const floatTag: ScalarTag = {
  tag: TAG + 'float',
  default: true,
  identify: (v) => typeof v === 'number',
  test: /^(?:[-+]?(?:\.[0-9_]*[0-9][0-9_]*|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9_]*[0-9][0-9_]*)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  resolve(src) {
    const plain = src.replace(/_/g, '');
    if (/nan$/i.test(plain)) return NaN;
    if (/inf$/i.test(plain)) return plain.startsWith('-') ? -Infinity : Infinity;
    return parseFloat(plain);
  },
};

/** go-yaml decodes `!!binary` into the raw bytes, which become a JSON string. */
const binaryTag: ScalarTag = {
  tag: TAG + 'binary',
  default: false,
  resolve: (src) => Buffer.from(src.replace(/\s+/g, ''), 'base64').toString('utf8'),
};

/**
 * Unquoted timestamps: go-yaml decodes them to a time, and the JSON that kubectl and kustomize
 * go through then holds RFC 3339 text: `2024-01-01` becomes "2024-01-01T00:00:00Z". A string
 * that looks like one but is not a real date (2024-02-30) stays as written.
 */
const TIMESTAMP = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,](\d+))?(Z|[-+]\d{2}:\d{2})| (\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,](\d+))?)?$/;

export function timestampText(src: string): string {
  const m = TIMESTAMP.exec(src);
  if (!m) return src;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return src;
  const [h, min, sec, frac, zone] = m[4] !== undefined ? [m[4], m[5], m[6], m[7], m[8]] : [m[9] ?? '0', m[10] ?? '0', m[11] ?? '0', m[12], 'Z'];
  if (Number(h) > 23 || Number(min) > 59 || Number(sec) > 59) return src;
  const two = (v: string | number) => String(v).padStart(2, '0');
  const fraction = frac && /[1-9]/.test(frac) ? '.' + frac.replace(/0+$/, '') : '';
  const offset = zone === 'Z' || zone === '+00:00' || zone === '-00:00' ? 'Z' : zone;
  return `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}T${two(h!)}:${two(min!)}:${two(sec!)}${fraction}${offset}`;
}

const timestampTag: ScalarTag = {
  tag: TAG + 'timestamp',
  default: true,
  test: TIMESTAMP,
  resolve: timestampText,
};

/**
 * kustomize reads with go-yaml v3 (through kyaml), whose resolver is the same as v2's but
 * for booleans: only true/false spellings. `value: yes` stays the string "yes" in a build.
 */
const yaml12BoolTag: ScalarTag = {
  ...boolTag,
  test: /^(?:true|True|TRUE|false|False|FALSE)$/,
  resolve: (s) => s === 'true' || s === 'True' || s === 'TRUE',
};

/**
 * go-yaml v3 keeps an integer beyond 2^53 that fits int64 or uint64 as that integer, and
 * kustomize writes every digit back (12345678901234567890); a JavaScript number would round
 * it. Such values become bigints; larger ones stay floats, as go-yaml makes them.
 */
const kustomizeIntTag: ScalarTag = {
  ...intTag,
  resolve(src, onError, options) {
    const n = (intTag.resolve as (s: string, e: typeof onError, o: typeof options) => number)(src, onError, options);
    if (Number.isSafeInteger(n)) return n;
    const plain = src.replace(/_/g, '');
    if (!/^[-+]?[1-9][0-9]*$/.test(plain)) return n;
    const big = BigInt(plain);
    return big >= -(2n ** 63n) && big < 2n ** 64n ? big : n;
  },
};

const kubernetesScalars = [nullTag, boolTag, timestampTag, intTag, floatTag, binaryTag];
const kustomizeScalars = [nullTag, yaml12BoolTag, timestampTag, kustomizeIntTag, floatTag, binaryTag];

function structural(tags: Tags): Tags {
  return tags.filter((t) => {
    const tag = typeof t === 'string' ? t : t.tag;
    return tag === TAG + 'map' || tag === TAG + 'seq' || tag === TAG + 'str';
  });
}

/** Keeps the core schema's map, seq and str, replaces its scalar resolution with kubectl's. */
export function kubernetesTags(tags: Tags): Tags {
  return [...structural(tags), ...kubernetesScalars];
}

/** The same, typed as kustomize (go-yaml v3) types scalars. */
export function kustomizeTags(tags: Tags): Tags {
  return [...structural(tags), ...kustomizeScalars];
}

/** Which tool's reading of YAML to reproduce: kubectl's for validation, kustomize's for rendering. */
export type ScalarTyping = 'kubectl' | 'kustomize';
