/**
 * `kubeproof check` and `kubeproof lint`: a directory with a kustomization is rendered first (kustomize's output is
 * what reaches the cluster) and the result validated, each finding pointing at the base or
 * patch that wrote the field; anything else is validated as it is.
 */
import * as path from 'node:path';
import { appendAll, placePositions, redactDeep, sortDiagnostics, type Diagnostic, type Resource, type ResourceId } from '../core/index.js';
import { displayPath, loadPaths, type LoadResult } from '../load/index.js';
import { findKustomizationFile, isKustomizationDir, render } from '../render/index.js';
import { resourceTotals, runRules } from '../rules/index.js';
import { validateSchemas } from '../schema/index.js';
import { scheduleWorkloads, type ScheduleResult } from '../schedule/index.js';
import { loadInventory, scalableInputs } from './inventory.js';
import type { RunResult, ValidateOptions } from './validate.js';
import { afterRun, beforeRun, configFile, type RunOutput } from './apply-config.js';
import { finishHeld, holdBack } from './hold-back.js';
import { manifestFiles, mergeReadFiles } from './read-files.js';
import { loadSchemaSources } from './schema-sources.js';
import { refusedByApiServer } from './refused.js';
import { loadPolicySources, runPolicies } from './policies.js';
import { inLoad as runInLoad } from './document-stage.js';
import { applySubstitution, dropSubstitutedFixes, placeholderHints, substitutes, substitutionFor } from './envsubst.js';


/**
 * Kustomizations rendered and files loaded: the shape of a plain load, plus the groups the
 * cross-resource rules look within: each rendered overlay alone (two overlays of one base are
 * two environments, not one), and the plain files together.
 */
export type Inputs = LoadResult & { groups: Resource[][]; readFiles: string[]; substituted?: Set<ResourceId> };

/**
 * Kustomization directories rendered, everything else loaded as it is; then, with --envsubst,
 * every resource substituted as Flux substitutes after the build (api/envsubst.ts).
 */
export function loadInputs(paths: readonly string[], options: ValidateOptions = {}): Inputs {
  const substitution = substitutionFor(options);
  const inputs = applySubstitution(loadUnsubstituted(paths, options), substitution);
  if (substitution) inputs.readFiles = mergeReadFiles(inputs.readFiles, substitution.files);
  return inputs;
}

function loadUnsubstituted(paths: readonly string[], options: ValidateOptions): Inputs {
  const cwd = options.cwd ?? process.cwd();
  const out: Inputs = { resources: [], diagnostics: [], files: [], errors: [], groups: [], readFiles: [], texts: new Map() };
  const plain: string[] = [];
  for (const p of paths) {
    const dir = path.resolve(cwd, p);
    if (p !== '-' && isDirectoryWithKustomization(dir)) {
      const rendered = render(dir, { cwd, kubernetesVersion: options.kubernetesVersion, maxFileSize: options.maxFileSize });
      appendAll(out.diagnostics, rendered.diagnostics);
      appendAll(out.diagnostics, rendered.findings);
      appendAll(out.resources, rendered.resources);
      out.groups.push(rendered.resources);
      appendAll(out.readFiles, rendered.files);
      const kfile = findKustomizationFile(dir);
      out.files.push({ file: displayPath(kfile ?? dir, cwd), resources: rendered.resources.map((r) => r.id) });
    } else plain.push(p);
  }
  if (plain.length > 0) {
    const loaded = loadPaths(plain, options);
    appendAll(out.diagnostics, loaded.diagnostics);
    appendAll(out.resources, loaded.resources);
    out.groups.push(loaded.resources);
    appendAll(out.files, loaded.files);
    out.errors.push(...loaded.errors);
    appendAll(out.readFiles, manifestFiles(loaded.files, loaded.diagnostics, cwd));
    out.texts = loaded.texts;
  }
  out.readFiles = mergeReadFiles(out.readFiles);
  return out;
}

