/** The `namespace:` transformer: every namespaced object moves; Namespaces are renamed; bindings' default subjects follow. */
import type { Origin, RenderResource } from '../resource.js';
import { isMap } from '../fieldspec.js';

/** kyaml's table of cluster-scoped types: everything else counts as namespaced. */
const CLUSTER_SCOPED = new Set([
  ...['v1', 'v1beta1'].flatMap((v) => [
    `admissionregistration.k8s.io/${v}/MutatingWebhookConfiguration`, `admissionregistration.k8s.io/${v}/ValidatingWebhookConfiguration`,
    `apiextensions.k8s.io/${v}/CustomResourceDefinition`, `apiregistration.k8s.io/${v}/APIService`, `certificates.k8s.io/${v}/CertificateSigningRequest`,
    `networking.k8s.io/${v}/IngressClass`, `node.k8s.io/${v}/RuntimeClass`, `rbac.authorization.k8s.io/${v}/ClusterRole`,
    `rbac.authorization.k8s.io/${v}/ClusterRoleBinding`, `scheduling.k8s.io/${v}/PriorityClass`, `storage.k8s.io/${v}/CSIDriver`,
    `storage.k8s.io/${v}/CSINode`, `storage.k8s.io/${v}/StorageClass`, `storage.k8s.io/${v}/VolumeAttachment`,
  ]),
  'flowcontrol.apiserver.k8s.io/v1beta1/FlowSchema', 'flowcontrol.apiserver.k8s.io/v1beta1/PriorityLevelConfiguration', 'policy/v1beta1/PodSecurityPolicy',
  'v1/ComponentStatus', 'v1/Namespace', 'v1/Node', 'v1/NodeProxyOptions', 'v1/PersistentVolume',
]);

export function isClusterScoped(r: RenderResource): boolean {
  return CLUSTER_SCOPED.has(`${r.apiVersion}/${r.kind}`);
}

export function setNamespace(resources: RenderResource[], namespace: string, origin: Origin): void {
  for (const r of resources) {
    if (r.apiVersion === 'v1' && r.kind === 'Namespace') {
      if (r.name !== namespace) rename(r, namespace, r.namespace);
      r.metadata.name = namespace;
      r.setOrigin('/metadata/name', origin);
      continue;
    }
    if (isClusterScoped(r)) {
      setConversionWebhookNamespace(r, namespace);
      continue;
    }
    // Recorded even when the namespace does not change: kustomize's name references then give a
    // RoleBinding subject without a namespace the account's (kubeflow's istio gateways).
    r.previousIds.push(r.namespace === undefined ? { name: r.name } : { name: r.name, namespace: r.namespace });
    r.metadata.namespace = namespace;
    r.setOrigin('/metadata/namespace', origin);
    if (r.kind === 'RoleBinding' || r.kind === 'ClusterRoleBinding') {
      const subjects = r.object.subjects;
      if (Array.isArray(subjects)) {
        subjects.forEach((s, i) => {
          if (isMap(s) && s.name === 'default') {
            s.namespace = namespace;
            r.setOrigin(`/subjects/${i}/namespace`, origin);
          }
        });
      }
    }
    if (r.group === 'apiregistration.k8s.io' && r.kind === 'APIService') {
      const spec = (r.object.spec ??= {}) as Record<string, unknown>;
      const service = (spec.service ??= {}) as Record<string, unknown>;
      service.namespace = namespace;
    }
  }
}

/**
 * kustomize's namespace field specs (api/konfig/builtinpluginconsts/namespace.go) include a
 * CRD's spec/conversion/webhook/clientConfig/service/namespace without `create`: set where
 * present, never added; the service's name is not a name reference, so prefixes leave it.
 */
function setConversionWebhookNamespace(r: RenderResource, namespace: string): void {
  if (r.group !== 'apiextensions.k8s.io' || r.kind !== 'CustomResourceDefinition') return;
  const service = dig(r.object, ['spec', 'conversion', 'webhook', 'clientConfig', 'service']);
  if (service && service.namespace !== undefined) service.namespace = namespace;
}

function dig(o: unknown, keys: string[]): Record<string, unknown> | undefined {
  let node = o;
  for (const key of keys) node = isMap(node) ? node[key] : undefined;
  return isMap(node) ? node : undefined;
}

function rename(r: RenderResource, name: string, namespace: string | undefined): void {
  r.previousIds.push(namespace === undefined ? { name: r.name } : { name: r.name, namespace });
  void name;
}
