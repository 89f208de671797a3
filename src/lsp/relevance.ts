/**
 * Which load findings an editor should show. A batch run over a repository notes every file it
 * skipped; an editor has the file open on purpose, so a YAML file that is not Kubernetes (a CI
 * workflow, an Ansible play, CloudFormation with its custom tags) gets no diagnostics at all —
 * unless it does not even parse, which is worth saying whatever the file is for.
 */
import type { Diagnostic, Resource } from '../core/index.js';
import type { LoadProblemId } from '../load/index.js';

/** Notes about what a run skipped, and why: not findings about the file. */
const SKIP_NOTES: ReadonlySet<string> = new Set<LoadProblemId>(['not-kubernetes', 'kustomization-file', 'kustomize-patch', 'kustomize-config', 'helm-chart']);

/** Findings that are only news when the file is meant to hold Kubernetes objects. */
const KUBERNETES_ONLY: ReadonlySet<string> = new Set<LoadProblemId>(['not-an-object', 'yaml-warning']);

export function editorLoadDiagnostics(loaded: { resources: readonly Resource[]; diagnostics: readonly Diagnostic[] }): Diagnostic[] {
  const shown = loaded.diagnostics.filter((d) => !SKIP_NOTES.has(d.ruleId));
  const kubernetes = loaded.resources.length > 0 || shown.some((d) => !KUBERNETES_ONLY.has(d.ruleId));
  return kubernetes ? shown : [];
}
