/** The ids suppressions report under, declared once so docs, SARIF `rules[]` and `kubeproof rules` can list them. */
import type { RuleMeta } from '../core/index.js';

export const UNUSED_SUPPRESSION = 'unused-suppression';
export const INVALID_SUPPRESSION = 'invalid-suppression';

/** A RuleMeta with the same `examples` a rule's docs carry (structurally a RuleDocs without `rejectedByApiServer`). */
export interface SuppressionMeta extends RuleMeta {
  examples: { bad: string; good: string };
}

export const unusedSuppressionMeta: SuppressionMeta = {
  id: UNUSED_SUPPRESSION,
  severity: 'warning',
  description: 'A suppression comment or annotation suppresses nothing',
  docs: [
    'Findings can be suppressed where they occur, after ESLint\'s directive comments:',
    '',
    '- `# kubeproof-ignore-next-line rule-a, rule-b -- reason` suppresses those rules\' findings on the next line that is neither blank nor only a comment;',
    '- `# kubeproof-ignore-file rule-a -- reason`, anywhere in a file, suppresses them in the whole file;',
    '- the annotation `kubeproof.dev/ignore: "rule-a,rule-b # reason"` suppresses them for that resource, wherever its findings point (a base, a patch).',
    '',
    'Rule ids are separated by commas and/or spaces. With no rule ids (or `*`) every finding is suppressed. A reason follows ` -- ` or ` # `.',
    'Suppressions reach only the files and resources of a run; they cannot suppress `unused-suppression` or `invalid-suppression` themselves.',
    '',
    'A suppression that suppresses nothing is reported, so that stale ones do not pile up and hide future problems:',
    'remove it, or the rule ids in it that no longer fire. Suppressions of rules that did not run (disabled, or not run by `kubeproof validate`) are not reported.',
    'A suppression made redundant by a broader one (a next-line comment under a file-wide one) is reported as well.',
  ].join('\n'),
  examples: {
    bad: '# kubeproof-ignore-next-line latest-tag -- pinned by the deploy job\nimage: nginx:1.27.0\n',
    good: 'image: nginx:1.27.0\n',
  },
};

export const invalidSuppressionMeta: SuppressionMeta = {
  id: INVALID_SUPPRESSION,
  severity: 'warning',
  description: 'A suppression names an unknown rule or is not a known directive',
  docs: [
    'A suppression that cannot work: a comment starting with `kubeproof-ignore` that is neither `kubeproof-ignore-next-line` nor `kubeproof-ignore-file`,',
    'a rule id that no stage of kubeproof reports (usually a typo), or `unused-suppression`/`invalid-suppression` themselves,',
    'which are turned off with a severity setting instead. Fix the rule id or the directive name.',
  ].join('\n'),
  examples: {
    bad: '# kubeproof-ignore-next-line latest-tags\nimage: nginx:latest\n',
    good: '# kubeproof-ignore-next-line latest-tag\nimage: nginx:latest\n',
  },
};

/** Both, sorted by id. */
export const suppressionMetas: readonly SuppressionMeta[] = [invalidSuppressionMeta, unusedSuppressionMeta];

/** Findings about suppressions are never themselves suppressed: no loops, no surprises. */
export function isSuppressionFinding(ruleId: string): boolean {
  return ruleId === UNUSED_SUPPRESSION || ruleId === INVALID_SUPPRESSION;
}
