import { stringOf } from '../core/index.js';
import type { RuleContext, RuleDocs } from './types.js';
import { containersOf, isMap } from './workloads.js';
import { podTemplates } from './resource-index.js';

export const meta: RuleDocs = {
  id: 'run-as-root',
  severity: 'warning',
  // Root in a container is one kernel or runtime flaw from root on the node.
  securitySeverity: 6.5,
  description: 'A container explicitly set to run as root (runAsUser: 0 or runAsNonRoot: false)',
  docs: 'Running as root makes any escape from the container far worse. Only explicit settings are reported: an image\'s own default user cannot be seen in a manifest.',
  perResource: true,
  examples: { bad: 'securityContext: {runAsUser: 0}', good: 'securityContext: {runAsNonRoot: true, runAsUser: 10001}' },
};

export function check(ctx: RuleContext): void {
  for (const t of podTemplates(ctx.resources)) {
    const pod = isMap(t.spec.securityContext) ? t.spec.securityContext : {};
    for (const { container, pointer } of containersOf(t)) {
      const sc = isMap(container.securityContext) ? container.securityContext : {};
      const user = sc.runAsUser ?? pod.runAsUser;
      const nonRoot = sc.runAsNonRoot ?? pod.runAsNonRoot;
      if (user === 0) {
        const where = sc.runAsUser !== undefined ? `${pointer}/securityContext/runAsUser` : `${t.specPointer}/securityContext/runAsUser`;
        ctx.report({ resource: t.resource, pointer: where, message: `container "${stringOf(container.name)}" runs as root (runAsUser 0)` });
      } else if (nonRoot === false) {
        const where = sc.runAsNonRoot !== undefined ? `${pointer}/securityContext/runAsNonRoot` : `${t.specPointer}/securityContext/runAsNonRoot`;
        ctx.report({ resource: t.resource, pointer: where, message: `container "${stringOf(container.name)}" may run as root (runAsNonRoot false)` });
      }
    }
  }
}
