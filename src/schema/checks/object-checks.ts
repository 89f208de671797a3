/** Checks of a whole object that depend on its kind: its name, its namespace, its selector. */
import type { Resource } from '../../core/index.js';
import { invalid, unsupported } from '../field-error.js';
import type { CheckContext } from './context.js';
import { checkDataSize } from './data-size.js';
import { isObject } from './field-checks.js';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isPathSegmentName } from './names.js';

const RBAC = 'rbac.authorization.k8s.io/';

/** How the API server validates metadata.name, by kind (pkg/apis/*\/validation). */
function nameRule(apiVersion: string, kind: string): (v: string) => string[] {
  if (apiVersion === 'v1' && kind === 'Namespace') return isDNS1123Label;
  if (apiVersion === 'v1' && kind === 'Service') return isDNS1035Label;
  if (apiVersion.startsWith(RBAC) && ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'].includes(kind)) return isPathSegmentName;
  return isDNS1123Subdomain;
}

const WORKLOAD_SELECTOR_KINDS: Record<string, string> = {
  'apps/v1/Deployment': 'deployment',
  'apps/v1/ReplicaSet': 'replicaset',
  'apps/v1/StatefulSet': 'statefulset',
  'apps/v1/DaemonSet': 'daemonset',
};

/** Controllers accept only the restart policies they can honour (apps and batch validation). */
const RESTART_POLICIES: Record<string, { template: string[]; allowed: string[] }> = {
  'apps/v1/Deployment': { template: ['spec', 'template'], allowed: ['Always'] },
  'apps/v1/ReplicaSet': { template: ['spec', 'template'], allowed: ['Always'] },
  'apps/v1/StatefulSet': { template: ['spec', 'template'], allowed: ['Always'] },
  'apps/v1/DaemonSet': { template: ['spec', 'template'], allowed: ['Always'] },
  'v1/ReplicationController': { template: ['spec', 'template'], allowed: ['Always'] },
  'batch/v1/Job': { template: ['spec', 'template'], allowed: ['OnFailure', 'Never'] },
  'batch/v1/CronJob': { template: ['spec', 'jobTemplate', 'spec', 'template'], allowed: ['OnFailure', 'Never'] },
};

function checkRestartPolicy(resource: Resource, ctx: CheckContext): void {
  const rule = RESTART_POLICIES[`${resource.id.apiVersion}/${resource.id.kind}`];
  if (!rule) return;
  let node: unknown = resource.object;
  for (const key of [...rule.template, 'spec']) node = isObject(node) ? node[key] : undefined;
  const policy = isObject(node) ? node.restartPolicy : undefined;
  if (typeof policy !== 'string' || policy === '' || rule.allowed.includes(policy)) return;
  // Values outside every restart policy are the schema's "Unsupported value" already.
  if (!['Always', 'OnFailure', 'Never'].includes(policy)) return;
  const pointer = '/' + [...rule.template, 'spec', 'restartPolicy'].join('/');
  ctx.report({ ruleId: 'unsupported-value', message: unsupported(resource, pointer, policy, rule.allowed), pointer, at: 'value' });
}

export function runObjectChecks(resource: Resource, ctx: CheckContext): void {
  const { apiVersion, kind } = resource.id;
  const metadata = isObject(resource.object.metadata) ? resource.object.metadata : {};
  if (typeof metadata.name === 'string' && metadata.name !== '') {
    for (const detail of nameRule(apiVersion, kind)(metadata.name)) {
      ctx.report({ ruleId: 'invalid-name', message: invalid(resource, '/metadata/name', metadata.name, detail), pointer: '/metadata/name', at: 'value' });
    }
  }
  if (typeof metadata.namespace === 'string' && metadata.namespace !== '') {
    for (const detail of isDNS1123Label(metadata.namespace)) {
      ctx.report({ ruleId: 'invalid-name', message: invalid(resource, '/metadata/namespace', metadata.namespace, detail), pointer: '/metadata/namespace', at: 'value' });
    }
  }

  const workload = WORKLOAD_SELECTOR_KINDS[`${apiVersion}/${kind}`];
  const spec = isObject(resource.object.spec) ? resource.object.spec : undefined;
  if (workload && spec && isObject(spec.selector)) {
    const { matchLabels, matchExpressions } = spec.selector;
    const empty = (!isObject(matchLabels) || Object.keys(matchLabels).length === 0) && (!Array.isArray(matchExpressions) || matchExpressions.length === 0);
    if (empty) ctx.report({ ruleId: 'invalid-selector', message: invalid(resource, '/spec/selector', spec.selector, `empty selector is invalid for ${workload}`), pointer: '/spec/selector', at: 'value' });
  }

  checkRestartPolicy(resource, ctx);
  checkDataSize(resource, ctx);

  if (apiVersion.startsWith('apiextensions.k8s.io/') && kind === 'CustomResourceDefinition' && spec && isObject(spec.names)) {
    const expected = `${String(spec.names.plural)}.${String(spec.group)}`;
    if (typeof metadata.name === 'string' && metadata.name !== expected) {
      ctx.report({ ruleId: 'invalid-crd', message: invalid(resource, '/metadata/name', metadata.name, `must be spec.names.plural+"."+spec.group`), pointer: '/metadata/name', at: 'value' });
    }
  }
}
