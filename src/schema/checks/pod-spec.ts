/**
 * What the API server checks across a pod spec's containers, beyond the schema: every container
 * needs an image (pkg/apis/core/validation, validateContainerCommon: templates too), a port
 * name is unique within its container (validateContainerPorts), and a port repeated across the
 * pod's containers is accepted with a warning (pkg/api/pod/warnings.go,
 * warningsForPodSpecAndMeta), not refused.
 */
import { duplicate, fieldPath, required } from '../field-error.js';
import type { CheckContext } from './context.js';
import { isObject } from './field-checks.js';

/** In the order pods.VisitContainersWithPath visits them. */
const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

interface Port {
  pointer: string;
  hostIP: string;
  hostPort: number;
}

export function checkPodSpec(spec: Record<string, unknown>, pointer: string, ctx: CheckContext): void {
  const seen = new Map<string, Port[]>();
  for (const list of CONTAINER_LISTS) {
    const containers = spec[list];
    if (!Array.isArray(containers)) continue;
    containers.forEach((container, i) => {
      if (!isObject(container)) return;
      const at = `${pointer}/${list}/${i}`;
      if (container.image === undefined || container.image === '') {
        // Where the key is missing the finding sits on the container; an empty one, on its value.
        const image = `${at}/image`;
        ctx.report({ ruleId: 'required-field', message: required(image), pointer: image, at: container.image === '' ? 'value' : 'key' });
      }
      if (Array.isArray(container.ports)) checkPorts(container.ports, `${at}/ports`, seen, ctx);
    });
  }
}

function checkPorts(ports: unknown[], pointer: string, seen: Map<string, Port[]>, ctx: CheckContext): void {
  const names = new Set<string>();
  ports.forEach((port, i) => {
    if (!isObject(port)) return;
    const at = `${pointer}/${i}`;
    if (typeof port.name === 'string' && port.name !== '') {
      if (names.has(port.name)) ctx.report({ ruleId: 'duplicate-value', message: duplicate(ctx.resource, `${at}/name`, port.name), pointer: `${at}/name`, at: 'value' });
      names.add(port.name);
    }
    const hostIP = typeof port.hostIP === 'string' ? port.hostIP : '';
    const hostPort = typeof port.hostPort === 'number' ? port.hostPort : 0;
    const protocol = typeof port.protocol === 'string' ? port.protocol : 'TCP'; // the API server's default
    if (hostIP !== '' && hostPort === 0) warn(ctx, at, `hostIP set without hostPort: ${goPort(port, protocol)}`);
    if (typeof port.containerPort !== 'number') return;
    const key = `${port.containerPort}/${protocol}`;
    const others = seen.get(key) ?? [];
    for (const other of others) {
      const with_ = fieldPath(other.pointer);
      if (hostIP === other.hostIP && hostPort === other.hostPort) warn(ctx, at, `duplicate port definition with ${with_}`);
      else if (hostPort === 0 || other.hostPort === 0) warn(ctx, at, `overlapping port definition with ${with_}`);
      else if (hostPort === other.hostPort && (hostIP === '') !== (other.hostIP === '')) warn(ctx, at, `dangerously ambiguous port definition with ${with_}`);
    }
    seen.set(key, [...others, { pointer: at, hostIP, hostPort }]);
  });
}

function warn(ctx: CheckContext, pointer: string, detail: string): void {
  ctx.report({ ruleId: 'api-warning', severity: 'warning', message: `${fieldPath(pointer)}: ${detail}`, pointer, at: 'value' });
}

/** A ContainerPort as Go's %+v prints the struct (field order of k8s.io/api/core/v1 ContainerPort). */
function goPort(port: Record<string, unknown>, protocol: string): string {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  return `{Name:${text(port.name)} HostPort:${num(port.hostPort)} ContainerPort:${num(port.containerPort)} Protocol:${protocol} HostIP:${text(port.hostIP)}}`;
}

/** Lists whose repeated keys the API server does not refuse (it may warn): see checkPodSpec. */
export function isContainerPorts(pointer: string): boolean {
  return /\/(?:initContainers|containers|ephemeralContainers)\/\d+\/ports$/.test(pointer);
}
