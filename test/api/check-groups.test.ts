/** check() looks for cross-resource problems within each overlay, never across two environments. */
import { describe, expect, it } from 'vitest';
import { check } from '../../src/api/check.js';
import { tempTree } from '../helpers.js';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: web:1.0}]
`;

describe('rules per overlay', () => {
  it('does not report two overlays of one base as overlapping each other', () => {
    const dir = tempTree({
      'base/kustomization.yaml': 'resources: [deploy.yaml]\n',
      'base/deploy.yaml': deployment,
      'dev/kustomization.yaml': 'resources: [../base]\n',
      'prod/kustomization.yaml': 'resources: [../base]\nreplicas: [{name: web, count: 3}]\n',
    });
    const result = check(['dev', 'prod'], { cwd: dir });
    expect(result.resources).toHaveLength(2);
    expect(result.diagnostics.filter((d) => d.ruleId === 'selector-overlap')).toEqual([]);
  });

  it('still finds overlaps within one overlay, and across plain files', () => {
    const dir = tempTree({
      'one/kustomization.yaml': 'resources: [a.yaml, b.yaml]\n',
      'one/a.yaml': deployment,
      'one/b.yaml': deployment.replace('name: web}', 'name: web2}'),
      'plain/a.yaml': deployment,
      'plain/b.yaml': deployment.replace('name: web}', 'name: web2}'),
    });
    expect(check(['one'], { cwd: dir }).diagnostics.filter((d) => d.ruleId === 'selector-overlap').length).toBeGreaterThan(0);
    expect(check(['plain'], { cwd: dir }).diagnostics.filter((d) => d.ruleId === 'selector-overlap').length).toBeGreaterThan(0);
  });
});
