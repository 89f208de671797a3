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
  return unmatched.map(({ file, pointer, target, nearMiss }) => {
    let span = { line: 1, column: 1, endLine: 1, endColumn: 1 };
    let kustomization: ReturnType<typeof parseKustomizationFile> | undefined;
    let written = pointer;
    try {
      kustomization = parseKustomizationFile(file);
      span = kustomization.locate(pointer).value;
      written = kustomization.written(pointer); // the entry's keys as the user wrote them (`Patches`)
    } catch {
      // the file built a moment ago; if it cannot be read again, the start of it will do
    }
    const selector = TARGET_KEYS.filter((key) => typeof target[key] === 'string' && target[key] !== '').map((key) => `${key}: ${target[key]}`).join(', ');
    let message = `the patch's target {${selector}} selects no resource: kustomize skips the patch without a word, so this overlay ships without its change`;
    const shown = displayPath(file, cwd);
    const diagnostic: Diagnostic = { ruleId: 'unmatched-patch', severity: renderProblems['unmatched-patch'].severity, message, file: shown, ...span, path: written };
    if (nearMiss) {
      const { field, values, resources } = nearMiss;
      const quoted = values.map((v) => JSON.stringify(v)).join(' or ');
      const who = resources.length > 3 ? `${resources.slice(0, 3).join(', ')} and ${resources.length - 3} more` : resources.join(', ');
      diagnostic.message = message += `; ${who} ${resources.length === 1 ? 'matches' : 'match'} it but for ${field}, which is ${quoted}${field === 'group' && values.includes('') ? ' (the core group)' : ''}`;
      // One value: the edit that makes the patch apply, at the target's field as written.
      const at = kustomization?.locate(`${pointer}/target/${field}`);
      if (values.length === 1 && at?.exact) diagnostic.suggestion = { title: `Change ${field} to ${JSON.stringify(values[0])}`, edits: [{ file: shown, ...at.value, newText: yamlScalar(values[0]!) }] };
    }
    return diagnostic;
  });
}

/** A string as a YAML value: bare where YAML reads it back as that string, else double-quoted. */
function yamlScalar(value: string): string {
  return /^[A-Za-z][A-Za-z0-9._/-]*$/.test(value) && !/^(?:true|false|null|yes|no|on|off|y|n)$/i.test(value) ? value : JSON.stringify(value);
}
