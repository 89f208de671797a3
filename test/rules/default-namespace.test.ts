import * as rule from '../../src/rules/default-namespace.js';
import { ruleTester } from './tester.js';

const service = (metadata: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n${metadata}spec:\n  ports: [{port: 80}]\n`;
const namespaceObject = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n';

ruleTester(rule, {
  valid: [
    { name: 'a namespace of its own', yaml: service('  namespace: shop\n') },
    { name: 'no namespace: applied wherever it is told', yaml: service('') },
    { name: 'a cluster-scoped object with unset on', yaml: namespaceObject, settings: { unset: true } },
  ],
  invalid: [
    { name: 'explicitly default', yaml: service('  namespace: default\n'), findings: ['5:14 Service "s" is in the default namespace; put it in a namespace of its own'] },
    { name: 'no namespace, with unset on: reported at metadata', yaml: service(''), settings: { unset: true }, findings: ['3:1 Service "s" sets no namespace and lands wherever it is applied, the default namespace unless told otherwise; set metadata.namespace'] },
  ],
});
