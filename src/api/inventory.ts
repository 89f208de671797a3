/** Reading a node inventory from files and directories (`--nodes`). */
import { diagnosticFor, type Diagnostic, type KubeproofError, type Resource } from '../core/index.js';
import { loadPaths, type LoadOptions } from '../load/index.js';
import { buildInventory, type SchedNode } from '../schedule/index.js';
import type { KubernetesVersion } from '../schema/index.js';
import { absoluteFiles } from './read-files.js';

export interface LoadedInventory {
  nodes: SchedNode[];
  diagnostics: Diagnostic[];
  errors: KubeproofError[];
  /** The inventory's NodePools (those with spec.max are scalable: --node-pools). */
  pools: Resource[];
  /** Absolute paths of the files read. */
  readFiles: string[];
}

export function loadInventory(paths: readonly string[], options: LoadOptions & { kubernetesVersion?: KubernetesVersion } = {}): LoadedInventory {
  const loaded = loadPaths(paths, { ...options, readStdin: undefined });
  const inventory = buildInventory(loaded.resources, { kubernetesVersion: options.kubernetesVersion });
  return { nodes: inventory.nodes, pools: loaded.resources.filter((r) => r.id.apiVersion === 'kubeproof.dev/v1alpha1' && r.id.kind === 'NodePool'), diagnostics: [...loaded.diagnostics.filter((d) => d.severity !== 'info'), ...inventory.diagnostics], errors: loaded.errors, readFiles: absoluteFiles(loaded.files, options.cwd) };
}

/**
 * --node-pools: NodePools that may grow. Read as an inventory is (validated, the same findings),
 * but they add no node to the dry run: their nodes exist only once a scale-up adds them.
 */
export function loadNodePools(paths: readonly string[], inventory: LoadedInventory, options: LoadOptions & { kubernetesVersion?: KubernetesVersion } = {}): { pools: Resource[]; diagnostics: Diagnostic[]; errors: KubeproofError[]; readFiles: string[] } {
  const loaded = loadInventory(paths, options);
  // A pool without max is no scale-up's: say so, rather than leave the user wondering why it is never chosen.
  for (const r of loaded.pools) {
    if (typeof (r.object.spec as Record<string, unknown> | undefined)?.max === 'number') continue;
    loaded.diagnostics.push(diagnosticFor(r, { ruleId: 'invalid-inventory', severity: 'warning', message: `NodePool "${r.id.name}" in --node-pools has no spec.max: it is not scalable, and no node is added to it`, pointer: '/spec', at: 'key' }));
  }
  // A pool named in --node-pools wins over the inventory's pool of the same name (scalablePools keeps the first).
  return { pools: [...loaded.pools, ...inventory.pools], diagnostics: loaded.diagnostics, errors: loaded.errors, readFiles: loaded.readFiles };
}

/** The pools a scale-up may grow (--node-pools, then the inventory's with max), or undefined when there are none to ask. */
export function scalableInputs(paths: readonly string[] | undefined, inventory: LoadedInventory, options: LoadOptions & { kubernetesVersion?: KubernetesVersion }, sink: { diagnostics: Diagnostic[]; errors: KubeproofError[]; readFiles: string[] }): Resource[] | undefined {
  const hasMax = inventory.pools.some((r) => typeof (r.object.spec as Record<string, unknown> | undefined)?.max === 'number');
  if (!paths?.length) return hasMax ? inventory.pools : undefined;
  const loaded = loadNodePools(paths, inventory, options);
  sink.diagnostics.push(...loaded.diagnostics);
  sink.errors.push(...loaded.errors);
  sink.readFiles.push(...loaded.readFiles);
  return loaded.pools;
}
