import type { RuleContext, RuleDocs } from './types.js';
import { containersOf } from './workloads.js';
import { podTemplates } from './resource-index.js';
import { containerLabel, securityContextOf, securityContextPointer } from './security-context.js';

export const meta: RuleDocs = {
  id: 'read-only-root-filesystem',
  severity: 'info',
  // A writable root filesystem lets an intruder drop tools and rewrite the image's binaries; it opens no hole by itself.
  securitySeverity: 3.5,
  defaultOff: true,
  description: 'A container whose root filesystem is writable (readOnlyRootFilesystem is not true)',
  docs: [
    'With `readOnlyRootFilesystem: true` whoever gets into the container cannot install tools, replace the image\'s binaries or leave files behind for the next restart. Give the paths the program really writes (`/tmp`, a cache) an `emptyDir` volume.',
    '',
    'Peers: kube-linter\'s `no-read-only-root-fs` and kube-score\'s `container-security-context-readonlyrootfilesystem` both run by default. kubeproof leaves this rule **off** by default all the same, a deliberate difference: it fires on every container that does not opt in, which is nearly every container in the wild (this repository\'s own example among them), and public CI scripts routinely switch kube-score\'s check off for that reason; a finding on every container teaches people to skip the output, and the warnings that matter with it. Turn it on (at **info**, or raise it) once a team\'s images are ready for it. Init containers are reported as well: they run image code with the same rights.',
  ].join('\n'),
  perResource: true,
  examples: { bad: 'containers:\n- name: app\n  image: app:1.2', good: 'containers:\n- name: app\n  image: app:1.2\n  securityContext: {readOnlyRootFilesystem: true}\n  volumeMounts: [{name: tmp, mountPath: /tmp}]' },
};

export function check(ctx: RuleContext): void {
  for (const t of podTemplates(ctx.resources)) {
    for (const { container, pointer } of containersOf(t)) {
      const value = securityContextOf(container).readOnlyRootFilesystem;
      if (value === true) continue;
      const said = value === undefined ? 'readOnlyRootFilesystem is not set' : `readOnlyRootFilesystem is ${JSON.stringify(value)}`;
      ctx.report({ resource: t.resource, pointer: securityContextPointer(container, pointer, 'readOnlyRootFilesystem'), message: `${containerLabel(container, pointer)} has a writable root filesystem (${said}); set securityContext.readOnlyRootFilesystem: true` });
    }
  }
}
