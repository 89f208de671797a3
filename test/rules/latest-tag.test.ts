import * as rule from '../../src/rules/latest-tag.js';
import { ruleTester } from './tester.js';

const pod = (image: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: ${image}\n`;

ruleTester(rule, {
  valid: [
    { name: 'a version tag', yaml: pod('nginx:1.27.3') },
    { name: 'a digest', yaml: pod('nginx@sha256:abc') },
    { name: 'a registry port and a tag', yaml: pod('my.reg:5000/app:v2') },
  ],
  invalid: [
    { name: 'no tag', yaml: pod('nginx'), findings: ['7:12 image "nginx" has no tag, so it means latest; pin a version'] },
    { name: 'latest', yaml: pod('nginx:latest'), findings: ['7:12 image "nginx:latest" uses the latest tag; pin a version'] },
    { name: 'a registry port but no tag', yaml: pod('my.reg:5000/app'), findings: ['7:12 image "my.reg:5000/app" has no tag, so it means latest; pin a version'] },
  ],
});
