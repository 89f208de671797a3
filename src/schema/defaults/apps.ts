/**
 * Defaults of the apps/v1 workloads (pkg/apis/apps/v1/defaults.go), then their pod template's, as
 * pkg/apis/apps/v1/zz_generated.defaults.go SetObjectDefaults_<Kind> calls them; a StatefulSet's
 * volumeClaimTemplates get a PersistentVolumeClaim's.
 */
import { ownValue } from '../../core/index.js';
import { child, defaultPointer, defaultString, items, type Fields } from './fields.js';
import { defaultClaim, templateSpec } from './core.js';

/** A Deployment's or DaemonSet's strategy: RollingUpdate, whose rollingUpdate gets its maxUnavailable and maxSurge. */
function rollingUpdateStrategy(spec: Fields, key: string, maxUnavailable: string | number, maxSurge: string | number): void {
  const strategy = child(spec, key, true);
  if (!strategy) return;
  defaultString(strategy, 'type', 'RollingUpdate');
  const rollingUpdate = ownValue(strategy, 'type') === 'RollingUpdate' ? child(strategy, 'rollingUpdate', true) : undefined;
  if (!rollingUpdate) return;
  defaultPointer(rollingUpdate, 'maxUnavailable', maxUnavailable);
  defaultPointer(rollingUpdate, 'maxSurge', maxSurge);
}

/** SetDefaults_Deployment. */
function defaultDeployment(o: Fields): void {
  const spec = child(o, 'spec', true);
  if (!spec) return;
  defaultPointer(spec, 'replicas', 1);
  rollingUpdateStrategy(spec, 'strategy', '25%', '25%');
  defaultPointer(spec, 'revisionHistoryLimit', 10);
  defaultPointer(spec, 'progressDeadlineSeconds', 600);
  templateSpec(child(spec, 'template'));
}

/** SetDefaults_DaemonSet. */
function defaultDaemonSet(o: Fields): void {
  const spec = child(o, 'spec', true);
  if (!spec) return;
  rollingUpdateStrategy(spec, 'updateStrategy', 1, 0);
  defaultPointer(spec, 'revisionHistoryLimit', 10);
  templateSpec(child(spec, 'template'));
}

/**
 * SetDefaults_StatefulSet: a RollingUpdate strategy gets a partition only when the type was
 * defaulted too, or its rollingUpdate was written; the claim retention policy (StatefulSetAutoDeletePVC, GA).
 */
function defaultStatefulSet(o: Fields): void {
  const spec = child(o, 'spec', true);
  if (!spec) return;
  defaultString(spec, 'podManagementPolicy', 'OrderedReady');
  const strategy = child(spec, 'updateStrategy', true);
  if (strategy) {
    const type = ownValue(strategy, 'type');
    if (type === undefined || type === '') {
      strategy.type = 'RollingUpdate';
      child(strategy, 'rollingUpdate', true);
    }
    const rollingUpdate = child(strategy, 'rollingUpdate');
    if (ownValue(strategy, 'type') === 'RollingUpdate' && rollingUpdate) defaultPointer(rollingUpdate, 'partition', 0);
  }
  const retention = child(spec, 'persistentVolumeClaimRetentionPolicy', true);
  if (retention) {
    defaultString(retention, 'whenDeleted', 'Retain');
    defaultString(retention, 'whenScaled', 'Retain');
  }
  defaultPointer(spec, 'replicas', 1);
  defaultPointer(spec, 'revisionHistoryLimit', 10);
  templateSpec(child(spec, 'template'));
  for (const claim of items(spec, 'volumeClaimTemplates')) defaultClaim(claim);
}

/** SetDefaults_ReplicaSet. */
function defaultReplicaSet(o: Fields): void {
  const spec = child(o, 'spec', true);
  if (!spec) return;
  defaultPointer(spec, 'replicas', 1);
  templateSpec(child(spec, 'template'));
}

export const appsDefaulters: Record<string, (o: Fields) => void> = {
  Deployment: defaultDeployment,
  DaemonSet: defaultDaemonSet,
  StatefulSet: defaultStatefulSet,
  ReplicaSet: defaultReplicaSet,
};
