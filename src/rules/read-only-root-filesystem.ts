import type { RuleContext, RuleDocs } from './types.js';
import { containersOf } from './workloads.js';
import { podTemplates } from './resource-index.js';
import { containerLabel, securityContextOf } from './security-context.js';

export const meta: RuleDocs = {
  id: 'read-only-root-filesystem',
  severity: 'info',
  // A writable root filesystem lets an intruder drop tools and rewrite the image's binaries; it opens no hole by itself.
  securitySeverity: 3.5,
  description: 'A container whose root filesystem is writable (readOnlyRootFilesystem is not true)',
  docs: [
    'With `readOnlyRootFilesystem: true` whoever gets into the container cannot install tools, replace the image\'s binaries or leave files behind for the next restart. Give the paths the program really writes (`/tmp`, a cache) an `emptyDir` volume.',
    '',
    'Peers: kube-linter\'s `no-read-only-root-fs` and kube-score\'s `container-security-context-readonlyrootfilesystem` both run by default, so this rule is on too; it reports at **info**, since a writable filesystem is a missing hardening rather than a setting that opens the node. Init containers are reported as well: they run the same image code with the same rights.',
  ].join('\n'),
  examples: { bad: 'containers:\n- name: app\n  image: app:1.2', good: 'containers:\n- name: app\n  image: app:1.2\n  securityContext: {readOnlyRootFilesystem: true}\n  volumeMounts: [{name: tmp, mountPath: /tmp}]' },
};

export function check(ctx: RuleContext): void {
  for (const t of podTemplates(ctx.resources)) {
    for (const { container, pointer } of containersOf(t)) {
      const value = securityContextOf(container).readOnlyRootFilesystem;
      if (value === true) continue;
      const said = value === undefined ? 'readOnlyRootFilesystem is not set' : `readOnlyRootFilesystem is ${JSON.stringify(value)}`;
      ctx.report({ resource: t.resource, pointer: `${pointer}/securityContext/readOnlyRootFilesystem`, message: `${containerLabel(container, pointer)} has a writable root filesystem (${said}); set securityContext.readOnlyRootFilesystem: true` });
    }
  }
}