export function check(paths: readonly string[], given: ValidateOptions = {}): RunResult {
  const options = beforeRun(given);
  // pipelineOnLoad: built-in kinds of plain files are validated, and the per-resource rules run, as they are loaded, on every core (api/document-stage.ts).
  // Not with --envsubst: what is validated is the substituted object, made after loading.
  const inLoad = options.pipelineOnLoad && !substitutes(options) ? runInLoad(options, options.rules === false ? undefined : options) : undefined;
  const { resources, diagnostics, files, errors, groups, readFiles, texts, substituted } = loadInputs(paths, { ...options, ...(inLoad && { stage: inLoad.stage }) });
  const sources = loadSchemaSources(options.crdPaths, options, resources);
  errors.push(...sources.errors);
  appendAll(diagnostics, sources.diagnostics);
  const schemaFindings = validateSchemas(resources, { ...options, crds: sources.crds, jsonSchemas: sources.jsonSchemas, prevalidated: inLoad?.prevalidated });
  if (!substitutes(options)) placeholderHints(schemaFindings, resources);
  appendAll(diagnostics, schemaFindings);
  if (options.rules !== false) {
    for (const group of groups) {
      appendAll(diagnostics, runRules(group, options, undefined, inLoad?.ruled));
      if (inLoad) appendAll(diagnostics, inLoad.ruleFindings(group));
    }
  }
  const policies = loadPolicySources(options);
  errors.push(...policies.errors);
  appendAll(diagnostics, policies.diagnostics);
  for (const group of groups) appendAll(diagnostics, runPolicies(group, policies, sources.crds, options, options.rules !== false, resources));
  const totals = options.totals ? resourceTotals(resources) : undefined;
  let schedule: ScheduleResult | undefined;
  let inventoryFiles: string[] = [];
  if (options.nodePaths?.length) {
    const nodes = loadInventory(options.nodePaths, options);
    inventoryFiles = nodes.readFiles;
    diagnostics.push(...nodes.diagnostics);
    errors.push(...nodes.errors);
    const { strategy, kubernetesVersion, tolerateNodeLoss, tolerateZoneLoss } = options;
    // What the API server would refuse (found above) is not created, so not scheduled either.
    const nodePools = scalableInputs(options.nodePoolPaths, nodes, options, { diagnostics, errors, readFiles: inventoryFiles });
    const refused = refusedByApiServer(resources, sortDiagnostics(diagnostics));
    schedule = scheduleWorkloads(resources, nodes.nodes, { strategy, kubernetesVersion, tolerateNodeLoss, tolerateZoneLoss, refused, nodePools });
    appendAll(diagnostics, schedule.diagnostics);
  }
  dropSubstitutedFixes(diagnostics, substituted);
  const run: RunOutput = { resources, files, texts, lint: options.rules === false ? false : options };
  // Held back (-q): findings of plain files, never duplicated by two overlays, so no dedupe needed (api/hold-back.ts).
  const { held, rest } = holdBack(diagnostics, options, run);
  const shown = [...sortDiagnostics(afterRun(sortDiagnostics(dedupe(rest)), options, run)), ...finishHeld(held, options, run)];
  // Names and amounts a replacement copied out of a Secret are shown masked too (core/redact.ts).
  return { resources, diagnostics: shown, files: redactDeep(files), errors, readFiles: mergeReadFiles(readFiles, sources.files, policies.files, inventoryFiles, configFile(options)), ...(totals && { totals: redactDeep(totals) }), ...(schedule && { schedule: redactDeep(schedule.report) }) };
}

function isDirectoryWithKustomization(dir: string): boolean {
  try {
    return isKustomizationDir(dir) && findKustomizationFile(dir) !== undefined;
  } catch {
    return true;
  }
}

/** Two overlays of one base report a base mistake twice, at the same place: say it once. */
export function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  placePositions(diagnostics); // document by document, before the keys below read them one by one
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = JSON.stringify([d.file, d.line, d.column, d.ruleId, d.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
