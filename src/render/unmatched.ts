/**
 * `unmatched-patch`: a patch entry whose target selects no resource. kustomize applies it to
 * nothing and says nothing (kustomize issues #4379, #5093, #5811), so a typo in a target's
 * kind or name, or a label selector that no longer matches, ships an overlay without its
 * change. Reported by check and lint at the entry that names the patch; render stays silent,
 * as its output must be kustomize's.
 */
import type { Diagnostic } from '../core/index.js';
import { displayPath } from '../load/index.js';
import { parseKustomizationFile } from './kustomization.js';
import { renderProblems } from './problems.js';
import type { UnmatchedPatch } from './transformers/patches.js';

const TARGET_KEYS = ['group', 'version', 'kind', 'name', 'namespace', 'labelSelector', 'annotationSelector'] as const;

export function unmatchedPatchFindings(unmatched: readonly UnmatchedPatch[], cwd: string): Diagnostic[] {
  return unmatched.map(({ file, pointer, target }) => {
    let span = { line: 1, column: 1, endLine: 1, endColumn: 1 };
    let written = pointer;
    try {
      const parsed = parseKustomizationFile(file);
      span = parsed.locate(pointer).value;
      written = parsed.written(pointer); // the entry's keys as the user wrote them (`Patches`)
    } catch {
      // the file built a moment ago; if it cannot be read again, the start of it will do
    }
    const selector = TARGET_KEYS.filter((key) => typeof target[key] === 'string' && target[key] !== '').map((key) => `${key}: ${target[key]}`).join(', ');
    const message = `the patch's target {${selector}} selects no resource: kustomize skips the patch without a word, so this overlay ships without its change`;
    return { ruleId: 'unmatched-patch', severity: renderProblems['unmatched-patch'].severity, message, file: displayPath(file, cwd), ...span, path: written };
  });
}
