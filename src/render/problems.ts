import type { RuleMeta } from '../core/index.js';

/** Every finding the render stage reports. */
export const renderProblems = {
  'kustomize-build': {
    severity: 'error',
    description: 'The kustomization cannot be built',
    docs: 'kustomize would refuse to build this overlay: a missing or unsafe file, a cycle, a duplicate resource, a patch that applies to nothing, an unsupported field. The message says what and where, in kustomize\'s words.',
  },
} as const satisfies Record<string, Omit<RuleMeta, 'id'>>;

export const renderProblemMetas: RuleMeta[] = Object.entries(renderProblems).map(([id, meta]) => ({ id, ...meta }));
