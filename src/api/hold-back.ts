/**
 * `-q` prints errors only, yet every finding of a lint run was placed (its document re-parsed for a line and column)
 * and sorted: on a 10k-document corpus, 14,623 findings placed to print 519. A finding that nothing after the stages
 * can change needs no position when it is not printed: not an error, in a plain file (a kustomize render may
 * report it twice, and dedupe compares positions) with no suppression comment, about a resource with no
 * `kubeproof.dev/ignore` annotation, in a run with no config (whose severities may turn it into an error). Those are
 * held back from the sort and the suppressions and returned after the rest, their positions placed only if read.
 */
import { redactDiagnostics, unplacedResource, type Diagnostic } from '../core/index.js';
import { LoadedSource } from '../load/index.js';
import { ignoreAnnotationOf, resourceKey } from '../suppress/index.js';
import { disabledChecks, type RunOutput } from './apply-config.js';
import type { ValidateOptions } from './validate.js';

export function holdBack(diagnostics: Diagnostic[], options: ValidateOptions, run: RunOutput): { held: Diagnostic[]; rest: Diagnostic[] } {
  if (!options.onlyErrorsShown || options.config) return { held: [], rest: diagnostics };
  // An annotation suppresses findings about every resource of its id (suppress/annotation.ts).
  const annotated = new Set<string>();
  for (const r of run.resources) if (ignoreAnnotationOf(r) !== undefined) annotated.add(resourceKey(r.id));
  const held: Diagnostic[] = [];
  const rest: Diagnostic[] = [];
  for (const d of diagnostics) {
    const resource = d.severity === 'error' ? undefined : unplacedResource(d);
    const source = resource?.source;
    const untouchable =
      source instanceof LoadedSource &&
      !options.buffers?.has(source.file) &&
      run.texts?.get(source.file)?.directives === false &&
      !annotated.has(resourceKey(resource!.id));
    (untouchable ? held : rest).push(d);
  }
  return { held, rest };
}

/** What afterRun does to a finding no suppression nor config touches: --disable, and Secrets masked. */
export function finishHeld(held: Diagnostic[], options: ValidateOptions, run: RunOutput): Diagnostic[] {
  if (held.length === 0) return held;
  const disabled = disabledChecks(options);
  return redactDiagnostics(disabled.size ? held.filter((d) => !disabled.has(d.ruleId)) : held, run.resources);
}
