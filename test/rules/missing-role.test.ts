import * as rule from '../../src/rules/missing-role.js';
import { ruleTester } from './tester.js';

const binding = (kind: string, name: string) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: b, namespace: ns}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ${kind}, name: ${name}}\nsubjects: [{kind: ServiceAccount, name: app}]\n`;

ruleTester(rule, {
  valid: [
    { name: 'a built-in ClusterRole', yaml: binding('ClusterRole', 'view') },
    { name: 'a bootstrap Role in kube-system (an aggregated API server reads its authentication config)', yaml: binding('Role', 'extension-apiserver-authentication-reader').replace('namespace: ns', 'namespace: kube-system') },
    { name: 'a bootstrap leader-locking Role in kube-system', yaml: binding('Role', 'system::leader-locking-kube-scheduler').replace('namespace: ns', 'namespace: kube-system') },
    { name: 'a declared Role in the namespace', yaml: binding('Role', 'reader') + '---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: reader, namespace: ns}\nrules: []\n' },
  ],
  invalid: [
    { name: 'a bootstrap Role name outside the namespace that has it', yaml: binding('Role', 'extension-apiserver-authentication-reader'), findings: ['4:66 Role "extension-apiserver-authentication-reader" not found in namespace "ns"'] },
    { name: 'a missing Role', yaml: binding('Role', 'reader'), findings: ['4:66 Role "reader" not found in namespace "ns"'] },
    { name: 'a Role in another namespace', yaml: binding('Role', 'reader') + '---\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: reader, namespace: other}\nrules: []\n', findings: ['4:66 Role "reader" not found in namespace "ns"'] },
  ],
});
