/**
 * The fuzz targets. Each turns a seed into one case (deterministically: the same seed, the same
 * input) and runs it, returning the properties it broke:
 *
 *   loader     mutated manifests through loadBytes, then validate()/check() on standard input
 *   render     a mutated file in a temporary copy of an overlay tree through render() and check()
 *   quantity   generated strings and near-valid quantities through the parser, and in a manifest
 *   selectors  generated label selectors through the matchers, and through the selector rules
 *   schedule   mutated node inventories and workloads through buildInventory/scheduleWorkloads
 *   cli        any of the above end to end through the command line (in-process)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { check } from '../../src/api/check.js';
import { validate } from '../../src/api/validate.js';
import { run } from '../../src/cli/program.js';
import {
  addQuantities,
  canonicalQuantity,
  formatQuantity,
  milliValue,
  parseQuantity,
  parseQuantityValue,
  QUANTITY_EXPONENT_ERROR,
  QUANTITY_FORMAT_ERROR,
  QUANTITY_NUMERIC_ERROR,
  QUANTITY_SUFFIX_ERROR,
  roundUpToMilli,
  unitValue,
  type Diagnostic,
  type Resource,
} from '../../src/core/index.js';
import { decodeSource, loadBytes, parseManifests } from '../../src/load/index.js';
import { render } from '../../src/render/index.js';
import { matchesLabelSelector, matchesMapSelector } from '../../src/rules/index.js';
import { describeLabels } from '../../src/rules/selectors.js';
import { buildInventory, scheduleWorkloads } from '../../src/schedule/index.js';
import { mutate, mutateTree, TEXT_OPS, type MutateContext } from './mutate.js';
import { Rng } from './prng.js';
import { describeThrow, diagnosticViolations, STACK_FRAME } from './properties.js';
import { manifestSeeds, nodeSeeds, REPO_ROOT, tempDir, treeSeeds, type SeedTree } from './seeds.js';

export const TARGET_NAMES = ['loader', 'render', 'quantity', 'selectors', 'schedule', 'cli'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

export interface FuzzCase {
  target: TargetName;
  seed: number;
  /** What the input was made from, and how. */
  origin: string;
  ops: string[];
  /** The input, as files to save when the case fails. */
  files: Record<string, Buffer | string>;
  /** Runs the input; returns the properties broken (empty: all held). */
  run(): Promise<string[]>;
  /**
   * Time the run may take beyond the budget for work in proportion to what the input asked for,
   * set by run(): throughput, not a hang (a Deployment of 2^31 - 1 replicas makes the scheduler's
   * 150,000-pod maximum, and each node-loss what-if schedules them again).
   */
  extraBudgetMs?: number;
}

/** Scheduling costs about 2 µs of CPU per pod and run on this machine: allow 5. */
const BUDGET_MS_PER_SCHEDULED_POD = 0.005;

// ---------------------------------------------------------------------------------------------
// Shared material

let donorCache: MutateContext | undefined;
function donors(): MutateContext {
  return (donorCache ??= { donors: manifestSeeds().map((s) => s.text) });
}

const SYNTHETIC_WORKLOADS = `apiVersion: node.k8s.io/v1
kind: RuntimeClass
metadata:
  name: kata
handler: kata
overhead:
  podFixed:
    cpu: 250m
    memory: 120Mi
scheduling:
  nodeSelector:
    kubernetes.io/os: linux
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
  namespace: data
spec:
  replicas: 3
  serviceName: db
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      runtimeClassName: kata
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - topologyKey: kubernetes.io/hostname
            labelSelector:
              matchExpressions:
              - {key: app, operator: In, values: [db]}
      topologySpreadConstraints:
      - maxSkew: 1
        topologyKey: topology.kubernetes.io/zone
        whenUnsatisfiable: DoNotSchedule
        labelSelector: {matchLabels: {app: db}}
      containers:
      - name: db
        image: postgres:16
        ports: [{containerPort: 5432, hostPort: 5432}]
        resources:
          requests: {cpu: 500m, memory: 1Gi}
          limits: {cpu: "1", memory: 2Gi}
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
      tolerations:
      - {operator: Exists}
      containers:
      - name: agent
        image: agent:1.0
        resources:
          requests: {cpu: 50m, memory: 64Mi}
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      parallelism: 2
      completions: 4
      template:
        spec:
          restartPolicy: Never
          nodeSelector: {topology.kubernetes.io/zone: zone-1}
          tolerations:
          - {key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}
          containers:
          - name: report
            image: report:2
            resources:
              requests: {cpu: "2", memory: 4Gi, nvidia.com/gpu: "1"}
              limits: {nvidia.com/gpu: "1"}
---
apiVersion: v1
kind: Pod
metadata:
  name: pinned
spec:
  nodeName: node-a
  containers:
  - name: c
    image: busybox:1.36
    resources:
      requests: {cpu: 100m}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 4
  strategy:
    rollingUpdate: {maxSurge: 50%, maxUnavailable: 0}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
              - {key: kubernetes.io/os, operator: In, values: [linux]}
          preferredDuringSchedulingIgnoredDuringExecution:
          - weight: 50
            preference:
              matchExpressions:
              - {key: topology.kubernetes.io/zone, operator: NotIn, values: [zone-0]}
      initContainers:
      - name: init
        image: busybox:1.36
        resources:
          requests: {cpu: "1"}
      containers:
      - name: web
        image: nginx:1.27
        resources:
          requests: {cpu: 250m, memory: 256Mi}
          limits: {memory: 512Mi}
`;

