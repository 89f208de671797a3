/** Reading a node inventory from files and directories (`--nodes`). */
import type { Diagnostic, KubeproofError } from '../core/index.js';
import { loadPaths, type LoadOptions } from '../load/index.js';
import { buildInventory, type SchedNode } from '../schedule/index.js';
import type { KubernetesVersion } from '../schema/index.js';
import { absoluteFiles } from './read-files.js';

export interface LoadedInventory {
  nodes: SchedNode[];
  diagnostics: Diagnostic[];
  errors: KubeproofError[];
  /** Absolute paths of the files read. */
  readFiles: string[];
}

export function loadInventory(paths: readonly string[], options: LoadOptions & { kubernetesVersion?: KubernetesVersion } = {}): LoadedInventory {
  const loaded = loadPaths(paths, { ...options, readStdin: undefined });
  const inventory = buildInventory(loaded.resources, { kubernetesVersion: options.kubernetesVersion });
  return { nodes: inventory.nodes, diagnostics: [...loaded.diagnostics.filter((d) => d.severity !== 'info'), ...inventory.diagnostics], errors: loaded.errors, readFiles: absoluteFiles(loaded.files, options.cwd) };
}
