/**
 * `kubeproof check` and `kubeproof lint`: a directory with a kustomization is rendered first (kustomize's output is
 * what reaches the cluster) and the result validated, each finding pointing at the base or
 * patch that wrote the field; anything else is validated as it is.
 */
import * as path from 'node:path';
import { sortDiagnostics, type CheckedFile, type Diagnostic, type KubeproofError, type Resource } from '../core/index.js';
import { displayPath, loadPaths } from '../load/index.js';
import { findKustomizationFile, isKustomizationDir, render } from '../render/index.js';
import { resourceTotals, runRules } from '../rules/index.js';
import { validateSchemas } from '../schema/index.js';
import type { RunResult, ValidateOptions } from './validate.js';

const CRD = 'apiextensions.k8s.io/v1/CustomResourceDefinition';

export function check(paths: readonly string[], options: ValidateOptions = {}): RunResult {
  const cwd = options.cwd ?? process.cwd();
  const diagnostics: Diagnostic[] = [];
  const resources: Resource[] = [];
  const files: CheckedFile[] = [];
  const errors: KubeproofError[] = [];
  const plain: string[] = [];

  for (const p of paths) {
    const dir = path.resolve(cwd, p);
    if (p !== '-' && isDirectoryWithKustomization(dir)) {
      const rendered = render(dir, { cwd, kubernetesVersion: options.kubernetesVersion });
      diagnostics.push(...rendered.diagnostics);
      resources.push(...rendered.resources);
      const kfile = findKustomizationFile(dir);
      files.push({ file: displayPath(kfile ?? dir, cwd), resources: rendered.resources.map((r) => r.id) });
    } else plain.push(p);
  }
  if (plain.length > 0) {
    const loaded = loadPaths(plain, options);
    diagnostics.push(...loaded.diagnostics);
    resources.push(...loaded.resources);
    files.push(...loaded.files);
    errors.push(...loaded.errors);
  }
  const crdSource = options.crdPaths?.length ? loadPaths(options.crdPaths, { ...options, readStdin: undefined }) : undefined;
  const crds = crdSource?.resources.filter((r) => `${r.id.apiVersion}/${r.id.kind}` === CRD) ?? [];
  errors.push(...(crdSource?.errors ?? []));
  diagnostics.push(...validateSchemas(resources, { ...options, crds }));
  if (options.rules !== false) diagnostics.push(...runRules(resources, options));
  const totals = options.totals ? resourceTotals(resources) : undefined;
  return { resources, diagnostics: sortDiagnostics(dedupe(diagnostics)), files, errors, ...(totals && { totals }) };
}

function isDirectoryWithKustomization(dir: string): boolean {
  try {
    return isKustomizationDir(dir) && findKustomizationFile(dir) !== undefined;
  } catch {
    return true;
  }
}

/** Two overlays of one base report a base mistake twice, at the same place: say it once. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = JSON.stringify([d.file, d.line, d.column, d.ruleId, d.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