let workloadCache: { name: string; text: string }[] | undefined;
/** Workloads to schedule: the example overlays as rendered, and the synthetic set above. */
function workloadSeeds(): { name: string; text: string }[] {
  if (workloadCache) return workloadCache;
  const out = [{ name: 'synthetic/workloads.yaml', text: SYNTHETIC_WORKLOADS }];
  for (const overlay of ['dev', 'staging', 'production']) {
    const rendered = render(path.join(REPO_ROOT, 'overlays-example', 'overlays', overlay), { cwd: REPO_ROOT });
    if (rendered.yaml) out.push({ name: `overlays-example/overlays/${overlay} (rendered)`, text: rendered.yaml });
  }
  workloadCache = out;
  return out;
}

/** Applies tree mutations to every document of a text (valid YAML in, valid YAML out), or text mutations. */
function mutateManifest(text: string, rng: Rng, treeBias: number): { bytes: Buffer; ops: string[] } {
  if (rng.chance(treeBias)) {
    const parsed = parseManifests(text, 'seed.yaml');
    const docs = parsed.resources.map((r) => structuredClone(r.object));
    if (docs.length) {
      const n = rng.range(1, 4);
      for (let i = 0; i < n; i++) mutateTree(docs, rng);
      return { bytes: Buffer.from(docs.map((d) => stringify(d, { aliasDuplicateObjects: false })).join('---\n')), ops: [`tree x${n}`] };
    }
  }
  return mutate(text, rng, donors());
}

function check1(fn: () => Diagnostic[] | void, out: string[], texts?: ReadonlyMap<string, string>): void {
  try {
    const diagnostics = fn();
    if (diagnostics) out.push(...diagnosticViolations(diagnostics, { texts }));
  } catch (err) {
    out.push(describeThrow(err));
  }
}

function textOf(bytes: Uint8Array, file: string): string | undefined {
  const decoded = decodeSource(bytes, file);
  return 'text' in decoded ? decoded.text : undefined;
}

