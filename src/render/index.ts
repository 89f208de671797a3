/**
 * The render stage: a kustomization directory -> the resources `kustomize build` would print,
 * as text identical to kustomize's, and as Resources whose positions point back at the base
 * or patch that wrote each field.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { KubeproofError, redactSecretObject, redactSecrets, type Diagnostic, type Located, type Resource, type ResourceId } from '../core/index.js';
import { displayPath, loadProblems } from '../load/index.js';
import { DEFAULT_KUBERNETES_VERSION, type KubernetesVersion } from '../openapi/index.js';
import { buildKustomization } from './build.js';
import { BuildError, UnparsableKustomizationError } from './errors.js';
import { withFileReader, type FileReader } from './files.js';
import { findKustomizationFile, parseKustomizationFile } from './kustomization.js';
import { emitDocuments } from './output/emit.js';
import { renderProblems } from './problems.js';
import type { RenderResource } from './resource.js';
import type { UnmatchedPatch } from './transformers/patches.js';
import { unmatchedPatchFindings } from './unmatched.js';

export { renderProblemMetas, renderProblems } from './problems.js';
export { emitDocuments, emitDocument } from './output/emit.js';
export { canonicalFields as canonicalKustomizationFields, findKustomizationFile } from './kustomization.js';
export { kustomizationPath, type GoField, type GoType, type GoStruct } from './kustomization-types.js';
export { foldName, goTypeName } from './go-json.js';
export { DEPRECATED as KUSTOMIZATION_DEPRECATIONS } from './build.js';
export type { FileReader } from './files.js';

export interface RenderOptions {
  cwd?: string;
  kubernetesVersion?: KubernetesVersion;
  /** Annotate each resource with where it came from (config.kubernetes.io/origin). */
  origins?: boolean;
  /** Reads the files of the build (default: from the disk); a language server passes unsaved editor buffers through it. */
  readFile?: FileReader;
  /** Mask every Secret's data and stringData values (keys kept): `render --redact-secrets`. See core/redact.ts. */
  redactSecrets?: boolean;
  /** Files the build reads larger than this many bytes are refused, at the entry naming them (default 64 MiB). */
  maxFileSize?: number;
  /**
   * Print the build as YAML into `yaml` (default true). The language server reads only the
   * resources: printing them cost about a tenth of its re-check of a base three overlays build.
   */
  yaml?: boolean;
}

export interface Rendered {
  /** The build as kustomize prints it; '' when the build failed (or `yaml: false` asked for none). */
  yaml: string;
  resources: Resource[];
  diagnostics: Diagnostic[];
  /** kustomize's deprecation warnings, one line each. */
  warnings: string[];
  /** Findings beyond kustomize (unmatched-patch): the build succeeded; check and lint report them, render does not. */
  findings: Diagnostic[];
  /** Absolute real paths of every file the build read (kustomization files, resources, patches, generator inputs), sorted; up to the error when it failed. */
  files: string[];
}

export function isKustomizationDir(dir: string): boolean {
  try {
    return findKustomizationFile(dir) !== undefined;
  } catch {
    return true;
  }
}

export function render(dir: string, options: RenderOptions = {}): Rendered {
  const cwd = options.cwd ?? process.cwd();
  const absolute = path.resolve(cwd, dir);
  if (!fs.existsSync(absolute)) throw new KubeproofError('INPUT', `${dir}: no such file or directory`);
  if (!fs.statSync(absolute).isDirectory()) throw new KubeproofError('INPUT', `${dir}: not a directory (render builds a kustomization directory)`);
  // Every read goes through the reader: recording them here tells watch and pre-commit what a render depends on.
  const files = new Set<string>();
  const read: FileReader = (file) => {
    files.add(file);
    return options.readFile ? options.readFile(file) : fs.readFileSync(file);
  };
  const rendered = withFileReader(read, () => build(absolute, cwd, options), options.maxFileSize);
  return { ...rendered, files: [...files].sort() };
}

function build(absolute: string, cwd: string, options: RenderOptions): Omit<Rendered, 'files'> {
  try {
    const unmatched: UnmatchedPatch[] = [];
    const built = buildKustomization(absolute, { kubernetesVersion: options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION, origins: options.origins, unmatched });
    if (options.redactSecrets) for (const r of built.resources) r.object = redactSecretObject(r.object);
    return {
      yaml: options.yaml === false ? '' : emitDocuments(built.resources.map((r) => r.object)),
      resources: built.resources.map((r) => toResource(r, cwd)),
      diagnostics: [],
      warnings: built.warnings,
      findings: unmatchedPatchFindings(unmatched, cwd),
    };
  } catch (err) {
    if (!(err instanceof BuildError)) throw err;
    return { yaml: '', resources: [], diagnostics: [buildDiagnostic(err, absolute, cwd)], warnings: [], findings: [] };
  }
}

function toResource(r: RenderResource, cwd: string): Resource {
  const meta = r.metadata;
  const id: ResourceId = { apiVersion: r.apiVersion, kind: r.kind, name: typeof meta.name === 'string' ? meta.name : '' };
  if (typeof meta.namespace === 'string') id.namespace = meta.namespace;
  return {
    id,
    object: r.object,
    source: {
      file: displayPath(r.origin.file, cwd),
      docIndex: 0,
      locate: (pointer: string): Located => {
        const located = r.locate(pointer);
        return { ...located, file: displayPath(located.file, cwd) };
      },
      rendered: {
        declared: (pointer: string) => ({ ...r.origin.locate(r.origin.pointer + pointer), file: displayPath(r.origin.file, cwd) }),
        setBy: () => [...r.overrides.values()].map((o) => ({ ...o.locate(o.pointer), file: displayPath(o.file, cwd) })),
      },
    },
  };
}

function buildDiagnostic(err: BuildError, dir: string, cwd: string): Diagnostic {
  const file = err.file ?? dir;
  let span = err.span ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
  // The build names fields canonically (`newTag`); the finding points at the key as written (`newtag`).
  let pointer = err.pointer;
  try {
    // A kustomization file over the size limit, or one that cannot be parsed, is not read again to find a position in it.
    const unread = (err.ruleId === 'file-too-large' && err.pointer === '') || err instanceof UnparsableKustomizationError;
    if (!unread && findKustomizationFile(path.dirname(file)) === file) {
      const parsed = parseKustomizationFile(file);
      pointer = parsed.written(err.pointer);
      const located = parsed.locate(err.pointer);
      span = located.key && err.pointer !== '' ? located.key : located.value;
    }
  } catch {
    // the kustomization itself is what is broken: the start of the file it is
  }
  // The second line of defence (core/redact.ts): `kubeproof render` prints these without a check's afterRun.
  const severity = err.ruleId === 'file-too-large' ? loadProblems['file-too-large'].severity : renderProblems['kustomize-build'].severity;
  return { ruleId: err.ruleId, severity, message: redactSecrets(err.message), file: displayPath(file, cwd), ...span, path: pointer };
}
