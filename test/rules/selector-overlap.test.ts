import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../src/load/index.js';
import * as rule from '../../src/rules/selector-overlap.js';
import { ruleTester } from './tester.js';

const deploy = (name: string, selector: string, labels: string, ns = 'a') => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n  selector: ${selector}\n  template:\n    metadata: {labels: ${labels}}\n    spec:\n      containers: [{name: c, image: busybox:1}]\n---\n`;

ruleTester(rule, {
  valid: [
    { name: 'distinct selectors', yaml: deploy('web', '{matchLabels: {app: shop, c: web}}', '{app: shop, c: web}') + deploy('api', '{matchLabels: {app: shop, c: api}}', '{app: shop, c: api}') },
    { name: 'the same labels in other namespaces', yaml: deploy('web', '{matchLabels: {app: x}}', '{app: x}') + deploy('web', '{matchLabels: {app: x}}', '{app: x}', 'b') },
  ],
  invalid: [
    {
      name: 'a broad selector that takes another workload\'s pods',
      yaml: deploy('web', '{matchLabels: {app: shop}}', '{app: shop, c: web}') + deploy('api', '{matchLabels: {app: shop, c: api}}', '{app: shop, c: api}'),
      findings: ['5:13 the selector also matches the pods of Deployment "api": both controllers will fight over them'],
    },
  ],
});

describe('selector-overlap across files (issue 17)', () => {
  const findings = (files: Record<string, string>) => {
    const resources = Object.entries(files).flatMap(([file, yaml]) => parseManifests(yaml, file).resources);
    const out: string[] = [];
    rule.check({ resources, options: {}, settings: {}, report: (f) => out.push(`${f.resource.source.file}: ${f.message}`) });
    return out;
  };

  it('is silent when the same object is written in two files (a copy, not a second controller)', () => {
    const web = deploy('web', '{matchLabels: {app: shop}}', '{app: shop}');
    expect(findings({ 'base/web.yaml': web, 'copy/web.yaml': web })).toEqual([]);
  });

  it('names the other workload\'s file when the two are in different files', () => {
    expect(findings({ 'web.yaml': deploy('web', '{matchLabels: {app: shop}}', '{app: shop, c: web}'), 'api.yaml': deploy('api', '{matchLabels: {app: shop, c: api}}', '{app: shop, c: api}') })).toEqual([
      'web.yaml: the selector also matches the pods of Deployment "api" (api.yaml): both controllers will fight over them',
    ]);
  });
});
