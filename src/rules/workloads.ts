/** Where pod templates live in each workload kind, and what a rule needs from them. */
import { isMap, stringOf, type Resource } from '../core/index.js';
import type { Labels } from './selectors.js';

export interface PodTemplate {
  resource: Resource;
  /** Pointer of the pod spec (`/spec/template/spec`, `/spec` for a Pod...). */
  specPointer: string;
  /** Pointer of the template's labels map. */
  labelsPointer: string;
  labels: Labels;
  spec: Record<string, unknown>;
  namespace: string;
}

const TEMPLATE_PATHS: Record<string, string[]> = {
  Deployment: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  PodTemplate: ['template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

export { isMap };

export function namespaceOf(r: Resource): string {
  return r.id.namespace ?? 'default';
}

export function podTemplate(r: Resource): PodTemplate | undefined {
  if (r.id.kind === 'Pod') {
    const metadata = isMap(r.object.metadata) ? r.object.metadata : {};
    const spec = isMap(r.object.spec) ? r.object.spec : undefined;
    if (!spec) return undefined;
    return { resource: r, specPointer: '/spec', labelsPointer: '/metadata/labels', labels: stringLabels(metadata.labels), spec, namespace: namespaceOf(r) };
  }
  const path = Object.hasOwn(TEMPLATE_PATHS, r.id.kind) ? TEMPLATE_PATHS[r.id.kind] : undefined; // not `constructor`, `toString`...
  if (!path) return undefined;
  let node: unknown = r.object;
  for (const key of path) node = isMap(node) ? node[key] : undefined;
  if (!isMap(node) || !isMap(node.spec)) return undefined;
  const metadata = isMap(node.metadata) ? node.metadata : {};
  const base = '/' + path.join('/');
  return { resource: r, specPointer: `${base}/spec`, labelsPointer: `${base}/metadata/labels`, labels: stringLabels(metadata.labels), spec: node.spec, namespace: namespaceOf(r) };
}


export interface ContainerRef {
  container: Record<string, unknown>;
  pointer: string;
}

/** Containers and init containers of a pod spec, with their pointers. */
export function containersOf(t: PodTemplate): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const field of ['initContainers', 'containers']) {
    const list = t.spec[field];
    if (Array.isArray(list)) list.forEach((c, i) => isMap(c) && out.push({ container: c, pointer: `${t.specPointer}/${field}/${i}` }));
  }
  return out;
}

function stringLabels(v: unknown): Labels {
  if (!isMap(v)) return {};
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, stringOf(x)]));
}
