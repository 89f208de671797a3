/**
 * A build error: kustomize stops at the first one, and so does a build here. It carries where
 * in which kustomization file the offending entry is, so the report can point at it.
 */
import type { SourceSpan } from '../core/index.js';

export class BuildError extends Error {
  constructor(
    message: string,
    /** The kustomization file (or other file) to blame, absolute. */
    readonly file?: string,
    /** JSON pointer of the offending entry in that file. */
    readonly pointer = '',
    /** `kustomize-build` for what kustomize itself refuses; `file-too-large` for an entry naming a file over --max-file-size, kubeproof's own limit. */
    readonly ruleId: 'kustomize-build' | 'file-too-large' = 'kustomize-build',
    /** Where in `file` to point, when it is not a kustomization file (a resource's field). */
    readonly span?: SourceSpan,
  ) {
    super(message);
    this.name = 'BuildError';
  }
}

/**
 * A kustomization file that cannot be parsed (undecodable, a YAML error, refused aliases, not a
 * mapping). Its position is the start of the file: the report must not parse it again to look for
 * one, which doubled the cost of refusing a large file (a 480 kB alias bomb: 1.2 s of CPU).
 */
export class UnparsableKustomizationError extends BuildError {}
