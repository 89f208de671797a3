/**
 * `--envsubst FILE` / `envsubst:` in kubeproof.yaml: the inputs substituted as Flux substitutes a
 * Kustomization after its build (load/envsubst), after load and render and before any check.
 * Without it, a schema finding about a value that is just a `${VAR}` says so.
 */
import * as path from 'node:path';
import { valueAt, type CheckedFile, type Diagnostic, type Resource, type ResourceId } from '../core/index.js';
import { isPlaceholder, readDotenvFiles, substituteResources } from '../load/index.js';

export interface EnvsubstOptions {
  /** dotenv files (KEY=VALUE lines), read in order, later ones winning; relative to cwd. */
  files?: readonly string[];
  /** Variables given directly; they win over the files'. */
  variables?: Readonly<Record<string, string>>;
  /**
   * An unset variable without a default is an error (default true, as kustomize-controller's
   * StrictPostBuildSubstitutions feature gate is from Flux 2.9); false substitutes it with ''.
   */
  strict?: boolean;
}

export interface Substitution {
  variables: Map<string, string>;
  strict: boolean;
  /** The files read, absolute. */
  files: string[];
}

/** Whether a run substitutes (it has files or variables to). */
export function substitutes(options: { envsubst?: EnvsubstOptions }): boolean {
  return Boolean(options.envsubst && (options.envsubst.files?.length || options.envsubst.variables));
}

/** The variables of a run, or undefined when it substitutes nothing. A missing or bad file throws an input error. */
export function substitutionFor(options: { envsubst?: EnvsubstOptions; cwd?: string }): Substitution | undefined {
  const e = options.envsubst;
  if (!e || !substitutes(options)) return undefined;
  const cwd = options.cwd ?? process.cwd();
  const variables = readDotenvFiles(e.files ?? [], cwd);
  for (const [k, v] of Object.entries(e.variables ?? {})) variables.set(k, v.replace(/\n/g, ''));
  return { variables, strict: e.strict ?? true, files: (e.files ?? []).map((f) => path.resolve(cwd, f)) };
}

export interface Inputs {
  resources: Resource[];
  diagnostics: Diagnostic[];
  files: CheckedFile[];
  groups?: Resource[][];
  /** The ids of the resources substitution changed. */
  substituted?: Set<ResourceId>;
}

/** The inputs substituted in place: resources, the groups the rules look within, the ids each file lists. */
export function applySubstitution<T extends Inputs>(inputs: T, substitution: Substitution | undefined): T {
  if (!substitution) return inputs;
  const { resources, diagnostics, changed } = substituteResources(inputs.resources, substitution);
  if (changed.size === 0 && diagnostics.length === 0) return inputs;
  const ids = new Map<ResourceId, ResourceId>();
  for (const [before, after] of changed) ids.set(before.id, after.id);
  return {
    ...inputs,
    resources,
    diagnostics: [...inputs.diagnostics, ...diagnostics],
    files: inputs.files.map((f) => ({ ...f, resources: f.resources.map((id) => ids.get(id) ?? id) })),
    ...(inputs.groups && { groups: inputs.groups.map((g) => g.map((r) => changed.get(r) ?? r)) }),
    substituted: new Set([...changed.values()].map((r) => r.id)),
  };
}

/**
 * No quick fix on a substituted resource: its edits would be computed from the substituted
 * values and written over the placeholders (quoting `${DEBUG}` does not keep Flux from typing it).
 */
export function dropSubstitutedFixes(diagnostics: readonly Diagnostic[], substituted: ReadonlySet<ResourceId> | undefined): void {
  if (!substituted?.size) return;
  for (const d of diagnostics) if (d.resource && substituted.has(d.resource) && 'suggestion' in d) delete d.suggestion;
}

/**
 * Without substitution, a schema finding whose value is exactly one `${...}` placeholder gets a
 * hint after the API server's words (which stay as they are): the manifest is a template.
 */
export function placeholderHints(diagnostics: readonly Diagnostic[], resources: readonly Resource[]): void {
  const byId = new Map<ResourceId, Resource>();
  for (const r of resources) byId.set(r.id, r);
  // Most resources hold no placeholder: one look at each, not one per finding (30,000 findings on one Service).
  const holds = new Map<Resource, boolean>();
  const holdsPlaceholder = (r: Resource) => holds.get(r) ?? holds.set(r, holdsText(r.object, '${', 0)).get(r)!;
  for (const d of diagnostics) {
    const resource = d.resource && byId.get(d.resource);
    if (!resource || !holdsPlaceholder(resource)) continue;
    const value = valueAt(resource.object, d.path);
    if (typeof value === 'string' && isPlaceholder(value)) d.message += `; it is a \${VAR} placeholder: pass --envsubst FILE to validate the substituted value`;
  }
}

/** Whether a string of `v` (a key or a value) holds `text`. Not JSON.stringify: objects may hold bigints. */
function holdsText(v: unknown, text: string, depth: number): boolean {
  if (typeof v === 'string') return v.includes(text);
  if (v === null || typeof v !== 'object' || depth > 256) return false;
  if (Array.isArray(v)) return v.some((x) => holdsText(x, text, depth + 1));
  return Object.entries(v).some(([k, x]) => k.includes(text) || holdsText(x, text, depth + 1));
}
