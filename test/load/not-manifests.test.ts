/**
 * Files a repository holds that are not manifests to check on their own (issue 17, item 8): a
 * Helm chart's sources, kustomize built-in plugin configs, patches a kustomization names only in
 * a comment. Each is skipped with one info note, not reported as a broken manifest.
 */
import { describe, expect, it } from 'vitest';
import { loadPaths } from '../../src/load/index.js';
import { tempTree } from '../helpers.js';

const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: web, image: "web:1"}]}\n';
const found = (dir: string) => loadPaths(['.'], { cwd: dir, jobs: 1 }).diagnostics.map((d) => `${d.file} ${d.severity} ${d.ruleId}: ${d.message}`);

describe('files that are not manifests', () => {
  it('skips a Helm chart\'s Chart.yaml and templates (subcharts too), and still checks its crds/', () => {
    const dir = tempTree({
      'chart/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
      'chart/values.yaml': 'replicas: 1\n',
      'chart/templates/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n{{- if .Values.x }}\n',
      'chart/templates/nested/svc.yaml': '{{ include "x" . }}\n',
      'chart/charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 0.1.0\n',
      'chart/charts/sub/templates/cm.yaml': 'kind: ConfigMap\n{{ .Values }}\n',
      'chart/crds/thing.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\n',
      'templates/plain.yaml': DEPLOYMENT, // a templates/ folder outside any chart is just a folder
    });
    expect(found(dir)).toEqual([
      'chart/Chart.yaml info helm-chart: skipped: Helm chart metadata, not a Kubernetes object',
      'chart/charts/sub/Chart.yaml info helm-chart: skipped: Helm chart metadata, not a Kubernetes object',
      'chart/charts/sub/templates/cm.yaml info helm-chart: skipped: a template of the Helm chart chart/charts/sub (check its output: helm template chart/charts/sub | kubeproof validate -)',
      'chart/templates/deployment.yaml info helm-chart: skipped: a template of the Helm chart chart (check its output: helm template chart | kubeproof validate -)',
      'chart/templates/nested/svc.yaml info helm-chart: skipped: a template of the Helm chart chart (check its output: helm template chart | kubeproof validate -)',
      'chart/values.yaml info not-kubernetes: skipped: document 1 is not a Kubernetes object (no apiVersion or kind)',
    ]);
    expect(loadPaths(['.'], { cwd: dir, jobs: 1 }).resources.map((r) => `${r.source.file} ${r.id.kind}`)).toEqual(['chart/crds/thing.yaml ConfigMap', 'templates/plain.yaml Deployment']);
  });

  it('skips a kustomize built-in plugin config (apiVersion: builtin)', () => {
    const dir = tempTree({ 'labels.yaml': 'apiVersion: builtin\nkind: LabelTransformer\nmetadata: {name: labels}\nlabels: {team: a}\nfieldSpecs: [{path: metadata/labels, create: true}]\n' });
    expect(found(dir)).toEqual(['labels.yaml info kustomize-config: skipped: LabelTransformer with apiVersion builtin configures a kustomize built-in plugin (read by the kustomization that lists it), not a resource']);
  });

  it('skips a patch its kustomization names only in a comment (a kubebuilder feature left disabled), not a commented-out resource', () => {
    const dir = tempTree({
      'config/kustomization.yaml': 'resources:\n- manager.yaml\n#- extra.yaml\npatches:\n#- path: cert_patch.yaml\n#  target: {kind: Deployment}\n# - webhook_patch.yaml\n',
      'config/manager.yaml': DEPLOYMENT,
      'config/cert_patch.yaml': '- op: add\n  path: /spec/template/spec/volumes\n  value: []\n',
      'config/webhook_patch.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec: {containers: [{name: web, ports: [{containerPort: 9443}]}]}\n',
      'config/extra.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra}\n',
    });
    expect(found(dir).filter((d) => !d.includes('kustomization-file'))).toEqual([
      'config/cert_patch.yaml info kustomize-patch: skipped: a patch config/kustomization.yaml names only in a comment (line 5): checked once it is enabled and that overlay is rendered',
      'config/webhook_patch.yaml info kustomize-patch: skipped: a patch config/kustomization.yaml names only in a comment (line 7): checked once it is enabled and that overlay is rendered',
    ]);
    expect(loadPaths(['.'], { cwd: dir, jobs: 1 }).resources.map((r) => r.id.name).sort()).toEqual(['extra', 'web']);
  });
});
