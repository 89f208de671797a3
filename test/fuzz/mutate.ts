/**
 * The mutation fuzzer: real manifests in, plausible-but-broken manifests out. Every operator is
 * a pure function of its input and the seeded Rng, so an input replays from (seed text, seed).
 *
 * Text operators work on lines and on the `key: value` sites of YAML (indentation, anchors,
 * tags, merge keys, deep nesting, huge scalars...); byte operators work on the UTF-8 bytes
 * (flips, truncation inside a character, stray BOMs and invalid sequences); the structured
 * operator parses the YAML, replaces one node of the tree with an "interesting" value and
 * prints it back, which reaches the code behind the parser (schemas, rules, render, scheduler)
 * with shapes no valid manifest has.
 */
import { parseAllDocuments, stringify } from 'yaml';
import type { Rng } from './prng.js';

export interface MutateContext {
  /** Other seed texts: material to splice in. */
  donors: readonly string[];
}

export interface Mutated {
  bytes: Buffer;
  /** The operators applied, in order: shown in failure reports. */
  ops: string[];
}

type TextOp = (text: string, rng: Rng, ctx: MutateContext) => string;
type ByteOp = (bytes: Buffer, rng: Rng) => Buffer;

// ---------------------------------------------------------------------------------------------
// Material

/** Characters that have broken parsers, positions and terminals before. */
export const SPECIAL_CHARS = [
  '\uFEFF', // BOM, also in the middle of a file
  '\u0000', // NUL
  '\u202E', // right-to-left override
  '\u200F', // right-to-left mark
  '\u200B', // zero-width space
  '\u200D', // zero-width joiner
  '\uD800', // lone high surrogate
  '\uDC00', // lone low surrogate
  '\uDBFF\uDFFF', // the last code point, as a pair
  '\u{1F600}', // an emoji (two UTF-16 code units)
  '\u0301', // combining acute accent
  '\u2028', // line separator
  '\u2029', // paragraph separator
  '\u0085', // next line
  '\u000B', // vertical tab
  '\u000C', // form feed
  '\u007F', // delete
  '\u001B[31m', // an ANSI escape
  '\r', // a bare carriage return
  '\t', // a tab
  '\uFFFD', // replacement character
  '\uFFFE', // a non-character
  'ｆｕｌｌ', // fullwidth
  '…',
  '"',
  "'",
  '\\',
  '#',
  '&',
  '*',
  '!',
  '%',
  '@',
  '`',
  '|',
  '>',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '? ',
  '- ',
  ': ',
];

const TAGS = [
  '!!binary',
  '!!timestamp',
  '!!str',
  '!!int',
  '!!float',
  '!!bool',
  '!!null',
  '!!map',
  '!!seq',
  '!!set',
  '!!omap',
  '!!pairs',
  '!!merge',
  '!foo',
  '!',
  '!<tag:yaml.org,2002:str>',
  '!<tag:yaml.org,2002:binary>',
  '!<!bar>',
  '!e!baz',
  '!!python/object:os.system',
];

const DIRECTIVES = ['%YAML 1.1', '%YAML 1.2', '%YAML 2.0', '%TAG !e! tag:example.com,2000:', '%TAG ! tag:example.com,2000:', '%FOO bar baz', '%YAML'];

const SEPARATORS = ['---', '...', '--- |', '--- >', '--- !!map', '--- # comment', '---\n---', '...\n---', '--- {}', '--- []', '--- null', '--- "x"'];

