import type { RuleMeta } from '../core/index.js';

/** Every finding the render stage reports. */
export const renderProblems = {
  'kustomize-build': {
    severity: 'error',
    description: 'The kustomization cannot be built',
    docs: 'kustomize would refuse to build this overlay: a missing or unsafe file, a cycle, a duplicate resource, a patch that applies to nothing, an unsupported field. The message says what and where, in kustomize\'s words.',
  },
  'unmatched-patch': {
    severity: 'warning',
    description: "A patch's target selects no resource",
    docs: "kustomize applies a patch whose `target` (kind, name, namespace, label or annotation selector) matches nothing to nothing, and says nothing (kustomize issues #4379, #5093, #5811): a typo or a renamed resource ships the overlay without its change. Reported by check and lint at the patch entry in the kustomization; `render` stays silent, as kustomize does. When one field of the target alone keeps it from a resource (a misspelt name, group `apps` on a Service), the message names the field and its value there, and the quick fix sets it.",
  },
} as const satisfies Record<string, Omit<RuleMeta, 'id'>>;

export const renderProblemMetas: RuleMeta[] = Object.entries(renderProblems).map(([id, meta]) => ({ id, ...meta }));
