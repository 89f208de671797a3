/**
 * The seed corpus: real manifests, kustomization trees and node inventories of this repository
 * (overlays-example/, test/fixtures/, test/render/cases/), read once. Mutations start from these.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

const MANIFEST = /\.(ya?ml|json)$/;

function walk(dir: string, keep: (rel: string) => boolean, base = dir, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, keep, base, out);
    else if (entry.isFile() && keep(path.relative(base, p))) out.push(p);
  }
  return out;
}

export interface SeedFile {
  /** Repository-relative path: names the seed in failure reports. */
  name: string;
  text: string;
}

let manifestCache: SeedFile[] | undefined;

/** Every YAML and JSON file of the corpus (kustomization files and patches included: they are YAML too). */
export function manifestSeeds(): SeedFile[] {
  if (manifestCache) return manifestCache;
  const files = [
    ...walk(path.join(REPO_ROOT, 'overlays-example'), (r) => MANIFEST.test(r)),
    ...walk(path.join(REPO_ROOT, 'test', 'fixtures', 'mixed'), (r) => MANIFEST.test(r)),
    ...walk(path.join(REPO_ROOT, 'test', 'render', 'cases'), (r) => MANIFEST.test(r) && !r.endsWith('expected.yaml')),
  ];
  manifestCache = files.map((f) => ({ name: path.relative(REPO_ROOT, f), text: fs.readFileSync(f, 'utf8') })).filter((s) => s.text.length < 200_000);
  return manifestCache;
}

/** A kustomization tree to render: its files (relative path -> bytes) and the directory to build. */
export interface SeedTree {
  name: string;
  files: Record<string, Buffer>;
  /** Directories (relative) that hold a kustomization to build. */
  roots: string[];
}

let treeCache: SeedTree[] | undefined;

export function treeSeeds(): SeedTree[] {
  if (treeCache) return treeCache;
  const trees: SeedTree[] = [];
  const example = path.join(REPO_ROOT, 'overlays-example');
  trees.push({
    name: 'overlays-example',
    files: readTree(example, () => true),
    roots: ['overlays/dev', 'overlays/staging', 'overlays/production', 'base'],
  });
  const casesDir = path.join(REPO_ROOT, 'test', 'render', 'cases');
  for (const name of fs.readdirSync(casesDir).sort()) {
    const dir = path.join(casesDir, name);
    if (!fs.existsSync(path.join(dir, 'root'))) continue;
    const files = readTree(dir, (r) => r !== 'expected.yaml' && !r.startsWith('expected'));
    trees.push({ name: `render-case/${name}`, files, roots: ['root'] });
  }
  treeCache = trees;
  return trees;
}

function readTree(dir: string, keep: (rel: string) => boolean): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const f of walk(dir, keep)) out[path.relative(dir, f).split(path.sep).join('/')] = fs.readFileSync(f);
  return out;
}

/** The node inventory and workloads the scheduler seeds start from. */
export function nodeSeeds(): SeedFile[] {
  const own = { name: 'overlays-example/nodes.yaml', text: fs.readFileSync(path.join(REPO_ROOT, 'overlays-example', 'nodes.yaml'), 'utf8') };
  const nodes = [
    'apiVersion: v1',
    'kind: List',
    'items:',
    ...['a', 'b', 'c'].flatMap((n, i) => [
      '- apiVersion: v1',
      '  kind: Node',
      '  metadata:',
      `    name: node-${n}`,
      '    labels:',
      `      topology.kubernetes.io/zone: zone-${i % 2}`,
      '      kubernetes.io/os: linux',
      '  spec:',
      ...(i === 2 ? ['    taints:', '    - key: dedicated', '      value: gpu', '      effect: NoSchedule'] : []),
      '  status:',
      '    allocatable:',
      '      cpu: "4"',
      '      memory: 16Gi',
      '      pods: "110"',
      '      ephemeral-storage: 100Gi',
    ]),
  ].join('\n');
  return [own, { name: 'synthetic/nodes-list.yaml', text: nodes + '\n' }];
}

const temporary = new Set<string>();

/** A temporary directory, removed when the process exits. */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  if (temporary.size === 0) process.once('exit', removeTemporary);
  temporary.add(dir);
  return dir;
}

export function removeTemporary(): void {
  for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
  temporary.clear();
}
