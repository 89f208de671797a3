import * as rule from '../../src/rules/automount-service-account-token.js';
import { ruleTester } from './tester.js';

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec:\n${spec}  containers: [{name: c, image: busybox:1}]\n`;
const account = (name: string, namespace: string, automount: string) => `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: ${name}, namespace: ${namespace}}\nautomountServiceAccountToken: ${automount}\n---\n`;

ruleTester(rule, {
  valid: [
    { name: 'the pod says false', yaml: pod('  automountServiceAccountToken: false\n') },
    { name: 'its ServiceAccount says false', yaml: account('api', 'shop', 'false') + pod('  serviceAccountName: api\n') },
    { name: 'the default ServiceAccount says false', yaml: account('default', 'shop', 'false') + pod('') },
  ],
  invalid: [
    { name: 'nothing said: reported where the field goes', yaml: pod(''), findings: ['4:1 pod gets an API token mounted (neither the pod nor ServiceAccount "default" sets automountServiceAccountToken: false); set automountServiceAccountToken: false unless it calls the API'] },
    {
      name: 'the pod\'s true wins over its ServiceAccount\'s false',
      yaml: account('api', 'shop', 'false') + pod('  serviceAccountName: api\n  automountServiceAccountToken: true\n'),
      findings: ['11:33 pod gets an API token mounted (automountServiceAccountToken is true); set automountServiceAccountToken: false unless it calls the API'],
    },
    {
      name: 'a ServiceAccount of the same name in another namespace does not count',
      yaml: account('api', 'other', 'false') + pod('  serviceAccountName: api\n'),
      findings: ['9:1 pod gets an API token mounted (neither the pod nor ServiceAccount "api" sets automountServiceAccountToken: false); set automountServiceAccountToken: false unless it calls the API'],
    },
  ],
});