/** Locating pointers (present, missing, malformed) must always give a 1-based span. */
function locateViolations(resources: readonly Resource[], rng: Rng): string[] {
  const out: string[] = [];
  for (const r of resources.slice(0, 5)) {
    const pointers = ['', '/metadata/name', '/spec/template/spec/containers/0/resources/requests/cpu', '/nope/0/x', '/~1/~0/~', '/items/99999', '//', `/${rng.int(10)}`];
    for (const p of pointers) {
      try {
        const l = r.source.locate(p);
        for (const span of [l.value, l.key]) {
          if (!span) continue;
          if (!(span.line >= 1 && span.column >= 1 && span.endLine >= span.line)) out.push(`locate(${JSON.stringify(p)}) gave span ${JSON.stringify(span)}`);
        }
      } catch (err) {
        out.push(`locate(${JSON.stringify(p)}): ${describeThrow(err)}`);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// loader

function loaderCase(seed: number): FuzzCase {
  const rng = new Rng(seed);
  const seeds = manifestSeeds();
  const from = rng.pick(seeds);
  const { bytes, ops } = mutateManifest(from.text, rng, 0.15);
  const file = from.name.endsWith('.json') && rng.chance(0.7) ? 'fuzz.json' : 'fuzz.yaml';
  const deep = rng.chance(0.5);
  return {
    target: 'loader',
    seed,
    origin: from.name,
    ops,
    files: { [file]: bytes },
    async run() {
      // one pass, as the command line makes it: check (load, schemas, rules) or validate (load, schemas)
      const out: string[] = [];
      const text = textOf(bytes, file);
      const texts = text === undefined ? undefined : new Map([[file, text]]);
      let resources: Resource[] = [];
      const options = { readStdin: () => bytes, stdinFilename: file, cwd: REPO_ROOT };
      check1(() => {
        const result = deep ? check(['-'], options) : validate(['-'], options);
        resources = result.resources;
        return result.diagnostics;
      }, out, texts);
      out.push(...locateViolations(resources, rng));
      return out;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// render: one temporary copy per seed tree, mutated in place and restored after each case

const trees = new Map<string, string>();

function materialize(tree: SeedTree): string {
  let dir = trees.get(tree.name);
  if (dir) return dir;
  dir = tempDir('kubeproof-fuzz-tree-');
  for (const [rel, bytes] of Object.entries(tree.files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, bytes);
  }
  trees.set(tree.name, dir);
  return dir;
}

interface TreeMutation {
  tree: SeedTree;
  root: string;
  changed: Record<string, Buffer>;
  ops: string[];
}

function mutateTreeFiles(rng: Rng): TreeMutation {
  const all = treeSeeds();
  // overlays-example is the richest tree: a third of the cases
  const tree = rng.chance(0.33) ? all[0]! : rng.pick(all);
  const root = rng.pick(tree.roots);
  const names = Object.keys(tree.files);
  const kustomizations = names.filter((n) => /(^|\/)(kustomization\.ya?ml|Kustomization)$/.test(n));
  const yamls = names.filter((n) => /\.(ya?ml|json)$/.test(n) && !kustomizations.includes(n));
  const others = names.filter((n) => !kustomizations.includes(n) && !yamls.includes(n));
  const changed: Record<string, Buffer> = {};
  const ops: string[] = [];
  for (let n = rng.chance(0.3) ? 2 : 1; n > 0; n--) {
    const r = rng.next();
    const pool = r < 0.55 && kustomizations.length ? kustomizations : r < 0.93 && yamls.length ? yamls : others.length ? others : kustomizations;
    const name = rng.pick(pool);
    const original = (changed[name] ?? tree.files[name]!).toString('utf8');
    const m = /\.(ya?ml|json)$|Kustomization$/.test(name) ? mutateManifestPlain(original, rng) : mutate(original, rng, donors());
    changed[name] = m.bytes;
    ops.push(`${name}: ${m.ops.join(', ')}`);
  }
  return { tree, root, changed, ops };
}

/** Kustomization files and patches are not resources: their tree mutations go through the structured text operator. */
function mutateManifestPlain(text: string, rng: Rng): { bytes: Buffer; ops: string[] } {
  if (rng.chance(0.35)) {
    const after = TEXT_OPS.structured!(text, rng, donors());
    if (after !== text) return { bytes: Buffer.from(after), ops: ['structured'] };
  }
  return mutate(text, rng, donors());
}

/** Writes the mutation into the tree, runs `fn` with the tree's directory, restores the tree. */
async function withMutatedTree<T>(m: TreeMutation, fn: (dir: string) => Promise<T> | T): Promise<T> {
  const dir = materialize(m.tree);
  for (const [rel, bytes] of Object.entries(m.changed)) fs.writeFileSync(path.join(dir, rel), bytes);
  try {
    return await fn(dir);
  } finally {
    for (const rel of Object.keys(m.changed)) fs.writeFileSync(path.join(dir, rel), m.tree.files[rel]!);
  }
}

function treeTexts(m: TreeMutation, cwdRel: (rel: string) => string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [rel, bytes] of Object.entries({ ...m.tree.files, ...m.changed })) {
    const t = textOf(bytes, rel);
    if (t !== undefined) texts.set(cwdRel(rel), t);
  }
  return texts;
}

function renderCase(seed: number): FuzzCase {
  const rng = new Rng(seed);
  const m = mutateTreeFiles(rng);
  const renderOnly = rng.chance(0.4);
  const origins = renderOnly && rng.chance(0.3);
  return {
    target: 'render',
    seed,
    origin: `${m.tree.name} (build ${m.root})`,
    ops: m.ops,
    files: Object.fromEntries(Object.entries({ ...m.tree.files, ...m.changed }).map(([k, v]) => [`tree/${k}`, v])),
    run: () =>
      withMutatedTree(m, (dir) => {
        const out: string[] = [];
        const texts = treeTexts(m, (rel) => rel);
        // one pass, as the command line makes it: render (kustomize build) or check (render, schemas, rules)
        if (renderOnly) {
          check1(() => {
            const rendered = render(m.root, { cwd: dir, origins });
            if (rendered.diagnostics.length === 0 && typeof rendered.yaml !== 'string') out.push('render gave no yaml and no diagnostic');
            return rendered.diagnostics;
          }, out, texts);
        } else check1(() => check([m.root], { cwd: dir }).diagnostics, out, texts);
        return out;
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// quantity

const QUANTITY_ERRORS = new Set([QUANTITY_FORMAT_ERROR, QUANTITY_NUMERIC_ERROR, QUANTITY_SUFFIX_ERROR, QUANTITY_EXPONENT_ERROR]);

const digits = (max: number) => fc.stringMatching(new RegExp(`^[0-9]{0,${max}}$`));

/** Near-valid quantities: every part of the grammar, at and past its limits. */
export const nearQuantity = fc
  .tuple(
    fc.constantFrom('', '', '-', '+', '--', ' ', '\u2212'),
    fc.oneof(digits(3), digits(25), fc.constantFrom('9223372036854775807', '9223372036854775808', '18446744073709551616', '0000000000000000000001', '١٢٣'), fc.integer({ min: 0, max: 3000 }).map((n) => '9'.repeat(n))),
    fc.oneof(fc.constant(''), fc.constant('.'), digits(12).map((d) => `.${d}`), fc.integer({ min: 0, max: 3000 }).map((n) => `.${'0'.repeat(n)}1`)),
    fc.oneof(
      fc.constantFrom('', 'n', 'u', 'm', 'k', 'K', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei', 'i', 'KiB', 'mi', 'EE', 'e', 'E', 'Ee'),
      fc
        .tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-', '--'), fc.oneof(digits(6), fc.constantFrom('9999', '10000', '10001', '2147483647', '2147483648', '4294967295', '4294967296', '9223372036854775807', '9223372036854775808', '99999999999999999999')))
        .map(([e, s, d]) => e + s + d),
    ),
    fc.constantFrom('', '', '', ' ', '\n', '\t', 'x', '\u0000', '.5', '1'),
  )
  .map(([sign, int, frac, suffix, tail]) => sign + int + frac + suffix + tail);

export const anyQuantityText = fc.oneof(
  { weight: 3, arbitrary: nearQuantity },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.stringMatching(/^[-+0-9.eEinumkKMGTP]{0,30}$/) },
);

export const anyQuantityValue: fc.Arbitrary<unknown> = fc.oneof(
  anyQuantityText,
  fc.double(),
  fc.integer(),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }),
  fc.constantFrom(null, undefined, true, false, [], {}, Infinity, -Infinity, NaN, -0, 1e21, 5e-324),
);

/** Everything the quantity module promises about one value. */
export function quantityViolations(value: unknown): string[] {
  const out: string[] = [];
  try {
    const parsed = typeof value === 'string' ? parseQuantity(value) : parseQuantityValue(value);
    if (typeof value === 'string') {
      const viaValue = parseQuantityValue(value);
      if (!viaValue) out.push('parseQuantityValue refused a string');
    }
    if (parsed === undefined) {
      if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'bigint') out.push(`no parse result for ${typeof value}`);
      return out;
    }
    if (!parsed.ok) {
      if (!QUANTITY_ERRORS.has(parsed.error)) out.push(`unknown error message ${JSON.stringify(parsed.error)}`);
      return out;
    }
    const q = parsed.quantity;
    if (typeof q.nanos !== 'bigint') out.push('nanos is not a bigint');
    const shown = formatQuantity(q);
    const canonical = canonicalQuantity(q);
    for (const [what, text] of [['formatQuantity', shown], ['canonicalQuantity', canonical]] as const) {
      const again = parseQuantity(text);
      if (!again.ok) {
        if (again.error !== QUANTITY_EXPONENT_ERROR) out.push(`${what} printed ${JSON.stringify(text.slice(0, 80))}, which does not parse: ${again.error}`);
      } else if (again.quantity.nanos !== q.nanos) out.push(`${what} printed ${JSON.stringify(text.slice(0, 80))}, which parses to another value`);
    }
    // Kubernetes rounds away from zero: the magnitude never shrinks
    const abs = (n: bigint) => (n < 0n ? -n : n);
    if (abs(roundUpToMilli(q).nanos) < abs(q.nanos)) out.push('roundUpToMilli made the amount smaller');
    if (abs(milliValue(q) * 1_000_000n) < abs(q.nanos)) out.push('milliValue made the amount smaller');
    if (abs(unitValue(q) * 1_000_000_000n) < abs(q.nanos)) out.push('unitValue made the amount smaller');
    if (addQuantities(q, q).nanos !== 2n * q.nanos) out.push('q + q is not 2q');
  } catch (err) {
    out.push(describeThrow(err));
  }
  return out;
}

function podWithQuantity(value: unknown, rng: Rng): string {
  const resource = rng.pick(['cpu', 'memory', 'ephemeral-storage', 'nvidia.com/gpu', 'hugepages-2Mi', 'pods']);
  const where = rng.pick(['requests', 'limits']);
  const other = rng.pick(['1', '100m', '1Gi', '0']);
  const spec = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'q' },
    spec: {
      overhead: rng.chance(0.2) ? { [resource]: value } : undefined,
      containers: [{ name: 'c', image: 'busybox:1.36', resources: { [where]: { [resource]: value }, [where === 'limits' ? 'requests' : 'limits']: { [resource]: other } } }],
    },
  };
  return stringify(spec, { aliasDuplicateObjects: false });
}

function quantityCase(seed: number): FuzzCase {
  const rng = new Rng(seed);
  const [value] = fc.sample(anyQuantityValue, { seed, numRuns: 1 });
  const inManifest = rng.chance(0.25) && (typeof value === 'string' || typeof value === 'number');
  const manifest = inManifest ? podWithQuantity(value, rng) : undefined;
  return {
    target: 'quantity',
    seed,
    origin: 'fast-check',
    ops: [typeof value === 'string' ? `quantity ${JSON.stringify(value).slice(0, 200)}` : `value ${String(value)}`],
    files: { 'input.json': JSON.stringify(typeof value === 'bigint' ? { bigint: value.toString() } : { value: value === undefined ? null : value }), ...(manifest && { 'pod.yaml': manifest }) },
    async run() {
      const out = quantityViolations(value);
      if (manifest) {
        const bytes = Buffer.from(manifest);
        check1(() => validate(['-'], { readStdin: () => bytes, stdinFilename: 'pod.yaml', cwd: REPO_ROOT }).diagnostics, out, new Map([['pod.yaml', manifest]]));
      }
      return out;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// selectors

const labelKey = fc.oneof(fc.constantFrom('app', 'tier', 'app.kubernetes.io/name', 'kubernetes.io/hostname', '', '__proto__', 'constructor', 'toString', 'a/b', '~1'), fc.string({ maxLength: 8 }));
const labelValue = fc.oneof(fc.constantFrom('web', 'db', '', '1', 'true'), fc.string({ maxLength: 6 }));
const labels = fc.dictionary(labelKey, labelValue, { maxKeys: 5, noNullPrototype: true });
const oddValue: fc.Arbitrary<unknown> = fc.oneof(fc.constantFrom(null, undefined, 1, 0, true, '', [], {}, NaN, Infinity), fc.string({ maxLength: 5 }), fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.constant(null)), { maxLength: 3 }));
const expression = fc.oneof(
  { weight: 4, arbitrary: fc.record({ key: labelKey, operator: fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist'), values: fc.array(labelValue, { maxLength: 3 }) }, { requiredKeys: ['key', 'operator'], noNullPrototype: true }) },
  { weight: 2, arbitrary: fc.record({ key: oddValue, operator: fc.oneof(fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist', 'in', 'Gt', ''), oddValue), values: oddValue }, { requiredKeys: [], noNullPrototype: true }) },
  { weight: 1, arbitrary: oddValue },
);
/** Selector-ish objects: well formed mostly, then every field of every type. */
export const selectorish: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ matchLabels: fc.dictionary(labelKey, labelValue, { maxKeys: 3, noNullPrototype: true }), matchExpressions: fc.array(expression, { maxLength: 3 }) }, { requiredKeys: [], noNullPrototype: true }) },
  { weight: 2, arbitrary: fc.record({ matchLabels: fc.oneof(oddValue, fc.dictionary(labelKey, oddValue, { maxKeys: 3, noNullPrototype: true })), matchExpressions: fc.oneof(oddValue, fc.dictionary(labelKey, oddValue, { maxKeys: 2, noNullPrototype: true }), fc.array(expression, { maxLength: 3 })) }, { requiredKeys: [], noNullPrototype: true }) },
  { weight: 1, arbitrary: oddValue },
  { weight: 1, arbitrary: fc.dictionary(labelKey, labelValue, { maxKeys: 3, noNullPrototype: true }) },
);

/** Kubernetes' LabelSelector semantics, written again independently (for well-formed selectors only). */
function oracle(selector: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] }, l: Record<string, string>): boolean {
  const has = (k: string) => Object.prototype.hasOwnProperty.call(l, k);
  const labelsOk = Object.keys(selector.matchLabels ?? {}).every((k) => has(k) && l[k] === selector.matchLabels![k]);
  const exprsOk = (selector.matchExpressions ?? []).every((e) => {
    const values = e.values ?? [];
    if (e.operator === 'In') return has(e.key) && values.includes(l[e.key]!);
    if (e.operator === 'NotIn') return !has(e.key) || !values.includes(l[e.key]!);
    if (e.operator === 'Exists') return has(e.key);
    return !has(e.key);
  });
  return labelsOk && exprsOk;
}

function wellFormed(s: unknown): s is Parameters<typeof oracle>[0] {
  if (typeof s !== 'object' || s === null || Array.isArray(s)) return false;
  const { matchLabels, matchExpressions, ...rest } = s as Record<string, unknown>;
  if (Object.keys(rest).length) return false;
  if (matchLabels !== undefined && (typeof matchLabels !== 'object' || matchLabels === null || Array.isArray(matchLabels) || !Object.values(matchLabels).every((v) => typeof v === 'string'))) return false;
  if (matchExpressions === undefined) return true;
  return Array.isArray(matchExpressions) && matchExpressions.every((e) => typeof e === 'object' && e !== null && typeof e.key === 'string' && ['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(e.operator) && (e.values === undefined || (Array.isArray(e.values) && e.values.every((v: unknown) => typeof v === 'string'))));
}

export function selectorViolations(selector: unknown, l: Record<string, string>): string[] {
  const out: string[] = [];
  try {
    const got = matchesLabelSelector(selector as never, l);
    if (typeof got !== 'boolean') out.push('matchesLabelSelector returned a non-boolean');
    if (selector === null || selector === undefined) {
      if (got) out.push('a missing selector selected something');
    } else if (wellFormed(selector)) {
      const want = oracle(selector, l);
      if (got !== want) out.push(`matchesLabelSelector says ${got}, Kubernetes ${want}`);
    }
    if (typeof selector === 'object' && selector !== null && !Array.isArray(selector)) {
      matchesMapSelector(selector as Record<string, unknown>, l);
      describeLabels(selector as Record<string, unknown>);
    }
  } catch (err) {
    out.push(describeThrow(err));
  }
  return out;
}

/** Objects that carry a label selector, and a Service with a map selector, around one workload. */
function selectorManifests(selector: unknown, podLabels: Record<string, string>): string {
  const objects = [
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'w', namespace: 'n' }, spec: { replicas: 2, selector, template: { metadata: { labels: podLabels }, spec: { containers: [{ name: 'c', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] } } } },
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'v', namespace: 'n' }, spec: { selector, template: { metadata: { labels: podLabels }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } } } },
    { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'p', namespace: 'n' }, spec: { minAvailable: 1, selector } },
    { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'np', namespace: 'n' }, spec: { podSelector: selector } },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'n' }, spec: { selector: (selector as { matchLabels?: unknown } | null)?.matchLabels ?? selector, ports: [{ port: 80 }] } },
    { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h', namespace: 'n' }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'w' }, maxReplicas: 3 } },
  ];
  return objects.map((o) => stringify(o, { aliasDuplicateObjects: false, keepUndefined: false })).join('---\n');
}

function selectorsCase(seed: number): FuzzCase {
  const rng = new Rng(seed);
  const [[selector, l]] = fc.sample(fc.tuple(selectorish, labels), { seed, numRuns: 1 }) as [[unknown, Record<string, string>]];
  let manifest: string | undefined;
  if (rng.chance(0.35)) {
    try {
      manifest = selectorManifests(selector, l);
    } catch {
      manifest = undefined; // a value YAML cannot print (undefined at the top)
    }
  }
  return {
    target: 'selectors',
    seed,
    origin: 'fast-check',
    ops: [`selector ${JSON.stringify(selector)?.slice(0, 300)} labels ${JSON.stringify(l).slice(0, 200)}`],
    files: { 'input.json': JSON.stringify({ selector: selector === undefined ? null : selector, labels: l }), ...(manifest && { 'manifests.yaml': manifest }) },
    async run() {
      const out = selectorViolations(selector, l);
      if (manifest) {
        const bytes = Buffer.from(manifest);
        check1(() => check(['-'], { readStdin: () => bytes, stdinFilename: 'manifests.yaml', cwd: REPO_ROOT, nodePaths: [] }).diagnostics, out, new Map([['manifests.yaml', manifest]]));
      }
      return out;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// schedule

interface ScheduleInput {
  nodes: { bytes: Buffer; from: string; ops: string[] };
  workloads: { bytes: Buffer; from: string; ops: string[] };
  options: { strategy: 'least-allocated' | 'most-allocated'; tolerateNodeLoss?: number; tolerateZoneLoss?: boolean; headroom?: boolean; kubernetesVersion: '1.33' | '1.34' | '1.35' };
}

function scheduleInput(rng: Rng): ScheduleInput {
  const nodesFrom = rng.pick(nodeSeeds());
  const workFrom = rng.pick(workloadSeeds());
  const which = rng.int(3); // 0: nodes, 1: workloads, 2: both
  const nodes = which !== 1 ? mutateManifest(nodesFrom.text, rng, 0.5) : { bytes: Buffer.from(nodesFrom.text), ops: [] };
  const workloads = which !== 0 ? mutateManifest(workFrom.text, rng, 0.5) : { bytes: Buffer.from(workFrom.text), ops: [] };
  return {
    nodes: { ...nodes, from: nodesFrom.name },
    workloads: { ...workloads, from: workFrom.name },
    options: {
      strategy: rng.pick(['least-allocated', 'most-allocated'] as const),
      ...(rng.chance(0.3) && { tolerateNodeLoss: rng.range(1, 3) }),
      ...(rng.chance(0.3) && { tolerateZoneLoss: true }),
      ...(rng.chance(0.3) && { headroom: true }),
      kubernetesVersion: rng.pick(['1.33', '1.34', '1.35'] as const),
    },
  };
}

function scheduleCase(seed: number): FuzzCase {
  const rng = new Rng(seed);
  const input = scheduleInput(rng);
  return {
    target: 'schedule',
    seed,
    origin: `${input.nodes.from} + ${input.workloads.from}`,
    ops: [`nodes: ${input.nodes.ops.join(', ') || 'as is'}`, `workloads: ${input.workloads.ops.join(', ') || 'as is'}`, `options: ${JSON.stringify(input.options)}`],
    files: { 'nodes.yaml': input.nodes.bytes, 'workloads.yaml': input.workloads.bytes },
    async run() {
      const out: string[] = [];
      const texts = new Map<string, string>();
      for (const [file, bytes] of [['nodes.yaml', input.nodes.bytes], ['workloads.yaml', input.workloads.bytes]] as const) {
        const t = textOf(bytes, file);
        if (t !== undefined) texts.set(file, t);
      }
      let nodeResources: Resource[] = [];
      let workloads: Resource[] = [];
      check1(() => {
        const n = loadBytes(input.nodes.bytes, 'nodes.yaml');
        const w = loadBytes(input.workloads.bytes, 'workloads.yaml');
        nodeResources = n.resources;
        workloads = w.resources;
        return [...n.diagnostics, ...w.diagnostics];
      }, out, texts);
      check1(() => {
        const inventory = buildInventory(nodeResources, { kubernetesVersion: input.options.kubernetesVersion });
        const result = scheduleWorkloads(workloads, inventory.nodes, input.options);
        JSON.stringify(result.report); // the JSON contract: must serialize (no bigint, no cycle)
        // Each what-if (a node or zone lost, headroom) schedules every pod again on fewer nodes.
        const whatIfs = input.options.tolerateNodeLoss || input.options.tolerateZoneLoss || input.options.headroom ? inventory.nodes.length : 0;
        // Pods made count, scheduled or not: an OrderedReady StatefulSet of 2^31 - 1 replicas makes the 150,000-pod maximum and places one.
        const made = result.report.summary.pods + result.report.summary.notCreated;
        this.extraBudgetMs = made * (1 + whatIfs) * BUDGET_MS_PER_SCHEDULED_POD;
        return [...inventory.diagnostics, ...result.diagnostics];
      }, out, texts);
      return out;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// cli

const FORMATS = ['text', 'json', 'sarif', 'junit', 'github'] as const;

interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function runCliIn(args: string[], cwd: string, stdin?: Uint8Array): Promise<CliOutcome> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: () => stdin ?? new Uint8Array(),
    cwd,
    env: {},
    stdoutIsTTY: false,
  });
  return { code, stdout, stderr };
}

export function cliViolations(args: readonly string[], r: CliOutcome, texts?: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  if (![0, 1, 2].includes(r.code)) out.push(`exit code ${r.code}`);
  if (STACK_FRAME.test(r.stderr) || STACK_FRAME.test(r.stdout)) out.push(`stack trace in the output: ${r.stderr.slice(0, 600)}`);
  if (/internal error/i.test(r.stderr)) out.push(`internal error: ${r.stderr.slice(0, 600)}`);
  const format = args[args.indexOf('--format') + 1];
  if (args.includes('--format') && (format === 'json' || format === 'sarif') && !(r.code === 2 && r.stdout === '')) {
    try {
      const parsed = JSON.parse(r.stdout) as { diagnostics?: Diagnostic[] };
      if (format === 'json' && Array.isArray(parsed.diagnostics)) out.push(...diagnosticViolations(parsed.diagnostics, { texts }));
    } catch (err) {
      out.push(`--format ${format} printed no JSON (${(err as Error).message}): ${JSON.stringify(r.stdout.slice(0, 200))}`);
    }
  }
  if (format === 'junit' && r.stdout !== '' && !r.stdout.startsWith('<?xml')) out.push('--format junit printed no XML');
  return out;
}

function cliCase(seed: number): FuzzCase {
  const rng = new Rng(seed);
  const format = rng.pick(FORMATS);
  const kind = rng.pick(['validate', 'check-tree', 'render', 'schedule', 'check-nodes'] as const);
  if (kind === 'validate') {
    const from = rng.pick(manifestSeeds());
    const { bytes, ops } = mutateManifest(from.text, rng, 0.15);
    const args = [rng.chance(0.5) ? 'validate' : 'check', '-', '--stdin-filename', 'fuzz.yaml', '--format', format, '--no-config'];
    return {
      target: 'cli',
      seed,
      origin: `${from.name} on stdin`,
      ops: [...ops, `kubeproof ${args.join(' ')}`],
      files: { 'fuzz.yaml': bytes },
      async run() {
        const text = textOf(bytes, 'fuzz.yaml');
        return cliViolations(args, await runCliIn(args, REPO_ROOT, bytes), text === undefined ? undefined : new Map([['fuzz.yaml', text]]));
      },
    };
  }
  if (kind === 'check-tree' || kind === 'render') {
    const m = mutateTreeFiles(rng);
    const args = kind === 'render' ? ['render', m.root, ...(rng.chance(0.2) ? ['--origins'] : [])] : [rng.chance(0.5) ? 'check' : 'lint', m.root, '--format', format, '--no-config'];
    return {
      target: 'cli',
      seed,
      origin: `${m.tree.name}`,
      ops: [...m.ops, `kubeproof ${args.join(' ')}`],
      files: Object.fromEntries(Object.entries({ ...m.tree.files, ...m.changed }).map(([k, v]) => [`tree/${k}`, v])),
      run: () => withMutatedTree(m, async (dir) => cliViolations(args, await runCliIn(args, dir), treeTexts(m, (rel) => rel))),
    };
  }
  const input = scheduleInput(rng);
  const opts = [
    ...(input.options.tolerateNodeLoss ? ['--tolerate-node-loss', String(input.options.tolerateNodeLoss)] : []),
    ...(kind === 'schedule' && input.options.tolerateZoneLoss ? ['--tolerate-zone-loss'] : []),
    ...(kind === 'schedule' && input.options.headroom ? ['--headroom'] : []),
    '--strategy', input.options.strategy,
    '--kubernetes-version', input.options.kubernetesVersion,
  ];
  const args = kind === 'schedule' ? ['schedule', 'workloads.yaml', '--nodes', 'nodes.yaml', '--format', format, '--no-config', ...opts] : ['check', 'workloads.yaml', '--nodes', 'nodes.yaml', '--format', format, '--no-config', ...opts.filter((o) => o !== '--tolerate-node-loss' && !/^\d+$/.test(o))];
  return {
    target: 'cli',
    seed,
    origin: `${input.nodes.from} + ${input.workloads.from}`,
    ops: [`nodes: ${input.nodes.ops.join(', ') || 'as is'}`, `workloads: ${input.workloads.ops.join(', ') || 'as is'}`, `kubeproof ${args.join(' ')}`],
    files: { 'nodes.yaml': input.nodes.bytes, 'workloads.yaml': input.workloads.bytes },
    async run() {
      const dir = scheduleDir();
      fs.writeFileSync(path.join(dir, 'nodes.yaml'), input.nodes.bytes);
      fs.writeFileSync(path.join(dir, 'workloads.yaml'), input.workloads.bytes);
      const texts = new Map<string, string>();
      for (const [file, bytes] of [['nodes.yaml', input.nodes.bytes], ['workloads.yaml', input.workloads.bytes]] as const) {
        const t = textOf(bytes, file);
        if (t !== undefined) texts.set(file, t);
      }
      return cliViolations(args, await runCliIn(args, dir), texts);
    },
  };
}

let scheduleDirCache: string | undefined;
function scheduleDir(): string {
  return (scheduleDirCache ??= tempDir('kubeproof-fuzz-schedule-'));
}

// ---------------------------------------------------------------------------------------------

export const TARGETS: Record<TargetName, (seed: number) => FuzzCase> = {
  loader: loaderCase,
  render: renderCase,
  quantity: quantityCase,
  selectors: selectorsCase,
  schedule: scheduleCase,
  cli: cliCase,
};