/** Words of Kubernetes manifests and kustomizations: a replaced word keeps the file plausible. */
export const VOCABULARY = [
  'apiVersion', 'kind', 'metadata', 'name', 'namespace', 'labels', 'annotations', 'spec', 'status', 'data', 'stringData',
  'replicas', 'selector', 'matchLabels', 'matchExpressions', 'key', 'operator', 'values', 'In', 'NotIn', 'Exists', 'DoesNotExist',
  'template', 'containers', 'initContainers', 'image', 'ports', 'containerPort', 'hostPort', 'protocol', 'resources', 'requests',
  'limits', 'cpu', 'memory', 'env', 'valueFrom', 'configMapKeyRef', 'secretKeyRef', 'volumes', 'volumeMounts', 'items',
  'nodeSelector', 'affinity', 'tolerations', 'taints', 'effect', 'NoSchedule', 'NoExecute', 'topologySpreadConstraints',
  'maxSkew', 'topologyKey', 'whenUnsatisfiable', 'podAffinity', 'podAntiAffinity', 'allocatable', 'capacity', 'count', 'zones',
  'parallelism', 'completions', 'jobTemplate', 'schedule', 'priorityClassName', 'serviceAccountName', 'runtimeClassName', 'overhead',
  'resources', 'bases', 'components', 'patches', 'patchesStrategicMerge', 'patchesJson6902', 'path', 'patch', 'target', 'op',
  'value', 'from', 'configMapGenerator', 'secretGenerator', 'literals', 'files', 'envs', 'behavior', 'generatorOptions',
  'namePrefix', 'nameSuffix', 'commonLabels', 'commonAnnotations', 'images', 'newName', 'newTag', 'digest', 'replacements',
  'source', 'targets', 'fieldPath', 'fieldPaths', 'options', 'create', 'delete', 'sortOptions', 'order', 'buildMetadata',
  'includeSelectors', 'includeTemplates', 'pairs', '$patch', 'replace', 'merge', '$setElementOrder', '$retainKeys',
  '$deleteFromPrimitiveList', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod', 'Service', 'ConfigMap',
  'Secret', 'Node', 'NodePool', 'List', 'Kustomization', 'Component', 'CustomResourceDefinition', 'Ingress', 'NetworkPolicy',
  'PodDisruptionBudget', 'HorizontalPodAutoscaler', 'RuntimeClass', 'PriorityClass', 'v1', 'apps/v1', 'batch/v1',
  'kubeproof.dev/v1alpha1', 'kustomize.config.k8s.io/v1beta1', 'kustomize.config.k8s.io/v1alpha1', 'nodeName', 'hostNetwork',
  'podManagementPolicy', 'OrderedReady', 'Parallel', 'strategy', 'rollingUpdate', 'maxSurge', 'maxUnavailable', 'unschedulable',
];

const KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod', 'ReplicaSet', 'ReplicationController', 'Service', 'ConfigMap', 'Secret', 'Node', 'NodePool', 'List', 'DeploymentList', 'Kustomization', 'Component', 'CustomResourceDefinition', 'Ingress', 'NetworkPolicy', 'PodDisruptionBudget', 'HorizontalPodAutoscaler', 'RuntimeClass', 'Namespace', 'RoleBinding', 'Foo', ''];

const API_VERSIONS = ['v1', 'apps/v1', 'batch/v1', 'kubeproof.dev/v1alpha1', 'kustomize.config.k8s.io/v1beta1', 'kustomize.config.k8s.io/v1alpha1', 'apiextensions.k8s.io/v1', 'networking.k8s.io/v1', 'example.com/v1', 'v2', '/', 'a/b/c', ''];

