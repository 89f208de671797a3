/**
 * Defaults of batch/v1 Job and CronJob (pkg/apis/batch/v1/defaults.go), and their pod template's
 * as pkg/apis/batch/v1/zz_generated.defaults.go calls them. A CronJob's jobTemplate is a JobSpec,
 * not a Job: it gets no SetDefaults_Job (the controller's Job does, when it is created), only
 * the defaults of the types inside it (pod failure policy patterns, the pod template).
 */
import { ownValue, setOwn } from '../../core/index.js';
import { child, defaultPointer, defaultString, isEmpty, items, type Fields } from './fields.js';
import { templateSpec } from './core.js';

/** math.MaxInt32: no overall backoff limit when each index has its own. */
const MAX_INT32 = 2147483647;

/** SetDefaults_Job. */
function defaultJob(o: Fields): void {
  const spec = child(o, 'spec', true);
  if (!spec) return;
  if (ownValue(spec, 'completions') === undefined && ownValue(spec, 'parallelism') === undefined) setOwn(spec, 'completions', 1);
  defaultPointer(spec, 'parallelism', 1);
  defaultPointer(spec, 'backoffLimit', ownValue(spec, 'backoffLimitPerIndex') !== undefined ? MAX_INT32 : 6);
  const template = child(spec, 'template');
  const labels = template && child(child(template, 'metadata') ?? {}, 'labels');
  const metadata = child(o, 'metadata', true);
  if (labels && metadata && isEmpty(ownValue(metadata, 'labels'))) setOwn(metadata, 'labels', { ...labels });
  defaultPointer(spec, 'completionMode', 'NonIndexed');
  defaultPointer(spec, 'suspend', false);
  // JobPodReplacementPolicy: on by default since 1.29, GA in 1.34.
  defaultPointer(spec, 'podReplacementPolicy', ownValue(spec, 'podFailurePolicy') !== undefined ? 'Failed' : 'TerminatingOrFailed');
  defaultPointer(spec, 'manualSelector', false);
  defaultJobSpecTypes(spec);
}

/** The defaults of the types inside a JobSpec: SetDefaults_PodFailurePolicyOnPodConditionsPattern, then the pod template. */
function defaultJobSpecTypes(spec: Fields): void {
  for (const rule of items(child(spec, 'podFailurePolicy') ?? {}, 'rules')) {
    for (const pattern of items(rule, 'onPodConditions')) defaultString(pattern, 'status', 'True');
  }
  templateSpec(child(spec, 'template'));
}

/** SetDefaults_CronJob. */
function defaultCronJob(o: Fields): void {
  const spec = child(o, 'spec', true);
  if (!spec) return;
  defaultString(spec, 'concurrencyPolicy', 'Allow');
  defaultPointer(spec, 'suspend', false);
  defaultPointer(spec, 'successfulJobsHistoryLimit', 3);
  defaultPointer(spec, 'failedJobsHistoryLimit', 1);
  const jobSpec = child(child(spec, 'jobTemplate') ?? {}, 'spec');
  if (jobSpec) defaultJobSpecTypes(jobSpec);
}

export const batchDefaulters: Record<string, (o: Fields) => void> = { Job: defaultJob, CronJob: defaultCronJob };
