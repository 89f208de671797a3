import * as rule from '../../src/rules/read-only-root-filesystem.js';
import { ruleTester } from './tester.js';

const pod = (sc: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: busybox:1\n${sc}`;

ruleTester(rule, {
  valid: [{ name: 'read-only', yaml: pod('    securityContext: {readOnlyRootFilesystem: true}\n') }],
  invalid: [
    // A missing field is reported where it would be added in the securityContext, or at the container's name when it has none.
    { name: 'no securityContext at all', yaml: pod(''), findings: ['6:11 container "c" has a writable root filesystem (readOnlyRootFilesystem is not set); set securityContext.readOnlyRootFilesystem: true'] },
    { name: 'securityContext without the field', yaml: pod('    securityContext: {runAsNonRoot: true}\n'), findings: ['8:5 container "c" has a writable root filesystem (readOnlyRootFilesystem is not set); set securityContext.readOnlyRootFilesystem: true'] },
    { name: 'explicitly false', yaml: pod('    securityContext: {readOnlyRootFilesystem: false}\n'), findings: ['8:47 container "c" has a writable root filesystem (readOnlyRootFilesystem is false); set securityContext.readOnlyRootFilesystem: true'] },
    {
      name: 'init containers of a Deployment too',
      yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: a}}\n  template:\n    metadata: {labels: {app: a}}\n    spec:\n      initContainers:\n      - {name: init, image: busybox:1}\n      containers:\n      - {name: app, image: busybox:1, securityContext: {readOnlyRootFilesystem: true}}\n',
      findings: ['10:16 init container "init" has a writable root filesystem (readOnlyRootFilesystem is not set); set securityContext.readOnlyRootFilesystem: true'],
    },
  ],
});
