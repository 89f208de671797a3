/** Scenario helpers: workloads and nodes as YAML in, placements and messages out. */
import { expect } from 'vitest';
import { parseManifests } from '../../src/load/index.js';
import { buildInventory, scheduleWorkloads, type CapacityOptions, type ScheduleResult } from '../../src/schedule/index.js';

export function schedule(workloads: string, nodes: string, options: CapacityOptions = {}): ScheduleResult {
  const inventory = buildInventory(parseManifests(nodes, 'nodes.yaml').resources);
  expect(inventory.diagnostics).toEqual([]);
  return scheduleWorkloads(parseManifests(workloads, 'app.yaml').resources, inventory.nodes, options);
}

/** pod name -> node name (or the FitError message when pending). */
export function placements(result: ScheduleResult): Record<string, string> {
  return Object.fromEntries(result.report.pods.map((p) => [p.name, p.node ?? `PENDING: ${p.message}`]));
}

export function node(name: string, allocatable: string, extra: { labels?: Record<string, string>; taints?: string; unschedulable?: boolean } = {}): string {
  const labels = Object.entries({ 'kubernetes.io/hostname': name, ...extra.labels }).map(([k, v]) => `    ${k}: "${v}"`).join('\n');
  return `apiVersion: v1
kind: Node
metadata:
  name: ${name}
  labels:
${labels}
spec:
  unschedulable: ${extra.unschedulable === true}
${extra.taints ? `  taints: ${extra.taints}\n` : ''}status:
  allocatable: ${allocatable}
---
`;
}

export function pool(name: string, count: number, allocatable: string, extra = ''): string {
  return `apiVersion: kubeproof.dev/v1alpha1
kind: NodePool
metadata: {name: ${name}}
spec:
  count: ${count}
  allocatable: ${allocatable}
${extra}---
`;
}

/** Each line of `yaml` indented by `by` spaces. */
function indent(yaml: string, by: number): string {
  return yaml
    .split('\n')
    .map((l) => `${' '.repeat(by)}${l}`)
    .join('\n');
}

/** A bare Pod (spec.nodeName in `podSpec` binds it without scheduling). */
export function pod(name: string, podSpec: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n${indent(podSpec, 2)}\n---\n`;
}

export function deployment(name: string, replicas: number, podSpec: string, labels = `{app: ${name}}`, namespace = 'default'): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: ${labels}}
  template:
    metadata: {labels: ${labels}}
    spec:
${indent(podSpec, 6)}
---
`;
}

export const container = (requests: string, extra = '') => `containers:\n- name: c\n  image: app:1\n  resources: {requests: ${requests}}${extra ? `\n${extra}` : ''}`;

export const priorityClass = (name: string, value: number, extra = '') => `apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: ${name}}
value: ${value}
${extra}---
`;
