import * as rule from '../../src/rules/missing-secret.js';
import { ruleTester } from './tester.js';

const deploy = (spec: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      containers:\n      - name: c\n        image: busybox:1\n${spec}`;

ruleTester(rule, {
  valid: [
    { name: 'a present Secret in the default namespace', yaml: deploy('        envFrom: [{secretRef: {name: creds}}]\n') + '---\napiVersion: v1\nkind: Secret\nmetadata: {name: creds}\n' },
    { name: "a cert-manager Certificate's secretName", yaml: deploy('      volumes: [{name: s, secret: {secretName: webhook-certs}}]\n') + '---\napiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: c}\nspec: {secretName: webhook-certs, issuerRef: {name: i}}\n' },
    { name: 'a SealedSecret', yaml: deploy('        envFrom: [{secretRef: {name: db}}]\n') + '---\napiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata: {name: db}\nspec: {encryptedData: {p: AgB}}\n' },
    { name: "an ExternalSecret's target, and a SecretProviderClass's secretObjects", yaml: deploy('        envFrom: [{secretRef: {name: from-vault}}, {secretRef: {name: es}}, {secretRef: {name: csi-synced}}]\n') + '---\napiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata: {name: x}\nspec: {target: {name: from-vault}}\n---\napiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata: {name: es}\nspec: {}\n---\napiVersion: secrets-store.csi.x-k8s.io/v1\nkind: SecretProviderClass\nmetadata: {name: p}\nspec: {provider: vault, secretObjects: [{secretName: csi-synced, type: Opaque}]}\n' },
    { name: 'an optional volume', yaml: deploy('      volumes: [{name: s, secret: {secretName: tls, optional: true}}]\n') },
  ],
  invalid: [
    { name: "a Certificate in another namespace, an ExternalSecret that creates nothing, a SealedSecret's template name (the Secret takes the SealedSecret's)", yaml: deploy('        envFrom: [{secretRef: {name: tls}}, {secretRef: {name: none}}, {secretRef: {name: api-token}}]\n') + '---\napiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: c, namespace: other}\nspec: {secretName: tls}\n---\napiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata: {name: none}\nspec: {target: {creationPolicy: None}}\n---\napiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata: {name: sealed}\nspec: {template: {metadata: {name: api-token}}}\n', findings: ['12:38 Secret "tls" not found in namespace "default"', '12:64 Secret "none" not found in namespace "default"', '12:91 Secret "api-token" not found in namespace "default"'] },
    { name: 'missing env, volume and pull secret', yaml: deploy('        env: [{name: P, valueFrom: {secretKeyRef: {name: db, key: p}}}]\n      volumes: [{name: s, secret: {secretName: tls}}]\n      imagePullSecrets: [{name: registry}]\n'), findings: ['12:58 Secret "db" not found in namespace "default"', '13:48 Secret "tls" not found in namespace "default"', '14:33 Secret "registry" not found in namespace "default"'] },
  ],
});
