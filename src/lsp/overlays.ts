/**
 * Checks of kustomization builds: one top-level kustomization (an overlay) rendered with the
 * editor's buffers, then validated and linted as `kubeproof check` does. Each build remembers
 * the files it read, so that it is redone only when one of them changed, and so that the
 * server knows which builds a file is part of.
 */
import * as path from 'node:path';
import type { ValidateOptions } from '../api/validate.js';
import type { Diagnostic, Resource } from '../core/index.js';
import { render } from '../render/index.js';
import { runRules } from '../rules/index.js';
import { NO_POLICY_FILES, runPolicies } from '../api/policies.js';
import { validateSchemas } from '../schema/index.js';
import { type CrdPaths, crdsDefining } from './crd-paths.js';
import { optionsKey } from './options.js';
import type { Sources } from './sources.js';

export interface BuildCheck {
  /** The kustomization directory built. */
  root: string;
  /** Every file the build read, with its stamp then. */
  reads: Map<string, string>;
  /** Whether kustomize would have refused the build (a `kustomize-build` finding). */
  failed: boolean;
  /** The findings of the build, each with the absolute path of the file it is about. */
  diagnostics: Diagnostic[];
  /** The rendered resources (their kubeproof.dev/ignore annotations suppress findings). */
  resources: Resource[];
  optionsKey: string;
}

export class Overlays {
  private readonly checks = new Map<string, BuildCheck>();

  constructor(
    private readonly sources: Sources,
    private readonly crdPaths: CrdPaths,
  ) {}

  /** The check of `root`'s build: the remembered one while nothing it read (its CRDs from outside among it) has changed. */
  check(root: string, options: ValidateOptions): BuildCheck {
    const external = this.crdPaths.of(options.crdPaths, options);
    const key = `${optionsKey(options)}#${external.generation}`;
    const cached = this.checks.get(root);
    // A failed build is never reused: what it failed on may be a file that did not exist, which it never read.
    if (cached && !cached.failed && cached.optionsKey === key && [...cached.reads].every(([file, stamp]) => this.sources.stamp(file) === stamp)) return cached;

    const reads = new Map<string, string>();
    const readFile = (file: string) => {
      const { bytes, stamp } = this.sources.readStamped(file);
      reads.set(file, stamp);
      return bytes;
    };
    // Findings name files relative to this directory; resolving them against it gives the absolute paths back.
    const cwd = root;
    const rendered = render(root, { cwd, kubernetesVersion: options.kubernetesVersion, readFile, maxFileSize: options.maxFileSize, yaml: false });
    const crds = crdsDefining(rendered.resources, external.crds);
    const diagnostics = [
      ...rendered.diagnostics,
      ...rendered.findings,
      ...validateSchemas(rendered.resources, { ...options, crds, jsonSchemas: external.jsonSchemas }),
      ...(options.rules === false ? [] : runRules(rendered.resources, options)),
      ...runPolicies(rendered.resources, NO_POLICY_FILES, crds, options, options.rules !== false),
    ].map((d) => ({ ...d, file: path.resolve(cwd, d.file), ...(d.suggestion && { suggestion: { ...d.suggestion, edits: d.suggestion.edits.map((e) => ({ ...e, file: path.resolve(cwd, e.file) })) } }) }));
    const check: BuildCheck = { root, reads, failed: rendered.diagnostics.length > 0, diagnostics, resources: rendered.resources, optionsKey: key };
    this.checks.set(root, check);
    return check;
  }

  /** The remembered builds that read `file` last time they ran. */
  rootsThatRead(file: string): string[] {
    return [...this.checks.values()].filter((c) => c.reads.has(file)).map((c) => c.root);
  }
}