/** Scalars written as YAML text: numbers at and past every limit, quantities, paths, special floats. */
const HUGE_OR_ODD_SCALARS = (rng: Rng): string => {
  const n = rng.pick([10, 100, 1000, 10_000, 100_000, 300_000]);
  return rng.pick([
    () => 'x'.repeat(n),
    () => '9'.repeat(Math.min(n, 20_000)),
    () => `1${'0'.repeat(Math.min(n, 20_000))}`,
    () => `"${'a'.repeat(n)}"`,
    () => `'${"b'".repeat(Math.min(n, 50_000))}'`,
    () => `1${'0'.repeat(Math.min(n, 5000))}Gi`,
    () => `0.${'0'.repeat(Math.min(n, 5000))}1`,
    () => `1e${rng.pick(['9999', '10000', '10001', '-10000', '99999999999', '2147483647', '-2147483648', '4294967296', '9223372036854775807', '9223372036854775808'])}`,
    () => rng.pick(['.inf', '-.inf', '.nan', '.NaN', '+.inf', '-0', '0x7fffffffffffffff', '0o777', '0777', '0b101', '1_000', '99999999999999999999', '1e400', '-1e400', '2147483648', '-2147483649', '9007199254740993', '4.9e-324', '1e-400', '0.1e1', '+1', '1:20', '1:20:30', '~', 'null', 'Null', 'NULL', 'yes', 'no', 'on', 'off', 'y', 'n', 'True', 'FALSE', '2001-12-14t21:59:43.10-05:00']),
    () => rng.pick(['100Gi', '1m', '0.5', '1.5Ki', '-1', '1Ei', '8Ei', '9Ei', '1E', '1000P', '1e3', '1.1e-1', '0.000000001', '1n', '1u', '1k', '1K', '1M', '1Mi', '+1Gi', ' 1Gi ', '1 Gi', '1GiB', '1e', '1e+', 'e3', '.', '+', '-', '0.', '.5', '1..2', '--1', '1i', '1Qi']),
    () => `|\n${'  line\n'.repeat(Math.min(n, 20_000))}`,
    () => `>-\n${'  folded text\n'.repeat(Math.min(n, 20_000))}`,
    () => `"${'\\u0000\\t\\x41\\U0001F600\\uD800'.repeat(Math.min(n, 2000))}"`,
    () => `[${Array.from({ length: Math.min(n, 20_000) }, (_, i) => i).join(', ')}]`,
    () => `{${Array.from({ length: Math.min(n, 5_000) }, (_, i) => `k${i}: ${i}`).join(', ')}}`,
  ])();
};

// ---------------------------------------------------------------------------------------------
// Sites in the text

interface ValueSite {
  line: number;
  /** Offset of the value within the line. */
  start: number;
  indent: number;
}

const KEY_LINE = /^(\s*)(- +)?((?:"[^"]*"|'[^']*'|[^\s#:'"{}[\],&*!|>][^#:]*?)):(?: +|$)(.*)$/;
const ITEM_LINE = /^(\s*)- +(.*)$/;

function lines(text: string): string[] {
  return text.split('\n');
}

function valueSites(ls: readonly string[]): ValueSite[] {
  const out: ValueSite[] = [];
  ls.forEach((l, i) => {
    const m = KEY_LINE.exec(l);
    if (m) {
      const value = m[4] ?? '';
      out.push({ line: i, start: l.length - value.length, indent: (m[1] ?? '').length + (m[2] ?? '').length });
      return;
    }
    const item = ITEM_LINE.exec(l);
    if (item && item[2]) out.push({ line: i, start: l.length - item[2].length, indent: (item[1] ?? '').length + 2 });
  });
  return out;
}

function keyLines(ls: readonly string[]): number[] {
  return ls.flatMap((l, i) => (KEY_LINE.test(l) ? [i] : []));
}

/** Replaces the value at a site (the rest of the line; a block below it stays, which is fine for a fuzzer). */
function setValue(ls: string[], site: ValueSite, value: string): void {
  const l = ls[site.line]!;
  const [first, ...rest] = value.split('\n');
  ls[site.line] = l.slice(0, site.start) + first;
  if (rest.length) ls.splice(site.line + 1, 0, ...rest.map((r) => (r === '' ? r : ' '.repeat(site.indent) + r)));
}

function randomSite(ls: readonly string[], rng: Rng): ValueSite | undefined {
  const sites = valueSites(ls);
  return sites.length ? rng.pick(sites) : undefined;
}

function position(text: string, rng: Rng): number {
  return rng.int(text.length + 1);
}

// ---------------------------------------------------------------------------------------------
// Text operators

const deepFlow = (depth: number, rng: Rng): string => {
  const kind = rng.int(3);
  if (kind === 0) return '['.repeat(depth) + ']'.repeat(depth);
  if (kind === 1) return '{a: '.repeat(depth) + '1' + '}'.repeat(depth);
  return '[{a: '.repeat(depth) + 'x' + '}]'.repeat(depth);
};

const deepBlock = (depth: number, indent: number, rng: Rng): string => {
  const out: string[] = [];
  const step = rng.pick([1, 2, 4]);
  for (let i = 0; i < depth; i++) out.push(' '.repeat(indent + i * step) + (rng.chance(0.5) ? 'a:' : '- a:'));
  out.push(' '.repeat(indent + depth * step) + 'x');
  return out.join('\n');
};

const DEPTHS = [10, 64, 100, 200, 255, 256, 257, 300, 1000, 3000, 10_000];

function aliasBomb(rng: Rng, name: string): string {
  const levels = rng.range(2, 12);
  const width = rng.range(2, 10);
  const out = [`${name}0: &${name}0 [${Array(width).fill('"lol"').join(', ')}]`];
  for (let i = 1; i < levels; i++) out.push(`${name}${i}: &${name}${i} [${Array(width).fill(`*${name}${i - 1}`).join(', ')}]`);
  return out.join('\n');
}

/** Depth built from aliases: no line is deeply indented, yet the value nests `levels` deep. */
function aliasChain(rng: Rng, name: string): string {
  const levels = rng.pick([10, 100, 300, 1000, 3000, 8000]);
  const asMap = rng.chance(0.5);
  const out = [`${name}0: &${name}0 ${asMap ? '{a: 1}' : '[1]'}`];
  for (let i = 1; i < levels; i++) out.push(`${name}${i}: &${name}${i} ${asMap ? `{a: *${name}${i - 1}}` : `[*${name}${i - 1}]`}`);
  return out.join('\n');
}

function mergeChain(rng: Rng, name: string): string {
  const levels = rng.pick([3, 30, 300, 2000]);
  const out = [`${name}0: &${name}0 {a0: 1}`];
  for (let i = 1; i < levels; i++) out.push(`${name}${i}: &${name}${i} {<<: ${rng.chance(0.5) ? `*${name}${i - 1}` : `[*${name}${i - 1}, *${name}0]`}, a${i}: ${i}}`);
  return out.join('\n');
}

export const TEXT_OPS: Record<string, TextOp> = {
  truncate: (t, rng) => t.slice(0, position(t, rng)),
  deleteLines(t, rng) {
    const ls = lines(t);
    const at = rng.int(ls.length);
    ls.splice(at, rng.size(5));
    return ls.join('\n');
  },
  duplicateLines(t, rng) {
    const ls = lines(t);
    const at = rng.int(ls.length);
    const chunk = ls.slice(at, at + rng.size(6));
    ls.splice(rng.chance(0.5) ? at : rng.int(ls.length + 1), 0, ...chunk);
    return ls.join('\n');
  },
  swapLines(t, rng) {
    const ls = lines(t);
    const a = rng.int(ls.length);
    const b = rng.int(ls.length);
    [ls[a], ls[b]] = [ls[b]!, ls[a]!];
    return ls.join('\n');
  },
  indentShift(t, rng) {
    const ls = lines(t);
    const at = rng.int(ls.length);
    const n = rng.size(8);
    const delta = rng.pick([-4, -2, -1, 1, 2, 3, 4, 8]);
    for (let i = at; i < Math.min(ls.length, at + n); i++) {
      const l = ls[i]!;
      ls[i] = delta > 0 ? ' '.repeat(delta) + l : l.replace(new RegExp(`^ {0,${-delta}}`), '');
    }
    return ls.join('\n');
  },
  tabIndent(t, rng) {
    const ls = lines(t);
    const at = rng.int(ls.length);
    ls[at] = ls[at]!.replace(/^( +)/, (s) => (rng.chance(0.5) ? '\t' : '\t' + s.slice(1)));
    return ls.join('\n');
  },
  insertUnicode(t, rng) {
    let out = t;
    for (let n = rng.size(4); n > 0; n--) {
      const at = position(out, rng);
      const c = rng.chance(0.8) ? rng.pick(SPECIAL_CHARS) : String.fromCodePoint(rng.chance(0.5) ? rng.int(0x10000) : rng.int(0x110000));
      out = out.slice(0, at) + c + out.slice(at);
    }
    return out;
  },
  leadingBom: (t, rng) => rng.pick(['\uFEFF', '\uFEFF\uFEFF', '\uFFFE', '\u0000']) + t,
  lineEndings: (t, rng) => (rng.chance(0.5) ? t.replace(/\n/g, '\r\n') : rng.chance(0.5) ? t.replace(/\n/g, '\r') : t.replace(/\n/g, rng.pick(['\u2028', '\u0085', '\n\n']))),
  deepNesting(t, rng) {
    const ls = lines(t);
    const site = randomSite(ls, rng);
    const depth = rng.pick(DEPTHS);
    if (!site || rng.chance(0.3)) return `${t}\n${rng.chance(0.5) ? deepFlow(depth, rng) : deepBlock(Math.min(depth, 3000), 0, rng)}\n`;
    if (rng.chance(0.6)) setValue(ls, site, deepFlow(depth, rng));
    else {
      ls[site.line] = ls[site.line]!.slice(0, site.start);
      ls.splice(site.line + 1, 0, deepBlock(Math.min(depth, 3000), site.indent + 2, rng));
    }
    return ls.join('\n');
  },
  hugeScalar(t, rng) {
    const ls = lines(t);
    const site = randomSite(ls, rng);
    if (!site) return t + '\n' + HUGE_OR_ODD_SCALARS(rng);
    setValue(ls, site, HUGE_OR_ODD_SCALARS(rng));
    return ls.join('\n');
  },
  longKey(t, rng) {
    const ls = lines(t);
    const at = rng.pick(keyLines(ls).length ? keyLines(ls) : [0]);
    const n = rng.pick([100, 1000, 1025, 100_000]);
    ls.splice(at, 0, `${/^\s*/.exec(ls[at] ?? '')![0]}${rng.chance(0.5) ? '? ' : ''}${'k'.repeat(n)}: v`);
    return ls.join('\n');
  },
  anchorAlias(t, rng) {
    const ls = lines(t);
    const sites = valueSites(ls);
    if (sites.length < 1) return t;
    const name = rng.pick(['a', 'anchor', 'x1', 'ü', '&', '']);
    const a = rng.pick(sites);
    const b = rng.pick(sites);
    const la = ls[a.line]!;
    // an anchor before a value (or before a block below the key), an alias replacing another value
    ls[a.line] = la.slice(0, a.start) + `&${name} ` + la.slice(a.start);
    if (a.line === b.line) return ls.join('\n');
    const lb = ls[b.line]!;
    ls[b.line] = lb.slice(0, b.start) + (rng.chance(0.2) ? `*${name}x` : `*${name}`) + (rng.chance(0.2) ? ' ' + lb.slice(b.start) : '');
    return ls.join('\n');
  },
  selfAlias(t, rng) {
    const ls = lines(t);
    const site = randomSite(ls, rng);
    if (!site) return t;
    setValue(ls, site, rng.pick(['&s [*s]', '&s {a: *s}', '&s *s', '[&s 1, *s, *s]', '*undefined', '&s\n- *s']));
    return ls.join('\n');
  },
  aliasBomb(t, rng) {
    const name = rng.pick(['lol', 'b']);
    const bomb = aliasBomb(rng, name);
    if (rng.chance(0.5)) return `${t}\n---\n${bomb}\n`;
    // inside the first document, under a top-level key
    const ls = lines(t);
    const at = ls.findIndex((l) => /^\S[^:]*:/.test(l));
    ls.splice(at < 0 ? 0 : at, 0, bomb);
    return ls.join('\n');
  },
  aliasChain(t, rng) {
    const chain = aliasChain(rng, rng.pick(['c', 'chain']));
    const ls = lines(t);
    const at = ls.findIndex((l) => /^\S[^:]*:/.test(l));
    ls.splice(at < 0 ? 0 : at, 0, chain);
    return ls.join('\n');
  },
  mergeKey(t, rng) {
    const ls = lines(t);
    const keys = keyLines(ls);
    if (!keys.length) return `<<: {a: 1}\n${t}`;
    const at = rng.pick(keys);
    const indent = /^(\s*)(- +)?/.exec(ls[at]!)!;
    const pad = ' '.repeat(indent[0].length);
    const kind = rng.int(6);
    if (kind === 0) ls.splice(at + 1, 0, `${pad}<<: {${rng.pick(VOCABULARY)}: ${rng.pick(['1', 'x', 'null', '[]', '{}'])}}`);
    else if (kind === 1) {
      // an anchored map elsewhere, merged here
      const other = rng.pick(keys);
      ls[other] = ls[other]!.replace(/:(\s*)$/, ': &m$1');
      ls.splice(at + 1, 0, `${pad}<<: ${rng.chance(0.5) ? '*m' : '[*m, *m]'}`);
    } else if (kind === 2) ls.splice(at + 1, 0, `${pad}<<: ${rng.pick(['1', 'x', 'null', '[]', '[1, 2]', '[[]]', '"<<"', '!!merge <<', '*nope'])}`);
    else if (kind === 3) ls.splice(at + 1, 0, `${pad}<<: {}`, `${pad}<<: {}`);
    else if (kind === 4) ls.splice(at, 0, mergeChain(rng, 'mc').split('\n').map((l) => pad + l).join('\n'));
    else ls.splice(at + 1, 0, `${pad}!!merge "<<": {z: 1}`);
    return ls.join('\n');
  },
  tag(t, rng) {
    const ls = lines(t);
    const site = randomSite(ls, rng);
    const tag = rng.pick(TAGS);
    if (!site) return `${tag} ${t}`;
    const l = ls[site.line]!;
    ls[site.line] = l.slice(0, site.start) + tag + ' ' + (rng.chance(0.3) ? rng.pick(['R0lGODlh', '=', '2001-12-14', '2001-13-45', 'x', '', '"x"', '{}', '[]']) : l.slice(site.start));
    return ls.join('\n');
  },
  directive: (t, rng) => `${rng.pick(DIRECTIVES)}\n${rng.chance(0.7) ? '---\n' : ''}${t}`,
  duplicateKey(t, rng) {
    const ls = lines(t);
    const keys = keyLines(ls);
    if (!keys.length) return t;
    const at = rng.pick(keys);
    ls.splice(at + 1, 0, ls[at]!.replace(/^(\s*)- /, '$1  '));
    return ls.join('\n');
  },
  separator(t, rng) {
    const ls = lines(t);
    ls.splice(rng.int(ls.length + 1), 0, rng.pick(SEPARATORS));
    return ls.join('\n');
  },
  json(t, rng) {
    let value: unknown;
    try {
      const docs = parseAllDocuments(t);
      value = Array.isArray(docs) ? docs.map((d) => d.toJS({ maxAliasCount: 100 })) : undefined;
    } catch {
      value = undefined;
    }
    const docs = Array.isArray(value) ? value : [t];
    const one = docs.length === 1 || rng.chance(0.5) ? docs[0] : { apiVersion: 'v1', kind: 'List', items: docs };
    const indent = rng.chance(0.5) ? 2 : undefined;
    let json: string;
    try {
      json = JSON.stringify(one ?? null, null, indent) ?? 'null';
    } catch {
      return t; // a value that contains itself (an alias inside its anchor) has no JSON form
    }
    switch (rng.int(8)) {
      case 0:
        json = json.replace(/(["\d\]}])(\s*)([}\]])/, '$1,$2$3'); // trailing comma
        break;
      case 1:
        json = `// a comment\n${json}`;
        break;
      case 2:
        json = json.replace(/: (\d+)/, ': 1e999');
        break;
      case 3:
        json = json.replace(/"/g, "'");
        break;
      case 4:
        json = json.replace(/\{/, '{"kind": "Pod", ');
        break;
      case 5:
        json = `${json}\n${json}`; // two JSON documents
        break;
      case 6:
        json = json.replace(/: (\d+)/, ': 0$1');
        break;
      default:
        break;
    }
    return json;
  },
  splice(t, rng, ctx) {
    if (!ctx.donors.length) return t;
    const donor = lines(rng.pick(ctx.donors));
    const from = rng.int(donor.length);
    const chunk = donor.slice(from, from + rng.size(15));
    const ls = lines(t);
    ls.splice(rng.int(ls.length + 1), rng.chance(0.3) ? rng.size(5) : 0, ...chunk);
    return ls.join('\n');
  },
  replaceWord(t, rng) {
    const words = [...t.matchAll(/[A-Za-z$][A-Za-z0-9$]*/g)];
    if (!words.length) return t;
    const w = rng.pick(words);
    const replacement = rng.chance(0.8) ? rng.pick(VOCABULARY) : rng.pick(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype']);
    return t.slice(0, w.index) + replacement + t.slice(w.index + w[0].length);
  },
  swapKind(t, rng) {
    const re = rng.chance(0.7) ? /^(\s*kind:\s*).*$/m : /^(\s*apiVersion:\s*).*$/m;
    return t.replace(re, (_, pre: string) => pre + (re.source.includes('kind') ? rng.pick(KINDS) : rng.pick(API_VERSIONS)));
  },
  insertChars(t, rng) {
    const at = position(t, rng);
    return t.slice(0, at) + rng.pick(['', ' ', '  ', ':', ': ', '-', '- ', '"', "'", '#', '\n', '\n  ', '{', '[', ',', '?', '|', '>', '&a', '*a', '!', '%', '@', '`']) + t.slice(at);
  },
  structured: (t, rng) => structuredMutation(t, rng),
};

// ---------------------------------------------------------------------------------------------
// Structured mutation: parse, replace one node with an interesting value, print back

const INTERESTING_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', ' ', 'a/b', 'a~b', '~1', '$patch', '<<', 'kubernetes.io/hostname', 'x'.repeat(300)];

/** Values that have broken code that assumed a shape: every type, every edge. */
export function interestingValue(rng: Rng, depth = 0): unknown {
  const pick = rng.int(depth > 2 ? 4 : 6);
  if (pick === 0) {
    return rng.pick<unknown>([null, true, false, 0, -1, 1, 0.5, -0.5, 3, 2 ** 31 - 1, 2 ** 31, 2 ** 53 + 2, 1e21, 1e308, -1e308, Infinity, -Infinity, NaN, 1e-7, 1_000_000, 999_999_999]);
  }
  if (pick === 1) {
    return rng.pick<unknown>(['', ' ', '0', '1', '-1', 'null', 'true', '1e9999', '100Gi', '1m', '0.5', '500m', '-100m', 'a'.repeat(rng.pick([64, 254, 300, 10_000])), '$patch', 'delete', 'replace', 'merge', '*', '.', '..', '../base', 'kustomization.yaml', '/nonexistent-kubeproof-fuzz', 'https://example.com/x', 'github.com/a/b', 'a/b/c', '/a/b', '~1', '~0', '%', 'ü', '\u0000', '\uD800', '\u202E', '{{ .Values.x }}', '${VAR}', 'In', 'NotIn', 'Exists', 'DoesNotExist', 'NoSchedule', 'Deployment', 'v1', 'apps/v1', '2001-12-14']);
  }
  if (pick === 2) return [];
  if (pick === 3) return {};
  if (pick === 4) return Array.from({ length: rng.size(6) }, () => interestingValue(rng, depth + 1));
  const out: Record<string, unknown> = {};
  for (let n = rng.size(4); n > 0; n--) out[rng.chance(0.3) ? rng.pick(INTERESTING_KEYS) : rng.pick(VOCABULARY)] = interestingValue(rng, depth + 1);
  return out;
}

type Container = Record<string, unknown> | unknown[];

function collect(value: unknown, out: { parent: Container; key: string | number }[], depth = 0): void {
  // A typed array (`!!binary` data) is a value, not a container to edit.
  if (depth > 64 || value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return;
  if (Array.isArray(value)) value.forEach((v, i) => (out.push({ parent: value, key: i }), collect(v, out, depth + 1)));
  else for (const [k, v] of Object.entries(value)) (out.push({ parent: value as Record<string, unknown>, key: k }), collect(v, out, depth + 1));
}

/** Applies one change to a parsed tree; exported for the scheduler target, which mutates objects directly. */
export function mutateTree(root: unknown, rng: Rng): void {
  const sites: { parent: Container; key: string | number }[] = [];
  collect(root, sites);
  if (!sites.length) return;
  const { parent, key } = rng.pick(sites);
  const get = () => (parent as Record<string | number, unknown>)[key];
  const set = (v: unknown) => ((parent as Record<string | number, unknown>)[key] = v);
  switch (rng.int(7)) {
    case 0:
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
      break;
    case 1: {
      // a sibling with an odd key
      if (Array.isArray(parent)) parent.push(interestingValue(rng));
      else parent[rng.pick(INTERESTING_KEYS)] = get();
      break;
    }
    case 2: {
      // the same value, wrapped or unwrapped
      const v = get();
      set(Array.isArray(v) ? (v.length ? v[0] : {}) : rng.chance(0.5) ? [v] : { [rng.pick(VOCABULARY)]: v });
      break;
    }
    case 3: {
      // duplicate an array element (duplicate ids, duplicate containers...)
      if (Array.isArray(parent)) parent.splice(key as number, 0, cloneOr(parent[key as number], interestingValue(rng)));
      else set(interestingValue(rng));
      break;
    }
    default:
      set(interestingValue(rng));
  }
}

function structuredMutation(t: string, rng: Rng): string {
  let docs: unknown[];
  try {
    const parsed = parseAllDocuments(t);
    if (!Array.isArray(parsed) || parsed.some((d) => d.errors.length)) return t;
    docs = parsed.map((d) => d.toJS({ maxAliasCount: 100 }) as unknown);
  } catch {
    return t;
  }
  for (let n = rng.size(4); n > 0; n--) mutateTree(docs, rng);
  try {
    return docs.map((d) => stringify(d, { aliasDuplicateObjects: false, lineWidth: rng.chance(0.5) ? 0 : 80 })).join('---\n');
  } catch {
    return t;
  }
}

// ---------------------------------------------------------------------------------------------
// Byte operators

export const BYTE_OPS: Record<string, ByteOp> = {
  flipBits(b, rng) {
    const out = Buffer.from(b);
    if (!out.length) return out;
    for (let n = rng.size(8); n > 0; n--) out[rng.int(out.length)]! ^= 1 << rng.int(8);
    return out;
  },
  setBytes(b, rng) {
    const out = Buffer.from(b);
    if (!out.length) return out;
    for (let n = rng.size(8); n > 0; n--) out[rng.int(out.length)] = rng.pick([0x00, 0xff, 0xfe, 0x80, 0xc0, 0xc3, 0xe2, 0xed, 0xf0, 0xf4, 0xf8, 0x0d, 0x0a, 0x09, 0x20, 0x3a, 0x2d, 0x23, 0x7f]);
    return out;
  },
  truncateBytes: (b, rng) => b.subarray(0, rng.int(b.length + 1)),
  insertBytes(b, rng) {
    const at = rng.int(b.length + 1);
    const chunk = Buffer.from(rng.pick([[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0x80], [0x00, 0x00], [0x80], [0xf0, 0x9f, 0x98]]));
    return Buffer.concat([b.subarray(0, at), chunk, b.subarray(at)]);
  },
  utf16(b, rng) {
    const text = b.toString('utf8');
    const le = rng.chance(0.5);
    const body = Buffer.from(text, 'utf16le');
    if (!le) body.swap16();
    const bom = rng.chance(0.7) ? Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]) : Buffer.alloc(0);
    return Buffer.concat([bom, body]);
  },
  latin1: (b) => Buffer.from(b.toString('utf8'), 'latin1'),
};

// ---------------------------------------------------------------------------------------------

const TEXT_OP_NAMES = Object.keys(TEXT_OPS);
const BYTE_OP_NAMES = Object.keys(BYTE_OPS);

/** One to `max` operators on a seed text; byte operators (one in six) work on its UTF-8. */
export function mutate(seed: string, rng: Rng, ctx: MutateContext, max = 3): Mutated {
  const ops: string[] = [];
  let text = seed;
  let bytes: Buffer | undefined;
  for (let n = rng.range(1, max); n > 0; n--) {
    if (rng.chance(1 / 6)) {
      const name = rng.pick(BYTE_OP_NAMES);
      bytes = BYTE_OPS[name]!(bytes ?? Buffer.from(text, 'utf8'), rng);
      ops.push(name);
    } else {
      const name = rng.pick(TEXT_OP_NAMES);
      if (bytes) {
        text = bytes.toString('utf8');
        bytes = undefined;
      }
      text = TEXT_OPS[name]!(text, rng, ctx);
      ops.push(name);
    }
  }
  return { bytes: bytes ?? Buffer.from(text, 'utf8'), ops };
}

/** A deep copy, or `fallback` for a value that has none (a `!!merge` scalar parses to a symbol). */
function cloneOr(value: unknown, fallback: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return fallback;
  }
}
